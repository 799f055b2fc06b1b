/* episode: what a built episode is (guid, title, date, duration, files, chapters, articles), as a JSON sidecar. */
#ifndef NEWSCAST_EPISODE_H
#define NEWSCAST_EPISODE_H

#include <stddef.h>
#include <stdint.h>

struct episode_article {
	char *file;		/* the article's file name in articles/, or "feed:" and a feed item's guid */
	char *hash;		/* its content hash */
	char *headline;
	char *summary;		/* its description, else its first paragraph */
	char *author, *date, *link;	/* as the article gave them; each may be NULL */
};

struct episode_chapter {
	uint32_t start_ms;
	char *title;
};

struct episode {
	char *guid;		/* stable forever once written */
	char *slug;		/* ASCII a-z 0-9 -, unique in the show */
	char *title;
	char *date;		/* RFC 3339: 2026-11-29T05:00:00Z */
	char *description;
	int number;		/* the episode's number in the show, from 1; 0 when unknown */
	double duration;	/* seconds */
	uint64_t bytes;		/* of the audio file */
	struct episode_article *articles;
	size_t n_articles, cap_articles;
	struct episode_chapter *chapters;
	size_t n_chapters, cap_chapters;
};

/* An episode's files are SLUG followed by each of these; the sidecar, which says
 * the episode exists, comes last: it is published last and removed first. */
#define EPISODE_N_FILES 5
extern const char *const episode_files[EPISODE_N_FILES];

void episode_init(struct episode *ep);
void episode_release(struct episode *ep);
/* The episode takes the article's strings (new strings, or NULL). */
void episode_add_article(struct episode *ep, struct episode_article article);
void episode_add_chapter(struct episode *ep, uint32_t start_ms, char *title);

/* Writes DIR/SLUG.json (the sidecar) and DIR/SLUG.chapters.json (Podcasting 2.0 chapters), atomically. */
int episode_write(const struct episode *ep, const char *dir);
/* Reads a sidecar back (the fields above). */
int episode_read(struct episode *ep, const char *path);

/* A new random UUID (version 4), as a new string. */
char *episode_new_guid(void);

#endif
