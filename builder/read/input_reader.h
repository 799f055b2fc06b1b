/* input_reader: what the readers share: each format's entry point, and the checks every reader makes on its text. */
#ifndef NEWSCAST_INPUT_READER_H
#define NEWSCAST_INPUT_READER_H

#include "document.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * A reader turns the bytes of one format into a document and depends only on
 * document.h and this header; input.c holds the table of readers (a row per
 * format: its names, its probe, its parse) and the reading of files. A probe
 * says whether the first bytes of a file (at most 64 KiB, past a byte order
 * mark) look like its format; it is asked in the table's order, and text, which
 * has none, takes the rest. Adding a format is a reader file, its entry points
 * here, and a row in that table.
 */

/* ---- the readers ---- */

/* Parses plain text (UTF-8) of len bytes; name is used in messages. */
int input_parse_text(const char *name, const char *data, size_t len, struct document *doc);

/* Parses CommonMark (libcmark): the first '#' heading, or front matter's title, is
 * the headline; lower headings are subheadings; thematic breaks are section breaks;
 * block quotes are quotes; list items are paragraphs; links are read as their text;
 * images, code blocks and HTML are not read. Front matter ("---" lines around
 * "key: value" lines) may give title, author, date, link, id, description. */
int input_parse_markdown(const char *name, const char *data, size_t len, struct document *doc);
/* Front matter ("---" on the first line) or a '#' headline. */
bool input_probe_markdown(const char *data, size_t len);

/* Parses an HTML page leniently (libxml2): the body is the article's region and the
 * headline the heading that matches the page's declared title (extract.h), clutter
 * inside the region left out; author, date, link, description and id from JSON-LD
 * (a NewsArticle or the like) and meta tags, JSON-LD first. h2-h4 are subheadings,
 * <hr> a section break, <blockquote> a quote; script, style, nav, aside, footer,
 * figure, form and hidden elements are never read. No network access. */
int input_parse_html(const char *name, const char *data, size_t len, struct document *doc);
/* Adds the blocks of an HTML fragment (a feed item's content, in UTF-8) to doc:
 * all of it is the body, bare text and <br><br> breaks included, less clutter
 * (link lists, galleries' counters, player labels); the caller sets
 * the headline. A fragment that cannot be read whole adds nothing and sets
 * doc->error, reported when the item is spoken; -1 then. */
int input_parse_html_content(const char *name, const char *data, size_t len, struct document *doc);
/* A page's root element: <html> (or a doctype saying so), <head>, <body> or <article>. */
bool input_probe_html(const char *data, size_t len);
/* Sends libxml2's own error printing nowhere: the XML and HTML readers report their errors
 * themselves, once (see input_html.c). */
void input_xml_quiet(void);

/* A feed read as articles. */
struct input_feed {
	char *title;		/* the feed's own title; may be NULL */
	struct document *items;	/* in the feed's order; each named "FILE:LINE" after its line */
	size_t n, cap;
};

/* Feeds hold many articles: they may be this large. */
#define INPUT_FEED_MAX_BYTES (16u * 1024 * 1024)

void input_feed_init(struct input_feed *feed);
void input_feed_release(struct input_feed *feed);
/* Parses RSS 2.0, RSS 1.0 or Atom with libxml2 (no network, no DTD, and any
 * entity declaration refused): each item a document with its title as headline,
 * its body from content:encoded or Atom content (else description or summary)
 * read as HTML, and author, date (RFC 3339 when readable), link and id (the guid,
 * else the link, else "title:" and the title). A document that is not well-formed
 * XML, or not a feed, is an error naming the file and line. An item may come out
 * without headline or blocks: saying so is left to who speaks it. */
int input_parse_feed(const char *name, const char *data, size_t len, struct input_feed *feed);
/* Reads the feed at path ("-" for standard input). */
int input_read_feed(const char *path, struct input_feed *feed);
/* Parses a feed and moves one of its items into doc: the one whose id (guid) is
 * item, else the item'th from 1; the first when item is NULL. */
int input_parse_feed_item(const char *name, const char *data, size_t len, const char *item, struct document *doc);
/* A feed's root element: <rss>, <feed> or <rdf:RDF>. */
bool input_probe_feed(const char *data, size_t len);

/* ---- what every reader uses (input_reader.c) ---- */

/* Checks that data is UTF-8 text: no NUL bytes, no invalid sequences. On failure
 * reports "'NAME' line L: ..." and returns -1. */
int input_check_text(const char *name, const char *data, size_t len);

/* Removes control characters (C0 except tab and line ends, DEL, C1), a byte
 * order mark and zero-width spaces from s in place; returns how many it removed.
 * Tabs, form feeds and vertical tabs become spaces. */
size_t input_strip_controls(char *s);
/* Text as a block or field keeps it: controls removed, white space squeezed to single
 * spaces with none at the ends; in place. Returns s. */
char *input_tidy_text(char *s);

/* Removes control characters and squeezes white space in the headline and the
 * metadata, which a page or feed may carry raw (an 0x01 in a title would break the
 * podcast feed's XML); an empty field becomes NULL. Each reader calls it. */
void input_tidy(struct document *doc);

/* The first element's name in XML or HTML data (after declarations, comments and
 * doctypes; "html" for an HTML doctype), lower-cased into name; "" when there is none. */
void input_root_element(const char *data, size_t len, char *name, size_t size);

#endif
