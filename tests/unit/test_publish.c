/* Tests for publish: the cover copied into public/, the podcast:guid kept, and keep = N removing what the feed no longer lists. */
#include "episode.h"
#include "helpers.h"
#include "publish.h"
#include "show.h"
#include "suites.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An episode published in dir/public/episodes: its sidecar, its audio and its captions. */
static void add_episode(const char *dir, const char *slug, const char *date, int number)
{
	char *eps = xasprintf("%s/public/episodes", dir), *mp3 = xasprintf("%s/%s.mp3", eps, slug);
	char *vtt = xasprintf("%s/%s.vtt", eps, slug);
	struct episode ep;

	episode_init(&ep);
	ep.guid = xasprintf("guid-%s", slug);
	ep.slug = xstrdup(slug);
	ep.title = xasprintf("Episode %d", number);
	ep.date = xstrdup(date);
	ep.number = number;
	ep.duration = 60;
	ck_assert_int_eq(episode_write(&ep, eps), 0);
	test_write_file(mp3, "not really audio");
	test_write_file(vtt, "WEBVTT\n");
	episode_release(&ep);
	free(eps);
	free(mp3);
	free(vtt);
}

static bool episode_there(const char *dir, const char *slug, const char *suffix)
{
	char *p = xasprintf("%s/public/episodes/%s%s", dir, slug, suffix);
	bool there = test_exists(p);

	free(p);
	return there;
}

static int count(const char *text, const char *what)
{
	int n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

START_TEST(keep_two_of_four)
{
	static const char *const slugs[4] = { "2026-11-26-one", "2026-11-27-two", "2026-11-28-three", "2026-11-29-four" };
	static const char *const dates[4] = { "2026-11-26T06:00:00Z", "2026-11-27T06:00:00Z", "2026-11-28T06:00:00Z",
					      "2026-11-29T06:00:00Z" };
	char *dir = xasprintf("%s/show", test_dir), *ini = xasprintf("%s/podcast.ini", dir);
	char *feed_path = xasprintf("%s/public/feed.xml", dir), *page_path = xasprintf("%s/public/index.html", dir);
	char *feed, *page;
	struct show show;
	size_t len;

	ck_assert_int_eq(show_create(dir), 0);
	test_write_file(ini, "[show]\ntitle = Keep\nbase_url = https://example.com/pod/\nkeep = 2\n");
	/* written out of order: the order is the dates' */
	add_episode(dir, slugs[2], dates[2], 3);
	add_episode(dir, slugs[0], dates[0], 1);
	add_episode(dir, slugs[3], dates[3], 4);
	add_episode(dir, slugs[1], dates[1], 2);
	show_init(&show);
	ck_assert_int_eq(show_load(&show, dir), 0);
	ck_assert_int_eq(publish_feed(&show), 2);
	for (int i = 0; i < 4; i++) {
		bool kept = i >= 2;

		ck_assert_msg(episode_there(dir, slugs[i], ".json") == kept, "%s.json", slugs[i]);
		ck_assert_msg(episode_there(dir, slugs[i], ".mp3") == kept, "%s.mp3", slugs[i]);
		ck_assert_msg(episode_there(dir, slugs[i], ".vtt") == kept, "%s.vtt", slugs[i]);
	}
	ck_assert_int_eq(test_count_entries(show.dir), 4);	/* podcast.ini, articles, public, .newscast */
	feed = (char *)test_read_file(feed_path, &len);
	page = (char *)test_read_file(page_path, &len);
	ck_assert_int_eq(count(feed, "<item>"), 2);
	ck_assert_ptr_nonnull(strstr(feed, "<itunes:episode>4</itunes:episode>"));
	ck_assert_ptr_nonnull(strstr(feed, "<itunes:episode>3</itunes:episode>"));
	ck_assert_ptr_null(strstr(feed, slugs[0]));
	ck_assert_ptr_null(strstr(feed, slugs[1]));
	ck_assert_int_eq(count(page, "<article "), 2);
	free(feed);
	free(page);
	/* again: nothing more goes */
	ck_assert_int_eq(publish_feed(&show), 2);
	ck_assert(episode_there(dir, slugs[2], ".mp3") && episode_there(dir, slugs[3], ".json"));
	show_release(&show);
	free(dir);
	free(ini);
	free(feed_path);
	free(page_path);
}
END_TEST

START_TEST(all_kept_without_keep)
{
	char *dir = xasprintf("%s/show", test_dir), *ini = xasprintf("%s/podcast.ini", dir);
	struct show show;

	ck_assert_int_eq(show_create(dir), 0);
	test_write_file(ini, "[show]\ntitle = All\nbase_url = https://example.com/pod/\n");
	add_episode(dir, "2026-11-26-one", "2026-11-26T06:00:00Z", 1);
	add_episode(dir, "2026-11-27-two", "2026-11-27T06:00:00Z", 2);
	add_episode(dir, "2026-11-28-three", "2026-11-28T06:00:00Z", 3);
	show_init(&show);
	ck_assert_int_eq(show_load(&show, dir), 0);
	ck_assert_int_eq(publish_feed(&show), 3);
	ck_assert(episode_there(dir, "2026-11-26-one", ".mp3") && episode_there(dir, "2026-11-26-one", ".json"));
	show_release(&show);
	free(dir);
	free(ini);
}
END_TEST

/* The cover goes into public/ under the name of its kind, and the feed and page point at it. */
START_TEST(cover_copied)
{
	static const unsigned char png[29] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
					       'R', 0, 0, 0x05, 0x78, 0, 0, 0x05, 0x78, 8, 2, 0, 0, 0 };	/* 1400x1400 */
	char *dir = xasprintf("%s/show", test_dir), *ini = xasprintf("%s/podcast.ini", dir);
	char *src = xasprintf("%s/art.png", dir), *dest = xasprintf("%s/public/cover.png", dir);
	char *feed_path = xasprintf("%s/public/feed.xml", dir), *feed, *err;
	unsigned char *copy;
	struct show show;
	size_t len;
	FILE *fp;

	ck_assert_int_eq(show_create(dir), 0);
	test_write_file(ini, "[show]\ntitle = Art\nbase_url = https://example.com/pod/\nimage = art.png\n");
	fp = fopen(src, "wb");
	ck_assert_ptr_nonnull(fp);
	fwrite(png, 1, sizeof png, fp);
	fclose(fp);
	add_episode(dir, "2026-11-29-one", "2026-11-29T06:00:00Z", 1);
	show_init(&show);
	ck_assert_int_eq(show_load(&show, dir), 0);
	test_stderr_begin();
	ck_assert_int_eq(publish_feed(&show), 1);
	err = test_stderr_end();
	ck_assert_str_eq(err, "");
	free(err);
	copy = test_read_file(dest, &len);
	ck_assert_ptr_nonnull(copy);
	ck_assert_uint_eq(len, sizeof png);
	ck_assert_mem_eq(copy, png, sizeof png);
	free(copy);
	feed = (char *)test_read_file(feed_path, &len);
	ck_assert_ptr_nonnull(strstr(feed, "<itunes:image href=\"https://example.com/pod/cover.png\"/>"));
	free(feed);
	/* a GIF: a warning, and a feed without a cover */
	fp = fopen(src, "wb");
	ck_assert_ptr_nonnull(fp);
	fputs("GIF89a\x78\x05\x78\x05", fp);
	fclose(fp);
	test_stderr_begin();
	ck_assert_int_eq(publish_feed(&show), 1);
	err = test_stderr_end();
	ck_assert_ptr_nonnull(strstr(err, "the feed has no cover: '"));
	ck_assert_ptr_nonnull(strstr(err, "art.png' is neither a JPEG nor a PNG"));
	free(err);
	feed = (char *)test_read_file(feed_path, &len);
	ck_assert_ptr_null(strstr(feed, "itunes:image"));
	free(feed);
	show_release(&show);
	free(dir);
	free(ini);
	free(src);
	free(dest);
	free(feed_path);
}
END_TEST

/* podcast:guid is set once: kept in .newscast/ when the feed moves; podcast.ini's wins and is kept */
START_TEST(show_guid_is_kept)
{
	char *dir = test_tmpdir(), *kept = xasprintf("%s/.newscast/podcast-guid", dir), *g, *data;
	struct show show;
	size_t len;

	show_init(&show);
	show.dir = xstrdup(dir);
	/* no base_url yet, or init's example.com: nothing is kept */
	g = publish_show_guid(&show);
	ck_assert_ptr_nonnull(g);
	ck_assert(!test_exists(kept));
	free(g);
	show.base_url = xstrdup("https://example.com/podcast/");
	g = publish_show_guid(&show);
	ck_assert_str_eq(g, "6c967fe4-ab76-51b1-aec1-bde9677f87cb");
	ck_assert(!test_exists(kept));
	free(g);
	free(show.base_url);
	show.base_url = xstrdup("https://mp3s.nashownotes.com/");
	g = publish_show_guid(&show);
	ck_assert_str_eq(g, "7ed36ec4-95f6-5de4-9650-69e8e537602b");	/* of mp3s.nashownotes.com/feed.xml */
	free(g);
	data = (char *)test_read_file(kept, &len);
	ck_assert_str_eq(data, "7ed36ec4-95f6-5de4-9650-69e8e537602b\n");
	free(data);
	free(show.base_url);
	show.base_url = xstrdup("https://cdn.example.net/elsewhere/");
	g = publish_show_guid(&show);
	ck_assert_str_eq(g, "7ed36ec4-95f6-5de4-9650-69e8e537602b");
	free(g);
	show.guid = xstrdup("0b7c1f6e-6c37-5c3b-9a51-1f3f0d3e7a10");
	g = publish_show_guid(&show);
	ck_assert_str_eq(g, "0b7c1f6e-6c37-5c3b-9a51-1f3f0d3e7a10");
	free(g);
	free(show.guid);
	show.guid = NULL;
	g = publish_show_guid(&show);
	ck_assert_str_eq(g, "0b7c1f6e-6c37-5c3b-9a51-1f3f0d3e7a10");
	free(g);
	show_release(&show);
	free(kept);
	test_rmdir(dir);
}
END_TEST

Suite *suite_publish(void)
{
	Suite *s = suite_create("publish");
	TCase *tc = tcase_create("publish");

	test_add_dir_fixtures(tc);
	tcase_add_test(tc, keep_two_of_four);
	tcase_add_test(tc, all_kept_without_keep);
	tcase_add_test(tc, cover_copied);
	tcase_add_test(tc, show_guid_is_kept);
	suite_add_tcase(s, tc);
	return s;
}
