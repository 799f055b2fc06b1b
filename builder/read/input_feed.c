/* input_feed: the input stage's RSS 2.0, RSS 1.0 and Atom reader (libxml2): each item an article. */
#include "input_reader.h"

#include "log.h"
#include "util.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define FEED_NS_ATOM "http://www.w3.org/2005/Atom"
#define FEED_NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define FEED_NS_DC "http://purl.org/dc/elements/1.1/"
#define FEED_NS_RSS1 "http://purl.org/rss/1.0/"
#define FEED_NS_RSS09 "http://my.netscape.com/rdf/simple/0.9/"
#define FEED_NS_ATOM03 "http://purl.org/atom/ns#"
/* A feed holds many articles, but not this many: beyond it, items are not read
 * (each costs a document; a 16 MB feed of empty items would cost gigabytes). */
#define FEED_MAX_ITEMS 5000

void input_feed_init(struct input_feed *feed)
{
	memset(feed, 0, sizeof *feed);
}

void input_feed_release(struct input_feed *feed)
{
	for (size_t i = 0; i < feed->n; i++)
		document_release(&feed->items[i]);
	free(feed->items);
	free(feed->title);
	memset(feed, 0, sizeof *feed);
}

/* n is the element called name in namespace ns. NULL is RSS's: no namespace, RSS
 * 1.0's or 0.9's, or whatever its root uses; FEED_NS_ATOM stands for the Atom
 * namespace the root uses (1.0's, 0.3's, or none). */
static bool feed_is(const xmlNode *n, const char *ns, const char *name)
{
	const char *href = n && n->ns ? (const char *)n->ns->href : "";
	const xmlNode *root = n && n->doc ? xmlDocGetRootElement(n->doc) : NULL;
	const char *root_href = root && root->ns ? (const char *)root->ns->href : "";

	if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
		return false;
	if (!ns)
		return !*href || strcmp(href, FEED_NS_RSS1) == 0 || strcmp(href, FEED_NS_RSS09) == 0 ||
		       strcmp(href, root_href) == 0;
	if (strcmp(ns, FEED_NS_ATOM) == 0)
		return strcmp(href, root_href) == 0;
	return strcmp(href, ns) == 0;
}

static xmlNode *feed_child(const xmlNode *n, const char *ns, const char *name)
{
	for (xmlNode *c = n->children; c; c = c->next)
		if (feed_is(c, ns, name))
			return c;
	return NULL;
}

/* An element's text, squeezed and without control characters; NULL when empty. */
static char *feed_text(const xmlNode *n)
{
	xmlChar *raw = n ? xmlNodeGetContent(n) : NULL;
	char *s = NULL;

	if (raw) {
		s = xstrdup((const char *)raw);
		input_tidy_text(s);
		if (!*s) {
			free(s);
			s = NULL;
		}
	}
	xmlFree(raw);
	return s;
}

/* A date as feeds write it, made regular for strptime: no weekday, no fractions of
 * seconds, a zone name (RFC 822's, and a few more) or Z as a numeric offset. */
static void feed_date_regular(const char *in, char *out, size_t size)
{
	static const struct {
		const char *name, *offset;
	} zones[] = { { "UT", "+0000" },  { "UTC", "+0000" }, { "GMT", "+0000" }, { "Z", "+0000" },
		      { "EST", "-0500" }, { "EDT", "-0400" }, { "CST", "-0600" }, { "CDT", "-0500" },
		      { "MST", "-0700" }, { "MDT", "-0600" }, { "PST", "-0800" }, { "PDT", "-0700" },
		      { "BST", "+0100" }, { "CET", "+0100" }, { "CEST", "+0200" } };
	const char *p = in, *comma = strchr(in, ',');
	size_t n = 0, len;

	if (comma && comma - in <= 9)	/* "Sun, " */
		p = comma + 1;
	while (*p == ' ')
		p++;
	for (; *p && n + 1 < size; p++) {
		if (*p == '.' && n && isdigit((unsigned char)out[n - 1]) && isdigit((unsigned char)p[1]) &&
		    n >= 3 && out[n - 3] == ':') {
			while (isdigit((unsigned char)p[1]))	/* ":SS.123": the fraction goes */
				p++;
			continue;
		}
		out[n++] = (char)(*p == 't' ? 'T' : *p == 'z' ? 'Z' : *p);
	}
	out[n] = '\0';
	util_trim(out);
	len = strlen(out);
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		size_t zl = strlen(zones[i].name);

		/* the name ends the date, after a space, or straight after the time ("...00Z") */
		if (len > zl && strcmp(out + len - zl, zones[i].name) == 0 &&
		    (out[len - zl - 1] == ' ' || isdigit((unsigned char)out[len - zl - 1])) &&
		    len - zl + 6 < size) {
			snprintf(out + len - zl, size - (len - zl), "%s", zones[i].offset);
			break;
		}
	}
}

/* Dates as RFC 3339 in UTC when they can be read (RSS gives RFC 822, with two-digit
 * years and zone names in the wild), else as written. */
static char *feed_date(const xmlNode *n)
{
	static const char *const formats[] = { "%d %b %Y %H:%M:%S %z", "%d %b %Y %H:%M %z", "%Y-%m-%dT%H:%M:%S%z",
					       "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S %z",
					       "%d %b %Y", "%Y-%m-%d", NULL };
	char *s = feed_text(n), reg[64], out[32];

	if (!s)
		return NULL;
	feed_date_regular(s, reg, sizeof reg);
	for (size_t i = 0; formats[i]; i++) {
		struct tm tm = { 0 };
		const char *end = strptime(reg, formats[i], &tm);
		long off;
		time_t t;

		if (!end || *end)
			continue;
		if (tm.tm_year < 100 - 1900)	/* "29 Nov 26": RFC 822's two-digit year */
			tm.tm_year += tm.tm_year + 1900 < 50 ? 2000 : 1900;
		off = tm.tm_gmtoff;	/* before timegm, which resets it */
		t = timegm(&tm) - off;
		gmtime_r(&t, &tm);
		strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
		free(s);
		return xstrdup(out);
	}
	return s;
}

/* RSS's <author> is "mail@example.org (Name)": the name is what is worth keeping. */
static char *feed_rss_author(const xmlNode *n)
{
	char *s = feed_text(n), *open = s ? strchr(s, '(') : NULL, *close = open ? strrchr(open, ')') : NULL;

	if (close && close > open + 1) {
		char *name = xstrndup(open + 1, (size_t)(close - open - 1));

		free(s);
		return name;
	}
	return s;
}

/* Atom's authors, "A", "A and B", "A, B and C". */
static char *feed_atom_authors(const xmlNode *entry)
{
	char *names[16], *joined;
	size_t n = 0;

	for (xmlNode *c = entry->children; c && n < 16; c = c->next)
		if (feed_is(c, FEED_NS_ATOM, "author") && (names[n] = feed_text(feed_child(c, FEED_NS_ATOM, "name"))))
			n++;
	joined = util_join_names((const char *const *)names, n);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	return joined;
}

/* Plain text as HTML: escaped, a paragraph for each run of lines. */
static char *feed_text_as_html(const char *text)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_adds(&sb, "<p>");
	for (const char *p = text; *p; p++) {
		if (*p == '<')
			strbuf_adds(&sb, "&lt;");
		else if (*p == '&')
			strbuf_adds(&sb, "&amp;");
		else if (p[0] == '\n' && p[1] == '\n') {
			strbuf_adds(&sb, "</p>\n\n<p>");
			p++;
		} else
			strbuf_addc(&sb, *p);
	}
	strbuf_adds(&sb, "</p>");
	return strbuf_detach(&sb);
}

/* The item's body, as the HTML it is (or holds), into doc's blocks. */
static void feed_body(const char *name, xmlDoc *xml, xmlNode *body, bool atom, struct document *doc)
{
	xmlChar *type = atom ? xmlGetProp(body, BAD_CAST "type") : NULL;
	int line = (int)xmlGetLineNo(body);
	size_t before = doc->n_blocks;
	char *html = NULL;

	if (type && strcmp((const char *)type, "xhtml") == 0) {
		/* the markup itself: serialized back for the HTML reader */
		xmlBuffer *buf = xmlBufferCreate();

		for (xmlNode *c = body->children; c; c = c->next)
			xmlNodeDump(buf, xml, c, 0, 0);
		html = xstrdup((const char *)xmlBufferContent(buf));
		xmlBufferFree(buf);
	} else {
		xmlChar *raw = xmlNodeGetContent(body);
		const char *text = raw ? (const char *)raw : "";

		html = !type || strcmp((const char *)type, "text") != 0 ? xstrdup(text) : feed_text_as_html(text);
		xmlFree(raw);
	}
	input_parse_html_content(name, html, strlen(html), doc);
	/* lines in the feed: the content's own lines counted from where it starts */
	for (size_t i = before; i < doc->n_blocks; i++)
		doc->blocks[i].line = line + (doc->blocks[i].line > 0 ? doc->blocks[i].line - 1 : 0);
	free(html);
	xmlFree(type);
}

/* The text of markup in n (read as feed_body reads an item): its first block only,
 * or all its blocks joined; NULL when there is none. */
static char *feed_markup_text(const char *name, xmlDoc *xml, xmlNode *n, bool atom, bool first_only)
{
	struct document d;
	struct strbuf sb;

	document_init(&d);
	d.name = xstrdup(name);	/* what the HTML reader's --verbose notes call it */
	feed_body(name, xml, n, atom, &d);
	strbuf_init(&sb);
	for (size_t i = 0; i < (first_only && d.n_blocks ? 1 : d.n_blocks); i++)
		if (d.blocks[i].text)
			strbuf_addf(&sb, "%s%s", sb.len ? " " : "", d.blocks[i].text);
	document_release(&d);
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* An Atom title of type "html" is markup, escaped: its text is what is read. */
static char *feed_title(const char *name, xmlDoc *xml, xmlNode *title, bool atom)
{
	xmlChar *type = atom && title ? xmlGetProp(title, BAD_CAST "type") : NULL;
	bool html = type && (strcmp((const char *)type, "html") == 0 || strcmp((const char *)type, "xhtml") == 0);

	xmlFree(type);
	return html ? feed_markup_text(name, xml, title, true, false) : feed_text(title);
}

/* A summary's first paragraph, as text; NULL if there is none. */
static char *feed_summary(const char *name, xmlDoc *xml, xmlNode *n, bool atom)
{
	return n ? feed_markup_text(name, xml, n, atom, true) : NULL;
}

/* chan_lang is the channel's <language> (RSS), NULL if none. */
static void feed_add_item(const char *name, xmlDoc *xml, xmlNode *item, bool atom, const char *chan_lang,
			  struct input_feed *feed)
{
	xmlChar *lang;
	struct document *doc;
	xmlNode *body, *title = feed_child(item, atom ? FEED_NS_ATOM : NULL, "title");

	util_grow((void **)&feed->items, &feed->cap, feed->n + 1, sizeof *feed->items);
	doc = &feed->items[feed->n++];
	document_init(doc);
	doc->headline_line = (int)xmlGetLineNo(item);
	doc->name = xasprintf("%s:%d", name, doc->headline_line);
	doc->headline = feed_title(name, xml, title, atom);
	/* xml:lang on the item or any element around it, then the channel's <language> */
	if ((lang = xmlNodeGetLang(item)) && *lang)
		document_set_language(doc, (const char *)lang, "xml:lang");
	xmlFree(lang);
	document_set_language(doc, chan_lang, "the feed's <language>");
	if (atom) {
		doc->author = feed_atom_authors(item);
		doc->date = feed_date(feed_child(item, FEED_NS_ATOM, "published"));
		if (!doc->date)
			doc->date = feed_date(feed_child(item, FEED_NS_ATOM, "updated"));
		for (xmlNode *c = item->children; c && !doc->link; c = c->next) {
			xmlChar *rel = feed_is(c, FEED_NS_ATOM, "link") ? xmlGetProp(c, BAD_CAST "rel") : NULL;

			if (feed_is(c, FEED_NS_ATOM, "link") && (!rel || strcmp((const char *)rel, "alternate") == 0)) {
				xmlChar *href = xmlGetProp(c, BAD_CAST "href");

				doc->link = href && *href ? xstrdup((const char *)href) : NULL;
				xmlFree(href);
			}
			xmlFree(rel);
		}
		doc->id = feed_text(feed_child(item, FEED_NS_ATOM, "id"));
		body = feed_child(item, FEED_NS_ATOM, "content");
		if (body)
			doc->description = feed_summary(name, xml, feed_child(item, FEED_NS_ATOM, "summary"), true);
		else
			body = feed_child(item, FEED_NS_ATOM, "summary");
	} else {
		doc->author = feed_text(feed_child(item, FEED_NS_DC, "creator"));
		if (!doc->author)
			doc->author = feed_rss_author(feed_child(item, NULL, "author"));
		doc->date = feed_date(feed_child(item, NULL, "pubDate"));
		if (!doc->date)
			doc->date = feed_date(feed_child(item, FEED_NS_DC, "date"));
		doc->link = feed_text(feed_child(item, NULL, "link"));
		doc->id = feed_text(feed_child(item, NULL, "guid"));
		body = feed_child(item, FEED_NS_CONTENT, "encoded");
		/* with the full text in content:encoded, the description is its summary */
		if (body)
			doc->description = feed_summary(name, xml, feed_child(item, NULL, "description"), false);
		else
			body = feed_child(item, NULL, "description");
	}
	/* the identity an item is known by: its guid, else its link, else its title and date
	 * (a daily "Morning briefing" without guid or link is a new item each day) */
	if (!doc->id)
		doc->id = doc->link	  ? xstrdup(doc->link)
			  : doc->headline ? xasprintf("title:%s%s%s", doc->headline, doc->date ? "|" : "",
						      doc->date ? doc->date : "")
					  : NULL;
	if (body)
		feed_body(name, xml, body, atom, doc);
	input_tidy(doc);
}

struct feed_parse {
	int entity_line;	/* where an entity was declared; 0 if none */
};

/* Entities are how billion-laughs and external-entity attacks work; no feed needs its own. */
static void feed_refuse_entity(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
			       const xmlChar *system_id, xmlChar *content)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct feed_parse *fp = ctxt->_private;

	(void)name, (void)type, (void)public_id, (void)system_id, (void)content;
	if (!fp->entity_line)
		fp->entity_line = ctxt->input ? ctxt->input->line : 1;
	xmlStopParser(ctxt);
}

int input_parse_feed(const char *name, const char *data, size_t len, struct input_feed *feed)
{
	xmlParserCtxtPtr ctxt;
	struct feed_parse fp = { 0 };
	xmlDoc *xml = NULL;
	xmlNode *root, *channel;
	char *chan_lang = NULL;
	bool atom;
	int ret = -1;

	input_xml_quiet();
	ctxt = xmlNewParserCtxt();
	if (!ctxt || len > INT32_MAX) {
		log_error("'%s': cannot read it as XML", name);
		goto out;
	}
	ctxt->_private = &fp;
	ctxt->sax->entityDecl = feed_refuse_entity;
	/* no network, no DTD loading, no entity substitution; errors are ours to report */
	xml = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
				XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
					XML_PARSE_BIG_LINES);
	if (fp.entity_line) {
		log_error("'%s' line %d: the feed declares an entity; entities are refused (they are how "
			  "entity-expansion and external-entity attacks work)", name, fp.entity_line);
		goto out;
	}
	if (!xml || !ctxt->wellFormed) {
		const xmlError *err = xmlCtxtGetLastError(ctxt);
		char *msg = xstrdup(err && err->message ? err->message : "not well-formed");

		util_trim(msg);
		log_error("'%s' line %d: not well-formed XML: %s", name, err && err->line ? err->line : 1, msg);
		free(msg);
		goto out;
	}
	root = xmlDocGetRootElement(xml);
	/* Atom 1.0, 0.3, or a <feed> without a namespace: its children are in the root's */
	atom = root && strcmp((const char *)root->name, "feed") == 0 &&
	       (!root->ns || strcmp((const char *)root->ns->href, FEED_NS_ATOM) == 0 ||
		strcmp((const char *)root->ns->href, FEED_NS_ATOM03) == 0);
	if (!atom && !feed_is(root, NULL, "rss") && !(root && strcmp((const char *)root->name, "RDF") == 0)) {
		log_error("'%s' line %d: not an RSS or Atom feed (its root element is <%s>)", name,
			  root ? (int)xmlGetLineNo(root) : 1, root ? (const char *)root->name : "none");
		goto out;
	}
	channel = atom ? root : feed_child(root, NULL, "channel");
	feed->title = channel ? feed_title(name, xml, feed_child(channel, atom ? FEED_NS_ATOM : NULL, "title"), atom)
			      : NULL;
	if (channel && !atom) {
		chan_lang = feed_text(feed_child(channel, NULL, "language"));
		if (!chan_lang)
			chan_lang = feed_text(feed_child(channel, FEED_NS_DC, "language"));
	}
	/* RSS 2.0 has its items in the channel, RSS 1.0 beside it */
	for (xmlNode *c = channel ? channel->children : NULL; c && feed->n < FEED_MAX_ITEMS; c = c->next)
		if (feed_is(c, atom ? FEED_NS_ATOM : NULL, atom ? "entry" : "item"))
			feed_add_item(name, xml, c, atom, chan_lang, feed);
	for (xmlNode *c = !atom ? root->children : NULL; c && feed->n < FEED_MAX_ITEMS; c = c->next)
		if (feed_is(c, NULL, "item"))
			feed_add_item(name, xml, c, false, chan_lang, feed);
	if (feed->n == FEED_MAX_ITEMS)
		log_warn("'%s': only the first %d items are read", name, FEED_MAX_ITEMS);
	ret = 0;
out:
	free(chan_lang);
	if (xml)
		xmlFreeDoc(xml);
	if (ctxt)
		xmlFreeParserCtxt(ctxt);
	return ret;
}

/* The item of a feed that item names (its guid, else its number from 1), moved into doc. */
static int feed_take_item(const char *name, struct input_feed *feed, const char *item, struct document *doc)
{
	char *end;
	long k;
	size_t i = feed->n;

	/* a guid may be a number too ("1001"): an exact guid wins over a position */
	for (size_t j = 0; item && j < feed->n && i == feed->n; j++)
		if (feed->items[j].id && strcmp(feed->items[j].id, item) == 0)
			i = j;
	k = item ? strtol(item, &end, 10) : 1;
	if (i == feed->n && (!item || (!*end && end != item)) && k >= 1 && (size_t)k <= feed->n)
		i = (size_t)k - 1;
	if (i == feed->n) {
		if (!feed->n)
			log_error("'%s': the feed has no items", name);
		else if (item)
			log_error("'%s': no item '%s' (the feed has %zu, numbered from 1)", name, item, feed->n);
		return -1;
	}
	if (feed->n > 1)
		log_verbose("'%s': item %zu of %zu: %s", name, i + 1, feed->n,
			    feed->items[i].headline ? feed->items[i].headline : "(untitled)");
	document_release(doc);
	*doc = feed->items[i];
	document_init(&feed->items[i]);
	return 0;
}

int input_parse_feed_item(const char *name, const char *data, size_t len, const char *item, struct document *doc)
{
	struct input_feed feed;
	int ret;

	input_feed_init(&feed);
	ret = input_parse_feed(name, data, len, &feed) < 0 ? -1 : feed_take_item(name, &feed, item, doc);
	input_feed_release(&feed);
	return ret;
}

bool input_probe_feed(const char *data, size_t len)
{
	char root[64];
	const char *colon;

	input_root_element(data, len, root, sizeof root);
	colon = strchr(root, ':');	/* rdf:RDF */
	return strcmp(root, "rss") == 0 || strcmp(root, "feed") == 0 || (colon && strcmp(colon, ":rdf") == 0);
}

int input_read_feed(const char *path, struct input_feed *feed)
{
	const char *name = strcmp(path, "-") == 0 ? "(standard input)" : path;
	char *data = NULL;
	size_t len = 0;
	int ret = -1;

	if (util_read_file(path, INPUT_FEED_MAX_BYTES, &data, &len) == 0)
		ret = input_parse_feed(name, data, len, feed);
	free(data);
	return ret;
}
