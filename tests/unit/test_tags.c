/* Tests for tags: chapters placed from a part's timings, and the tags of one article. */
#include "suites.h"

#include "tags.h"
#include "util.h"

#include <string.h>

START_TEST(each_chapter_ends_where_the_next_starts)
{
	struct tags_chapters c = { 0 };

	tags_add_chapter(&c, 0, "Introduction");
	tags_add_chapter(&c, 3500, "First");
	tags_add_chapter(&c, 61000, "Second");
	tags_end_chapters(&c, 120250);
	ck_assert_uint_eq(c.n, 3);
	ck_assert_uint_eq(c.items[0].start_ms, 0);
	ck_assert_uint_eq(c.items[0].end_ms, 3500);
	ck_assert_uint_eq(c.items[1].end_ms, 61000);
	ck_assert_uint_eq(c.items[2].start_ms, 61000);
	ck_assert_uint_eq(c.items[2].end_ms, 120250);
	ck_assert_str_eq(c.items[2].title, "Second");
	tags_chapters_release(&c);
	ck_assert_uint_eq(c.n, 0);
	tags_end_chapters(&c, 5);	/* nothing to end */
}
END_TEST

START_TEST(a_section_starts_where_its_subheading_is_spoken)
{
	struct segment_list segs;
	struct article_timing t[4] = { { 0, 100, 900 }, { 1000, 1100, 5000 }, { 5400, 5500, 6000 }, { 6300, 6400, 9000 } };
	struct tags_chapters c = { 0 };

	segment_list_init(&segs);
	segment_list_add(&segs, xstrdup("Headline"), ROLE_HEADLINE, BREAK_HEADLINE, 1);
	segment_list_add(&segs, xstrdup("Body."), ROLE_BODY, BREAK_SECTION, 3);
	segment_list_add(&segs, xstrdup("A section"), ROLE_SUBHEADING, BREAK_HEADLINE, 5);
	segment_list_add(&segs, xstrdup("More."), ROLE_BODY, BREAK_ARTICLE, 7);
	/* the article's part starts 20 s into the episode */
	tags_add_chapter(&c, 20000, "Headline");
	tags_add_sections(&c, 20000, segs.items, t, 4);
	tags_end_chapters(&c, tags_ms(44100 * 30, 44100));
	ck_assert_uint_eq(c.n, 2);
	ck_assert_uint_eq(c.items[0].end_ms, 25400);
	ck_assert_uint_eq(c.items[1].start_ms, 25400);
	ck_assert_str_eq(c.items[1].title, segs.items[2].written);
	ck_assert_uint_eq(c.items[1].end_ms, 30000);
	tags_chapters_release(&c);
	segment_list_release(&segs);
}
END_TEST

START_TEST(an_articles_tags_come_from_its_document)
{
	struct document doc = { 0 };
	struct encode_tags tags = { 0 };

	doc.headline = "Bridge reopens";
	doc.author = "A. Writer";
	doc.link = "https://example.org/bridge";
	tags.album = "The show";
	tags_for_article(&tags, &doc, "2026-11-20");
	ck_assert_str_eq(tags.title, "Bridge reopens");
	ck_assert_str_eq(tags.artist, "A. Writer");
	ck_assert_str_eq(tags.writer, "A. Writer");
	ck_assert_str_eq(tags.date, "2026-11-20");
	ck_assert_str_eq(tags.genre, "Podcast");
	ck_assert_str_eq(tags.source_url, "https://example.org/bridge");
	ck_assert_str_eq(tags.album, "The show");	/* left as it was */
	/* a link that is no web address is no source URL */
	doc.link = "file:///etc/passwd";
	tags_for_article(&tags, &doc, "2026-11-20");
	ck_assert_ptr_null(tags.source_url);
}
END_TEST

Suite *suite_tags(void)
{
	Suite *s = suite_create("tags");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, each_chapter_ends_where_the_next_starts);
	tcase_add_test(tc, a_section_starts_where_its_subheading_is_spoken);
	tcase_add_test(tc, an_articles_tags_come_from_its_document);
	suite_add_tcase(s, tc);
	return s;
}
