/* extract: picks the article's region and its headline in a libxml2 tree. */
#ifndef NEWSCAST_EXTRACT_H
#define NEWSCAST_EXTRACT_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * One bottom-up pass gathers, per element, its text, link text, commas and
 * paragraphs (an array reached through node->_private, which libxml2 leaves to
 * applications); paragraph-like blocks then score their containers, as Mozilla
 * Readability does (length, commas, class and id words, link density). The
 * region is the best container, climbed to the ancestor several top containers
 * share, with its siblings and its ancestors' own paragraphs that carry article
 * text, in page order. Nothing is recomputed per candidate: a page costs O(n).
 */

struct extract_node;

/* What a page says its article's title is; any may be NULL. */
struct extract_title {
	const char *ld;		/* the JSON-LD headline */
	const char *og;		/* og:title */
	const char *title;	/* <title> */
	const char *site;	/* og:site_name: left out of the titles */
};

struct extract {
	const char *name;		/* the page, for messages; not owned */
	xmlNode *root;			/* not owned: the tree outlives the extract */
	struct extract_node *nodes;	/* per element, indexed through _private */
	size_t n_nodes;
	size_t *h1s, n_h1s;		/* the <h1>s with text, as indexes in page order */
	size_t title;			/* 1 + the index of the heading matching the title; 0: none */
	char *refs[3];			/* the titles, cleaned: JSON-LD, og:title, <title> */
	size_t n_refs;
	xmlNode **region;		/* the article's nodes in page order; owned array */
	size_t n_region;
	char *headline;			/* owned; NULL when the page has none */
	int headline_line;		/* the heading's line; 0 when from metadata */
	const char *language;		/* the page's BCP 47 tag, which chooses the phrases of clutter
					 * (rules/LANG/clutter; English's when NULL or a language has
					 * none); not owned; set by the caller after extract_init */
};

/* Gathers the statistics of every element under root (root included) and, given
 * the page's titles (NULL for a fragment, a feed item's HTML: all of it is the
 * body), picks the region and the headline: among the <h1>s (then <h2>s) the one
 * whose words best match a title (<title> and og:title less the site's name),
 * preferring one in or before the region; without a good match the first title
 * itself (JSON-LD, og:title, <title>); without titles the region's first <h1>,
 * else the page's. Sets _private on the elements: the tree must not be given to
 * another extract. */
void extract_init(struct extract *ex, const char *name, xmlNode *root, const struct extract_title *title);
/* Frees the statistics, the region and the headline and clears the elements' _private. */
void extract_release(struct extract *ex);

/* Whether n is never read: script, style, template, media, forms, nav, aside,
 * footer, figure, hidden and aria-hidden elements, a <noscript> that does not
 * hold the article. Text and comments are not skipped. */
bool extract_skipped(const struct extract *ex, xmlNode *n);
/* Whether n, inside the region, is clutter a listener must not hear: a block of
 * links, a list of headlines, a gallery's counter, media-player labels, a
 * breadcrumb, a lone credit, a "Related" or "Next on" promo, an element whose
 * class or id names such furniture. The phrases are data: rules/clutter and the
 * page's language's rules/LANG/clutter, read once a process. Logged (--verbose)
 * with its line. */
bool extract_clutter(const struct extract *ex, xmlNode *n);

struct strbuf;
/* Appends the text of n's children to out, unsqueezed: skipped elements left
 * out, blocks kept apart by a space. */
void extract_text_into(const struct extract *ex, xmlNode *n, struct strbuf *out);
/* Inline elements (not <br>): their text runs on with what is around them; one
 * holding paragraphs split by <br><br> is not. */
bool extract_inline(const struct extract *ex, xmlNode *n);
/* The share of n's text inside links, 0 to 1 (0 for what the pass did not see). */
double extract_link_density(const struct extract *ex, xmlNode *n);
/* The characters of n's text, white space runs counted once (0 for what the pass did not see). */
size_t extract_text_length(const struct extract *ex, xmlNode *n);
/* Whether a table holds paragraphs (a page laid out in tables), not data. */
bool extract_layout(const struct extract *ex, xmlNode *n);
/* The text an element reads as, squeezed: skipped elements left out, blocks kept
 * apart by a space. A new string. */
char *extract_text(const struct extract *ex, xmlNode *n);

#endif
