/* extract: picks the article's region and its headline in a libxml2 tree (scores after Mozilla Readability's). */
#include "extract.h"

#include "log.h"
#include "paths.h"
#include "util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unicode/ucasemap.h>

/* What a tag is to the extractor. */
enum {
	TAG_SKIP = 1 << 0,	/* never read */
	TAG_INLINE = 1 << 1,	/* its text runs on with what is around it */
	TAG_PARA = 1 << 2,	/* a paragraph's own tag */
	TAG_MAYBE = 1 << 3,	/* read only when it holds the article (noscript, form) */
	TAG_HEADING = 1 << 4,
	TAG_LIST = 1 << 5,
};

/* What the pass learns of an element. */
enum {
	NODE_SKIPPED = 1 << 0,
	NODE_UNLIKELY = 1 << 1,		/* class or id names furniture (and nothing of an article) */
	NODE_POSITIVE = 1 << 2,
	NODE_PARAGRAPH = 1 << 3,	/* a paragraph-like block of 25 characters or more */
	NODE_INLINE_ONLY = 1 << 4,	/* no block inside: text and inline elements only */
	NODE_INLINE = 1 << 5,
	NODE_HEADING = 1 << 6,
	NODE_LIST = 1 << 7,
	NODE_TITLE = 1 << 8,	/* a heading that matches the page's title */
};

struct extract_node {
	xmlNode *node;
	size_t end;		/* the last index in its subtree: indexes are in page order */
	size_t text, links;	/* characters of text heard, and of them inside <a> */
	size_t commas;
	size_t para_text;	/* characters in its paragraph-like blocks */
	double own;		/* score of its own runs of bare text (<br><br> paragraphs) */
	double score;		/* the paragraphs' scores given to it */
	int weight;		/* class and id words: +25 positive, -25 negative each */
	unsigned flags;
	unsigned tag;
};

/* A paragraph this short scores nothing. */
#define EXTRACT_MIN_PARAGRAPH 25

struct extract_tag {
	const char *name;
	unsigned kind;
};

/* Sorted by name, for bsearch; libxml2's HTML parser lower-cases tag names. */
static const struct extract_tag extract_tags[] = {
	{ "a", TAG_INLINE },	  { "abbr", TAG_INLINE },     { "address", 0 },		 { "aside", TAG_SKIP },
	{ "audio", TAG_SKIP },	  { "b", TAG_INLINE },	      { "bdi", TAG_INLINE },	 { "bdo", TAG_INLINE },
	{ "blockquote", 0 },	  { "br", TAG_INLINE },	      { "button", TAG_SKIP },	 { "canvas", TAG_SKIP },
	{ "cite", TAG_INLINE },	  { "code", TAG_INLINE },     { "data", TAG_INLINE },	 { "dd", 0 },
	{ "del", TAG_INLINE },	  { "dfn", TAG_INLINE },      { "dialog", TAG_SKIP },	 { "dl", TAG_LIST },
	{ "em", TAG_INLINE },	  { "embed", TAG_SKIP },      { "figcaption", TAG_SKIP }, { "figure", TAG_SKIP },
	{ "font", TAG_INLINE },	  { "footer", TAG_SKIP },     { "form", TAG_MAYBE },	 { "h1", TAG_HEADING },
	{ "h2", TAG_HEADING },	  { "h3", TAG_HEADING },      { "h4", TAG_HEADING },	 { "h5", TAG_HEADING },
	{ "h6", TAG_HEADING },	  { "head", TAG_SKIP },	      { "i", TAG_INLINE },	      { "iframe", TAG_SKIP },	 { "img", TAG_SKIP },
	{ "input", TAG_SKIP },	  { "ins", TAG_INLINE },      { "kbd", TAG_INLINE },	 { "label", TAG_INLINE },
	{ "link", TAG_SKIP },	  { "map", TAG_SKIP },	      { "mark", TAG_INLINE },	 { "math", TAG_SKIP },
	{ "menu", TAG_SKIP },	  { "meta", TAG_SKIP },	      { "nav", TAG_SKIP },	 { "noscript", TAG_MAYBE },
	{ "object", TAG_SKIP },	  { "ol", TAG_LIST },	      { "option", TAG_SKIP },	 { "p", TAG_PARA },
	{ "picture", TAG_SKIP },  { "pre", TAG_PARA },	      { "q", TAG_INLINE },	 { "s", TAG_INLINE },
	{ "samp", TAG_INLINE },	  { "script", TAG_SKIP },     { "select", TAG_SKIP },	 { "small", TAG_INLINE },
	{ "source", TAG_SKIP },	  { "span", TAG_INLINE },     { "strike", TAG_INLINE },	 { "strong", TAG_INLINE },
	{ "style", TAG_SKIP },	  { "sub", TAG_INLINE },      { "sup", TAG_INLINE },	 { "svg", TAG_SKIP },
	{ "td", TAG_PARA },	  { "template", TAG_SKIP },   { "textarea", TAG_SKIP },	 { "time", TAG_INLINE },
	{ "title", 0 },		  { "track", TAG_SKIP },      { "tt", TAG_INLINE },	 { "u", TAG_INLINE },
	{ "ul", TAG_LIST },	  { "var", TAG_INLINE },      { "video", TAG_SKIP },	 { "wbr", TAG_INLINE },
};

static int extract_tag_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct extract_tag *)elem)->name);
}

static unsigned extract_tag_kind(const xmlNode *n)
{
	const struct extract_tag *t = bsearch(n->name, extract_tags, sizeof extract_tags / sizeof *extract_tags,
					      sizeof *extract_tags, extract_tag_cmp);

	return t ? t->kind : 0;
}

static bool extract_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* An attribute's value without copying it (NULL if absent or not plain text). */
static const char *extract_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (strcasecmp((const char *)a->name, name) == 0)
			return a->children && a->children->type == XML_TEXT_NODE ? (const char *)a->children->content
										     : "";
	return NULL;
}

/* Class and id words: furniture a reader never reads as the article... */
static const char *const extract_unlikely[] = {
	"ad",	      "ads",	     "adv",	     "advert",	    "advertisement", "banner",	   "breadcrumb",
	"breadcrumbs", "carousel",    "combx",	     "comment",	    "comments",	     "community",  "cookie",
	"cookies",    "credit",	     "credits",	     "disqus",	    "footer",	     "gallery",	   "gdpr",
	"masthead",   "menu",	     "modal",	     "most",	    "newsletter",    "outbrain",   "pagination",
	"player",     "popular",     "popup",	     "promo",	    "promos",	     "recommended", "related",
	"remark",     "replies",     "rss",	     "share",	    "sharing",	     "shoutbox",   "sidebar",
	"skyscraper", "slideshow",   "social",	     "sponsor",	    "sponsored",     "subscribe",  "taboola",
	"tags",	      "toolbar",     "trending",     "video",	    "widget",	     "caption",	   "nav",
	"navigation", "signup",	     "paywall",	     "teaser",	    "byline",	     "standfirst", "dek",
	"kicker",     "eyebrow",     "epic",	     "crumbs",	     "donate",	    "contribution",  "support",	   "disclaimer",
	"recirc",     "upsell",	     NULL
};
/* ... words of one... */
static const char *const extract_positive[] = { "article", "body",  "content", "entry", "hentry", "main",
						"page",	   "post",  "story",   "text",	"blog",	  "prose", NULL };
/* ... and words that lower a container's score without ruling it out. */
static const char *const extract_negative[] = { "hidden", "meta", "media", "contact", "foot", "footnote", "shopping",
						"tool", "header", "aside", "author", "bio", "card", "list", NULL };

/* The words of a class or id value ("story-body" is "story" and "body"), each compared whole
 * to the list, a plural 's' allowed. A BEM name says its role after its last "__" and
 * before "--" ("c-article__footer--wide" is a footer): only those words count. */
static bool extract_words_in(const char *v, const char *const *words)
{
	while (v && *v) {
		size_t tok, len;
		const char *end, *bem;

		v += strspn(v, " \t\r\n\f");
		tok = strcspn(v, " \t\r\n\f");
		end = v + tok;
		for (const char *q = v; q + 1 < end; q++)
			if (q[0] == '_' && q[1] == '_')
				v = q + 2;
		bem = strstr(v, "--");
		if (bem && bem < end)
			end = bem;
		while (v < end) {
			v += strspn(v, "-_:.");
			len = strcspn(v, "-_:. \t\r\n\f");
			if (v + len > end)
				len = (size_t)(end - v);
			for (size_t i = 0; len && words[i]; i++) {
				size_t wl = strlen(words[i]);

				if ((len == wl || (len == wl + 1 && (v[wl] == 's' || v[wl] == 'S'))) &&
				    strncasecmp(v, words[i], wl) == 0)
					return true;
			}
			v += len ? len : 1;
		}
		v = end + strcspn(end, " \t\r\n\f");
	}
	return false;
}

static bool extract_names(const xmlNode *n, const char *const *words)
{
	return extract_words_in(extract_attr(n, "class"), words) || extract_words_in(extract_attr(n, "id"), words);
}

/* Furniture named inside a longer word ("photocaption", "leftsidebar", "relatedstories"). */
static bool extract_names_part(const xmlNode *n)
{
	static const char *const parts[] = { "caption", "sidebar", "breadcrumb", "crumbs", "newsletter", "gallery",
					     "slideshow", "carousel", "related", "sponsor", "advert", "promo",
					     "social", NULL };
	const char *attrs[] = { extract_attr(n, "class"), extract_attr(n, "id") };

	for (size_t a = 0; a < 2; a++)
		for (size_t i = 0; attrs[a] && parts[i]; i++)
			if (strcasestr(attrs[a], parts[i]))
				return true;
	return false;
}

/* The words under a headline that sum the story up (a standfirst, a dek): shown, not read
 * (the story tells it). Not "lede": that is the story's first paragraph. */
static const char *const extract_standfirst[] = { "standfirst", "dek", "deck", "subtitle", "summary", "strapline",
						  "excerpt", NULL };
/* Notes a listener must hear wherever they are: a correction, an editor's note, an update... */
static const char *const extract_notice[] = { "correction", "clarification", "note", "update", NULL };
/* ... and notes after the story that explain it. */
static const char *const extract_footnotes[] = { "footnote", "endnote", NULL };

/* Whether a class or id value of n holds one of words, BEM modifiers included
 * ("field--name-field-summary" names a summary): words split at anything not a letter. */
static bool extract_names_any(const xmlNode *n, const char *const *words)
{
	const char *attrs[] = { extract_attr(n, "class"), extract_attr(n, "id") };

	for (size_t a = 0; a < 2; a++)
		for (const char *v = attrs[a]; v && *v;) {
			size_t len;

			while (*v && !isalpha((unsigned char)*v))
				v++;
			for (len = 0; isalpha((unsigned char)v[len]); len++)
				;
			for (size_t i = 0; len && words[i]; i++) {
				size_t wl = strlen(words[i]);

				if ((len == wl || (len == wl + 1 && tolower((unsigned char)v[wl]) == 's')) &&
				    strncasecmp(v, words[i], wl) == 0)
					return true;
			}
			v += len;
		}
	return false;
}

/* Whether n is a footnote's reference number or its way back ("<sup><a href="#fn1">1</a></sup>",
 * "<a href="#fn2">[2]</a>", "<a href="#ref1">↩</a>"): marks on the page, not words of the story. */
static bool extract_note_mark(xmlNode *n)
{
	xmlNode *a = n;
	xmlChar *text;
	const char *href;
	bool mark = true;

	if (extract_is(n, "sup"))
		for (a = n->children; a && !extract_is(a, "a"); a = a->next)
			;
	else if (!extract_is(n, "a"))
		return false;
	href = a ? extract_attr(a, "href") : NULL;
	if (!href || *href != '#')
		return false;
	text = xmlNodeGetContent(n);
	for (const unsigned char *c = text; c && *c && mark; c++)
		mark = !isalpha(*c) && (isdigit(*c) || strchr("[](), \t\r\n*", *c) || *c >= 0x80);
	/* a bare link's text: a number in brackets, or no letter or digit at all (an arrow) */
	if (mark && n == a && text && strpbrk((const char *)text, "0123456789") && !strchr((const char *)text, '['))
		mark = false;
	xmlFree(text);
	return mark;
}

static struct extract_node *extract_of(const struct extract *ex, const xmlNode *n)
{
	uintptr_t i = n && n->type == XML_ELEMENT_NODE ? (uintptr_t)n->_private : 0;

	return i && i <= ex->n_nodes ? &ex->nodes[i - 1] : NULL;
}

static size_t extract_index(const struct extract *ex, const struct extract_node *s)
{
	return (size_t)(s - ex->nodes);
}

/* Characters of a text node as heard: runs of white space count one. */
static void extract_count(const char *s, size_t *chars, size_t *commas)
{
	bool space = false;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			space = true;
			continue;
		}
		if ((c & 0xC0) == 0x80)
			continue;
		*chars += 1 + space;
		space = false;
		*commas += c == ',';
	}
	*chars += space;
}

/* Whether an element is hidden from readers by its attributes. */
static bool extract_hidden(const xmlNode *n)
{
	const char *aria = extract_attr(n, "aria-hidden"), *style = extract_attr(n, "style");

	if (extract_attr(n, "hidden") || (aria && strcasecmp(aria, "true") == 0))
		return true;
	/* display:none, with or without spaces */
	if (style) {
		const char *d = strcasestr(style, "display");

		if (d) {
			d += 7;
			d += strspn(d, " :");
			if (strncasecmp(d, "none", 4) == 0)
				return true;
		}
	}
	return false;
}

/* The first pass: statistics of n's subtree, bottom-up; indexes given top-down, so that
 * they are in page order. depth is bounded by the parser's limit (input_html.c). */
static void extract_gather(struct extract *ex, xmlNode *n)
{
	struct extract_node *s;
	size_t i, run = 0, run_commas = 0, run_links = 0, runs = 0;
	double own = 0, own_text = 0;
	unsigned kind;
	int brs = 0;
	bool blocks = false;

	kind = extract_tag_kind(n);
	i = ex->n_nodes++;
	if (i % 4096 == 0)
		ex->nodes = xrealloc(ex->nodes, (i + 4096) * sizeof *ex->nodes);
	s = &ex->nodes[i];
	memset(s, 0, sizeof *s);
	s->node = n;
	s->tag = kind;
	n->_private = (void *)(uintptr_t)(i + 1);
	if ((kind & TAG_SKIP) || extract_hidden(n) || extract_note_mark(n)) {
		s->flags |= NODE_SKIPPED;
		s->end = i;
		return;
	}
	if (kind & TAG_INLINE)
		s->flags |= NODE_INLINE;
	if (kind & TAG_HEADING)
		s->flags |= NODE_HEADING;
	if (kind & TAG_LIST)
		s->flags |= NODE_LIST;
	if (extract_names(n, extract_positive)) {
		s->flags |= NODE_POSITIVE;
		s->weight += 25;
	}
	if (extract_names(n, extract_negative) || extract_names(n, extract_unlikely))
		s->weight -= 25;
	if (!(s->flags & NODE_POSITIVE) && !extract_is(n, "body") && !extract_is(n, "html") &&
	    !extract_is(n, "article") && !extract_is(n, "main") &&
	    (extract_names(n, extract_unlikely) || extract_names_part(n)))
		s->flags |= NODE_UNLIKELY;
	for (xmlNode *c = n->children;; c = c->next) {
		size_t chars = 0, commas = 0, links = 0;
		bool end_run = c == NULL;

		if (!c) {
			/* the end: the last run */
		} else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			extract_count((const char *)c->content, &chars, &commas);
			if (chars > 1 || (chars == 1 && !isspace((unsigned char)c->content[0])))
				brs = 0;
		} else if (c->type == XML_ELEMENT_NODE) {
			const struct extract_node *cs;

			extract_gather(ex, c);
			cs = &ex->nodes[(uintptr_t)c->_private - 1];
			s = &ex->nodes[i];	/* the array may have moved */
			if (cs->flags & NODE_SKIPPED)
				continue;
			if (extract_is(c, "br")) {
				if (++brs < 2)
					continue;
				end_run = true;
			} else {
				chars = cs->text;
				commas = cs->commas;
				links = cs->links;
				s->para_text += cs->para_text;
				brs = 0;
				if (!(cs->flags & NODE_INLINE))
					end_run = blocks = true;
			}
		} else
			continue;
		s->text += chars;
		s->commas += commas;
		s->links += links;
		if (!end_run) {
			run += chars;
			run_commas += commas;
			run_links += links;
			continue;
		}
		/* a run of bare text ends (a block, <br><br>, the end): a paragraph of n's own */
		if (run >= EXTRACT_MIN_PARAGRAPH) {
			own += (1.0 + (double)run_commas + (run / 100 < 3 ? (double)run / 100 : 3)) *
			       (1.0 - (double)run_links / (double)run);
			own_text += (double)run;
			runs++;
		}
		run = run_commas = run_links = 0;
		if (!c)
			break;
	}
	if (!blocks)
		s->flags |= NODE_INLINE_ONLY;
	if (extract_is(n, "a"))
		s->links = s->text;
	/* an inline element holding paragraphs (<font> around a story in <br><br>s) is a block */
	if (runs >= 2)
		s->flags &= ~(unsigned)NODE_INLINE;
	/* a paragraph: <p>, <pre>, <td>, or a block of text and inline elements only ("div as p");
	 * one split by <br><br> is a container of paragraphs */
	if (s->text >= EXTRACT_MIN_PARAGRAPH && runs < 2 && !(s->flags & (NODE_INLINE | NODE_HEADING | NODE_LIST)) &&
	    (s->flags & NODE_INLINE_ONLY) && !extract_is(n, "li") && !extract_is(n, "dt") && !extract_is(n, "dd") &&
	    !extract_is(n, "body") && !extract_is(n, "title")) {
		s->flags |= NODE_PARAGRAPH;
		s->para_text = s->text;
		if (s->text <= 400 && extract_names_any(n, extract_standfirst))
			s->flags |= NODE_UNLIKELY;
	} else if (blocks || runs >= 2) {
		s->own = own;
		s->para_text += (size_t)own_text;
	}
	if (extract_is(n, "h1") && s->text && !(s->flags & NODE_SKIPPED)) {
		if (ex->n_h1s % 16 == 0)
			ex->h1s = xrealloc(ex->h1s, (ex->n_h1s + 16) * sizeof *ex->h1s);
		ex->h1s[ex->n_h1s++] = i;
	}
	/* <noscript> and <form> are read only when they hold the article (a page's text
	 * without scripts; a site wrapped whole in a form), not a notice or a search box */
	if ((kind & TAG_MAYBE) && s->para_text < 200) {
		s->flags |= NODE_SKIPPED;
		s->text = s->links = s->commas = s->para_text = 0;
		s->own = 0;
	}
	s->end = ex->n_nodes - 1;
}

/* A paragraph's score: 1, its commas, a point per 100 characters up to 3; less its links. */
static double extract_paragraph_score(const struct extract_node *p)
{
	double len = (double)p->text;

	return (1.0 + (double)p->commas + (len / 100 < 3 ? len / 100 : 3)) * (1.0 - (double)p->links / len);
}

/* Gives a score to n's ancestors: the first in full, the next half, further ones less. */
static void extract_propagate(struct extract *ex, xmlNode *n, double score)
{
	int level = 0;

	for (xmlNode *a = n; a && a->type == XML_ELEMENT_NODE && level < 5; a = a->parent, level++) {
		struct extract_node *as = extract_of(ex, a);

		if (!as)
			break;
		as->score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
	}
}

/* The second pass: paragraphs score their containers, unless inside furniture. */
static void extract_score(struct extract *ex, xmlNode *n, bool unlikely)
{
	struct extract_node *s = extract_of(ex, n);

	if (!s || (s->flags & NODE_SKIPPED))
		return;
	unlikely |= (s->flags & NODE_UNLIKELY) != 0;
	if (!unlikely && (s->flags & NODE_PARAGRAPH)) {
		extract_propagate(ex, n->parent, extract_paragraph_score(s));
		return;
	}
	if (!unlikely && s->own > 0)
		extract_propagate(ex, n, s->own);
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			extract_score(ex, c, unlikely);
}

static double extract_density(const struct extract_node *s)
{
	return s->text ? (double)s->links / (double)s->text : 0;
}

/* A container's final score: its paragraphs', its tag's and its names', less its links. */
static double extract_final(const struct extract_node *s)
{
	const xmlNode *n = s->node;
	double base = 0;

	if (s->score <= 0 || (s->flags & (NODE_SKIPPED | NODE_UNLIKELY)) || extract_is(n, "head"))
		return 0;
	if (extract_is(n, "div") || extract_is(n, "article") || extract_is(n, "section") || extract_is(n, "main"))
		base = 5;
	else if (extract_is(n, "pre") || extract_is(n, "td") || extract_is(n, "blockquote"))
		base = 3;
	else if (extract_is(n, "ol") || extract_is(n, "ul") || extract_is(n, "dl") || extract_is(n, "li") ||
		 extract_is(n, "form") || extract_is(n, "address"))
		base = -3;
	else if ((s->flags & NODE_HEADING) || extract_is(n, "th"))
		base = -5;
	return (s->score + base + s->weight) * (1.0 - extract_density(s));
}

static bool extract_contains(const struct extract_node *a, const struct extract_node *b, const struct extract *ex)
{
	size_t ib = extract_index(ex, b);

	return extract_index(ex, a) <= ib && ib <= a->end;
}

static bool extract_top_level(const xmlNode *n)
{
	return !n || n->type != XML_ELEMENT_NODE || extract_is(n, "body") || extract_is(n, "html");
}

static void extract_add(struct extract *ex, xmlNode *n, size_t *cap)
{
	if (ex->n_region == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		ex->region = xrealloc(ex->region, *cap * sizeof *ex->region);
	}
	ex->region[ex->n_region++] = n;
}

static int extract_order(const void *a, const void *b)
{
	uintptr_t ia = (uintptr_t)(*(xmlNode *const *)a)->_private, ib = (uintptr_t)(*(xmlNode *const *)b)->_private;

	return ia < ib ? -1 : ia > ib;
}

/* Whether a sibling of the region carries article text: a paragraph long enough with few
 * links, or a short one with none that ends a sentence. */
static bool extract_paragraph_joins(const struct extract *ex, const struct extract_node *s)
{
	double ld = extract_density(s);

	if (!(s->flags & NODE_PARAGRAPH) && !extract_is(s->node, "p"))
		return false;
	if (s->flags & (NODE_UNLIKELY | NODE_SKIPPED))
		return false;
	if (s->text > 80)
		return ld < 0.25;
	if (ld > 0 || !s->text)
		return false;
	{
		char *t = extract_text(ex, s->node);
		size_t len = strlen(t);
		bool sentence = len && strchr(".!?\"\xe2\x80\x9d", t[len - 1]) != NULL;

		free(t);
		return sentence;
	}
}

/* Whether s is a note the page names a correction, an editor's note or an update: read above
 * the story or in it, when it says something (not a bare "Updated 12 March"). */
static bool extract_notice_joins(const struct extract_node *s)
{
	return !(s->flags & (NODE_UNLIKELY | NODE_SKIPPED)) && s->text >= 40 && extract_density(s) < 0.5 &&
	       extract_names(s->node, extract_notice);
}

/* Whether s belongs to another story than the headline's: it holds an <h1> but not the
 * headline's, or another <h1> comes between the headline and it (an article appended
 * below, a teaser's own headline). Without a matching headline nothing is foreign. */
static bool extract_foreign(const struct extract *ex, const struct extract_node *s)
{
	size_t i = extract_index(ex, s), t = ex->title - 1;

	if (!ex->title || !extract_is(ex->nodes[t].node, "h1") || (i <= t && t <= s->end))
		return false;
	for (size_t k = 0; k < ex->n_h1s; k++) {
		size_t h = ex->h1s[k];

		/* a copy of the headline (a sticky bar's) is no other story's */
		if (h != t && !(ex->nodes[h].flags & NODE_TITLE) && ((i < h && h <= s->end) || (t < h && h < i)))
			return true;
	}
	return false;
}

/* The region: the best container, climbed and joined with its siblings (see extract.h). */
static void extract_pick(struct extract *ex)
{
	struct extract_node *top = NULL, *alt[5] = { NULL };
	double best = 0, alt_score[5] = { 0 }, threshold;
	xmlNode *parent;
	size_t cap = 0, first = SIZE_MAX, last = 0;

	for (size_t i = 0; i < ex->n_nodes; i++) {
		struct extract_node *s = &ex->nodes[i];
		double f = extract_top_level(s->node) ? 0 : extract_final(s);

		if (f <= 0 || extract_foreign(ex, s))
			continue;
		/* the five best, in order */
		for (int k = 0; k < 5; k++) {
			if (f > alt_score[k]) {
				memmove(&alt[k + 1], &alt[k], (size_t)(4 - k) * sizeof *alt);
				memmove(&alt_score[k + 1], &alt_score[k], (size_t)(4 - k) * sizeof *alt_score);
				alt[k] = s;
				alt_score[k] = f;
				break;
			}
		}
	}
	top = alt[0];
	best = alt_score[0];
	for (int k = 0; k < 5 && alt[k]; k++)
		log_verbose("'%s' line %d: candidate <%s>, score %.1f (paragraphs %.1f, names %+d, link density %.2f)",
			    ex->name, (int)xmlGetLineNo(alt[k]->node), (const char *)alt[k]->node->name, alt_score[k],
			    alt[k]->score, alt[k]->weight, extract_density(alt[k]));
	if (!top) {
		/* no paragraph anywhere: the body, read as it is */
		xmlNode *body = ex->root;

		for (xmlNode *c = ex->root->children; c; c = c->next)
			if (extract_is(c, "body"))
				body = c;
		log_verbose("'%s': no paragraph scored; the whole <%s> is read", ex->name, (const char *)body->name);
		extract_add(ex, body, &cap);
		return;
	}
	log_verbose("'%s' line %d: best container <%s>, score %.1f", ex->name, (int)xmlGetLineNo(top->node),
		    (const char *)top->node->name, best);
	/* another container nearly as good, not inside nor around it: the article is split
	 * (sections between figures, asides, ads); their shared ancestor holds it, if close */
	for (int k = 1; k < 5 && alt[k]; k++) {
		int level = 0;

		if (alt_score[k] < 0.4 * best || extract_contains(top, alt[k], ex) || extract_contains(alt[k], top, ex))
			continue;
		for (xmlNode *a = top->node->parent; !extract_top_level(a) && level < 3; a = a->parent, level++) {
			struct extract_node *as = extract_of(ex, a);

			if (as && extract_contains(as, alt[k], ex) && !extract_foreign(ex, as)) {
				log_verbose("'%s' line %d: the article goes on at line %d; climbed to their shared <%s> "
					    "at line %d",
					    ex->name, (int)xmlGetLineNo(top->node), (int)xmlGetLineNo(alt[k]->node),
					    (const char *)a->name, (int)xmlGetLineNo(a));
				top = as;
				break;
			}
		}
		break;
	}
	/* a parent scoring more holds more of the article */
	{
		double last_score = extract_final(top), floor_score = last_score / 3;

		for (xmlNode *a = top->node->parent; !extract_top_level(a); a = a->parent) {
			struct extract_node *as = extract_of(ex, a);
			double f = as ? extract_final(as) : 0;

			if (!as || f <= 0)
				continue;
			if (f < floor_score || extract_foreign(ex, as))
				break;
			if (f > last_score) {
				log_verbose("'%s' line %d: its parent <%s> at line %d scores more (%.1f); climbed",
					    ex->name, (int)xmlGetLineNo(top->node), (const char *)a->name,
					    (int)xmlGetLineNo(a), f);
				top = as;
				break;
			}
			last_score = f;
		}
	}
	/* an only child stands for its parent */
	while (!extract_top_level(top->node->parent) && xmlChildElementCount(top->node->parent) == 1 &&
	       extract_of(ex, top->node->parent) &&
	       !(extract_of(ex, top->node->parent)->flags & (NODE_SKIPPED | NODE_UNLIKELY)) &&
	       !extract_foreign(ex, extract_of(ex, top->node->parent)))
		top = extract_of(ex, top->node->parent);
	best = extract_final(top) > best ? extract_final(top) : best;
	parent = top->node->parent;
	/* siblings are joined under <body> too, never under <html> */
	if (!parent || parent->type != XML_ELEMENT_NODE || extract_is(parent, "html")) {
		extract_add(ex, top->node, &cap);
		return;
	}
	/* its siblings that carry article text */
	threshold = best * 0.2 > 10 ? best * 0.2 : 10;
	for (xmlNode *c = parent->children; c; c = c->next) {
		struct extract_node *cs = extract_of(ex, c);
		const char *cls = extract_attr(top->node, "class"), *ccls;
		double bonus = 0;
		bool join;

		if (!cs || (cs->flags & (NODE_SKIPPED | NODE_UNLIKELY)) || (cs != top && extract_foreign(ex, cs)))
			continue;
		if (cs == top) {
			join = true;
		} else {
			ccls = extract_attr(c, "class");
			if (cls && *cls && ccls && strcmp(cls, ccls) == 0)
				bonus = best * 0.2;
			join = (extract_final(cs) > 0 && extract_final(cs) + bonus >= threshold &&
				extract_density(cs) < 0.5) ||
			       extract_paragraph_joins(ex, cs) || extract_notice_joins(cs) ||
			       (extract_index(ex, cs) > extract_index(ex, top) && extract_names(c, extract_footnotes) &&
				cs->text && extract_density(cs) < 0.5);
			if (join)
				log_verbose("'%s' line %d: sibling <%s> joined (score %.1f, link density %.2f)", ex->name,
					    (int)xmlGetLineNo(c), (const char *)c->name, extract_final(cs),
					    extract_density(cs));
		}
		if (join) {
			size_t idx = extract_index(ex, cs);

			extract_add(ex, c, &cap);
			first = idx < first ? idx : first;
			last = idx > last ? idx : last;
		}
	}
	/* subheadings, rules, quotes and lists of the story between joined parts */
	for (xmlNode *c = parent->children; c; c = c->next) {
		struct extract_node *cs = extract_of(ex, c);
		size_t idx;

		if (!cs || (cs->flags & (NODE_SKIPPED | NODE_UNLIKELY)) || extract_foreign(ex, cs))
			continue;
		idx = extract_index(ex, cs);
		if (idx <= first || idx >= last || extract_density(cs) >= 0.5)
			continue;
		if ((cs->flags & (NODE_HEADING | NODE_LIST)) || extract_is(c, "hr") || extract_is(c, "blockquote")) {
			bool in = false;

			for (size_t r = 0; r < ex->n_region && !in; r++)
				in = ex->region[r] == c;
			if (!in)
				extract_add(ex, c, &cap);
		}
	}
	/* the paragraphs of its ancestors, a level or three up: a lede outside a "read more"
	 * container, a last paragraph after it */
	{
		xmlNode *path = parent;
		int level = 0;

		for (xmlNode *a = parent->parent; !extract_top_level(a) && level < 3; path = a, a = a->parent, level++) {
			for (xmlNode *c = a->children; c; c = c->next) {
				struct extract_node *cs = extract_of(ex, c);

				if (c == path || !cs || !(extract_paragraph_joins(ex, cs) || extract_notice_joins(cs)) ||
				    extract_foreign(ex, cs))
					continue;
				log_verbose("'%s' line %d: paragraph <%s> outside the container joined", ex->name,
					    (int)xmlGetLineNo(c), (const char *)c->name);
				extract_add(ex, c, &cap);
			}
		}
	}
	qsort(ex->region, ex->n_region, sizeof *ex->region, extract_order);
}

static void extract_match_headings(struct extract *ex, const struct extract_title *title);
static void extract_choose_headline(struct extract *ex);

void extract_init(struct extract *ex, const char *name, xmlNode *root, const struct extract_title *title)
{
	memset(ex, 0, sizeof *ex);
	ex->name = name;
	ex->root = root;
	if (!root || root->type != XML_ELEMENT_NODE)
		return;
	extract_gather(ex, root);
	if (!title)
		return;
	extract_score(ex, root, false);
	extract_match_headings(ex, title);
	extract_pick(ex);
	extract_choose_headline(ex);
}

void extract_release(struct extract *ex)
{
	for (size_t i = 0; i < ex->n_nodes; i++)
		ex->nodes[i].node->_private = NULL;
	for (size_t r = 0; r < ex->n_refs; r++)
		free(ex->refs[r]);
	free(ex->nodes);
	free(ex->h1s);
	free(ex->region);
	free(ex->headline);
	memset(ex, 0, sizeof *ex);
}

bool extract_inline(const struct extract *ex, xmlNode *n)
{
	const struct extract_node *s = extract_of(ex, n);

	if (n->type != XML_ELEMENT_NODE || extract_is(n, "br"))
		return false;
	return s ? (s->flags & NODE_INLINE) != 0 : (extract_tag_kind(n) & TAG_INLINE) != 0;
}

double extract_link_density(const struct extract *ex, xmlNode *n)
{
	const struct extract_node *s = extract_of(ex, n);

	return s ? extract_density(s) : 0;
}

size_t extract_text_length(const struct extract *ex, xmlNode *n)
{
	const struct extract_node *s = extract_of(ex, n);

	return s ? s->text : 0;
}

bool extract_layout(const struct extract *ex, xmlNode *n)
{
	const struct extract_node *s = extract_of(ex, n);

	return s && s->para_text >= 200;
}

bool extract_skipped(const struct extract *ex, xmlNode *n)
{
	const struct extract_node *s;

	if (n->type != XML_ELEMENT_NODE)
		return false;
	s = extract_of(ex, n);
	if (s)
		return (s->flags & NODE_SKIPPED) != 0;
	return (extract_tag_kind(n) & (TAG_SKIP | TAG_MAYBE)) || extract_hidden(n);
}

void extract_text_into(const struct extract *ex, xmlNode *n, struct strbuf *out)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			strbuf_adds(out, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE && !extract_skipped(ex, c)) {
			bool block = !extract_inline(ex, c);

			if (block)
				strbuf_addc(out, ' ');
			extract_text_into(ex, c, out);
			if (block)
				strbuf_addc(out, ' ');
		}
	}
}

char *extract_text(const struct extract *ex, xmlNode *n)
{
	struct strbuf sb;

	strbuf_init(&sb);
	extract_text_into(ex, n, &sb);
	util_squeeze_spaces(sb.buf);
	return strbuf_detach(&sb);
}

/* Whether s begins with word and a non-letter follows (s and word lower-cased). */
static bool extract_starts(const char *s, const char *word)
{
	size_t len = strlen(word);

	return strncmp(s, word, len) == 0 && !isalpha((unsigned char)s[len]);
}

/* ---- the phrases of clutter, by language ---- */

/* The kinds of phrase in rules/clutter and rules/LANG/clutter (that file's head says what each does). */
enum extract_kind { KIND_PLAYER, KIND_PROMO, KIND_LABEL, KIND_ALONE, KIND_CREDIT, KIND_BY, KIND_MARK, KIND_MARK_LINE,
		    KIND_AGENCY, KIND_READING, KIND_OF, KIND_COUNT };
static const char *const extract_kind_names[KIND_COUNT] = { "player", "promo", "label", "alone", "credit", "by",
							    "mark", "mark-line", "agency", "reading", "of" };

/* A language's phrases, the shared ones first, lower-cased; read once a process. */
struct extract_phrases {
	char lang[4];		/* the folder they came from: "en", "de" ... */
	char **words[KIND_COUNT];
	size_t n[KIND_COUNT], cap[KIND_COUNT];
	struct extract_phrases *next;
};

static struct extract_phrases *extract_phrase_sets;

/* s lower-cased (Unicode, no locale's special cases), as a new string. */
static char *extract_lower(const char *s)
{
	static UCaseMap *map;
	UErrorCode err = U_ZERO_ERROR;
	int32_t len = (int32_t)strlen(s), need;
	char *out = xmalloc((size_t)len + 1);

	if (!map && !(map = ucasemap_open("", 0, &err)))
		goto copy;
	need = ucasemap_utf8ToLower(map, out, len + 1, s, len, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		/* a few letters grow when lower-cased ("İ") */
		free(out);
		out = xmalloc((size_t)need + 1);
		err = U_ZERO_ERROR;
		ucasemap_utf8ToLower(map, out, need + 1, s, len, &err);
	}
	if (U_SUCCESS(err) && err != U_STRING_NOT_TERMINATED_WARNING)
		return out;
	free(out);
	out = xmalloc((size_t)len + 1);
copy:
	/* not expected: ASCII's case at least */
	for (int32_t i = 0; i <= len; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	return out;
}

struct extract_load {
	struct extract_phrases *set;
	const char *path;
};

/* "KIND PHRASE": a phrase added to its kind; an unknown kind is reported and the line left out. */
static int extract_phrase_line(char *line, int number, void *ud)
{
	struct extract_load *l = ud;
	size_t klen = strcspn(line, " \t");
	char *phrase = line + klen;

	phrase += strspn(phrase, " \t");
	for (int k = 0; k < KIND_COUNT; k++)
		if (strlen(extract_kind_names[k]) == klen && strncmp(line, extract_kind_names[k], klen) == 0 && *phrase) {
			util_grow((void **)&l->set->words[k], &l->set->cap[k], l->set->n[k] + 1, sizeof(char *));
			l->set->words[k][l->set->n[k]++] = extract_lower(phrase);
			return 0;
		}
	log_error("'%s' line %d: not \"KIND PHRASE\" with a kind of player, promo, label, alone, credit, by, "
		  "mark, mark-line, agency, reading or of; left out", l->path, number);
	return 0;
}

/* Adds the phrases of the file at path to set; a file that cannot be read is reported (once: the set is kept). */
static void extract_phrases_load(struct extract_phrases *set, const char *path)
{
	struct extract_load l = { set, path };
	char *text = NULL;
	size_t len;

	if (util_read_regular(path, "phrases", 1u << 20, 0, &text, &len) < 0)
		return;
	util_each_line(text, extract_phrase_line, &l);
	free(text);
}

/* The phrases for a page in language (a BCP 47 tag; NULL: none named): the shared ones and
 * rules/LANG/clutter, or English's when the language has none. */
static const struct extract_phrases *extract_phrases_for(const char *language)
{
	size_t len = language ? strcspn(language, "-_") : 0;
	char lang[4] = "en", *path = NULL;
	struct extract_phrases *set;
	struct stat st;

	if (len >= 2 && len <= 3) {
		char try[4] = "";
		bool letters = true;

		for (size_t i = 0; i < len; i++) {
			letters = letters && isalpha((unsigned char)language[i]);
			try[i] = (char)tolower((unsigned char)language[i]);
		}
		path = letters ? xasprintf("%s/%s/clutter", paths_rules_dir(), try) : NULL;
		if (path && stat(path, &st) == 0 && S_ISREG(st.st_mode))
			memcpy(lang, try, sizeof lang);
		free(path);
	}
	for (set = extract_phrase_sets; set; set = set->next)
		if (strcmp(set->lang, lang) == 0)
			return set;
	set = xcalloc(1, sizeof *set);
	memcpy(set->lang, lang, sizeof lang);
	path = xasprintf("%s/clutter", paths_rules_dir());
	extract_phrases_load(set, path);
	free(path);
	path = xasprintf("%s/%s/clutter", paths_rules_dir(), lang);
	extract_phrases_load(set, path);
	free(path);
	set->next = extract_phrase_sets;
	extract_phrase_sets = set;
	return set;
}

/* The length of a counter's word and the space after it at p ("of " of "3 of 50"), or 0. */
static size_t extract_counter_word(const struct extract_phrases *ph, const char *p)
{
	for (size_t i = 0; i < ph->n[KIND_OF]; i++) {
		size_t n = strlen(ph->words[KIND_OF][i]);

		if (strncasecmp(p, ph->words[KIND_OF][i], n) == 0 && p[n] == ' ')
			return n + 1;
	}
	return 0;
}

/* Counters of a gallery ("3/50", "3 of 50") or a player's duration ("2:45") at the start (t as written:
 * a capital after the count starts a caption). */
static bool extract_counter(const struct extract_phrases *ph, const char *t, bool *duration)
{
	const char *p = t;
	size_t of;

	*duration = false;
	if (!isdigit((unsigned char)*p))
		return false;
	/* a player's time, alone: "2:45", "0:00 / 2:45" */
	if (strspn(t, "0123456789:/ ") == strlen(t) && strchr(t, ':')) {
		*duration = true;
		return true;
	}
	p += strspn(p, "0123456789");
	p += strspn(p, " ");
	if (*p == '/')
		p++;
	else if ((of = extract_counter_word(ph, p)))
		p += of;
	else
		return false;
	p += strspn(p, " ");
	if (!isdigit((unsigned char)*p))
		return false;
	p += strspn(p, "0123456789");
	/* then the end or a caption's first word: "2/3 of residents" is a fraction */
	p += strspn(p, " ");
	return !*p || !islower((unsigned char)*p);
}

/* The first place word occurs in t as a whole word (both lower-cased): no letter on either side. */
static const char *extract_find_word(const char *t, const char *word)
{
	size_t len = strlen(word);

	for (const char *p = t; (p = strstr(p, word)); p++)
		if ((p == t || !isalpha((unsigned char)p[-1])) && !isalpha((unsigned char)p[len]))
			return p;
	return NULL;
}

/* Whether a block's text ends as a sentence does (a full stop, a closing quote). */
static bool extract_sentence(const char *t, size_t len)
{
	return len && (strchr(".!?\"'", t[len - 1]) ||
		       (len >= 3 && (strcmp(t + len - 3, "\xe2\x80\x9d") == 0 || strcmp(t + len - 3, "\xe2\x80\x99") == 0)));
}

/* Whether a separator (':', '|', a dash) follows word at the start of t: "Related: …", "Now playing | …". */
static bool extract_labelled(const char *t, const char *word)
{
	const char *after = t + strlen(word);

	after += strspn(after, " ");
	return *after && strchr(":|-\xe2\xc2", *after);
}

/* Whether t (lower-cased) is a media player's labels: mostly made of them (a lone "Fullscreen",
 * "Current Time 0:00"), a heap of several ("Play Video Play Mute Current Time …"), or one heading
 * a label ("Now playing: …"). One named in a story's sentence ("the current time limit") is not. */
static bool extract_player(const struct extract_phrases *ph, const char *t, size_t len)
{
	size_t hits = 0, covered = 0;

	for (size_t i = 0; i < ph->n[KIND_PLAYER]; i++) {
		const char *label = ph->words[KIND_PLAYER][i], *p = strstr(t, label);
		size_t pl = strlen(label);

		if (!p)
			continue;
		if (p == t && extract_labelled(t, label))
			return true;
		hits++;
		for (; p; p = strstr(p + pl, label))
			covered += pl;
	}
	return hits && (2 * covered >= len || (hits >= 3 && 3 * covered >= len));
}

/* Whether t starts with one of the phrases of a kind; *which is the phrase. */
static bool extract_starts_any(const struct extract_phrases *ph, enum extract_kind kind, const char *t,
			       const char **which)
{
	for (size_t i = 0; i < ph->n[kind]; i++)
		if (extract_starts(t, ph->words[kind][i])) {
			*which = ph->words[kind][i];
			return true;
		}
	return false;
}

/* Why a short block's text is clutter, or NULL (written as written, t lower-cased, len its length). Words a story's
 * sentence may hold too count only in a block too short to be a paragraph, or shaped as a label
 * ("Related: …"), or made of links: a paragraph is never left out for a phrase inside it. The
 * phrases are the page's language's (rules/LANG/clutter) and every language's (rules/clutter). */
static const char *extract_clutter_text(const struct extract_phrases *ph, const char *written, const char *t,
					size_t len, bool leaf, double links)
{
	bool duration, sentence = extract_sentence(t, len);
	const char *w;

	if (extract_player(ph, t, len))
		return "media-player labels";
	if (len > 300)
		return NULL;
	/* a time stamp heads a live blog's entries: a duration is one only alone or on a card */
	if (extract_counter(ph, written, &duration) && (!duration || leaf))
		return duration ? "a duration" : "a gallery's counter";
	if (len <= 60)
		for (size_t i = 0; i < ph->n[KIND_READING]; i++)
			if (extract_find_word(t, ph->words[KIND_READING][i]))
				return "a reading time";
	if (len <= 200) {
		/* phrases that promos begin with; a sentence may too ("Next on the list is …") */
		if (extract_starts_any(ph, KIND_PROMO, t, &w) &&
		    (len <= 40 || !sentence || memchr(t, ':', len < 60 ? len : 60) || links > 0.3))
			return "a promo or a link to elsewhere";
		/* ... and words a sentence often begins with: "Related: …", not "Sign up for the scheme opens in March" */
		for (size_t i = 0; i < ph->n[KIND_LABEL]; i++)
			if (extract_starts(t, ph->words[KIND_LABEL][i]) &&
			    (len <= 40 || extract_labelled(t, ph->words[KIND_LABEL][i]) || links > 0.3))
				return "a promo or a link to elsewhere";
		/* ... and words that are labels only alone ("Anzeige", not "Anzeige gegen Unbekannt") */
		for (size_t i = 0; i < ph->n[KIND_ALONE]; i++) {
			size_t n = strlen(ph->words[KIND_ALONE][i]);

			if (strncmp(t, ph->words[KIND_ALONE][i], n) == 0 && !t[n + strspn(t + n, " :|-.!")])
				return "a promo or a link to elsewhere";
		}
	}
	if (len <= 120) {
		/* a credit's first word, then a colon, a slash or "by": "Photo: …", "Image by …" */
		for (size_t i = 0; i < ph->n[KIND_CREDIT]; i++) {
			const char *after;

			/* the word first: t may be shorter than it */
			if (!extract_starts(t, ph->words[KIND_CREDIT][i]))
				continue;
			after = t + strlen(ph->words[KIND_CREDIT][i]);
			after += strspn(after, " ");
			if (*after == ':' || *after == '/' || (len <= 60 && extract_starts_any(ph, KIND_BY, after, &w)))
				return "a credit";
		}
		/* ... or a credit whatever follows ("copyright" when not a sentence) */
		if (extract_starts_any(ph, KIND_MARK, t, &w) || (!sentence && extract_starts_any(ph, KIND_MARK_LINE, t, &w)))
			return "a credit";
		/* an agency's name in a short line that is not a sentence ("Ana Ruiz/Reuters") */
		if (len <= 60 && !sentence)
			for (size_t i = 0; i < ph->n[KIND_AGENCY]; i++)
				if (extract_find_word(t, ph->words[KIND_AGENCY][i]))
					return "a credit";
		/* a trail's or a link's arrows; not French quotes (« … ») */
		if ((strstr(t, "\xe2\x80\xba") || strstr(t, "\xc2\xbb")) && !strstr(t, "\xc2\xab") && !strstr(t, "\xe2\x80\xb9"))
			return "a breadcrumb or a link's arrow";
	}
	return NULL;
}

bool extract_clutter(const struct extract *ex, xmlNode *n)
{
	const struct extract_node *s = extract_of(ex, n);
	const char *why = NULL;
	char *t = NULL;

	if (!s || (s->flags & NODE_SKIPPED))
		return false;
	for (size_t r = 0; r < ex->n_region; r++)
		if (ex->region[r] == n)
			return false;
	if (s->flags & NODE_UNLIKELY)
		why = "its class or id names furniture";
	else if (s->flags & NODE_INLINE)
		return false;	/* the text of a paragraph: judged with it */
	else if (s->text && extract_density(s) > 0.5 && !(s->flags & NODE_INLINE) &&
		 (s->text < 200 || !(s->flags & NODE_PARAGRAPH)))
		why = "mostly links";
	else if (s->text && s->text <= 600 && !(s->flags & NODE_INLINE)) {
		char *lower;

		t = extract_text(ex, n);
		lower = extract_lower(t);
		why = extract_clutter_text(extract_phrases_for(ex->language), t, lower, strlen(lower),
					   (s->flags & NODE_INLINE_ONLY) != 0, extract_density(s));
		free(lower);
	}
	if (why) {
		if (!t)
			t = extract_text(ex, n);
		if (strlen(t) > 60) {
			size_t cut = 57;

			/* back to the start of a UTF-8 character: the log line stays valid UTF-8 */
			while (cut > 0 && ((unsigned char)t[cut] & 0xc0) == 0x80)
				cut--;
			strcpy(t + cut, "...");
		}
		log_verbose("'%s' line %d: <%s> not read, %s: %s", ex->name, (int)xmlGetLineNo(n),
			    (const char *)n->name, why, t);
	}
	free(t);
	return why != NULL;
}

/* ---- the headline ---- */

#define EXTRACT_MAX_WORDS 64

/* The words of s, lower-cased (ASCII), each a new string, at most EXTRACT_MAX_WORDS. */
static size_t extract_words(const char *s, char **words)
{
	size_t n = 0;

	while (s && *s && n < EXTRACT_MAX_WORDS) {
		size_t len;

		while (*s && !isalnum((unsigned char)*s) && !((unsigned char)*s & 0x80))
			s++;
		len = 0;
		while (s[len] && (isalnum((unsigned char)s[len]) || ((unsigned char)s[len] & 0x80)))
			len++;
		if (!len)
			break;
		words[n] = xstrndup(s, len);
		for (char *p = words[n]; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		n++;
		s += len;
	}
	return n;
}

/* How alike two texts' words are: 2·common / (both counts), from 0 to 1. Long texts count
 * their words past the first EXTRACT_MAX_WORDS as unmatched. */
static double extract_match(const char *a, const char *b)
{
	char *wa[EXTRACT_MAX_WORDS], *wb[EXTRACT_MAX_WORDS];
	size_t na = extract_words(a, wa), nb = extract_words(b, wb), common = 0, ca, cb;
	bool used[EXTRACT_MAX_WORDS] = { false };

	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (!used[j] && strcmp(wa[i], wb[j]) == 0) {
				used[j] = true;
				common++;
				break;
			}
	ca = na == EXTRACT_MAX_WORDS ? util_count_words(a) : na;
	cb = nb == EXTRACT_MAX_WORDS ? util_count_words(b) : nb;
	for (size_t i = 0; i < na; i++)
		free(wa[i]);
	for (size_t j = 0; j < nb; j++)
		free(wb[j]);
	return ca + cb ? 2.0 * (double)common / (double)(ca + cb) : 0;
}

/* A title less its site's name: "Headline | Site" → "Headline"; the longest part left. */
static char *extract_clean_title(const char *title, const char *site)
{
	static const char *const seps[] = { " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ",
					    " \xc2\xb7 ", " / ", NULL };
	const char *best = title, *p = title;
	size_t best_len = 0, best_words = 0;
	bool split = false;

	if (!title)
		return NULL;
	while (*p) {
		size_t len = strlen(p), sep_len = 0;

		for (size_t i = 0; seps[i]; i++) {
			const char *q = strstr(p, seps[i]);

			if (q && (size_t)(q - p) < len) {
				len = (size_t)(q - p);
				sep_len = strlen(seps[i]);
			}
		}
		{
			char *part = xstrndup(p, len);
			size_t words = util_count_words(part);

			if (words > best_words && !(site && extract_match(part, site) > 0.8)) {
				best = p;
				best_len = len;
				best_words = words;
			}
			free(part);
		}
		split |= sep_len != 0;
		p += len + sep_len;
		if (!sep_len)
			break;
	}
	if (!split || !best_words)
		return xstrdup(title);
	{
		char *t = xstrndup(best, best_len);

		util_squeeze_spaces(t);
		return t;
	}
}

/* How well heading s matches the titles, 0 to 1. */
static double extract_heading_match(const struct extract *ex, const struct extract_node *s, char **text)
{
	double m = 0;

	*text = extract_text(ex, s->node);
	for (size_t r = 0; r < ex->n_refs && **text; r++) {
		double mr = extract_match(*text, ex->refs[r]);

		m = mr > m ? mr : m;
	}
	return m;
}

/* Whether heading s is inside a skipped element. */
static bool extract_hidden_heading(const struct extract *ex, const struct extract_node *s)
{
	if (s->flags & NODE_SKIPPED)
		return true;
	for (xmlNode *a = s->node->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent)
		if (extract_skipped(ex, a))
			return true;
	return false;
}

/* The titles, cleaned, and the heading that matches them best (the first of equals),
 * before the region is known: it tells the region which story is the page's. */
static void extract_match_headings(struct extract *ex, const struct extract_title *title)
{
	double best = 0;

	if (title->ld && *title->ld)
		ex->refs[ex->n_refs++] = xstrdup(title->ld);
	if (title->og && *title->og)
		ex->refs[ex->n_refs++] = extract_clean_title(title->og, title->site);
	if (title->title && *title->title)
		ex->refs[ex->n_refs++] = extract_clean_title(title->title, title->site);
	for (int level = 1; level <= 2 && !ex->title && ex->n_refs; level++) {
		const char *tag = level == 1 ? "h1" : "h2";

		for (size_t i = 0; i < ex->n_nodes; i++) {
			struct extract_node *s = &ex->nodes[i];
			char *t;
			double m;

			if (!extract_is(s->node, tag) || extract_hidden_heading(ex, s))
				continue;
			m = extract_heading_match(ex, s, &t);
			free(t);
			if (m > 0.5)
				s->flags |= NODE_TITLE;
			if (m > 0.5 && m > best + 0.1) {
				best = m;
				ex->title = i + 1;
			}
		}
	}
}

/* The headline, now that the region is known (see extract_init). */
static void extract_choose_headline(struct extract *ex)
{
	char *best_text = NULL, *first_h1 = NULL, *region_h1 = NULL;
	size_t region_first = SIZE_MAX;
	double best = 0;
	int best_line = 0, first_line = 0, region_line = 0, best_rank = 0;

	for (size_t r = 0; r < ex->n_region; r++) {
		const struct extract_node *rs = extract_of(ex, ex->region[r]);

		if (rs && extract_index(ex, rs) < region_first)
			region_first = extract_index(ex, rs);
	}
	/* <h1>s first; <h2>s only when no <h1> matches */
	for (int level = 1; level <= 2 && !best_text; level++) {
		const char *tag = level == 1 ? "h1" : "h2";

		for (size_t i = 0; i < ex->n_nodes; i++) {
			const struct extract_node *s = &ex->nodes[i];
			bool in_region = false;
			double m;
			int rank;
			char *t;

			if (!extract_is(s->node, tag) || extract_hidden_heading(ex, s))
				continue;
			m = extract_heading_match(ex, s, &t);
			if (!*t) {
				free(t);
				continue;
			}
			for (size_t r = 0; r < ex->n_region && !in_region; r++) {
				const struct extract_node *rs = extract_of(ex, ex->region[r]);

				in_region = rs && extract_contains(rs, s, ex);
			}
			/* in the region, then before it (the closer the better), then elsewhere */
			rank = in_region ? 2 : i < region_first ? 1 : 0;
			if (level == 1 && !first_h1) {
				first_h1 = xstrdup(t);
				first_line = (int)xmlGetLineNo(s->node);
			}
			if (level == 1 && in_region && !region_h1) {
				region_h1 = xstrdup(t);
				region_line = (int)xmlGetLineNo(s->node);
			}
			if (ex->n_refs && m > 0.5 && (m > best + 0.1 || (m > best - 0.1 && rank >= best_rank))) {
				free(best_text);
				best_text = t;
				best = m;
				best_rank = rank;
				best_line = (int)xmlGetLineNo(s->node);
				continue;
			}
			if (ex->n_refs && level == 1)
				log_verbose("'%s' line %d: <h1> not the headline (%.0f%% of its words match the page's "
					    "title): %s",
					    ex->name, (int)xmlGetLineNo(s->node), 100 * m, t);
			free(t);
		}
	}
	if (best_text) {
		log_verbose("'%s' line %d: headline: %s (%.0f%% of its words match the page's title)", ex->name,
			    best_line, best_text, 100 * best);
		ex->headline_line = best_line;
	} else if (ex->n_refs) {
		best_text = xstrdup(ex->refs[0]);
		log_verbose("'%s': no heading matches the page's title; the headline is the title: %s", ex->name,
			    best_text);
	} else if (region_h1 || first_h1) {
		best_text = xstrdup(region_h1 ? region_h1 : first_h1);
		ex->headline_line = region_h1 ? region_line : first_line;
		log_verbose("'%s' line %d: headline, the page's only title: %s", ex->name, ex->headline_line,
			    best_text);
	}
	free(first_h1);
	free(region_h1);
	ex->headline = best_text;
}
