/* show: a show folder and its podcast.ini: what the show is, how episodes are made, voice and audio settings. */
#include "show.h"

#include "encode.h"
#include "log.h"
#include "util.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

void show_init(struct show *show)
{
	memset(show, 0, sizeof *show);
	show->mode = SHOW_DIGEST;
	show->title_pattern = xstrdup("{show} — {date:%A %-d %B %Y}");
	show->intro = xstrdup("This is {show} for {date:%A %-d %B}.");
	show->language = xstrdup("en");
	show->bitrate = 96;
	show->sample_rate = 44100;
	show->loudness = -16.0;
	show->true_peak = -1.0;
	show->feed_timeout = 30;
	show->feed_max_mb = 16;
}

void show_release(struct show *show)
{
	char **fields[] = { &show->dir, &show->ini, &show->title, &show->author, &show->description,
			    &show->language, &show->link, &show->base_url, &show->image, &show->category,
			    &show->owner_name, &show->owner_email, &show->copyright, &show->title_pattern,
			    &show->intro, &show->outro, &show->between, &show->voice, &show->lexicon };

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		free(*fields[i]);
	for (size_t i = 0; i < show->n_feeds; i++)
		free(show->feeds[i]);
	free(show->feeds);
	memset(show, 0, sizeof *show);
}

struct show_parse {
	struct show *show;
	char *error;	/* the first error; ini_parse gives its line */
};

static int show_fail(struct show_parse *p, char *msg)
{
	if (!p->error)
		p->error = msg;
	else
		free(msg);
	return 0;
}

static int show_number(struct show_parse *p, const char *section, const char *key, const char *value, double lo,
		       double hi, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(value, &end);
	if (!*value || *end || errno || !(v >= lo && v <= hi))	/* NaN is in no range */
		return show_fail(p, xasprintf("bad value '%s' for '%s' in [%s] (a number from %g to %g)", value, key,
					      section, lo, hi));
	*out = v;
	return 1;
}

static int show_int(struct show_parse *p, const char *section, const char *key, const char *value, int lo, int hi,
		    int *out)
{
	double v;

	if (!show_number(p, section, key, value, lo, hi, &v))
		return 0;
	if (v != (int)v)
		return show_fail(p, xasprintf("bad value '%s' for '%s' in [%s] (a whole number)", value, key, section));
	*out = (int)v;
	return 1;
}

static void show_set(char **field, const char *value)
{
	free(*field);
	*field = *value ? xstrdup(value) : NULL;
}

static int show_handler(void *user, const char *section, const char *key, const char *value)
{
	struct show_parse *p = user;
	struct show *s = p->show;
	const struct {
		const char *section, *key;
		char **field;
	} strings[] = {
		{ "show", "title", &s->title },		  { "show", "author", &s->author },
		{ "show", "description", &s->description }, { "show", "language", &s->language },
		{ "show", "link", &s->link },		  { "show", "base_url", &s->base_url },
		{ "show", "image", &s->image },		  { "show", "category", &s->category },
		{ "show", "owner_name", &s->owner_name },   { "show", "owner_email", &s->owner_email },
		{ "show", "copyright", &s->copyright },	  { "episode", "title", &s->title_pattern },
		{ "episode", "intro", &s->intro },	  { "episode", "outro", &s->outro },
		{ "episode", "between", &s->between },	  { "voice", "profile", &s->voice },
		{ "voice", "lexicon", &s->lexicon },
	};

	for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
		if (strcmp(section, strings[i].section) == 0 && strcmp(key, strings[i].key) == 0) {
			show_set(strings[i].field, value);
			return 1;
		}
	}
	if (strcmp(section, "show") == 0 && strcmp(key, "explicit") == 0) {
		if (strcmp(value, "true") == 0 || strcmp(value, "yes") == 0)
			s->explicit_content = true;
		else if (strcmp(value, "false") == 0 || strcmp(value, "no") == 0)
			s->explicit_content = false;
		else
			return show_fail(p, xasprintf("bad value '%s' for 'explicit' in [show] (true or false)", value));
		return 1;
	}
	if (strcmp(section, "show") == 0 && strcmp(key, "keep") == 0)
		return show_int(p, section, key, value, 0, 100000, &s->keep);
	if (strcmp(section, "episode") == 0 && strcmp(key, "mode") == 0) {
		if (strcmp(value, "digest") == 0)
			s->mode = SHOW_DIGEST;
		else if (strcmp(value, "article") == 0)
			s->mode = SHOW_ARTICLE;
		else
			return show_fail(p, xasprintf("bad value '%s' for 'mode' in [episode] (digest or article)", value));
		return 1;
	}
	if (strcmp(section, "audio") == 0) {
		if (strcmp(key, "bitrate") == 0) {
			if (!show_int(p, section, key, value, 8, 320, &s->bitrate))
				return 0;
			if (!encode_bitrate_valid(s->bitrate))
				return show_fail(p, xasprintf("bad value '%s' for 'bitrate' in [audio] (an MP3 bitrate: 64, 96, 128 ...)", value));
			return 1;
		}
		if (strcmp(key, "sample_rate") == 0) {
			if (!show_int(p, section, key, value, 8000, 48000, &s->sample_rate))
				return 0;
			if (s->sample_rate != 32000 && s->sample_rate != 44100 && s->sample_rate != 48000)
				return show_fail(p, xasprintf("bad value '%s' for 'sample_rate' in [audio] (32000, 44100 or 48000)", value));
			return 1;
		}
		if (strcmp(key, "loudness") == 0)
			return show_number(p, section, key, value, -40, -5, &s->loudness);
		if (strcmp(key, "true_peak") == 0)
			return show_number(p, section, key, value, -12, 0, &s->true_peak);
	}
	if (strcmp(section, "source") == 0) {
		if (strcmp(key, "feed") == 0) {
			/* several feed lines, each a source */
			if (!*value)
				return show_fail(p, xstrdup("'feed' in [source] needs a URL or a path"));
			s->feeds = xrealloc(s->feeds, (s->n_feeds + 1) * sizeof *s->feeds);
			s->feeds[s->n_feeds++] = xstrdup(value);
			return 1;
		}
		if (strcmp(key, "timeout") == 0)
			return show_int(p, section, key, value, 1, 600, &s->feed_timeout);
		if (strcmp(key, "max_size") == 0)
			return show_int(p, section, key, value, 1, 1024, &s->feed_max_mb);
		if (strcmp(key, "max_age") == 0)
			return show_int(p, section, key, value, 0, 100000, &s->max_age);
	}
	if (strcmp(section, "show") && strcmp(section, "episode") && strcmp(section, "voice") && strcmp(section, "audio") &&
	    strcmp(section, "source"))
		return show_fail(p, xasprintf("unknown section [%s]", section));
	return show_fail(p, xasprintf("unknown key '%s' in [%s]", key, section));
}

int show_load(struct show *show, const char *dir)
{
	struct show_parse p = { show, NULL };
	FILE *fp;
	int line;

	free(show->dir);
	free(show->ini);
	show->dir = xstrdup(dir);
	show->ini = xasprintf("%s/podcast.ini", dir);
	fp = fopen(show->ini, "r");
	if (!fp) {
		log_error("cannot open '%s': %s (create a show with 'newscast init %s')", show->ini, strerror(errno), dir);
		return -1;
	}
	line = ini_parse_file(fp, show_handler, &p);
	fclose(fp);
	if (line != 0) {
		log_error("'%s' line %d: %s", show->ini, line, p.error ? p.error : "not an INI line");
		free(p.error);
		return -1;
	}
	if (!show->title) {
		log_error("'%s': [show] needs a title", show->ini);
		return -1;
	}
	return 0;
}

bool show_is_audio(const char *value)
{
	static const char *const exts[] = { ".wav", ".flac", ".ogg", ".oga", ".aiff", ".aif", ".opus", NULL };
	const char *dot = value ? strrchr(value, '.') : NULL;

	for (size_t i = 0; dot && exts[i]; i++)
		if (strcasecmp(dot, exts[i]) == 0 && !strchr(dot, ' '))
			return true;
	return false;
}

char *show_path(const struct show *show, const char *rel)
{
	return rel[0] == '/' ? xstrdup(rel) : xasprintf("%s/%s", show->dir, rel);
}

char *show_expand(const struct show *show, const char *pattern, const char *headline, long when)
{
	struct strbuf sb;
	time_t t = (time_t)when;
	struct tm tm;

	localtime_r(&t, &tm);
	strbuf_init(&sb);
	for (const char *p = pattern; *p;) {
		if (strncmp(p, "{show}", 6) == 0) {
			strbuf_adds(&sb, show->title ? show->title : "");
			p += 6;
		} else if (strncmp(p, "{headline}", 10) == 0) {
			strbuf_adds(&sb, headline ? headline : "");
			p += 10;
		} else if (strncmp(p, "{date", 5) == 0 && (p[5] == '}' || p[5] == ':') && strchr(p, '}')) {
			const char *close = strchr(p, '}');
			char fmt[128], out[256];

			if (p[5] == ':')
				snprintf(fmt, sizeof fmt, "%.*s", (int)(close - p - 6), p + 6);
			else
				snprintf(fmt, sizeof fmt, "%%A %%-d %%B %%Y");
			if (strftime(out, sizeof out, fmt, &tm) > 0)
				strbuf_adds(&sb, out);
			p = close + 1;
		} else {
			strbuf_addc(&sb, *p++);
		}
	}
	return strbuf_detach(&sb);
}

static const char show_template[] =
	"; podcast.ini: what newscast needs to know about this show. Lines starting with ';' are comments.\n"
	"\n"
	"[show]\n"
	"title = %s\n"
	"author = The newsroom\n"
	"description = The day's stories, read aloud.\n"
	"; the language of the show, for the feed (en, en-gb, fr ...)\n"
	"language = en\n"
	"; where the show's web page is, and where public/ will be served from\n"
	"link = https://example.com/\n"
	"base_url = https://example.com/podcast/\n"
	"; a square JPEG or PNG, 1400 to 3000 pixels, relative to this folder\n"
	";image = cover.jpg\n"
	"category = News\n"
	"explicit = false\n"
	"owner_name = The newsroom\n"
	"owner_email = podcast@example.com\n"
	"copyright = © The newsroom\n"
	"\n"
	"[episode]\n"
	"; digest: all new articles of a run become one episode; article: one episode each\n"
	"mode = digest\n"
	"; {show}, {headline} (article mode), {date} or {date:STRFTIME}\n"
	"title = {show} — {date:%%A %%-d %%B %%Y}\n"
	"; text to speak, or an audio file (.wav .flac .ogg) relative to this folder\n"
	"intro = This is {show} for {date:%%A %%-d %%B}.\n"
	"outro = That was {show}. Thank you for listening.\n"
	"; a short sound between articles (an audio file); without it, a pause\n"
	";between = chime.wav\n"
	"\n"
	"[voice]\n"
	"; a profile from newscast's voices/ (newscast voices lists them) or a path to one\n"
	"profile = anchor\n"
	"; this show's own pronunciations, in the format of builder/rules/lexicon.en\n"
	";lexicon = names.lex\n"
	"\n"
	"[audio]\n"
	"bitrate = 96\n"
	"sample_rate = 44100\n"
	"; integrated loudness (LUFS) and true-peak ceiling (dBTP)\n"
	"loudness = -16\n"
	"true_peak = -1\n"
	"\n"
	"[source]\n"
	"; RSS or Atom feeds read besides articles/: a URL or a path; one 'feed =' line each.\n"
	"; An item is spoken once, known by its guid; an unchanged feed is not downloaded again.\n"
	";feed = https://example.com/news/full-text.rss\n"
	"; seconds a download may take, and the largest feed taken, in MB\n"
	"timeout = 30\n"
	"max_size = 16\n"
	"; items older than this many days are old news and not spoken (0: any age)\n"
	"max_age = 2\n";

int show_create(const char *dir)
{
	const char *subs[] = { "articles", "public", "public/episodes", ".newscast" };
	char *ini = xasprintf("%s/podcast.ini", dir), *name = util_stem(dir);
	struct stat st;
	FILE *fp = NULL;
	int ret = -1;

	if (stat(ini, &st) == 0) {
		log_error("'%s' already exists: '%s' is a show already", ini, dir);
		goto out;
	}
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		log_error("cannot create '%s': %s", dir, strerror(errno));
		goto out;
	}
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		char *sub = xasprintf("%s/%s", dir, subs[i]);
		int bad = mkdir(sub, 0777) < 0 && errno != EEXIST;

		if (bad)
			log_error("cannot create '%s': %s", sub, strerror(errno));
		free(sub);
		if (bad)
			goto out;
	}
	fp = fopen(ini, "wx");
	if (!fp || fprintf(fp, show_template, *name ? name : "My show") < 0 || fclose(fp) != 0) {
		log_error("cannot write '%s': %s", ini, strerror(errno));
		fp = NULL;
		goto out;
	}
	fp = NULL;
	ret = 0;
out:
	if (fp)
		fclose(fp);
	free(ini);
	free(name);
	return ret;
}
