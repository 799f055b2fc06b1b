/* Unit tests for input_feed (RSS 2.0, RSS 1.0, Atom) and format sniffing. */
#include "helpers.h"
#include "input.h"
#include "suites.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char rss[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
	"     xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
	"<channel><title>The Gazette</title>\n"
	"<item>\n"
	"  <title>Ferry fares &amp; timetables</title>\n"
	"  <link>https://example.org/ferry</link>\n"
	"  <guid isPermaLink=\"false\">gazette-101</guid>\n"
	"  <pubDate>Sat, 28 Nov 2026 18:30:00 +0100</pubDate>\n"
	"  <dc:creator>Ann Lee</dc:creator>\n"
	"  <description>Fares rise &lt;b&gt;in March&lt;/b&gt;.</description>\n"
	"  <content:encoded><![CDATA[<p>Fares rise in March.</p>\n"
	"<h2>Why</h2>\n"
	"<p>Fuel costs more.</p><figure><img src=\"f.jpg\"><figcaption>Photo: Bo</figcaption></figure>\n"
	"<blockquote><p>We had no choice.</p></blockquote><hr><p>Last.</p>]]></content:encoded>\n"
	"</item>\n"
	"<item><title>Bare</title><author>desk@example.org (News Desk)</author>\n"
	"  <pubDate>Sun, 29 Nov 2026 06:00:00 GMT</pubDate>\n"
	"  <description>One line.&lt;br&gt;&lt;br&gt;Two line.</description></item>\n"
	"<item><description>No title, no guid, no link.</description></item>\n"
	"</channel></rss>\n";

START_TEST(rss_items_and_metadata)
{
	struct input_feed feed;
	struct document *d;

	input_feed_init(&feed);
	ck_assert_int_eq(input_parse_feed("g.rss", rss, strlen(rss), &feed), 0);
	ck_assert_str_eq(feed.title, "The Gazette");
	ck_assert_uint_eq(feed.n, 3);
	d = &feed.items[0];
	ck_assert_str_eq(d->name, "g.rss:5");
	ck_assert_str_eq(d->headline, "Ferry fares & timetables");
	ck_assert_int_eq(d->headline_line, 5);
	ck_assert_str_eq(d->link, "https://example.org/ferry");
	ck_assert_str_eq(d->id, "gazette-101");
	ck_assert_str_eq(d->date, "2026-11-28T17:30:00Z");
	ck_assert_str_eq(d->author, "Ann Lee");
	ck_assert_str_eq(d->description, "Fares rise in March.");
	ck_assert_uint_eq(d->n_blocks, 6);
	ck_assert_int_eq(d->blocks[0].kind, BLOCK_PARAGRAPH);
	ck_assert_str_eq(d->blocks[0].text, "Fares rise in March.");
	ck_assert_int_eq(d->blocks[0].line, 12);
	ck_assert_int_eq(d->blocks[1].kind, BLOCK_HEADING);
	ck_assert_str_eq(d->blocks[1].text, "Why");
	ck_assert_int_eq(d->blocks[1].line, 13);
	ck_assert_str_eq(d->blocks[2].text, "Fuel costs more.");
	ck_assert_int_eq(d->blocks[3].kind, BLOCK_QUOTE);
	ck_assert_str_eq(d->blocks[3].text, "We had no choice.");
	ck_assert_int_eq(d->blocks[4].kind, BLOCK_DIVIDER);
	ck_assert_str_eq(d->blocks[5].text, "Last.");

	d = &feed.items[1];
	ck_assert_str_eq(d->headline, "Bare");
	ck_assert_str_eq(d->author, "News Desk");
	ck_assert_str_eq(d->date, "2026-11-29T06:00:00Z");
	ck_assert_str_eq(d->id, "title:Bare|2026-11-29T06:00:00Z");	/* no guid, no link: title and date */
	ck_assert_ptr_null(d->description);
	ck_assert_uint_eq(d->n_blocks, 2);
	ck_assert_str_eq(d->blocks[0].text, "One line.");
	ck_assert_str_eq(d->blocks[1].text, "Two line.");

	d = &feed.items[2];
	ck_assert_ptr_null(d->headline);
	ck_assert_ptr_null(d->id);
	ck_assert_uint_eq(d->n_blocks, 1);
	input_feed_release(&feed);
}
END_TEST

START_TEST(atom_entries)
{
	static const char atom[] =
		"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
		"  <title>Field Notes</title>\n"
		"  <entry>\n"
		"    <title>Owls return</title>\n"
		"    <id>tag:example.org,2026:owls</id>\n"
		"    <link rel=\"enclosure\" href=\"https://example.org/owl.mp3\"/>\n"
		"    <link href=\"https://example.org/owls\"/>\n"
		"    <published>2026-11-27T09:15:00-05:00</published>\n"
		"    <author><name>Kit Oyelaran</name></author><author><name>Sam Tran</name></author>\n"
		"    <author><name>Lu Wen</name></author>\n"
		"    <summary type=\"html\">&lt;p&gt;Owls are back.&lt;/p&gt;</summary>\n"
		"    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Barn owls nest again."
		"</p><p>Counts <em>doubled</em>.</p></div></content>\n"
		"  </entry>\n"
		"  <entry><title type=\"text\">Plain</title><updated>2026-11-26T10:00:00Z</updated>\n"
		"    <content type=\"text\">A &lt; B &amp; C.\n\nNext para.</content></entry>\n"
		"</feed>\n";
	struct input_feed feed;
	struct document *d;

	input_feed_init(&feed);
	ck_assert_int_eq(input_parse_feed("n.atom", atom, strlen(atom), &feed), 0);
	ck_assert_str_eq(feed.title, "Field Notes");
	ck_assert_uint_eq(feed.n, 2);
	d = &feed.items[0];
	ck_assert_str_eq(d->headline, "Owls return");
	ck_assert_str_eq(d->id, "tag:example.org,2026:owls");
	ck_assert_str_eq(d->link, "https://example.org/owls");
	ck_assert_str_eq(d->date, "2026-11-27T14:15:00Z");
	ck_assert_str_eq(d->author, "Kit Oyelaran, Sam Tran and Lu Wen");
	ck_assert_str_eq(d->description, "Owls are back.");
	ck_assert_uint_eq(d->n_blocks, 2);
	ck_assert_str_eq(d->blocks[0].text, "Barn owls nest again.");
	ck_assert_str_eq(d->blocks[1].text, "Counts doubled.");
	d = &feed.items[1];
	ck_assert_str_eq(d->date, "2026-11-26T10:00:00Z");
	ck_assert_uint_eq(d->n_blocks, 2);
	ck_assert_str_eq(d->blocks[0].text, "A < B & C.");
	ck_assert_str_eq(d->blocks[1].text, "Next para.");
	input_feed_release(&feed);
}
END_TEST

START_TEST(rss1_items_beside_the_channel)
{
	static const char rdf[] =
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
		"<channel><title>Old</title></channel>"
		"<item><title>One</title><link>https://example.org/1</link><description>Text.</description></item>"
		"</rdf:RDF>";
	struct input_feed feed;

	input_feed_init(&feed);
	ck_assert_int_eq(input_parse_feed("o.rdf", rdf, strlen(rdf), &feed), 0);
	ck_assert_uint_eq(feed.n, 1);
	ck_assert_str_eq(feed.items[0].headline, "One");
	ck_assert_str_eq(feed.items[0].id, "https://example.org/1");
	input_feed_release(&feed);
}
END_TEST

/* Atom 0.3, and RSS in a default namespace: old and odd, still read. */
START_TEST(other_namespaces)
{
	static const char atom03[] = "<feed xmlns=\"http://purl.org/atom/ns#\"><title>Old</title><entry><title>Entry"
				     "</title><id>x1</id><summary>Still read.</summary></entry></feed>";
	static const char nsrss[] = "<rss xmlns=\"http://backend.userland.com/rss2\"><channel><item><title>Ns</title>"
				    "<description>Read too.</description></item></channel></rss>";
	struct input_feed feed;

	input_feed_init(&feed);
	ck_assert_int_eq(input_parse_feed("a.xml", atom03, strlen(atom03), &feed), 0);
	ck_assert_uint_eq(feed.n, 1);
	ck_assert_str_eq(feed.items[0].id, "x1");
	ck_assert_str_eq(feed.items[0].blocks[0].text, "Still read.");
	input_feed_release(&feed);
	ck_assert_int_eq(input_parse_feed("n.xml", nsrss, strlen(nsrss), &feed), 0);
	ck_assert_uint_eq(feed.n, 1);
	ck_assert_str_eq(feed.items[0].headline, "Ns");
	input_feed_release(&feed);
}
END_TEST

/* The error a feed gives, its status checked. */
static char *feed_error(const char *data, size_t len)
{
	struct input_feed feed;
	char *err;

	input_feed_init(&feed);
	test_stderr_begin();
	ck_assert_int_eq(input_parse_feed("bad.xml", data, len, &feed), -1);
	err = test_stderr_end();
	input_feed_release(&feed);
	return err;
}

START_TEST(hostile_feeds_are_refused)
{
	static const char laughs[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"aaaaaaaaaa\">\n"
				     "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n"
				     "<rss><channel><item><title>&c;</title></item></channel></rss>";
	static const char xxe[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
				  "<rss><channel><item><title>&x;</title></item></channel></rss>";
	static const char truncated[] = "<rss><channel>\n<item><title>Cut</title>\n<description>off in the mid";
	static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>";
	struct strbuf deep;
	char *err;
	clock_t t0 = clock();

	err = feed_error(laughs, strlen(laughs));
	ck_assert_str_eq(err, "newscast: 'bad.xml' line 3: the feed declares an entity; entities are refused (they are "
			      "how entity-expansion and external-entity attacks work)\n");
	free(err);
	err = feed_error(xxe, strlen(xxe));
	ck_assert_ptr_nonnull(strstr(err, "'bad.xml' line 2: the feed declares an entity"));
	free(err);
	err = feed_error(truncated, strlen(truncated));
	ck_assert_str_eq(err, "newscast: 'bad.xml' line 3: not well-formed XML: Premature end of data in tag "
			      "description line 3\n");
	free(err);
	err = feed_error(svg, strlen(svg));
	ck_assert_str_eq(err, "newscast: 'bad.xml' line 1: not an RSS or Atom feed (its root element is <svg>)\n");
	free(err);
	/* 5 MB of nested tags: refused by the parser's depth limit, at once */
	strbuf_init(&deep);
	strbuf_adds(&deep, "<rss><channel><item><title>Deep</title><description>");
	while (deep.len < 5u << 20)
		strbuf_adds(&deep, "<div>");
	err = feed_error(deep.buf, deep.len);
	ck_assert_ptr_nonnull(strstr(err, "'bad.xml' line 1: not well-formed XML: Excessive depth"));
	free(err);
	strbuf_release(&deep);
	ck_assert_double_lt((double)(clock() - t0) / CLOCKS_PER_SEC, 5.0);
}
END_TEST

START_TEST(sniffing)
{
	static const struct {
		const char *data;
		enum input_format format;
	} cases[] = {
		{ "<?xml version=\"1.0\"?>\n<!-- a feed -->\n<rss version=\"2.0\">", INPUT_FEED },
		{ "\xef\xbb\xbf<feed xmlns=\"http://www.w3.org/2005/Atom\">", INPUT_FEED },
		{ "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", INPUT_FEED },
		{ "<!DOCTYPE html>\n<html lang=en>", INPUT_HTML },
		{ "  <html><body>", INPUT_HTML },
		{ "<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\"><html>", INPUT_HTML },
		{ "---\ntitle: A\n---\n", INPUT_MARKDOWN },
		{ "---\r\ntitle: A\r\n---\r\n", INPUT_MARKDOWN },
		{ "# Headline\n\nText.", INPUT_MARKDOWN },
		{ "Headline\n\nText with <b>a tag</b>.", INPUT_TEXT },
		{ "<svg></svg>", INPUT_TEXT },
		{ "", INPUT_TEXT },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(input_sniff(cases[i].data, strlen(cases[i].data)) == cases[i].format, "case %zu", i);
	ck_assert_int_eq(input_format_of("a/news.rss"), INPUT_FEED);
	ck_assert_int_eq(input_format_of("a/news.ATOM"), INPUT_FEED);
	ck_assert_int_eq(input_format_of("a/story.txt"), INPUT_TEXT);
	ck_assert_int_eq(input_format_of("a/story.htm"), INPUT_HTML);
	ck_assert_int_eq(input_format_of("a.d/story"), INPUT_AUTO);
	ck_assert_int_eq(input_format_of("story.pdf"), INPUT_AUTO);
}
END_TEST

START_TEST(reading_one_item)
{
	char *path = xasprintf("%s/g.rss", test_dir), *err;
	struct document doc;

	test_write_file(path, rss);
	document_init(&doc);
	ck_assert_int_eq(input_read_file_as(path, INPUT_AUTO, NULL, &doc), 0);
	ck_assert_str_eq(doc.headline, "Ferry fares & timetables");
	document_release(&doc);
	ck_assert_int_eq(input_read_file_as(path, INPUT_AUTO, "2", &doc), 0);
	ck_assert_str_eq(doc.headline, "Bare");
	document_release(&doc);
	ck_assert_int_eq(input_read_file_as(path, INPUT_FEED, "gazette-101", &doc), 0);
	ck_assert_str_eq(doc.id, "gazette-101");
	document_release(&doc);
	test_stderr_begin();
	ck_assert_int_eq(input_read_file_as(path, INPUT_AUTO, "9", &doc), -1);
	err = test_stderr_end();
	ck_assert_ptr_nonnull(strstr(err, "no item '9' (the feed has 3, numbered from 1)"));
	free(err);
	document_release(&doc);
	free(path);
}
END_TEST

/* Dates as feeds write them in the wild, each as RFC 3339 in UTC. */
START_TEST(feed_dates)
{
	static const char *const cases[][2] = {
		{ "Sun, 29 Nov 2026 06:38:26 +0000", "2026-11-29T06:38:26Z" },
		{ "Sun, 29 Nov 26 06:38:26 GMT", "2026-11-29T06:38:26Z" },	/* two-digit year */
		{ "Tue, 10 Jun 2003 04:00:00 EST", "2003-06-10T09:00:00Z" },
		{ "Tue, 10 Jun 2003 04:00:00 PDT", "2003-06-10T11:00:00Z" },
		{ "10 Jun 2003 04:00 +0200", "2003-06-10T02:00:00Z" },	/* no weekday, no seconds */
		{ "2003-06-10T04:00:00.123Z", "2003-06-10T04:00:00Z" },	/* fractions of seconds */
		{ "2003-06-10T04:00:00.5+02:00", "2003-06-10T02:00:00Z" },
		{ "2003-06-10t04:00:00z", "2003-06-10T04:00:00Z" },
		{ "2003-06-10 04:00:00Z", "2003-06-10T04:00:00Z" },
		{ "2003-06-10", "2003-06-10T00:00:00Z" },
		{ "last Tuesday", "last Tuesday" },	/* unreadable: kept as written */
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *xml = xasprintf("<rss><channel><item><title>T</title><pubDate>%s</pubDate><description>x"
				      "</description></item></channel></rss>", cases[i][0]);
		struct input_feed feed;

		input_feed_init(&feed);
		ck_assert_int_eq(input_parse_feed("d.rss", xml, strlen(xml), &feed), 0);
		ck_assert_msg(strcmp(feed.items[0].date, cases[i][1]) == 0, "'%s' gave '%s', not '%s'", cases[i][0],
			      feed.items[0].date, cases[i][1]);
		input_feed_release(&feed);
		free(xml);
	}
}
END_TEST

/* Titles of type html are read as their text; white space in names is squeezed. */
START_TEST(titles_and_controls)
{
	static const char atom[] =
		"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"html\">Wire &amp;amp; Co</title>"
		"<entry><title type=\"html\">Tom &amp;amp; Jerry &lt;em&gt;win&lt;/em&gt;</title><id>1001</id>"
		"<author><name>Ann\n\t Lee</name></author><content type=\"html\">&lt;p&gt;Text.&lt;/p&gt;</content>"
		"</entry><entry><title>Two</title><id>2</id><summary>More.</summary></entry></feed>";
	struct input_feed feed;
	struct document doc;
	char *path = xasprintf("%s/n.atom", test_dir);

	input_feed_init(&feed);
	ck_assert_int_eq(input_parse_feed("n.atom", atom, strlen(atom), &feed), 0);
	ck_assert_str_eq(feed.title, "Wire & Co");
	ck_assert_str_eq(feed.items[0].headline, "Tom & Jerry win");
	ck_assert_str_eq(feed.items[0].author, "Ann Lee");
	input_feed_release(&feed);
	/* --item: a guid that is a number wins over a position */
	test_write_file(path, atom);
	document_init(&doc);
	ck_assert_int_eq(input_read_file_as(path, INPUT_AUTO, "1001", &doc), 0);
	ck_assert_str_eq(doc.headline, "Tom & Jerry win");
	document_release(&doc);
	ck_assert_int_eq(input_read_file_as(path, INPUT_AUTO, "2", &doc), 0);
	ck_assert_str_eq(doc.headline, "Two");
	document_release(&doc);
	ck_assert_int_eq(input_read_file_as(path, INPUT_AUTO, "1", &doc), 0);
	ck_assert_str_eq(doc.headline, "Tom & Jerry win");
	document_release(&doc);
	free(path);
}
END_TEST

/* An item's content with a byline and paragraphs inside a wrapper <div>. */
START_TEST(byline_inside_a_wrapper)
{
	static const char wrapped[] = "<rss><channel><item><title>Pool</title><description>&lt;div class=\"entry "
				  "social-enabled\"&gt;&lt;p&gt;By Ann Lee&lt;/p&gt;&lt;p&gt;The pool closes early "
				  "today.&lt;/p&gt;&lt;/div&gt;</description></item></channel></rss>";
	struct input_feed feed;

	input_feed_init(&feed);
	ck_assert_int_eq(input_parse_feed("p.rss", wrapped, strlen(wrapped), &feed), 0);
	ck_assert_str_eq(feed.items[0].author, "Ann Lee");
	ck_assert_uint_eq(feed.items[0].n_blocks, 1);
	ck_assert_str_eq(feed.items[0].blocks[0].text, "The pool closes early today.");
	input_feed_release(&feed);
}
END_TEST

START_TEST(feed_languages)
{
	static const char rss_de[] =
		"<rss version=\"2.0\"><channel><title>Z</title><language>de-de</language>\n"
		"<item><title>A</title><description>Eins.</description></item>\n"
		"<item xml:lang=\"fr\"><title>B</title><description>Deux.</description></item>\n"
		"</channel></rss>\n";
	static const char atom_es[] =
		"<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"es\"><title>Z</title>\n"
		"<entry><title>A</title><content>Uno.</content></entry>\n"
		"<entry xml:lang=\"pt-br\"><title>B</title><content>Dois.</content></entry>\n"
		"<entry xml:lang=\"nonsense!\"><title>C</title><content>Tres.</content></entry>\n"
		"</feed>\n";
	struct input_feed feed;

	input_feed_init(&feed);
	ck_assert_int_eq(input_parse_feed("z.rss", rss_de, strlen(rss_de), &feed), 0);
	ck_assert_uint_eq(feed.n, 2);
	ck_assert_str_eq(feed.items[0].language, "de-DE");
	ck_assert_str_eq(feed.items[1].language, "fr");
	input_feed_release(&feed);
	input_feed_init(&feed);
	ck_assert_int_eq(input_parse_feed("z.atom", atom_es, strlen(atom_es), &feed), 0);
	ck_assert_uint_eq(feed.n, 3);
	ck_assert_str_eq(feed.items[0].language, "es");
	ck_assert_str_eq(feed.items[1].language, "pt-BR");
	ck_assert_ptr_null(feed.items[2].language);
	input_feed_release(&feed);
}
END_TEST

Suite *suite_input_feed(void)
{
	Suite *s = suite_create("input_feed");
	TCase *tc = tcase_create("core");

	test_add_dir_fixtures(tc);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, rss_items_and_metadata);
	tcase_add_test(tc, atom_entries);
	tcase_add_test(tc, rss1_items_beside_the_channel);
	tcase_add_test(tc, other_namespaces);
	tcase_add_test(tc, hostile_feeds_are_refused);
	tcase_add_test(tc, sniffing);
	tcase_add_test(tc, reading_one_item);
	tcase_add_test(tc, feed_dates);
	tcase_add_test(tc, feed_languages);
	tcase_add_test(tc, titles_and_controls);
	tcase_add_test(tc, byline_inside_a_wrapper);
	suite_add_tcase(s, tc);
	return s;
}
