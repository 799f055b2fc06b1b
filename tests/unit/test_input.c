/* Unit tests for input: the plain-text reader, UTF-8 checks, control characters. */
#include "helpers.h"
#include "input.h"
#include "suites.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void parse(const char *text, struct document *doc)
{
	document_init(doc);
	ck_assert_int_eq(input_parse_text("t.txt", text, strlen(text), doc), 0);
}

START_TEST(headline_and_paragraphs)
{
	struct document doc;

	parse("\n\nThe headline\n\nFirst paragraph,\nwrapped over two lines.\n\nSecond one.\n", &doc);
	ck_assert_str_eq(doc.headline, "The headline");
	ck_assert_int_eq(doc.headline_line, 3);
	ck_assert_uint_eq(doc.n_blocks, 2);
	ck_assert_int_eq(doc.blocks[0].kind, BLOCK_PARAGRAPH);
	ck_assert_str_eq(doc.blocks[0].text, "First paragraph, wrapped over two lines.");
	ck_assert_int_eq(doc.blocks[0].line, 5);
	ck_assert_str_eq(doc.blocks[1].text, "Second one.");
	document_release(&doc);
}
END_TEST

START_TEST(dividers_are_section_breaks)
{
	const char *divs[] = { "***", "* * *", "---", "___", "•••", "- - - -" };

	for (size_t i = 0; i < sizeof divs / sizeof divs[0]; i++) {
		struct document doc;
		char text[256];

		snprintf(text, sizeof text, "Head\n\nOne.\n\n%s\n\nTwo.\n", divs[i]);
		parse(text, &doc);
		ck_assert_uint_eq(doc.n_blocks, 3);
		ck_assert_msg(doc.blocks[1].kind == BLOCK_DIVIDER, "'%s' is a divider", divs[i]);
		document_release(&doc);
	}
}
END_TEST

START_TEST(two_marks_are_not_a_divider)
{
	struct document doc;

	parse("Head\n\nOne.\n\n**\n\nTwo.\n", &doc);
	ck_assert_int_eq(doc.blocks[1].kind, BLOCK_PARAGRAPH);
	document_release(&doc);
}
END_TEST

START_TEST(subheading_between_paragraphs)
{
	struct document doc;

	parse("Head\n\nOne.\n\nWhat happens next\n\nTwo.\n\nNot a heading at the end\n", &doc);
	ck_assert_uint_eq(doc.n_blocks, 4);
	ck_assert_int_eq(doc.blocks[1].kind, BLOCK_HEADING);
	ck_assert_str_eq(doc.blocks[1].text, "What happens next");
	/* the last short line has no paragraph after it */
	ck_assert_int_eq(doc.blocks[3].kind, BLOCK_PARAGRAPH);
	document_release(&doc);
}
END_TEST

START_TEST(sentence_or_long_line_is_not_a_subheading)
{
	struct document doc;

	parse("Head\n\nOne.\n\nIt rained.\n\nTwo.\n\nThis line has nine words in it and no stop\n\nThree.\n", &doc);
	ck_assert_int_eq(doc.blocks[1].kind, BLOCK_PARAGRAPH);
	ck_assert_int_eq(doc.blocks[3].kind, BLOCK_PARAGRAPH);
	document_release(&doc);
}
END_TEST

START_TEST(byline_is_the_author)
{
	struct document doc;

	parse("Head\n\nBy Jane Doe\n\nOne.\n", &doc);
	ck_assert_str_eq(doc.author, "Jane Doe");
	ck_assert_uint_eq(doc.n_blocks, 1);
	document_release(&doc);
}
END_TEST

START_TEST(crlf_line_ends)
{
	struct document doc;

	parse("Head\r\n\r\nOne\r\ntwo.\r\n", &doc);
	ck_assert_str_eq(doc.headline, "Head");
	ck_assert_str_eq(doc.blocks[0].text, "One two.");
	document_release(&doc);
}
END_TEST

START_TEST(invalid_utf8_is_refused)
{
	struct document doc;
	const char text[] = "Head\n\nGood\n\xff\xfe bad\n";

	document_init(&doc);
	ck_assert_int_eq(input_parse_text("t.txt", text, sizeof text - 1, &doc), -1);
	document_release(&doc);
}
END_TEST

START_TEST(nul_is_refused)
{
	struct document doc;
	const char text[] = "Head\n\nGood\0bad\n";

	document_init(&doc);
	ck_assert_int_eq(input_parse_text("t.txt", text, sizeof text - 1, &doc), -1);
	document_release(&doc);
}
END_TEST

START_TEST(empty_is_refused)
{
	struct document doc;

	document_init(&doc);
	ck_assert_int_eq(input_parse_text("t.txt", "\n \n***\n", 7, &doc), -1);
	document_release(&doc);
}
END_TEST

START_TEST(controls_are_stripped)
{
	char s[] = "a\x01" "b\tc\x7f" "d\xc2\x85" "e\xef\xbb\xbf" "f\n";

	ck_assert_uint_eq(input_strip_controls(s), 4);
	ck_assert_str_eq(s, "ab cdef\n");
}
END_TEST

START_TEST(markdown_blocks)
{
	const char *md = "---\ntitle: \"Fares frozen\"\nauthor: Marta Quill\ndate: 2026-11-29\n---\n\n"
			 "Fares on the **ferry** stay, [says](http://x) the operator.\n\n"
			 "![photo](a.jpg)\n\n## What changes\n\n- One item.\n- Two item.\n\n> A quote.\n\n---\n\n"
			 "```\ncode\n```\n\n<div>html</div>\n\nThe end.\n";
	struct document doc;
	static const struct {
		enum block_kind kind;
		const char *text;
		int line;
	} want[] = {
		{ BLOCK_PARAGRAPH, "Fares on the ferry stay, says the operator.", 7 },
		{ BLOCK_HEADING, "What changes", 11 },
		{ BLOCK_PARAGRAPH, "One item.", 13 },
		{ BLOCK_PARAGRAPH, "Two item.", 14 },
		{ BLOCK_QUOTE, "A quote.", 16 },
		{ BLOCK_DIVIDER, NULL, 18 },
		{ BLOCK_PARAGRAPH, "The end.", 26 },
	};

	document_init(&doc);
	ck_assert_int_eq(input_parse_markdown("t.md", md, strlen(md), &doc), 0);
	ck_assert_str_eq(doc.headline, "Fares frozen");
	ck_assert_str_eq(doc.author, "Marta Quill");
	ck_assert_str_eq(doc.date, "2026-11-29");
	ck_assert_uint_eq(doc.n_blocks, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < doc.n_blocks; i++) {
		ck_assert_int_eq(doc.blocks[i].kind, want[i].kind);
		ck_assert_int_eq(doc.blocks[i].line, want[i].line);
		if (want[i].text)
			ck_assert_str_eq(doc.blocks[i].text, want[i].text);
	}
	document_release(&doc);
}
END_TEST

START_TEST(markdown_headline_from_heading)
{
	const char *md = "# The headline\n\nBody text.\n\n# A second top heading\n\nMore.\n";
	struct document doc;

	document_init(&doc);
	ck_assert_int_eq(input_parse_markdown("t.md", md, strlen(md), &doc), 0);
	ck_assert_str_eq(doc.headline, "The headline");
	ck_assert_uint_eq(doc.n_blocks, 3);
	ck_assert_int_eq(doc.blocks[1].kind, BLOCK_HEADING);
	document_release(&doc);
	/* unclosed front matter is just text; bad UTF-8 is refused */
	document_init(&doc);
	ck_assert_int_eq(input_parse_markdown("t.md", "---\ntitle: x\n\nText.\n", 20, &doc), 0);
	ck_assert_ptr_nonnull(doc.headline);
	document_release(&doc);
	document_init(&doc);
	ck_assert_int_eq(input_parse_markdown("t.md", "# A\n\n\xff\n", 8, &doc), -1);
	document_release(&doc);
}
END_TEST

START_TEST(html_article_without_clutter)
{
	const char *page =
		"<!DOCTYPE html><html><head><title>Fares | Gazette</title>"
		"<meta name=\"author\" content=\"Marta Quill\"><script>var x='no';</script></head><body>"
		"<nav>Home News</nav><div aria-hidden=\"true\">Cookies?</div><article><h1>Fares frozen</h1>"
		"<p>Fares stay, the <a href=\"x\">operator</a> said.<p><figure><figcaption>A ferry. Picture: A</figcaption>"
		"</figure><h2>What changes</h2><p>Caf&eacute; owners &amp; riders cheered.<aside>Related</aside><hr>"
		"<blockquote><p>We listened.</p></blockquote><ul><li>One item</li></ul><p hidden>Secret</p>"
		"</article><footer>Copyright</footer></body></html>";
	static const struct {
		enum block_kind kind;
		const char *text;
	} want[] = {
		{ BLOCK_PARAGRAPH, "Fares stay, the operator said." },
		{ BLOCK_HEADING, "What changes" },
		{ BLOCK_PARAGRAPH, "Café owners & riders cheered." },
		{ BLOCK_DIVIDER, NULL },
		{ BLOCK_QUOTE, "We listened." },
		{ BLOCK_PARAGRAPH, "One item" },
	};
	struct document doc;

	document_init(&doc);
	ck_assert_int_eq(input_parse_html("t.html", page, strlen(page), &doc), 0);
	ck_assert_str_eq(doc.headline, "Fares frozen");
	ck_assert_str_eq(doc.author, "Marta Quill");
	ck_assert_uint_eq(doc.n_blocks, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < doc.n_blocks; i++) {
		ck_assert_int_eq(doc.blocks[i].kind, want[i].kind);
		if (want[i].text)
			ck_assert_str_eq(doc.blocks[i].text, want[i].text);
	}
	document_release(&doc);
}
END_TEST

/* Without <article> or <main>, the element with most paragraph text is the body; the
 * headline falls back to <title>; hostile markup is read leniently, never fetched. */
START_TEST(html_fallbacks_and_hostile_markup)
{
	const char *page = "<html><head><title>Only a title</title></head><body><div><p>Menu</p></div>"
			   "<div><p>The real story is this long paragraph.</p><p>And another one.</p></div></body>";
	const char *xxe = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><html><body><article><h1>T</h1>"
			  "<p>&e; stays out.</p></article></body></html>";
	struct strbuf deep;
	struct document doc;

	document_init(&doc);
	ck_assert_int_eq(input_parse_html("t.html", page, strlen(page), &doc), 0);
	ck_assert_str_eq(doc.headline, "Only a title");
	ck_assert_uint_eq(doc.n_blocks, 2);
	ck_assert_str_eq(doc.blocks[0].text, "The real story is this long paragraph.");
	document_release(&doc);

	document_init(&doc);
	ck_assert_int_eq(input_parse_html("t.html", xxe, strlen(xxe), &doc), 0);
	ck_assert_ptr_null(strstr(doc.blocks[0].text, "root:"));
	document_release(&doc);

	/* 5 MB of nested tags: bounded, no crash */
	strbuf_init(&deep);
	strbuf_adds(&deep, "<html><body><h1>Deep</h1>");
	while (deep.len < 5u * 1024 * 1024)
		strbuf_adds(&deep, "<div><span>");
	document_init(&doc);
	input_parse_html("deep.html", deep.buf, deep.len, &doc);
	document_release(&doc);
	strbuf_release(&deep);
}
END_TEST

static void parse_html(const char *page, struct document *doc)
{
	document_init(doc);
	ck_assert_int_eq(input_parse_html("t.html", page, strlen(page), doc), 0);
}

/* No meta tags: JSON-LD gives it all; its script is never read as text. */
START_TEST(html_jsonld_news_article)
{
	const char *page =
		"<html><head><title>Fares | Gazette</title><script type=\"application/ld+json\">"
		"{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\","
		" \"headline\": \"Fares  frozen\\nfor a year\","
		" \"author\": [{\"@type\": \"Person\", \"name\": \" Marta   Quill \"},"
		" {\"@type\": \"Person\", \"name\": \"Tom Reed\"}],"
		" \"datePublished\": \"2026-11-29T08:00:00Z\", \"url\": \"https://gazette.example/fares\","
		" \"identifier\": {\"@type\": \"PropertyValue\", \"value\": \"gz-1042\"},"
		" \"description\": \"Ferry fares stay as they are.\"}"
		"</script></head><body><article><p>Fares stay.</p></article></body></html>";
	struct document doc;

	parse_html(page, &doc);
	ck_assert_str_eq(doc.headline, "Fares frozen for a year");
	ck_assert_str_eq(doc.author, "Marta Quill and Tom Reed");
	ck_assert_str_eq(doc.date, "2026-11-29T08:00:00Z");
	ck_assert_str_eq(doc.link, "https://gazette.example/fares");
	ck_assert_str_eq(doc.id, "gz-1042");
	ck_assert_str_eq(doc.description, "Ferry fares stay as they are.");
	ck_assert_uint_eq(doc.n_blocks, 1);
	ck_assert_str_eq(doc.blocks[0].text, "Fares stay.");
	document_release(&doc);
}
END_TEST

/* Any number of JSON-LD authors: none is dropped (there was room for 32). */
START_TEST(html_jsonld_forty_authors)
{
	struct strbuf page;
	struct document doc;

	strbuf_init(&page);
	strbuf_adds(&page, "<html><head><script type=\"application/ld+json\">"
			   "{\"@type\": \"NewsArticle\", \"headline\": \"Many hands\", \"author\": [");
	for (int i = 1; i <= 40; i++)
		strbuf_addf(&page, "%s{\"name\": \"Writer %02d\"}", i > 1 ? ", " : "", i);
	strbuf_adds(&page, "]}</script></head><body><p>Text.</p></body></html>");
	parse_html(page.buf, &doc);
	ck_assert_ptr_nonnull(strstr(doc.author, "Writer 01, Writer 02, "));
	ck_assert_ptr_nonnull(strstr(doc.author, "Writer 39 and Writer 40"));
	document_release(&doc);
	strbuf_release(&page);
}
END_TEST

/* Both: <h1> over JSON-LD's headline; JSON-LD's author, date and url over the meta
 * tags; the meta description over JSON-LD's. */
START_TEST(html_jsonld_and_meta)
{
	const char *page =
		"<html><head><meta name=\"author\" content=\"Desk Staff\">"
		"<meta property=\"article:published_time\" content=\"2026-11-28\">"
		"<meta property=\"og:url\" content=\"https://gazette.example/og\">"
		"<meta property=\"og:title\" content=\"OG title\">"
		"<meta name=\"description\" content=\"The meta summary.\">"
		"<link rel=\"canonical\" href=\"https://gazette.example/canonical\">"
		"<script type=\"Application/LD+JSON; charset=utf-8\">"
		"{\"@type\": \"Article\", \"headline\": \"LD headline\","
		" \"author\": [\"Ann Lee\", {\"name\": \"Bo Park\"}, {\"@type\": \"Person\", \"name\": \"Cy Dunn\"}],"
		" \"datePublished\": \"2026-11-29\", \"url\": \"https://gazette.example/ld\","
		" \"identifier\": \"gz-7\", \"description\": \"The LD summary.\"}</script>"
		"</head><body><article><h1>LD headline at last</h1><p>Text.</p></article></body></html>";
	struct document doc;

	parse_html(page, &doc);
	ck_assert_str_eq(doc.headline, "LD headline at last");
	ck_assert_str_eq(doc.author, "Ann Lee, Bo Park and Cy Dunn");
	ck_assert_str_eq(doc.date, "2026-11-29");
	ck_assert_str_eq(doc.link, "https://gazette.example/ld");
	ck_assert_str_eq(doc.id, "gz-7");
	ck_assert_str_eq(doc.description, "The meta summary.");
	document_release(&doc);
}
END_TEST

/* The article inside "@graph", or in a top-level array, after other things; a typed
 * list for "@type"; mainEntityOfPage's "@id" for the link; JSON-LD's headline over og:title. */
START_TEST(html_jsonld_graph_and_array)
{
	const char *graph =
		"<html><head><meta property=\"og:title\" content=\"OG title\">"
		"<meta property=\"og:url\" content=\"https://gazette.example/og\">"
		"<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@graph\": ["
		"{\"@type\": \"WebSite\", \"url\": \"https://gazette.example/\", \"name\": \"Gazette\"},"
		"{\"@type\": \"Organization\", \"name\": \"Gazette Ltd\"},"
		"{\"@type\": [\"ReportageNewsArticle\", \"NewsArticle\"], \"headline\": \"Graph headline\","
		" \"author\": {\"@type\": \"Person\", \"name\": \"Marta Quill\"}, \"datePublished\": \"2026-11-30\","
		" \"mainEntityOfPage\": {\"@type\": \"WebPage\", \"@id\": \"https://gazette.example/graph\"},"
		" \"identifier\": 42}]}</script>"
		"</head><body><article><p>Text.</p></article></body></html>";
	const char *array =
		"<html><head><script type=\"application/ld+json\">[{\"@type\": \"BreadcrumbList\"},"
		"{\"@type\": \"BlogPosting\", \"author\": \"Tom Reed\","
		" \"mainEntityOfPage\": \"https://blog.example/p\"}]"
		"</script></head><body><article><h1>Post</h1><p>Text.</p></article></body></html>";
	struct document doc;

	parse_html(graph, &doc);
	ck_assert_str_eq(doc.headline, "Graph headline");
	ck_assert_str_eq(doc.author, "Marta Quill");
	ck_assert_str_eq(doc.date, "2026-11-30");
	ck_assert_str_eq(doc.link, "https://gazette.example/graph");
	ck_assert_ptr_null(doc.id);	/* a number is no identifier here */
	ck_assert_ptr_null(doc.description);
	document_release(&doc);

	parse_html(array, &doc);
	ck_assert_str_eq(doc.headline, "Post");
	ck_assert_str_eq(doc.author, "Tom Reed");
	ck_assert_str_eq(doc.link, "https://blog.example/p");
	document_release(&doc);
}
END_TEST

/* Malformed or oversized JSON-LD is passed over; the meta tags still hold, and the
 * canonical link stands in for og:url. A later script can still hold the article. */
START_TEST(html_jsonld_malformed_ignored)
{
	const char *page =
		"<html><head><meta name=\"author\" content=\"Marta Quill\">"
		"<meta property=\"article:published_time\" content=\"2026-11-28\">"
		"<meta name=\"description\" content=\"The meta summary.\">"
		"<link rel=\"alternate canonical\" href=\"https://gazette.example/canonical\">"
		"<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": \"Wrong\",</script>"
		"<script type=\"application/ld+json\"></script>"
		"</head><body><article><h1>Fares frozen</h1><p>Text.</p></article></body></html>";
	const char *later =
		"<html><head><script type=\"application/ld+json\">"
		"{\"@type\": \"NewsArticle\" \"author\": \"Wrong\"}</script>"
		"</head><body><article><h1>T</h1><p>Text.</p><script type=\"application/ld+json\">"
		"{\"@type\": \"NewsArticle\", \"author\": \"Tom Reed\"}</script></article></body></html>";
	struct strbuf big;
	struct document doc;

	parse_html(page, &doc);
	ck_assert_str_eq(doc.headline, "Fares frozen");
	ck_assert_str_eq(doc.author, "Marta Quill");
	ck_assert_str_eq(doc.date, "2026-11-28");
	ck_assert_str_eq(doc.link, "https://gazette.example/canonical");
	ck_assert_str_eq(doc.description, "The meta summary.");
	ck_assert_ptr_null(doc.id);
	document_release(&doc);

	parse_html(later, &doc);
	ck_assert_str_eq(doc.author, "Tom Reed");
	ck_assert_uint_eq(doc.n_blocks, 1);
	document_release(&doc);

	/* valid, but over 1 MB: not read */
	strbuf_init(&big);
	strbuf_adds(&big, "<html><head><meta name=\"author\" content=\"Marta Quill\">"
			  "<script type=\"application/ld+json\">"
			  "{\"@type\": \"NewsArticle\", \"author\": \"Wrong\", \"description\": \"");
	while (big.len < 1024 * 1024 + 100)
		strbuf_adds(&big, "padding ");
	strbuf_adds(&big, "\"}</script></head><body><article><h1>T</h1><p>Text.</p></article></body></html>");
	document_init(&doc);
	ck_assert_int_eq(input_parse_html("big.html", big.buf, big.len, &doc), 0);
	ck_assert_str_eq(doc.author, "Marta Quill");
	ck_assert_ptr_null(doc.description);
	document_release(&doc);
	strbuf_release(&big);
}
END_TEST

/* JSON-LD about something other than an article says nothing of it. */
START_TEST(html_jsonld_other_type_ignored)
{
	const char *page =
		"<html><head><meta name=\"description\" content=\"The meta summary.\">"
		"<script type=\"application/ld+json\">{\"@type\": \"Organization\", \"name\": \"Gazette Ltd\","
		" \"url\": \"https://gazette.example/\", \"author\": \"Wrong\", \"datePublished\": \"2000-01-01\","
		" \"identifier\": \"org-1\", \"description\": \"A newspaper.\","
		" \"@graph\": [{\"@type\": \"Person\", \"name\": \"Wrong\"}]}</script>"
		"<script type=\"application/json\">{\"@type\": \"NewsArticle\", \"author\": \"Wrong\"}</script>"
		"</head><body><article><h1>Fares frozen</h1><p>Text.</p></article></body></html>";
	struct document doc;

	parse_html(page, &doc);
	ck_assert_str_eq(doc.headline, "Fares frozen");
	ck_assert_ptr_null(doc.author);
	ck_assert_ptr_null(doc.date);
	ck_assert_ptr_null(doc.link);
	ck_assert_ptr_null(doc.id);
	ck_assert_str_eq(doc.description, "The meta summary.");
	document_release(&doc);
}
END_TEST

START_TEST(markdown_front_matter_variants)
{
	const char *crlf = "---\r\ntitle: Ferry returns\r\nauthor: Ann Lee\r\n---\r\n\r\nBody.\r\n";
	const char *bom = "\xef\xbb\xbf---\ntitle: Ferry returns\n---\n\nBody.\n";
	const char *twice = "---\ntitle: Ferry returns (SEO)\n---\n\n# Ferry returns\n\nBody.\n\n## Why\n\nMore.\n";
	struct document doc;

	document_init(&doc);
	ck_assert_int_eq(input_parse_markdown("t.md", crlf, strlen(crlf), &doc), 0);
	ck_assert_str_eq(doc.headline, "Ferry returns");
	ck_assert_int_eq(doc.headline_line, 1);
	ck_assert_str_eq(doc.author, "Ann Lee");
	ck_assert_uint_eq(doc.n_blocks, 1);
	ck_assert_str_eq(doc.blocks[0].text, "Body.");
	ck_assert_int_eq(doc.blocks[0].line, 6);
	document_release(&doc);
	document_init(&doc);
	ck_assert_int_eq(input_parse_markdown("t.md", bom, strlen(bom), &doc), 0);
	ck_assert_str_eq(doc.headline, "Ferry returns");
	ck_assert_uint_eq(doc.n_blocks, 1);
	document_release(&doc);
	/* the title as shown (the # heading) is the headline, read once */
	document_init(&doc);
	ck_assert_int_eq(input_parse_markdown("t.md", twice, strlen(twice), &doc), 0);
	ck_assert_str_eq(doc.headline, "Ferry returns");
	ck_assert_int_eq(doc.headline_line, 5);
	ck_assert_uint_eq(doc.n_blocks, 3);
	ck_assert_int_eq(doc.blocks[1].kind, BLOCK_HEADING);
	ck_assert_str_eq(doc.blocks[1].text, "Why");
	document_release(&doc);
}
END_TEST

/* 100 000 nested quotes, lists and emphasis: no recursion to run out of stack. */
START_TEST(markdown_deep_nesting)
{
	struct strbuf md;
	struct document doc;

	strbuf_init(&md);
	strbuf_adds(&md, "# Deep\n\n");
	for (int i = 0; i < 100000; i++)
		strbuf_addc(&md, '>');
	strbuf_adds(&md, " quoted\n\n");
	for (int i = 0; i < 50000; i++)
		strbuf_adds(&md, "- ");
	strbuf_adds(&md, "listed\n");
	document_init(&doc);
	ck_assert_int_eq(input_parse_markdown("t.md", md.buf, md.len, &doc), 0);
	ck_assert_uint_eq(doc.n_blocks, 2);
	ck_assert_int_eq(doc.blocks[0].kind, BLOCK_QUOTE);
	ck_assert_str_eq(doc.blocks[0].text, "quoted");
	ck_assert_int_eq(doc.blocks[1].kind, BLOCK_PARAGRAPH);
	ck_assert_str_eq(doc.blocks[1].text, "listed");
	document_release(&doc);
	strbuf_release(&md);
}
END_TEST

/* Kicker, byline, a dateline that is only a <time>, a share bar: none read; a wrapper
 * whose class mentions sharing but holds the story is read. */
START_TEST(html_furniture_in_the_article)
{
	struct strbuf page;
	struct document doc;

	strbuf_init(&page);
	strbuf_adds(&page, "<html><body><article><p class=\"kicker\"><a href=\"/h\">Harbour</a></p><h1>Pier reopens</h1>"
			   "<p class=\"byline\">By Priya Landry</p><p><time datetime=\"2026-03-12\">12 March</time></p>"
			   "<p>The pier reopened on Monday.</p><div class=\"share-bar\"><a href=\"#\">Share on Facebook</a>"
			   "</div><p>Shareholders met later.</p><div class=\"article-share-wrapper\"><p>");
	for (int i = 0; i < 70; i++)
		strbuf_adds(&page, "word ");
	strbuf_adds(&page, "</p></div></article></body></html>");
	parse_html(page.buf, &doc);
	ck_assert_str_eq(doc.headline, "Pier reopens");
	ck_assert_str_eq(doc.author, "Priya Landry");
	ck_assert_str_eq(doc.date, "2026-03-12");
	ck_assert_uint_eq(doc.n_blocks, 3);
	ck_assert_str_eq(doc.blocks[0].text, "The pier reopened on Monday.");
	ck_assert_str_eq(doc.blocks[1].text, "Shareholders met later.");
	ck_assert_uint_eq(util_count_words(doc.blocks[2].text), 70);
	document_release(&doc);
	/* "By Name" with no class, before the story: the byline too */
	parse_html("<html><body><article><h1>T</h1><p>By Sam Tran</p><p>Text here.</p><p>By the pier, gulls.</p>"
		   "</article></body></html>", &doc);
	ck_assert_str_eq(doc.author, "Sam Tran");
	ck_assert_uint_eq(doc.n_blocks, 2);
	ck_assert_str_eq(doc.blocks[1].text, "By the pier, gulls.");
	document_release(&doc);
	strbuf_release(&page);
}
END_TEST

/* Story sentences that begin like a promo, a counter or a credit are still read. */
START_TEST(html_story_sentences_not_clutter)
{
	static const char *const want[] = {
		"Sign up for the scheme opens in March, the council said, and forms are at the library.",
		"2/3 of the island's ferries are more than thirty years old, the board's report found.",
		"Related talks between the unions and the board, held in private, ended on Friday without a deal.",
		"Photographers, painters and potters share the old school, which the trust bought in 2019.",
	};
	struct strbuf page;
	struct document doc;

	strbuf_init(&page);
	strbuf_adds(&page, "<html><head><title>Ferries | Gazette</title></head><body><article><h1>Ferries</h1>");
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		strbuf_adds(&page, "<p>");
		strbuf_adds(&page, want[i]);
		strbuf_adds(&page, "</p>");
	}
	strbuf_adds(&page, "</article></body></html>");
	parse_html(page.buf, &doc);
	ck_assert_uint_eq(doc.n_blocks, sizeof want / sizeof *want);
	for (size_t i = 0; i < doc.n_blocks; i++)
		ck_assert_str_eq(doc.blocks[i].text, want[i]);
	document_release(&doc);
	strbuf_release(&page);
}
END_TEST

/* A control character in a page's meta tags or in front matter never reaches the
 * metadata: it would end up in the podcast feed's XML, which may not hold it. */
START_TEST(metadata_without_controls)
{
	const char *md = "---\ntitle: Front \x01 matter\nauthor: Ann\x02 Lee\n---\n\nBody.\n";
	struct document doc;

	document_init(&doc);
	ck_assert_int_eq(input_parse_markdown("t.md", md, strlen(md), &doc), 0);
	ck_assert_str_eq(doc.headline, "Front matter");
	ck_assert_str_eq(doc.author, "Ann Lee");
	document_release(&doc);
	parse_html("<html><head><meta property=\"og:title\" content=\"Og\x01 title\">"
		   "<meta name=\"author\" content=\"\x01\"></head><body><article><p>Text.</p></article></body></html>",
		   &doc);
	ck_assert_str_eq(doc.headline, "Og title");
	ck_assert_ptr_null(doc.author);
	document_release(&doc);
}
END_TEST

/* An article in a show's inbox is read from there: a link is refused by the reader
 * itself, so one swapped in after the build listed the folder is not followed. */
START_TEST(inbox_file_is_never_read_through_a_link)
{
	char *secret = xasprintf("%s/secret.txt", test_dir), *link = xasprintf("%s/x.txt", test_dir), *err, *want;
	struct document doc;

	test_write_file(secret, "Secret headline\n\nroot:SECRET:19000:0:99999:7:::\n");
	ck_assert_int_eq(symlink(secret, link), 0);
	document_init(&doc);
	test_stderr_begin();
	ck_assert_int_eq(input_read_inbox_file(link, INPUT_AUTO, &doc), -1);
	err = test_stderr_end();
	want = xasprintf("newscast: cannot open '%s': it is a symbolic link, which is not followed here\n", link);
	ck_assert_str_eq(err, want);
	ck_assert_ptr_null(doc.headline);
	document_release(&doc);
	free(err);
	free(want);
	/* the file itself is read; a folder is not */
	document_init(&doc);
	ck_assert_int_eq(input_read_inbox_file(secret, INPUT_AUTO, &doc), 0);
	ck_assert_str_eq(doc.headline, "Secret headline");
	document_release(&doc);
	document_init(&doc);
	test_stderr_begin();
	ck_assert_int_eq(input_read_inbox_file(test_dir, INPUT_TEXT, &doc), -1);
	err = test_stderr_end();
	ck_assert(strstr(err, "it is a folder, not a file"));
	document_release(&doc);
	free(err);
	free(secret);
	free(link);
}
END_TEST

/* The reader table: each format's names, and its probe asked in the table's order
 * on the first 64 KiB past a byte order mark. */
START_TEST(reader_table_names_and_probes)
{
	static const struct {
		const char *name;
		enum input_format format;
	} names[] = { { "auto", INPUT_AUTO },	  { "text", INPUT_TEXT }, { "txt", INPUT_TEXT },
		      { "markdown", INPUT_MARKDOWN }, { "md", INPUT_MARKDOWN }, { "html", INPUT_HTML },
		      { "htm", INPUT_HTML },	  { "feed", INPUT_FEED }, { "rss", INPUT_FEED },
		      { "atom", INPUT_FEED },	  { "xml", INPUT_FEED } };
	enum input_format format;
	char root[8], *big = xcalloc(1, 70000);

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		format = (enum input_format)-1;
		ck_assert_int_eq(input_format_from_name(names[i].name, &format), 0);
		ck_assert_msg(format == names[i].format, "name %s", names[i].name);
	}
	ck_assert_int_eq(input_format_from_name("pdf", &format), -1);
	ck_assert_int_eq(input_format_from_name("TEXT", &format), -1);
	ck_assert_int_eq(input_format_of("notes/a.MarkDown"), INPUT_MARKDOWN);
	ck_assert_int_eq(input_format_of("notes/a.md"), INPUT_MARKDOWN);

	/* each probe knows only its own format */
	ck_assert(input_probe_html("<article>", 9));
	ck_assert(!input_probe_feed("<article>", 9));
	ck_assert(input_probe_feed("<!-- c --><RSS>", 15));
	ck_assert(!input_probe_markdown("<rss>", 5));
	ck_assert(input_probe_markdown(" \n# A", 6));
	input_root_element("<?xml?><!-- x --><Rdf:RDF a='b'>", 32, root, sizeof root);
	ck_assert_str_eq(root, "rdf:rdf");
	input_root_element("text <b>", 8, root, sizeof root);
	ck_assert_str_eq(root, "");
	ck_assert_int_eq(input_sniff("\xef\xbb\xbf# Headline\n", 14), INPUT_MARKDOWN);
	/* the root element counts only within the first 64 KiB */
	memset(big, ' ', 70000 - 1);
	memcpy(big + 65530, "<rss>", 5);
	ck_assert_int_eq(input_sniff(big, 70000 - 1), INPUT_FEED);
	memset(big, ' ', 70000 - 1);
	memcpy(big + 65536, "<rss>", 5);
	ck_assert_int_eq(input_sniff(big, 70000 - 1), INPUT_TEXT);
	free(big);
}
END_TEST

START_TEST(language_tags_canonical)
{
	static const struct {
		const char *in, *out;
	} ok[] = {
		{ "de", "de" }, { "DE-de", "de-DE" }, { "de_DE", "de-DE" }, { "pt-br", "pt-BR" },
		{ "fr-FR", "fr-FR" }, { "es-419", "es-419" }, { "zh-hant-tw", "zh-Hant-TW" },
	};
	static const char *junk[] = { "", "english", "xx", "de-", "-de", "de DE", "12", "de-DE-x", "i-klingon!" };
	char out[64];

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_msg(document_language_canonical(ok[i].in, out, sizeof out) == 0, "%s", ok[i].in);
		ck_assert_str_eq(out, ok[i].out);
	}
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
		ck_assert_msg(document_language_canonical(junk[i], out, sizeof out) == -1, "%s", junk[i]);
		ck_assert_str_eq(out, "");
	}
	/* too small a buffer is a failure, never a cut tag */
	ck_assert_int_eq(document_language_canonical("de-DE", out, 3), -1);
}
END_TEST

START_TEST(language_from_each_reader)
{
	static const struct {
		const char *what, *in, *want;
	} cases[] = {
		{ "md", "---\ntitle: T\nlang: de-de\n---\n\nText.\n", "de-DE" },
		{ "md", "---\ntitle: T\nlanguage: fr\n---\n\nText.\n", "fr" },
		{ "md", "---\ntitle: T\nlang: english\n---\n\nText.\n", NULL },
		{ "md", "# T\n\nlang: de\n", NULL },
		{ "html", "<html lang=\"es\"><head><title>T</title></head><body><p>Texto.</p></body></html>", "es" },
		{ "html", "<html xml:lang=\"it\"><body><h1>T</h1><p>Testo.</p></body></html>", "it" },
		{ "html", "<html><head><meta http-equiv=\"Content-Language\" content=\"pt-br, en\"></head>"
			  "<body><h1>T</h1><p>Texto.</p></body></html>", "pt-BR" },
		/* a junk lang falls to the meta; the html's lang wins over the meta */
		{ "html", "<html lang=\"xx\"><head><meta http-equiv=\"content-language\" content=\"de\"></head>"
			  "<body><h1>T</h1><p>Text.</p></body></html>", "de" },
		{ "html", "<html lang=\"fr\"><head><meta http-equiv=\"content-language\" content=\"de\"></head>"
			  "<body><h1>T</h1><p>Text.</p></body></html>", "fr" },
		{ "html", "<html><body><h1>T</h1><p>Text.</p></body></html>", NULL },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct document doc;
		int r;

		document_init(&doc);
		r = strcmp(cases[i].what, "md") == 0
			    ? input_parse_markdown("t.md", cases[i].in, strlen(cases[i].in), &doc)
			    : input_parse_html("t.html", cases[i].in, strlen(cases[i].in), &doc);
		ck_assert_int_eq(r, 0);
		if (cases[i].want)
			ck_assert_msg(doc.language && strcmp(doc.language, cases[i].want) == 0, "%zu: %s", i,
				      doc.language ? doc.language : "(none)");
		else
			ck_assert_msg(!doc.language, "%zu: %s", i, doc.language);
		document_release(&doc);
	}
}
END_TEST

Suite *suite_input(void)
{
	Suite *s = suite_create("input");
	TCase *tc = tcase_create("text");

	tcase_add_test(tc, headline_and_paragraphs);
	tcase_add_test(tc, dividers_are_section_breaks);
	tcase_add_test(tc, two_marks_are_not_a_divider);
	tcase_add_test(tc, subheading_between_paragraphs);
	tcase_add_test(tc, sentence_or_long_line_is_not_a_subheading);
	tcase_add_test(tc, byline_is_the_author);
	tcase_add_test(tc, crlf_line_ends);
	tcase_add_test(tc, invalid_utf8_is_refused);
	tcase_add_test(tc, nul_is_refused);
	tcase_add_test(tc, empty_is_refused);
	tcase_add_test(tc, controls_are_stripped);
	tcase_add_test(tc, markdown_blocks);
	tcase_add_test(tc, markdown_headline_from_heading);
	tcase_add_test(tc, markdown_front_matter_variants);
	tcase_add_test(tc, markdown_deep_nesting);
	tcase_add_test(tc, language_tags_canonical);
	tcase_add_test(tc, language_from_each_reader);
	tcase_add_test(tc, html_furniture_in_the_article);
	tcase_add_test(tc, html_story_sentences_not_clutter);
	tcase_add_test(tc, metadata_without_controls);
	tcase_add_test(tc, html_article_without_clutter);
	tcase_add_test(tc, html_fallbacks_and_hostile_markup);
	tcase_add_test(tc, html_jsonld_news_article);
	tcase_add_test(tc, html_jsonld_and_meta);
	tcase_add_test(tc, html_jsonld_graph_and_array);
	tcase_add_test(tc, html_jsonld_malformed_ignored);
	tcase_add_test(tc, html_jsonld_forty_authors);
	tcase_add_test(tc, html_jsonld_other_type_ignored);
	tcase_add_test(tc, reader_table_names_and_probes);
	suite_add_tcase(s, tc);
	tc = tcase_create("inbox");
	test_add_dir_fixtures(tc);
	tcase_add_test(tc, inbox_file_is_never_read_through_a_link);
	suite_add_tcase(s, tc);
	return s;
}
