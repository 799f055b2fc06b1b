/* Unit tests for feed, episode, show and transcript: the pure pieces of building and publishing. */
#include "episode.h"
#include "feed.h"
#include "helpers.h"
#include "show.h"
#include "suites.h"
#include "transcript.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

START_TEST(podcast_guid_is_uuid5_of_the_url)
{
	/* the Podcasting 2.0 spec's own example */
	char *g = feed_guid("https://mp3s.nashownotes.com/pc20rss.xml");

	ck_assert_str_eq(g, "917393e3-1b1e-5cef-ace4-edaa54e1f810");
	free(g);
	/* scheme and trailing slashes do not count */
	g = feed_guid("http://mp3s.nashownotes.com/pc20rss.xml//");
	ck_assert_str_eq(g, "917393e3-1b1e-5cef-ace4-edaa54e1f810");
	free(g);
}
END_TEST

START_TEST(rfc2822_dates)
{
	char buf[64];

	feed_rfc2822("2026-11-29T06:05:09Z", buf, sizeof buf);
	ck_assert_str_eq(buf, "Sun, 29 Nov 2026 06:05:09 +0000");
	feed_rfc2822("2024-02-29T23:59:59Z", buf, sizeof buf);
	ck_assert_str_eq(buf, "Thu, 29 Feb 2024 23:59:59 +0000");
	feed_rfc2822("yesterday", buf, sizeof buf);
	ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(truncate_on_a_character)
{
	char *s = feed_truncate("short", 10);

	ck_assert_str_eq(s, "short");
	free(s);
	s = feed_truncate("abcdefghij", 10);
	ck_assert_str_eq(s, "abcdefghij");
	free(s);
	/* é is two bytes: never cut in half; "…" is three */
	s = feed_truncate("aaaaéééé", 8);
	ck_assert_str_eq(s, "aaaa…");
	ck_assert_uint_le(strlen(s), 8);
	free(s);
}
END_TEST

START_TEST(show_placeholders)
{
	struct show show;
	struct tm tm = { 0 };
	char *s;

	show_init(&show);
	show.title = xstrdup("Morning Brief");
	tm.tm_year = 126;
	tm.tm_mon = 10;
	tm.tm_mday = 29;
	tm.tm_hour = 6;
	tm.tm_isdst = -1;
	s = show_expand(&show, "This is {show} for {date:%A %-d %B}: {headline}.", "Big news", (long)mktime(&tm));
	ck_assert_str_eq(s, "This is Morning Brief for Sunday 29 November: Big news.");
	free(s);
	s = show_expand(&show, "{show} — {date}", NULL, (long)mktime(&tm));
	ck_assert_str_eq(s, "Morning Brief — Sunday, November 29, 2026");
	free(s);
	/* the date in the show's language, through ICU: its styles, its patterns, its names for strftime's */
	{
		static const struct {
			const char *language, *pattern, *want;
		} cases[] = {
			{ "en-GB", "{date}", "Sunday, 29 November 2026" },
			{ "de", "{date}", "Sonntag, 29. November 2026" },
			{ "de", "vom {date:EEEE, 'dem' d. MMMM}", "vom Sonntag, dem 29. November" },
			{ "de-AT", "{date:d. MMMM y}", "29. November 2026" },
			{ "fr", "{date}", "dimanche 29 novembre 2026" },
			{ "fr", "{date:%A %-d %B}", "dimanche 29 novembre" },
			{ "es", "{date:EEEE d 'de' MMMM}", "domingo 29 de noviembre" },
			{ "it", "{date:long}", "29 novembre 2026" },
			{ "pt-BR", "{date}", "domingo, 29 de novembro de 2026" },
			{ "pt-PT", "{date:%a %b}", "domingo nov." },
			{ "de", "{date:%%A %d.%m.}", "%A 29.11." },
		};

		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			free(show.language);
			show.language = xstrdup(cases[i].language);
			s = show_expand(&show, cases[i].pattern, NULL, (long)mktime(&tm));
			ck_assert_msg(strcmp(s, cases[i].want) == 0, "%s %s: '%s', want '%s'", cases[i].language,
				      cases[i].pattern, s, cases[i].want);
			free(s);
		}
	}
	ck_assert(show_is_audio("intro.WAV"));
	ck_assert(show_is_audio("sounds/chime.flac"));
	ck_assert(!show_is_audio("This is {show}."));
	ck_assert(!show_is_audio("Thanks for listening to show.wav fans"));
	show_release(&show);
}
END_TEST

START_TEST(show_ini_errors_name_line_and_key)
{
	static const struct {
		const char *ini, *message;
	} cases[] = {
		{ "[show]\ntitle = A\ncolour = red\n", "podcast.ini' line 3: unknown key 'colour' in [show]" },
		{ "[show]\ntitle = A\n[episode]\nmode = weekly\n", "line 4: bad value 'weekly' for 'mode' in [episode]" },
		{ "[show]\ntitle = A\n[audio]\nbitrate = 100\n", "line 4: bad value '100' for 'bitrate' in [audio]" },
		{ "[show]\ntitle = A\n[audio]\nquality = 10\n",
		  "line 4: bad value '10' for 'quality' in [audio] (a whole number from 0 to 9)" },
		{ "[show]\ntitle = A\n[audio]\nloudness = loud\n", "line 4: bad value 'loud' for 'loudness'" },
		{ "[shows]\ntitle = A\n", "line 2: unknown section [shows]" },
		{ "[show]\nauthor = B\n", "[show] needs a title" },
		/* a continued key that takes one line: the error names the indented line */
		{ "[show]\ntitle = A\n  B\n", "podcast.ini' line 3: this indented line continues 'title' in [show]" },
		/* a line longer than libinih's buffer, then a bad one: the right line */
		{ "[show]\ntitle = A\ncopyright = ...................................................................."
		  "........................................................................................................"
		  "..........................................................................\nmode = x\n",
		  "podcast.ini' line 4: unknown key 'mode' in [show]" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *dir = test_tmpdir(), *ini = xasprintf("%s/podcast.ini", dir), *err;
		struct show show;

		test_write_file(ini, cases[i].ini);
		show_init(&show);
		test_stderr_begin();
		ck_assert_int_eq(show_load(&show, dir), -1);
		err = test_stderr_end();
		ck_assert_msg(strstr(err, cases[i].message), "case %zu: got '%s'", i, err);
		free(err);
		show_release(&show);
		free(ini);
		test_rmdir(dir);
	}
}
END_TEST

/* podcast.ini lines longer than libinih's 200 bytes, and values of several lines */
START_TEST(show_ini_long_and_multi_line_values)
{
	char *dir = test_tmpdir(), *ini = xasprintf("%s/podcast.ini", dir);
	struct strbuf text, desc, url, feed;
	struct show show;

	strbuf_init(&text);
	strbuf_init(&desc);
	strbuf_init(&url);
	strbuf_init(&feed);
	strbuf_adds(&desc, "Zoë's news:");
	while (desc.len < 3993)
		strbuf_addc(&desc, desc.len % 10 ? 'a' : ' ');
	strbuf_adds(&desc, "The END");	/* 4000 bytes: Apple's most */
	ck_assert_uint_eq(desc.len, 4000);
	strbuf_adds(&url, "https://example.com/podcast/");
	while (url.len < 2000)
		strbuf_addc(&url, 'u');
	strbuf_adds(&feed, "https://example.com/feed?");
	while (feed.len < 2000)
		strbuf_addc(&feed, 'f');
	strbuf_addf(&text, "[show]\ntitle = T\ndescription = %s\nbase_url = %s\n\n[source]\nfeed = %s\n", desc.buf,
		    url.buf, feed.buf);
	test_write_file(ini, text.buf);
	show_init(&show);
	ck_assert_int_eq(show_load(&show, dir), 0);
	ck_assert_str_eq(show.description, desc.buf);
	ck_assert_str_eq(show.base_url, url.buf);
	ck_assert_uint_eq(show.n_feeds, 1);
	ck_assert_str_eq(show.feeds[0], feed.buf);
	show_release(&show);

	/* a description of several lines keeps them all */
	test_write_file(ini, "[show]\ntitle = T\ndescription = The first line,\n  the second,\n  ; a comment\n  and the third.\n"
			     "author = A\n");
	show_init(&show);
	ck_assert_int_eq(show_load(&show, dir), 0);
	ck_assert_str_eq(show.description, "The first line,\nthe second,\nand the third.");
	ck_assert_str_eq(show.author, "A");
	show_release(&show);

	strbuf_release(&text);
	strbuf_release(&desc);
	strbuf_release(&url);
	strbuf_release(&feed);
	free(ini);
	test_rmdir(dir);
}
END_TEST

/* NULL-or-message checks: ok when want is NULL, else the message must be want. */
static void expect_check(char *got, const char *want, const char *value)
{
	if (!want)
		ck_assert_msg(!got, "'%s' refused: %s", value, got ? got : "");
	else
		ck_assert_msg(got && strcmp(got, want) == 0, "'%s': got '%s', want '%s'", value, got ? got : "(ok)", want);
	free(got);
}

START_TEST(show_checks_what_apple_is_told)
{
	static const struct {
		const char *value, *canonical, *error;
	} categories[] = {
		{ "News", "News", NULL },
		{ "news / daily news", "News/Daily News", NULL },
		{ "Society & Culture/Places & Travel", "Society & Culture/Places & Travel", NULL },
		{ "TV & Film/After Shows", "TV & Film/After Shows", NULL },
		{ "Technology", "Technology", NULL },
		{ "Tech", NULL,
		  "category 'Tech' is not one of Apple's categories: Arts, Business, Comedy, Education, Fiction, Government, "
		  "History, Health & Fitness, Kids & Family, Leisure, Music, News, Religion & Spirituality, Science, "
		  "Society & Culture, Sports, Technology, True Crime, TV & Film" },
		{ "News/Cooking", NULL,
		  "'Cooking' is not one of Apple's subcategories of News: Business News, Daily News, Entertainment News, "
		  "News Commentary, Politics, Sports News, Tech News" },
		{ "Arts/Daily News", NULL,
		  "'Daily News' is not one of Apple's subcategories of Arts: Books, Design, Fashion & Beauty, Food, "
		  "Performing Arts, Visual Arts" },
		{ "True Crime/Murder", NULL, "Apple's category True Crime has no subcategories ('Murder' given)" },
	};
	static const struct {
		const char *value;
		bool ok;
	} languages[] = { { "en", true },   { "en-us", true },	{ "en-GB", true },     { "pt-BR", true },
			  { "fr", true },   { "zh-Hant-TW", true }, { "gsw", true },   { "english", false },
			  { "en_US", false }, { "e", false },	{ "en-", false },      { "xx", false },
			  { "", false },    { "en us", false } };
	static const struct {
		const char *value;
		bool ok;
	} emails[] = { { "podcast@example.com", true }, { "first.last+pod@news.example.co.uk", true },
		       { "not-an-email", false },	{ "a@b", false },
		       { "@example.com", false },	{ "a@example..com", false },
		       { "a.@example.com", false },	{ ".a@example.com", false },
		       { "a b@example.com", false },	{ "a@-example.com", false },
		       { "a@example.com.", false },	{ "a@exa_mple.com", false } };
	static const struct {
		const char *value, *error;
	} urls[] = {
		{ "https://example.com/", NULL },
		{ "HTTP://example.com:8080/pod?x=1", NULL },
		{ "ftp://x/", "base_url 'ftp://x/' is not an http:// or https:// URL" },
		{ "javascript:alert()", "base_url 'javascript:alert()' is not an http:// or https:// URL" },
		{ "example.com/pod/", "base_url 'example.com/pod/' is not an http:// or https:// URL" },
		{ "https://", "base_url 'https://' has no host" },
		{ "https:///pod", "base_url 'https:///pod' has no host" },
		{ "https://example.com/a b", "base_url 'https://example.com/a b' has white space or a control character in it" },
	};

	for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++) {
		char *canonical = NULL;

		expect_check(show_check_category(categories[i].value, &canonical), categories[i].error, categories[i].value);
		if (categories[i].canonical)
			ck_assert_str_eq(canonical, categories[i].canonical);
		else
			ck_assert_ptr_null(canonical);
		free(canonical);
	}
	for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++) {
		char *want = languages[i].ok ? NULL
					     : xasprintf("language '%s' is not a language tag (en, en-us, fr, pt-br ...)",
							 languages[i].value);

		expect_check(show_check_language(languages[i].value), want, languages[i].value);
		free(want);
	}
	for (size_t i = 0; i < sizeof emails / sizeof emails[0]; i++) {
		char *want = emails[i].ok ? NULL
					  : xasprintf("owner_email '%s' is not an e-mail address (name@example.com)",
						      emails[i].value);

		expect_check(show_check_email(emails[i].value), want, emails[i].value);
		free(want);
	}
	for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++)
		expect_check(show_check_url("base_url", urls[i].value), urls[i].error, urls[i].value);
}
END_TEST

START_TEST(show_create_then_load)
{
	char *dir = test_tmpdir(), *sub = xasprintf("%s/Harbour Bulletin", dir);
	struct show show;

	ck_assert_int_eq(show_create(sub), 0);
	show_init(&show);
	ck_assert_int_eq(show_load(&show, sub), 0);
	ck_assert_str_eq(show.title, "Harbour Bulletin");
	ck_assert_int_eq(show.mode, SHOW_DIGEST);
	ck_assert_int_eq(show.bitrate, 96);
	ck_assert_double_eq_tol(show.loudness, -16.0, 1e-9);
	show_release(&show);
	/* a second time: refused */
	test_stderr_begin();
	ck_assert_int_eq(show_create(sub), -1);
	free(test_stderr_end());
	free(sub);
	test_rmdir(dir);
}
END_TEST

START_TEST(sidecar_round_trip)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/2026-11-29-news.json", dir);
	struct episode ep, back;

	episode_init(&ep);
	ep.guid = episode_new_guid();
	ep.slug = xstrdup("2026-11-29-news");
	ep.title = xstrdup("News — \"today\" & <more>");
	ep.date = xstrdup("2026-11-29T06:00:00Z");
	ep.description = xstrdup("One\nTwo");
	ep.duration = 123.456;
	ep.bytes = 98765;
	episode_add_article(&ep, (struct episode_article){ xstrdup("a.txt"), xstrdup("00ff"), xstrdup("Head"),
							   xstrdup("First para."), xstrdup("Ann Lee"), NULL,
							   xstrdup("https://example.org/a") });
	episode_add_chapter(&ep, 0, xstrdup("Introduction"));
	episode_add_chapter(&ep, 5016, xstrdup("Head"));
	ck_assert_int_eq(episode_write(&ep, dir), 0);
	episode_init(&back);
	ck_assert_int_eq(episode_read(&back, path), 0);
	ck_assert_str_eq(back.guid, ep.guid);
	ck_assert_str_eq(back.title, ep.title);
	ck_assert_double_eq_tol(back.duration, 123.456, 1e-9);
	ck_assert_uint_eq(back.bytes, 98765);
	ck_assert_uint_eq(back.n_chapters, 2);
	ck_assert_uint_eq(back.chapters[1].start_ms, 5016);
	ck_assert_str_eq(back.articles[0].hash, "00ff");
	ck_assert_str_eq(back.articles[0].author, "Ann Lee");
	ck_assert_ptr_null(back.articles[0].date);
	ck_assert_str_eq(back.articles[0].link, "https://example.org/a");
	/* a v4 UUID */
	ck_assert_uint_eq(strlen(ep.guid), 36);
	ck_assert_int_eq(ep.guid[14], '4');
	episode_release(&ep);
	episode_release(&back);
	free(path);
	test_rmdir(dir);
}
END_TEST

START_TEST(transcript_times)
{
	char buf[16];

	transcript_time(0, '.', buf);
	ck_assert_str_eq(buf, "00:00:00.000");
	transcript_time(3723004, ',', buf);
	ck_assert_str_eq(buf, "01:02:03,004");
}
END_TEST

/* An episode of one article in article mode: its link is the article's, and links only http(s). */
START_TEST(article_links_in_feed_and_page)
{
	char *dir = test_tmpdir(), *eps = xasprintf("%s/public/episodes", dir), *ini = xasprintf("%s/podcast.ini", dir);
	char *mp3 = xasprintf("%s/2026-11-29-ferry.mp3", eps), *feed_path = xasprintf("%s/public/feed.xml", dir);
	char *page_path = xasprintf("%s/public/index.html", dir), *feed, *page;
	struct feed_item *items;
	size_t len, n;
	struct episode ep;
	struct show show;

	ck_assert_int_eq(show_create(dir), 0);
	test_write_file(ini, "[show]\ntitle = Links\nbase_url = https://example.com/pod/\n[episode]\nmode = article\n");
	episode_init(&ep);
	ep.guid = xstrdup("0b7c1f6e-6c37-4c3b-9a51-1f3f0d3e7a10");
	ep.slug = xstrdup("2026-11-29-ferry");
	ep.title = xstrdup("Ferry");
	ep.date = xstrdup("2026-11-29T06:00:00Z");
	ep.duration = 60;
	episode_add_article(&ep, (struct episode_article){ xstrdup("feed:1"), xstrdup("00"), xstrdup("Ferry & fares"),
							   xstrdup("Fares rise."), NULL, NULL,
							   xstrdup("https://example.org/ferry?a=1&b=2") });
	ck_assert_int_eq(episode_write(&ep, eps), 0);
	test_write_file(mp3, "not really audio");
	show_init(&show);
	ck_assert_int_eq(show_load(&show, dir), 0);
	ck_assert_int_eq(feed_read_episodes(eps, &items, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(feed_write(&show, items, n, NULL, "ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), 0);
	feed_items_free(items, n);
	feed = (char *)test_read_file(feed_path, &len);
	page = (char *)test_read_file(page_path, &len);
	ck_assert_ptr_nonnull(strstr(feed, "<link>https://example.org/ferry?a=1&amp;b=2</link>"));
	ck_assert_ptr_nonnull(strstr(feed, "<p><strong><a href=\"https://example.org/ferry?a=1&amp;b=2\">Ferry &amp; "
					   "fares</a></strong></p>"));
	ck_assert_ptr_nonnull(strstr(page, "<h3><a href=\"https://example.org/ferry?a=1&amp;b=2\">Ferry &amp; fares</a></h3>"));
	free(feed);
	free(page);
	/* a link a hostile feed could give is never written */
	free(ep.articles[0].link);
	ep.articles[0].link = xstrdup("javascript:alert(1)");
	ck_assert_int_eq(episode_write(&ep, eps), 0);
	ck_assert_int_eq(feed_read_episodes(eps, &items, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(feed_write(&show, items, n, NULL, "ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), 0);
	feed_items_free(items, n);
	feed = (char *)test_read_file(feed_path, &len);
	page = (char *)test_read_file(page_path, &len);
	ck_assert_ptr_null(strstr(feed, "javascript"));
	ck_assert_ptr_null(strstr(page, "javascript"));
	ck_assert_ptr_nonnull(strstr(feed, "<link>https://example.com/pod/index.html#ep-2026-11-29-ferry</link>"));
	free(feed);
	free(page);
	show_release(&show);
	episode_release(&ep);
	free(eps);
	free(ini);
	free(mp3);
	free(feed_path);
	free(page_path);
	test_rmdir(dir);
}
END_TEST

Suite *suite_feed(void)
{
	Suite *s = suite_create("feed");
	TCase *tc = tcase_create("feed");

	tcase_add_test(tc, podcast_guid_is_uuid5_of_the_url);
	tcase_add_test(tc, rfc2822_dates);
	tcase_add_test(tc, truncate_on_a_character);
	tcase_add_test(tc, show_placeholders);
	tcase_add_test(tc, show_ini_errors_name_line_and_key);
	tcase_add_test(tc, show_ini_long_and_multi_line_values);
	tcase_add_test(tc, show_checks_what_apple_is_told);
	tcase_add_test(tc, show_create_then_load);
	tcase_add_test(tc, sidecar_round_trip);
	tcase_add_test(tc, transcript_times);
	tcase_add_test(tc, article_links_in_feed_and_page);
	suite_add_tcase(s, tc);
	return s;
}
