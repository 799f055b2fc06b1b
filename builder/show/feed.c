/* feed: the show's podcast feed (RSS 2.0 with iTunes and Podcasting 2.0 tags) and web page, from the episode sidecars. */
#include "feed.h"

#include "episode.h"
#include "fetch.h"
#include "log.h"
#include "outfile.h"
#include "util.h"

#include <dirent.h>
#include <stdbool.h>
#include <errno.h>
#include <libxml/xmlwriter.h>
#include <nettle/sha1.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef NEWSCAST_VERSION
#define NEWSCAST_VERSION "0.1"
#endif

/* Apple's limit for an episode's description. */
#define FEED_MAX_DESCRIPTION 4000

char *feed_guid(const char *url)
{
	static const unsigned char ns[16] = { 0xea, 0xd4, 0xc2, 0x36, 0xbf, 0x58, 0x58, 0xc6,
					      0xa2, 0xc6, 0xa6, 0xb2, 0x8d, 0x12, 0x8c, 0xb6 };
	struct sha1_ctx ctx;
	unsigned char d[SHA1_DIGEST_SIZE];
	const char *p = strstr(url, "://");
	size_t n;

	p = p ? p + 3 : url;
	n = strlen(p);
	while (n && p[n - 1] == '/')
		n--;
	sha1_init(&ctx);
	sha1_update(&ctx, sizeof ns, ns);
	sha1_update(&ctx, n, (const uint8_t *)p);
	sha1_digest(&ctx, sizeof d, d);
	d[6] = (unsigned char)((d[6] & 0x0f) | 0x50);
	d[8] = (unsigned char)((d[8] & 0x3f) | 0x80);
	return xasprintf("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", d[0], d[1], d[2], d[3],
			 d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15]);
}

void feed_rfc2822(const char *rfc3339, char *buf, size_t size)
{
	struct tm tm = { 0 };
	const char *end = rfc3339 ? strptime(rfc3339, "%Y-%m-%dT%H:%M:%S", &tm) : NULL;

	buf[0] = '\0';
	if (!end)
		return;
	/* C locale names, as RFC 2822 wants, whatever the user's locale */
	{
		static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
		static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
						      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
		time_t t = timegm(&tm);

		gmtime_r(&t, &tm);
		snprintf(buf, size, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
			 months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	}
}

char *feed_truncate(const char *text, size_t max)
{
	size_t n = strlen(text);

	if (n <= max)
		return xstrdup(text);
	n = max - 3;	/* room for "…" */
	while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
		n--;
	return xasprintf("%.*s…", (int)n, text);
}

/* Percent-encodes what may not stand in a URL path ("/" kept). */
static char *feed_url_path(const char *s)
{
	struct strbuf sb;

	strbuf_init(&sb);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			strbuf_addc(&sb, (char)*p);
		else
			strbuf_addf(&sb, "%%%02X", *p);
	}
	return strbuf_detach(&sb);
}

char *feed_url(const struct show *show, const char *path)
{
	const char *base = show->base_url ? show->base_url : "";
	char *enc = feed_url_path(path), *url;
	size_t n = strlen(base);

	url = xasprintf("%s%s%s", base, n && base[n - 1] == '/' ? "" : "/", enc);
	free(enc);
	return url;
}

/* ---- the episodes ---- */

static int feed_item_newest_first(const void *a, const void *b)
{
	const struct feed_item *x = a, *y = b;
	int c = strcmp(y->ep.date ? y->ep.date : "", x->ep.date ? x->ep.date : "");

	/* episodes of one time: the higher number is the newer */
	if (!c)
		c = (y->ep.number > x->ep.number) - (y->ep.number < x->ep.number);
	return c ? c : strcmp(y->ep.slug, x->ep.slug);
}

int feed_read_episodes(const char *dir, struct feed_item **items, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t cap = 0;

	*items = NULL;
	*n = 0;
	if (!d && errno == ENOENT)	/* a show never built: no episodes, an empty feed */
		return 0;
	if (!d) {
		log_error("cannot read '%s': %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d))) {
		char *path, *audio;
		struct feed_item it = { 0 };
		struct stat st;
		bool kept;

		if (de->d_name[0] == '.' || !util_ends_with(de->d_name, ".json") ||
		    util_ends_with(de->d_name, ".chapters.json"))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		episode_init(&it.ep);
		kept = false;
		if (episode_read(&it.ep, path) == 0) {
			audio = xasprintf("%s/%s.mp3", dir, it.ep.slug);
			/* never point at a file that is not there */
			if (stat(audio, &st) == 0 && S_ISREG(st.st_mode)) {
				it.bytes = (uint64_t)st.st_size;
				util_grow((void **)items, &cap, *n + 1, sizeof **items);
				(*items)[(*n)++] = it;	/* the list owns the episode now */
				kept = true;
			} else {
				log_warn("'%s' is left out of the feed: its audio '%s' is missing", path, audio);
			}
			free(audio);
		}
		if (!kept)
			episode_release(&it.ep);
		free(path);
	}
	closedir(d);
	if (*n)
		qsort(*items, *n, sizeof **items, feed_item_newest_first);
	/* the number given at build time; position only for sidecars from before numbers were kept */
	for (size_t i = 0; i < *n; i++)
		(*items)[i].number = (*items)[i].ep.number > 0 ? (*items)[i].ep.number : (int)(*n - i);
	return 0;
}

void feed_items_free(struct feed_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		episode_release(&items[i].ep);
	free(items);
}

size_t feed_listed(const struct show *show, size_t n)
{
	return show->keep > 0 && (size_t)show->keep < n ? (size_t)show->keep : n;
}

/* An article's own web page, when it is one a listener can open: http or https only,
 * since a feed we read could name javascript: or anything else. */
static const char *feed_article_link(const struct episode_article *a)
{
	return a->link && fetch_is_url(a->link) ? a->link : NULL;
}

/* The episode's description as HTML: each article's headline and first paragraph,
 * the paragraphs shortened evenly until it all fits Apple's limit. */
static char *feed_html_description(const struct episode *ep)
{
	struct strbuf sb;
	size_t budget = FEED_MAX_DESCRIPTION;

	strbuf_init(&sb);
	for (int round = 0; round < 12; round++) {
		strbuf_reset(&sb);
		for (size_t i = 0; i < ep->n_articles; i++) {
			const char *head = ep->articles[i].headline ? ep->articles[i].headline : "";
			char *sum = feed_truncate(ep->articles[i].summary ? ep->articles[i].summary : "", budget);
			xmlChar *h = xmlEncodeSpecialChars(NULL, BAD_CAST head);
			xmlChar *s = xmlEncodeSpecialChars(NULL, BAD_CAST sum);
			const char *link = feed_article_link(&ep->articles[i]);

			if (link) {
				/* the headline links to the article itself */
				xmlChar *l = xmlEncodeSpecialChars(NULL, BAD_CAST link);

				strbuf_addf(&sb, "<p><strong><a href=\"%s\">%s</a></strong></p>", (const char *)l,
					    (const char *)h);
				xmlFree(l);
			} else {
				strbuf_addf(&sb, "<p><strong>%s</strong></p>", (const char *)h);
			}
			if (*sum)
				strbuf_addf(&sb, "<p>%s</p>", (const char *)s);
			xmlFree(h);
			xmlFree(s);
			free(sum);
		}
		if (!ep->n_articles && ep->description) {
			xmlChar *d = xmlEncodeSpecialChars(NULL, BAD_CAST ep->description);

			strbuf_addf(&sb, "<p>%s</p>", (const char *)d);
			xmlFree(d);
		}
		if (sb.len <= FEED_MAX_DESCRIPTION)
			return strbuf_detach(&sb);
		/* each paragraph gets an even share of what is left, less each round */
		budget = sb.len > FEED_MAX_DESCRIPTION && ep->n_articles ?
				 (FEED_MAX_DESCRIPTION / (ep->n_articles ? ep->n_articles : 1)) * 3 / (unsigned)(4 + round) :
				 budget / 2;
		if (budget < 8)
			budget = 0;
	}
	/* headlines alone still too long: plain, escaped text cut to fit */
	{
		char *plain = feed_truncate(ep->description ? ep->description : "", FEED_MAX_DESCRIPTION / 6);
		xmlChar *d = xmlEncodeSpecialChars(NULL, BAD_CAST plain);
		char *out = xstrdup((const char *)d);

		xmlFree(d);
		free(plain);
		strbuf_release(&sb);
		return out;
	}
}

#define W(call)                   \
	do {                      \
		if ((call) < 0)   \
			goto out; \
	} while (0)

static int feed_write_text(xmlTextWriterPtr w, const char *name, const char *text)
{
	return xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST(text ? text : ""));
}

static int feed_write_rss(const struct show *show, const struct feed_item *items, size_t n, const char *cover,
			  const char *guid, const char *path)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	char *self = feed_url(show, "feed.xml"), *cover_url = cover ? feed_url(show, cover) : NULL;
	char now[64], when[64], dur[32], num[32], len[32];
	time_t t = time(NULL);
	struct tm tm;
	struct outfile of;
	int ret = -1;

	if (!w) {
		log_error("cannot write '%s': out of memory", path);
		goto out;
	}
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	feed_rfc2822(now, when, sizeof when);
	xmlTextWriterSetIndent(w, 1);
	W(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
	W(xmlTextWriterStartElement(w, BAD_CAST "rss"));
	W(xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "2.0"));
	W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:itunes", BAD_CAST "http://www.itunes.com/dtds/podcast-1.0.dtd"));
	W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:podcast", BAD_CAST "https://podcastindex.org/namespace/1.0"));
	W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:atom", BAD_CAST "http://www.w3.org/2005/Atom"));
	W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:content", BAD_CAST "http://purl.org/rss/1.0/modules/content/"));
	W(xmlTextWriterStartElement(w, BAD_CAST "channel"));
	W(feed_write_text(w, "title", show->title));
	W(feed_write_text(w, "link", show->link ? show->link : show->base_url));
	W(feed_write_text(w, "description", show->description ? show->description : show->title));
	W(feed_write_text(w, "language", show->language));
	if (show->copyright)
		W(feed_write_text(w, "copyright", show->copyright));
	W(feed_write_text(w, "lastBuildDate", when));
	W(feed_write_text(w, "generator", "newscast " NEWSCAST_VERSION));
	W(xmlTextWriterStartElement(w, BAD_CAST "atom:link"));
	W(xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST self));
	W(xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST "self"));
	W(xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "application/rss+xml"));
	W(xmlTextWriterEndElement(w));
	W(feed_write_text(w, "itunes:author", show->author ? show->author : show->title));
	W(xmlTextWriterStartElement(w, BAD_CAST "itunes:owner"));
	W(feed_write_text(w, "itunes:name", show->owner_name ? show->owner_name : show->author));
	W(feed_write_text(w, "itunes:email", show->owner_email));
	W(xmlTextWriterEndElement(w));
	if (cover_url) {
		W(xmlTextWriterStartElement(w, BAD_CAST "itunes:image"));
		W(xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST cover_url));
		W(xmlTextWriterEndElement(w));
	}
	if (show->category) {
		/* "News/Daily News": a category and its subcategory */
		char *cat = xstrdup(show->category), *sub = strchr(cat, '/');

		if (sub)
			*sub++ = '\0';
		W(xmlTextWriterStartElement(w, BAD_CAST "itunes:category"));
		W(xmlTextWriterWriteAttribute(w, BAD_CAST "text", BAD_CAST util_trim(cat)));
		if (sub) {
			W(xmlTextWriterStartElement(w, BAD_CAST "itunes:category"));
			W(xmlTextWriterWriteAttribute(w, BAD_CAST "text", BAD_CAST util_trim(sub)));
			W(xmlTextWriterEndElement(w));
		}
		W(xmlTextWriterEndElement(w));
		free(cat);
	}
	W(feed_write_text(w, "itunes:explicit", show->explicit_content ? "true" : "false"));
	W(feed_write_text(w, "itunes:type", "episodic"));
	W(feed_write_text(w, "podcast:guid", guid));
	W(xmlTextWriterStartElement(w, BAD_CAST "podcast:locked"));
	if (show->owner_email)
		W(xmlTextWriterWriteAttribute(w, BAD_CAST "owner", BAD_CAST show->owner_email));
	W(xmlTextWriterWriteString(w, BAD_CAST(show->locked ? "yes" : "no")));
	W(xmlTextWriterEndElement(w));

	for (size_t i = 0; i < n; i++) {
		const struct episode *ep = &items[i].ep;
		char *desc = feed_html_description(ep), *audio = xasprintf("episodes/%s.mp3", ep->slug);
		char *files[3] = { xasprintf("episodes/%s.vtt", ep->slug), xasprintf("episodes/%s.srt", ep->slug),
				   xasprintf("episodes/%s.chapters.json", ep->slug) };
		char *audio_url = feed_url(show, audio), *page = feed_url(show, "index.html");
		char *page_url = xasprintf("%s#ep-%s", page, ep->slug);
		int bad = 0;

		feed_rfc2822(ep->date, when, sizeof when);
		snprintf(dur, sizeof dur, "%.0f", ep->duration);
		snprintf(num, sizeof num, "%d", items[i].number);
		snprintf(len, sizeof len, "%llu", (unsigned long long)items[i].bytes);
		bad |= xmlTextWriterStartElement(w, BAD_CAST "item") < 0;
		bad |= feed_write_text(w, "title", ep->title) < 0;
		bad |= xmlTextWriterStartElement(w, BAD_CAST "description") < 0;
		bad |= xmlTextWriterWriteCDATA(w, BAD_CAST desc) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
		/* an episode of one article links to the article; others to their place on the show's page */
		bad |= feed_write_text(w, "link", show->mode == SHOW_ARTICLE && ep->n_articles == 1 &&
							  feed_article_link(&ep->articles[0]) ?
							  feed_article_link(&ep->articles[0]) : page_url) < 0;
		bad |= xmlTextWriterStartElement(w, BAD_CAST "guid") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "isPermaLink", BAD_CAST "false") < 0;
		bad |= xmlTextWriterWriteString(w, BAD_CAST ep->guid) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
		bad |= feed_write_text(w, "pubDate", when) < 0;
		bad |= xmlTextWriterStartElement(w, BAD_CAST "enclosure") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "url", BAD_CAST audio_url) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "length", BAD_CAST len) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "audio/mpeg") < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
		bad |= feed_write_text(w, "itunes:duration", dur) < 0;
		bad |= feed_write_text(w, "itunes:episode", num) < 0;
		bad |= feed_write_text(w, "itunes:explicit", show->explicit_content ? "true" : "false") < 0;
		if (cover_url) {
			bad |= xmlTextWriterStartElement(w, BAD_CAST "itunes:image") < 0;
			bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST cover_url) < 0;
			bad |= xmlTextWriterEndElement(w) < 0;
		}
		{
			static const char *const types[3] = { "text/vtt", "application/x-subrip", "application/json+chapters" };

			for (int k = 0; k < 3; k++) {
				char *local = xasprintf("%s/public/%s", show->dir, files[k]), *u;
				bool there = access(local, R_OK) == 0;

				free(local);
				/* the feed never points at a missing file */
				if (!there)
					continue;
				u = feed_url(show, files[k]);

				bad |= xmlTextWriterStartElement(w, BAD_CAST(k < 2 ? "podcast:transcript" : "podcast:chapters")) < 0;
				bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "url", BAD_CAST u) < 0;
				bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST types[k]) < 0;
				if (k == 0)
					bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST "captions") < 0;
				bad |= xmlTextWriterEndElement(w) < 0;
				free(u);
			}
		}
		bad |= xmlTextWriterEndElement(w) < 0;
		for (int k = 0; k < 3; k++)
			free(files[k]);
		free(desc);
		free(audio);
		free(audio_url);
		free(page);
		free(page_url);
		if (bad)
			goto out;
	}
	W(xmlTextWriterEndDocument(w));
	xmlFreeTextWriter(w);
	w = NULL;
	if (outfile_open(&of, path) < 0)
		goto out;
	fwrite(xmlBufferContent(buf), 1, (size_t)xmlBufferLength(buf), of.fp);
	ret = outfile_commit(&of);
out:
	if (ret < 0 && w)
		log_error("cannot write '%s': the XML writer failed", path);
	if (w)
		xmlFreeTextWriter(w);
	if (buf)
		xmlBufferFree(buf);
	free(self);
	free(cover_url);
	return ret;
}

/* ---- the web page ---- */

static void feed_html(FILE *fp, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		default:
			fputc(*s, fp);
		}
	}
}

static const char feed_page_style[] =
	"body{font-family:system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;line-height:1.5;"
	"color:#1b1b1b;background:#fff}header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}"
	"header img{width:8rem;height:8rem;border-radius:.5rem}h1{margin:.2rem 0}article{border-top:1px solid #ccc;"
	"padding:1rem 0}audio{width:100%}ol.chapters{padding-left:1.2rem}a{color:#0b57d0}"
	"button.seek{font:inherit;border:0;background:none;color:#0b57d0;text-decoration:underline;cursor:pointer;"
	"padding:0}time{color:#555}@media(prefers-color-scheme:dark){body{background:#121212;color:#eee}"
	"a,button.seek{color:#8ab4f8}time{color:#aaa}}";

/* Chapters seek the player with a few lines of script; without it they are plain text with their times. */
static const char feed_page_script[] =
	"document.querySelectorAll('button.seek').forEach(function(b){b.hidden=false;"
	"b.previousElementSibling.hidden=true;"
	"b.addEventListener('click',function(){var a=document.getElementById(b.dataset.player);"
	"a.currentTime=parseFloat(b.dataset.t);a.play();});});";

static int feed_write_page(const struct show *show, const struct feed_item *items, size_t n, const char *cover,
			   const char *path)
{
	struct outfile of;

	if (outfile_open(&of, path) < 0)
		return -1;
	fputs("<!DOCTYPE html>\n<html lang=\"", of.fp);
	feed_html(of.fp, show->language);
	fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", of.fp);
	feed_html(of.fp, show->title);
	fputs("</title>\n<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\">\n", of.fp);
	/* an icon, so that browsers do not ask the server's root for one */
	fputs("<link rel=\"icon\" href=\"", of.fp);
	feed_html(of.fp, cover ? cover : "data:,");
	fputs("\">\n<style>", of.fp);
	fputs(feed_page_style, of.fp);
	fputs("</style>\n</head>\n<body>\n<header>\n", of.fp);
	if (cover) {
		fputs("<img src=\"", of.fp);
		feed_html(of.fp, cover);
		fputs("\" alt=\"Cover of ", of.fp);
		feed_html(of.fp, show->title);
		fputs("\">\n", of.fp);
	}
	fputs("<div>\n<h1>", of.fp);
	feed_html(of.fp, show->title);
	fputs("</h1>\n<p>", of.fp);
	feed_html(of.fp, show->description);
	fputs("</p>\n<p><a href=\"feed.xml\">Subscribe: the podcast feed</a></p>\n</div>\n</header>\n<main>\n", of.fp);
	for (size_t i = 0; i < n; i++) {
		const struct episode *ep = &items[i].ep;
		char day[16];

		snprintf(day, sizeof day, "%.10s", ep->date ? ep->date : "");
		fprintf(of.fp, "<article id=\"ep-%s\">\n<h2 id=\"title-%s\">", ep->slug, ep->slug);
		feed_html(of.fp, ep->title);
		fprintf(of.fp, "</h2>\n<p><time datetime=\"%s\">%s</time> · %d:%02d</p>\n", day, day,
			(int)ep->duration / 60, (int)ep->duration % 60);
		/* named after its episode: a screen reader otherwise hears one "audio" after another */
		fprintf(of.fp, "<audio id=\"player-%s\" controls preload=\"none\" src=\"episodes/%s.mp3\" "
			       "aria-labelledby=\"title-%s\"></audio>\n",
			ep->slug, ep->slug, ep->slug);
		if (ep->n_chapters) {
			fputs("<ol class=\"chapters\">\n", of.fp);
			for (size_t k = 0; k < ep->n_chapters; k++) {
				unsigned s = ep->chapters[k].start_ms / 1000;

				/* the time as text; the script puts a button that seeks the player in its place,
				 * named for what it does, not only by its time */
				fprintf(of.fp, "<li><span>%u:%02u</span><button type=\"button\" class=\"seek\" hidden "
					       "data-player=\"player-%s\" data-t=\"%.3f\" aria-label=\"Play from %u:%02u: ",
					s / 60, s % 60, ep->slug, ep->chapters[k].start_ms / 1000.0, s / 60, s % 60);
				feed_html(of.fp, ep->chapters[k].title);
				fprintf(of.fp, "\">%u:%02u</button> ", s / 60, s % 60);
				feed_html(of.fp, ep->chapters[k].title);
				fputs("</li>\n", of.fp);
			}
			fputs("</ol>\n", of.fp);
		}
		for (size_t k = 0; k < ep->n_articles; k++) {
			const char *link = feed_article_link(&ep->articles[k]);

			fputs("<h3>", of.fp);
			if (link) {
				fputs("<a href=\"", of.fp);
				feed_html(of.fp, link);
				fputs("\">", of.fp);
			}
			feed_html(of.fp, ep->articles[k].headline);
			fputs(link ? "</a></h3>\n<p>" : "</h3>\n<p>", of.fp);
			feed_html(of.fp, ep->articles[k].summary);
			fputs("</p>\n", of.fp);
		}
		fprintf(of.fp, "<p><a href=\"episodes/%s.vtt\">Transcript</a> · <a href=\"episodes/%s.mp3\">Download "
			       "(MP3)</a></p>\n</article>\n", ep->slug, ep->slug);
	}
	if (!n)
		fputs("<p>No episodes yet.</p>\n", of.fp);
	fputs("</main>\n<script>", of.fp);
	fputs(feed_page_script, of.fp);
	fputs("</script>\n</body>\n</html>\n", of.fp);
	return outfile_commit(&of);
}

int feed_write(const struct show *show, const struct feed_item *items, size_t n, const char *cover,
	       const char *guid)
{
	char *pub = xasprintf("%s/public", show->dir);
	char *feed = xasprintf("%s/feed.xml", pub), *page = xasprintf("%s/index.html", pub);
	int ret = -1;

	if (!show->base_url)
		log_warn("'%s': [show] has no base_url: the feed's links are relative and podcast apps need them absolute",
			 show->ini);
	if (mkdir(pub, 0777) < 0 && errno != EEXIST) {
		log_error("cannot create '%s': %s", pub, strerror(errno));
		goto out;
	}
	if (feed_write_page(show, items, n, cover, page) == 0 && feed_write_rss(show, items, n, cover, guid, feed) == 0)
		ret = 0;
out:
	free(pub);
	free(feed);
	free(page);
	return ret;
}
