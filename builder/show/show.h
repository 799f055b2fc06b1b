/* show: a show folder and its podcast.ini: what the show is, how episodes are made, voice and audio settings. */
#ifndef NEWSCAST_SHOW_H
#define NEWSCAST_SHOW_H

#include <stdbool.h>
#include <stddef.h>

enum show_mode {
	SHOW_DIGEST,	/* all new articles of a run become one episode */
	SHOW_ARTICLE,	/* each new article becomes its own episode */
};

struct show {
	char *dir;		/* the show folder */
	char *ini;		/* DIR/podcast.ini */
	/* [show] */
	char *title, *author, *description, *language, *link, *base_url, *image, *category, *owner_name,
		*owner_email, *copyright;
	char *guid;		/* podcast:guid as podcast.ini gives it; NULL: the one kept in .newscast/ */
	bool locked;		/* podcast:locked: other hosts may not import the feed */
	bool explicit_content;
	int keep;		/* newest episodes kept in the feed; 0: all */
	/* [episode] */
	enum show_mode mode;
	char *title_pattern;	/* "{show} — {date:%A %-d %B %Y}" or "{headline}" */
	char *intro, *outro;	/* text to speak, or an audio file (see show_is_audio) */
	char *between;		/* an audio file played between articles; NULL: a pause */
	int max_minutes;	/* the longest speech of one article; 0: the default (script.h) */
	/* [voice] */
	char *voice;		/* profile name or path */
	char *lexicon;		/* the show's own lexicon, relative to DIR; may be NULL */
	/* [audio] */
	int bitrate, sample_rate;
	int quality;		/* LAME's, 0 to 9 (encode.h) */
	double loudness, true_peak;
	/* [source] */
	char **feeds;		/* feed URLs, or paths relative to DIR, read besides articles/ */
	size_t n_feeds;
	int feed_timeout;	/* seconds a fetch may take */
	int feed_max_mb;	/* a larger feed is refused */
	int max_age;		/* days: older items are old news, not spoken; 0: any age */
};

void show_init(struct show *show);
void show_release(struct show *show);

/* Reads DIR/podcast.ini. Unknown sections and keys and bad values are errors
 * naming the file, line and key. */
int show_load(struct show *show, const char *dir);

/* Creates DIR with a commented podcast.ini, articles/, public/ and .newscast/.
 * Refuses a folder that already has a podcast.ini. */
int show_create(const char *dir);
/* Like show_create, for a show in language (a BCP 47 tag; NULL: English): podcast.ini names it,
 * the voice that speaks it, and intro and outro in it. A language init has no words for is an
 * error naming those it has (en, de, fr, es, it, pt-BR, pt). */
int show_create_language(const char *dir, const char *language);


/* Whether an intro, outro or between value names an audio file (by its extension). */
bool show_is_audio(const char *value);
/* DIR/rel as a new string (rel itself when absolute). */
char *show_path(const struct show *show, const char *rel);

/* The checks of what podcast.ini says for Apple Podcasts, each NULL when value is
 * good, else the error, a new string. A category is "Category" or
 * "Category/Subcategory" from builder/rules/apple-categories.txt, in any case;
 * *canonical (when not NULL) gets Apple's spelling, a new string. */
char *show_check_category(const char *value, char **canonical);
/* A BCP 47 language tag whose language ICU knows: "en", "en-gb", "pt-BR". */
char *show_check_language(const char *value);
/* An e-mail address: local@domain.tld. */
char *show_check_email(const char *value);
/* An http:// or https:// URL with a host and no white space. */
char *show_check_url(const char *key, const char *value);

/* Whether value is a UUID: 8-4-4-4-12 hex digits. */
bool show_is_uuid(const char *value);

/* Expands {show}, {headline}, {date} and {date:FORMAT} in pattern, as a new string. The date is
 * in the show's language: {date} and {date:full|long|medium|short} are ICU's date styles,
 * {date:STRFTIME} names weekdays and months (%A %a %B %b) with ICU's words, and any other
 * FORMAT is an ICU date pattern ("EEEE d 'de' MMMM"). */
char *show_expand(const struct show *show, const char *pattern, const char *headline, long when);

#endif
