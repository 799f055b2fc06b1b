/* input_html: the input stage's HTML reader (libxml2's lenient HTML parser): the article body, never the page's clutter. */
#include "input_reader.h"

#include "extract.h"
#include "log.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Elements never read: page furniture, media, forms. */
/* libxml2 prints some errors itself, past a parser's NOERROR (bytes that do not match the
 * declared encoding: "encoding error : input conversion failed"), raw on stderr; the readers
 * report what went wrong once, in their own words, so libxml2's generic messages go nowhere. */
static void input_xml_discard(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void input_xml_quiet(void)
{
	xmlSetGenericErrorFunc(NULL, input_xml_discard);
}

static bool html_is(xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

/* The text a reader hears in n, tidied. */
static char *html_text(const struct extract *ex, xmlNode *n)
{
	return input_tidy_text(extract_text(ex, n));
}

/* The first element called name under n, in document order. */
static xmlNode *html_find(const struct extract *ex, xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		xmlNode *f;

		if (c->type != XML_ELEMENT_NODE || extract_skipped(ex, c))
			continue;
		if (html_is(c, name))
			return c;
		if ((f = html_find(ex, c, name)))
			return f;
	}
	return NULL;
}

/* A <meta> content by name or property, as a new string; NULL if absent. */
/* <meta http-equiv="content-language" content="de">'s content; NULL if none. */
static char *html_content_language(xmlNode *n)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		char *found = NULL;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (html_is(c, "meta")) {
			xmlChar *equiv = xmlGetProp(c, BAD_CAST "http-equiv");

			if (equiv && strcasecmp((const char *)equiv, "content-language") == 0) {
				xmlChar *content = xmlGetProp(c, BAD_CAST "content");

				/* HTTP's header may list several; the first is the main one */
				if (content)
					found = xstrndup((const char *)content, strcspn((const char *)content, ","));
				xmlFree(content);
			}
			xmlFree(equiv);
		} else
			found = html_content_language(c);
		if (found)
			return found;
	}
	return NULL;
}

/* The page's language: <html lang> (xml:lang in XHTML), else the content-language meta. */
static void html_language(xmlNode *root, struct document *doc)
{
	xmlChar *lang = root ? xmlGetProp(root, BAD_CAST "lang") : NULL;
	char *meta;

	/* HTML's parser keeps XHTML's xml:lang as a plain attribute of that name */
	if (!lang && root)
		lang = xmlGetProp(root, BAD_CAST "xml:lang");
	if (!lang && root)
		lang = xmlNodeGetLang(root);
	if (lang && *lang)
		document_set_language(doc, (const char *)lang, "<html lang>");
	xmlFree(lang);
	if (!doc->language && (meta = html_content_language(root))) {
		document_set_language(doc, meta, "the content-language meta");
		free(meta);
	}
}

static char *html_meta(xmlNode *n, const char *key)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		char *found;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (html_is(c, "meta")) {
			xmlChar *name = xmlGetProp(c, BAD_CAST "name"), *prop = xmlGetProp(c, BAD_CAST "property");
			bool match = (name && strcasecmp((const char *)name, key) == 0) ||
				     (prop && strcasecmp((const char *)prop, key) == 0);

			xmlFree(name);
			xmlFree(prop);
			if (match) {
				xmlChar *content = xmlGetProp(c, BAD_CAST "content");
				char *v = content && *content ? xstrdup((const char *)content) : NULL;

				xmlFree(content);
				if (v) {
					util_squeeze_spaces(v);
					return v;
				}
			}
		}
		if ((found = html_meta(c, key)))
			return found;
	}
	return NULL;
}

/* <link rel="canonical"> under n: its href as a new string; NULL if absent. */
static char *html_canonical(xmlNode *n)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		char *found = NULL;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (html_is(c, "link")) {
			xmlChar *rel = xmlGetProp(c, BAD_CAST "rel"), *href = xmlGetProp(c, BAD_CAST "href");
			char *save = NULL, *tok = rel ? strtok_r((char *)rel, " \t\r\n\f", &save) : NULL;
			bool canonical = false;

			/* rel is a list of words: "canonical" among them */
			for (; tok; tok = strtok_r(NULL, " \t\r\n\f", &save))
				canonical |= strcasecmp(tok, "canonical") == 0;
			if (canonical && href && href[strspn((const char *)href, " \t\r\n\f")]) {
				found = xstrdup((const char *)href);
				util_squeeze_spaces(found);
			}
			xmlFree(rel);
			xmlFree(href);
		}
		if (found || (found = html_canonical(c)))
			return found;
	}
	return NULL;
}

/* JSON-LD (schema.org) metadata: what a page says of its article in a structured form. */
struct html_ld {
	char *headline, *author, *date, *link, *description, *id;
};

/* No article's metadata is a megabyte: bigger scripts are something else. */
#define HTML_LD_MAX_BYTES (1024u * 1024)

static bool html_is_ld(xmlNode *n)
{
	static const char mime[] = "application/ld+json";
	xmlChar *type;
	const char *t;
	bool ld;

	if (!html_is(n, "script"))
		return false;
	type = xmlGetProp(n, BAD_CAST "type");
	t = type ? (const char *)type + strspn((const char *)type, " \t\r\n") : "";
	/* the type alone, or with parameters ("; charset=utf-8"); strchr finds the final NUL too */
	ld = strncasecmp(t, mime, sizeof mime - 1) == 0 && strchr(" \t\r\n;", t[sizeof mime - 1]);
	xmlFree(type);
	return ld;
}

/* j's string, or, j being an object, its member key's ({"name": ...}, {"@id": ...});
 * NULL unless it holds more than white space. */
static const char *html_ld_raw(const cJSON *j, const char *key)
{
	const char *s;

	if (cJSON_IsObject(j))
		j = cJSON_GetObjectItemCaseSensitive(j, key);
	s = cJSON_GetStringValue(j);
	return s && s[strspn(s, " \t\r\n")] ? s : NULL;
}

/* s cleaned as the reader's strings are; NULL (s freed) if nothing is left. */
static char *html_ld_clean(char *s)
{
	if (!s)
		return NULL;
	input_tidy_text(s);	/* JSON's \u escapes let any control character in */
	if (!*s) {
		free(s);
		return NULL;
	}
	return s;
}

static char *html_ld_string(const cJSON *j, const char *key)
{
	const char *s = html_ld_raw(j, key);

	return s ? html_ld_clean(xstrdup(s)) : NULL;
}

/* author: a name, a {"name": ...} object, or a list of those: "A", "A and B", "A, B and C". */
static char *html_ld_author(const cJSON *j)
{
	const char **names;
	const cJSON *item;
	size_t n = 0;
	char *joined;

	if (!cJSON_IsArray(j))
		return html_ld_string(j, "name");
	names = xcalloc((size_t)cJSON_GetArraySize(j) + 1, sizeof *names);
	cJSON_ArrayForEach(item, j)
		if (html_ld_raw(item, "name"))
			names[n++] = html_ld_raw(item, "name");
	joined = n ? html_ld_clean(util_join_names(names, n)) : NULL;
	free(names);
	return joined;
}

static bool html_ld_is_article(const cJSON *j)
{
	static const char *const types[] = { "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
					     "BlogPosting", NULL };
	const cJSON *type = cJSON_GetObjectItemCaseSensitive(j, "@type"), *t;

	/* "@type" is a name or a list of names */
	for (t = cJSON_IsArray(type) ? type->child : type; t; t = cJSON_IsArray(type) ? t->next : NULL) {
		const char *s = cJSON_GetStringValue(t);

		for (size_t i = 0; s && types[i]; i++)
			if (strcmp(s, types[i]) == 0)
				return true;
	}
	return false;
}

/* The first article object: j itself, a top-level array's item, or an "@graph" item;
 * depth bounds the search to those shapes. */
static const cJSON *html_ld_find(const cJSON *j, int depth)
{
	const cJSON *item, *found = NULL;

	if (depth > 2)
		return NULL;
	if (cJSON_IsObject(j)) {
		if (html_ld_is_article(j))
			return j;
		j = cJSON_GetObjectItemCaseSensitive(j, "@graph");
	}
	if (!cJSON_IsArray(j))
		return NULL;
	cJSON_ArrayForEach(item, j)
		if ((found = html_ld_find(item, depth + 1)))
			break;
	return found;
}

static void html_ld_take(const cJSON *a, struct html_ld *ld)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(a, "identifier");

	ld->headline = html_ld_string(a, "headline");
	ld->author = html_ld_author(cJSON_GetObjectItemCaseSensitive(a, "author"));
	ld->date = html_ld_string(a, "datePublished");
	ld->link = html_ld_string(a, "url");
	if (!ld->link)
		ld->link = html_ld_string(cJSON_GetObjectItemCaseSensitive(a, "mainEntityOfPage"), "@id");
	ld->description = html_ld_string(a, "description");
	ld->id = html_ld_string(id, "value");
}

/* The first article in the page's JSON-LD scripts, into ld; true once found. Text
 * reading skips <script>, so this walk looks at every element. A script that is
 * not JSON, or too big, is passed over: the meta tags still hold. */
static bool html_ld_scan(const char *name, xmlNode *n, struct html_ld *ld)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		xmlChar *text;
		size_t len;
		cJSON *json;
		const cJSON *a;
		bool found = false;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!html_is_ld(c)) {
			if (html_ld_scan(name, c, ld))
				return true;
			continue;
		}
		text = xmlNodeGetContent(c);
		len = text ? strlen((const char *)text) : 0;
		if (len > HTML_LD_MAX_BYTES) {
			log_verbose("'%s' line %d: JSON-LD script over 1 MB, ignored", name, (int)xmlGetLineNo(c));
			xmlFree(text);
			continue;
		}
		json = cJSON_ParseWithLength(text ? (const char *)text : "", len);
		if (!json)
			log_verbose("'%s' line %d: malformed JSON-LD, ignored", name, (int)xmlGetLineNo(c));
		else if ((a = html_ld_find(json, 0))) {
			html_ld_take(a, ld);
			found = true;
		}
		cJSON_Delete(json);
		xmlFree(text);
		if (found)
			return true;
	}
	return false;
}

/* *s, leaving NULL behind: a string handed on, not freed twice. */
static char *html_take(char **s)
{
	char *t = *s;

	*s = NULL;
	return t;
}

/* Whether a paragraph was read already: a gallery's repeated caption, a pull quote. */
static bool html_repeated(const struct document *doc, const char *t)
{
	/* the headline shown again (a styled <div>, a sticky bar's copy) is spoken once, as the headline */
	if (doc->headline && strcmp(doc->headline, t) == 0)
		return true;
	for (size_t i = 0; i < doc->n_blocks; i++)
		if (doc->blocks[i].text && strcmp(doc->blocks[i].text, t) == 0) {
			log_verbose("'%s': a repeated paragraph, read once: %s", doc->name ? doc->name : "", t);
			return true;
		}
	return false;
}

static void html_add(const struct extract *ex, struct document *doc, enum block_kind kind, xmlNode *n)
{
	char *t = html_text(ex, n);

	if (*t && !(kind == BLOCK_HEADING && doc->headline && strcmp(t, doc->headline) == 0) &&
	    !html_repeated(doc, t))
		document_add_block(doc, kind, t, (int)xmlGetLineNo(n));
	else
		free(t);
}

/* Text outside any paragraph (an item's content is often bare text with <br>s):
 * gathered in run, a paragraph when a block or two <br>s in a row end it. */
static void html_flush(const struct extract *ex, struct document *doc, struct strbuf *run, int line, bool quote,
		       bool plain, bool own)
{
	size_t len;

	input_tidy_text(run->buf);
	len = strlen(run->buf);
	/* in a page, loose text between blocks is a kicker, a label or a link ("Museums", "Topics")
	 * unless it is text of its own: words not all links, long or ending a sentence; a
	 * paragraph's or an item's text is its own whatever it is */
	if (*run->buf && ex->n_region && !own &&
	    (!plain || (len < 25 && !strchr(".!?\"\')", run->buf[len - 1]) &&
				    strcmp(run->buf + len - (len >= 3 ? 3 : len), "\xe2\x80\x9d") != 0))) {
		log_verbose("'%s' line %d: loose text not read (%s): %s", doc->name ? doc->name : "", line,
			    plain ? "too short" : "links only", run->buf);
	} else if (*run->buf && !html_repeated(doc, run->buf))
		document_add_block(doc, quote ? BLOCK_QUOTE : BLOCK_PARAGRAPH, xstrdup(run->buf), line);
	strbuf_reset(run);
}

/* Whether a class or id value of n holds one of words, as a whole word ("share" in
 * "post-share-bar", not in "shareholders"). */
static bool html_has_word(xmlNode *n, const char *const *words)
{
	static const char *const attrs[] = { "class", "id", NULL };
	bool found = false;

	for (size_t a = 0; attrs[a] && !found; a++) {
		xmlChar *v = xmlGetProp(n, BAD_CAST attrs[a]);
		char *save = NULL, *copy = v ? xstrdup((const char *)v) : NULL;

		for (char *w = copy ? strtok_r(copy, " \t\r\n\f-_:", &save) : NULL; w && !found;
		     w = strtok_r(NULL, " \t\r\n\f-_:", &save))
			for (size_t i = 0; words[i] && !found; i++)
				found = strcasecmp(w, words[i]) == 0;
		free(copy);
		xmlFree(v);
	}
	return found;
}

/* Furniture inside an article a listener must not hear: bylines (the author, if not
 * known yet), kickers, datelines, share bars, promos. Only short elements count, so
 * that a wrapper called "article-share-wrapper" around the story is still read. */
static bool html_furniture(const struct extract *ex, xmlNode *n, struct document *doc, bool before_text)
{
	static const char *const byline[] = { "byline", "author", "authors", "contributor", NULL };
	static const char *const furniture[] = { "kicker", "eyebrow", "dateline", "timestamp", "breadcrumb",
						 "breadcrumbs", "share", "sharing", "social", "related", "newsletter",
						 "promo", "advert", "advertisement", "ad", "ads", "sponsor", "sponsored",
						 "cookie", "cookies", "comments", "subscribe", "paywall", "tags",
						 "meta", "info", "date", "time", "timestamp", "readtime", NULL };
	bool is_byline, is_furniture;
	xmlNode *time = NULL;
	bool other = false;
	char *text;
	size_t words;
	bool taken = false;

	/* a wrapper is never furniture as a whole: what is inside is judged one by one */
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !extract_inline(ex, c) && !html_is(c, "br") && !extract_skipped(ex, c))
			return false;
	is_byline = html_has_word(n, byline);
	is_furniture = !is_byline && html_has_word(n, furniture);
	/* a paragraph that is only a <time>: the date, shown, not read */
	for (xmlNode *c = n->children; c; c = c->next) {
		if (html_is(c, "time") && !time)
			time = c;
		else if (c->type == XML_ELEMENT_NODE ||
			 (c->type == XML_TEXT_NODE && c->content[strspn((const char *)c->content, " \t\r\n")]))
			other = true;
	}
	if (time && !other && html_is(n, "p")) {
		xmlChar *when = xmlGetProp(time, BAD_CAST "datetime");

		if (!doc->date && when && *when)
			doc->date = xstrdup((const char *)when);
		xmlFree(when);
		return true;
	}
	/* most elements are neither: their text is read once, by whoever reads the block */
	if (!is_byline && !is_furniture && !before_text)
		return false;
	text = html_text(ex, n);
	words = util_count_words(text);
	/* "By Name" before the story's first paragraph is the byline, class or not */
	if (before_text && !is_furniture && words <= 8 && strncmp(text, "By ", 3) == 0)
		is_byline = true;
	if (is_byline && words <= 12) {
		if (!doc->author && *text)
			doc->author = xstrdup(strncmp(text, "By ", 3) == 0 ? text + 3 : text);
		log_verbose("'%s' line %d: byline, taken as the author: %s", doc->name, (int)xmlGetLineNo(n), text);
		taken = true;
	} else if (is_furniture && words <= 60) {
		log_verbose("'%s' line %d: page furniture, not read: %s", doc->name, (int)xmlGetLineNo(n), text);
		taken = true;
	}
	free(text);
	return taken;
}

static void html_blocks(const struct extract *ex, xmlNode *n, struct document *doc, bool quote, bool loose);

static bool html_heading(xmlNode *n)
{
	return html_is(n, "h2") || html_is(n, "h3") || html_is(n, "h4") || html_is(n, "h5") || html_is(n, "h6");
}

/* One block element of the body: read, walked into, or left out. */
static void html_block(const struct extract *ex, xmlNode *c, struct document *doc, bool quote, bool loose)
{
	if (html_furniture(ex, c, doc, doc->n_blocks == 0) || extract_clutter(ex, c))
		return;
	if ((html_is(c, "p") || html_is(c, "li") || html_is(c, "dd")) && loose)
		html_blocks(ex, c, doc, quote, loose);	/* <br><br> may split it */
	else if (html_is(c, "p") || html_is(c, "li") || html_is(c, "dd"))
		html_add(ex, doc, quote ? BLOCK_QUOTE : BLOCK_PARAGRAPH, c);
	else if (html_is(c, "h2") || html_is(c, "h3") || html_is(c, "h4"))
		html_add(ex, doc, BLOCK_HEADING, c);
	else if (html_is(c, "hr"))
		document_add_block(doc, BLOCK_DIVIDER, NULL, (int)xmlGetLineNo(c));
	else if (html_is(c, "blockquote")) {
		size_t before = doc->n_blocks;

		html_blocks(ex, c, doc, true, loose);
		if (doc->n_blocks == before)	/* a quote without paragraphs */
			html_add(ex, doc, BLOCK_QUOTE, c);
	} else if (!html_is(c, "h1") && !html_is(c, "h5") && !html_is(c, "h6") &&
		   (!html_is(c, "table") || extract_layout(ex, c)))
		html_blocks(ex, c, doc, quote, loose);
}

/* The blocks under n, in order; with loose, bare text too. */
static void html_blocks(const struct extract *ex, xmlNode *n, struct document *doc, bool quote, bool loose)
{
	struct strbuf run;
	int run_line = 0, brs = 0;
	bool plain = false;	/* the run has words outside links */
	bool skip_section = false;	/* under a heading that is clutter ("Related", "Media contacts") */
	bool own = html_is(n, "p") || html_is(n, "li") || html_is(n, "dd") || html_is(n, "blockquote");

	strbuf_init(&run);
	for (xmlNode *c = n->children; c; c = c->next) {
		bool text = c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE;

		/* the promo ends at the next heading or rule, or at a paragraph of the story's (long, no links) */
		if (skip_section && c->type == XML_ELEMENT_NODE &&
		    (html_heading(c) || html_is(c, "hr") ||
		     (html_is(c, "p") && extract_text_length(ex, c) >= 80 && extract_link_density(ex, c) == 0)))
			skip_section = false;
		if (skip_section) {
			if (c->type == XML_ELEMENT_NODE)
				log_verbose("'%s' line %d: <%s> under a promo's heading, not read", doc->name ? doc->name : "",
					    (int)xmlGetLineNo(c), (const char *)c->name);
			continue;
		}
		if (loose && extract_inline(ex, c) && extract_clutter(ex, c))
			continue;
		if (loose && (text || (extract_inline(ex, c) && !extract_skipped(ex, c)))) {
			if (!run.len)
				run_line = (int)xmlGetLineNo(c);
			if (text) {
				strbuf_adds(&run, (const char *)c->content);
				plain |= c->content[strspn((const char *)c->content, " \t\r\n")] != '\0';
			} else {
				extract_text_into(ex, c, &run);
				plain |= extract_link_density(ex, c) < 0.5;
			}
			if (!text || c->content[strspn((const char *)c->content, " \t\r\n")])
				brs = 0;
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || extract_skipped(ex, c))
			continue;
		if (loose && html_is(c, "br")) {
			strbuf_addc(&run, ' ');
			if (++brs == 2) {
				html_flush(ex, doc, &run, run_line, quote, plain, own);
				plain = false;
			}
			continue;
		}
		if (loose) {
			html_flush(ex, doc, &run, run_line, quote, plain, own);
			plain = false;
		}
		brs = 0;
		if (html_heading(c) && !extract_skipped(ex, c) && extract_clutter(ex, c)) {
			skip_section = true;
			continue;
		}
		html_block(ex, c, doc, quote, loose);
	}
	if (loose)
		html_flush(ex, doc, &run, run_line, quote, plain, own);
	strbuf_release(&run);
}

/* The byline and date above the story's container, which the region leaves out: the
 * elements before the region named byline or author, and <p>s that are only a <time>.
 * True once the region is reached. */
static bool html_above(const struct extract *ex, xmlNode *n, struct document *doc)
{
	static const char *const byline[] = { "byline", "author", "authors", NULL };

	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || extract_skipped(ex, c))
			continue;
		if (ex->n_region && c == ex->region[0])
			return true;
		if ((!doc->author && html_has_word(c, byline)) || (!doc->date && html_is(c, "p")))
			if (html_furniture(ex, c, doc, false))
				continue;
		if (html_above(ex, c, doc))
			return true;
	}
	return false;
}

/* Elements may nest this deep: deeper, a page is refused rather than read in part
 * (libxml2 stops at 256 without XML_PARSE_HUGE and drops the rest), and the
 * readers below, which recurse, keep to a bounded stack. */
#define HTML_MAX_DEPTH 1000

/* libxml2's own start of an element, then a stop as soon as the tree grows too
 * deep: a hostile page costs no more than the first HTML_MAX_DEPTH levels. */
static void html_start_element(void *ud, const xmlChar *name, const xmlChar **attrs)
{
	htmlParserCtxtPtr ctxt = ud;

	xmlSAX2StartElement(ud, name, attrs);	/* what htmlDefaultSAXHandler does */
	if (ctxt->nodeNr > HTML_MAX_DEPTH && !ctxt->_private) {
		ctxt->_private = ctxt;	/* the mark that the page was too deep */
		xmlStopParser(ctxt);
	}
}

/* Reads a page (fragment false) or an item's HTML content (fragment true: all of
 * it is the body, and the caller gives the headline). */
static int html_read(const char *name, const char *data, size_t len, struct document *doc, bool fragment)
{
	/* lenient, silent, and never fetching anything a page names */
	htmlDocPtr html = NULL;
	htmlParserCtxtPtr ctxt;
	struct timespec t0, t1, t2;
	xmlNode *root, *body = NULL, *title;
	struct html_ld ld = { NULL };
	struct extract ex = { 0 };
	char *og = NULL, *site = NULL, *title_text = NULL;
	int ret = -1;

	if (len > INT32_MAX || memchr(data, '\0', len)) {
		log_error("'%s': binary content, not HTML", name);
		return -1;
	}
	input_xml_quiet();
	/* CPU time: what a page costs, whatever else the machine runs */
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
	ctxt = htmlNewParserCtxt();
	if (!ctxt) {
		log_error("'%s': cannot start the HTML parser", name);
		return -1;
	}
	/* XML_PARSE_HUGE lifts libxml2's depth limit of 256; HTML_MAX_DEPTH is ours */
	ctxt->sax->startElement = html_start_element;
	html = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, fragment ? "UTF-8" : NULL,
				  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
					  XML_PARSE_HUGE);
	if (ctxt->_private) {
		/* a feed's item: reported if it is spoken, and then once */
		if (fragment && !doc->error)
			doc->error = xasprintf("'%s': its HTML nests elements more than %d deep; not read, so that "
					       "none of it is lost", doc->name ? doc->name : name, HTML_MAX_DEPTH);
		else if (!fragment)
			log_error("'%s' line %d: elements nested more than %d deep; not read, so that none of it "
				  "is lost", name, xmlSAX2GetLineNumber(ctxt), HTML_MAX_DEPTH);
		goto out;
	}
	/* what recovery cannot mend (a limit of the parser's, memory) would lose the rest of the page */
	if (ctxt->errNo == XML_ERR_INTERNAL_ERROR || ctxt->errNo == XML_ERR_NO_MEMORY) {
		const xmlError *e = xmlCtxtGetLastError(ctxt);
		char *msg = xstrdup(e && e->message ? e->message : "the parser stopped"), *m = util_trim(msg);

		m[strcspn(m, "\n")] = '\0';
		if (fragment && !doc->error)
			doc->error = xasprintf("'%s': cannot read its HTML whole: %s", doc->name ? doc->name : name, m);
		else if (!fragment)
			log_error("'%s' line %d: cannot read the HTML whole: %s", name, e ? e->line : 0, m);
		free(msg);
		goto out;
	}
	root = html ? xmlDocGetRootElement(html) : NULL;
	if (fragment) {
		/* an empty item is "nothing to speak", found later */
		extract_init(&ex, name, root, NULL);
		ex.language = doc->language;	/* the feed's or the item's */
		if (root && (body = html_find(&ex, root, "body")))
			html_blocks(&ex, body, doc, false, true);
		ret = 0;
		goto out;
	}
	if (!root) {
		log_error("'%s': cannot read it as HTML", name);
		goto out;
	}
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
	html_ld_scan(name, root, &ld);
	/* the heading that matches what the page declares its article's title to be */
	og = html_meta(root, "og:title");
	site = html_meta(root, "og:site_name");
	for (xmlNode *head = root->children; head && !title_text; head = head->next)
		if (html_is(head, "head") && (title = html_find(&ex, head, "title"))) {
			xmlChar *content = xmlNodeGetContent(title);

			title_text = input_tidy_text(xstrdup(content ? (const char *)content : ""));
			xmlFree(content);
		}
	{
		struct extract_title t = { ld.headline, og, title_text, site };

		extract_init(&ex, name, root, &t);
	}
	doc->headline = html_take(&ex.headline);
	doc->headline_line = ex.headline_line;
	/* JSON-LD is the structured source: its author, date and URL win over meta tags */
	doc->author = ld.author ? html_take(&ld.author) : html_meta(root, "author");
	doc->date = ld.date ? html_take(&ld.date) : html_meta(root, "article:published_time");
	doc->link = ld.link ? html_take(&ld.link) : html_meta(root, "og:url");
	/* pages with neither still name their own address */
	if (!doc->link)
		doc->link = html_canonical(root);
	html_language(root, doc);
	ex.language = doc->language;
	/* the meta description is the page's own summary; JSON-LD's fills in when it is missing */
	doc->description = html_meta(root, "description");
	if (!doc->description)
		doc->description = html_take(&ld.description);
	if (ld.id) {
		free(doc->id);
		doc->id = html_take(&ld.id);
	}
	for (size_t i = 0; i < ex.n_region; i++)
		html_block(&ex, ex.region[i], doc, false, true);
	if (!doc->author || !doc->date)
		html_above(&ex, root, doc);
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t2);
	log_verbose("'%s': %zu bytes parsed in %.2f ms, the article extracted in %.2f ms (CPU time)", name, len,
		    (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
		    (double)(t2.tv_sec - t1.tv_sec) * 1e3 + (double)(t2.tv_nsec - t1.tv_nsec) / 1e6);
	input_tidy(doc);
	if (!doc->headline) {
		log_error("'%s': no headline found (no <h1>, og:title or <title>)", name);
		goto out;
	}
	ret = 0;
out:
	extract_release(&ex);
	free(og);
	free(site);
	free(title_text);
	free(ld.headline);
	free(ld.author);
	free(ld.date);
	free(ld.link);
	free(ld.description);
	free(ld.id);
	if (html)
		xmlFreeDoc(html);
	htmlFreeParserCtxt(ctxt);
	return ret;
}

bool input_probe_html(const char *data, size_t len)
{
	char root[64];

	input_root_element(data, len, root, sizeof root);
	return strcmp(root, "html") == 0 || strcmp(root, "head") == 0 || strcmp(root, "body") == 0 ||
	       strcmp(root, "article") == 0;
}

int input_parse_html(const char *name, const char *data, size_t len, struct document *doc)
{
	free(doc->name);
	doc->name = xstrdup(name);
	return html_read(name, data, len, doc, false);
}

int input_parse_html_content(const char *name, const char *data, size_t len, struct document *doc)
{
	return html_read(name, data, len, doc, true);
}
