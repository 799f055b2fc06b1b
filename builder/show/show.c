/* show: a show folder and its podcast.ini: what the show is, how episodes are made, voice and audio settings. */
#include "show.h"

#include "document.h"
#include "fetch.h"
#include "ini.h"
#include "log.h"
#include "paths.h"
#include "settings.h"
#include "util.h"
#include "voice.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

void show_init(struct show *show)
{
	memset(show, 0, sizeof *show);
	settings_defaults(SETTINGS_SHOW, show);
}

void show_release(struct show *show)
{
	settings_release(SETTINGS_SHOW, show);
	free(show->dir);
	free(show->ini);
	free(show->guid);
	for (size_t i = 0; i < show->n_feeds; i++)
		free(show->feeds[i]);
	free(show->feeds);
	memset(show, 0, sizeof *show);
}

/* Apple's limit for a show's description, as for an episode's. */
#define SHOW_MAX_DESCRIPTION 4000

char *show_check_category(const char *value, char **canonical)
{
	char *path = paths_join(paths_rules_dir(), "apple-categories.txt"), *text = NULL, *err = NULL;
	char *want = xstrdup(value), *want_sub = strchr(want, '/');
	const char *cat = NULL, *sub = NULL;
	struct strbuf cats, subs;
	size_t len;

	strbuf_init(&cats);
	strbuf_init(&subs);
	if (want_sub)
		*want_sub++ = '\0';
	if (util_read_regular(path, NULL, 1u << 16, 0, &text, &len) < 0) {
		err = xstrdup("Apple's list of categories cannot be read");
		goto out;
	}
	/* a category starts a line, its subcategories follow it, indented */
	for (char *line = text, *next; line; line = next) {
		bool indented = *line == '\t' || *line == ' ';
		char *name;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		name = util_trim(line);
		if (!*name || *name == '#')
			continue;
		if (!indented) {
			if (cat)
				break;	/* past the category's subcategories */
			strbuf_addf(&cats, "%s%s", cats.len ? ", " : "", name);
			if (!cat && strcasecmp(name, util_trim(want)) == 0)
				cat = name;
		} else if (cat && want_sub) {
			strbuf_addf(&subs, "%s%s", subs.len ? ", " : "", name);
			if (!sub && strcasecmp(name, util_trim(want_sub)) == 0)
				sub = name;
		}
	}
	if (!cat) {
		/* cats lists them all only when the loop ran to the end, which it did */
		err = xasprintf("category '%s' is not one of Apple's categories: %s", util_trim(want), cats.buf);
	} else if (want_sub && !sub) {
		if (subs.len)
			err = xasprintf("'%s' is not one of Apple's subcategories of %s: %s", util_trim(want_sub), cat,
					subs.buf);
		else
			err = xasprintf("Apple's category %s has no subcategories ('%s' given)", cat, util_trim(want_sub));
	} else if (canonical) {
		*canonical = sub ? xasprintf("%s/%s", cat, sub) : xstrdup(cat);
	}
out:
	strbuf_release(&cats);
	strbuf_release(&subs);
	free(want);
	free(text);
	free(path);
	return err;
}

char *show_check_language(const char *value)
{
	char locale[ULOC_FULLNAME_CAPACITY], lang[ULOC_LANG_CAPACITY];
	UErrorCode err = U_ZERO_ERROR;
	int32_t parsed = 0;

	/* the whole of it a tag, and its language one ICU has an ISO 639 code for */
	uloc_forLanguageTag(value, locale, sizeof locale, &parsed, &err);
	if (U_SUCCESS(err) && *value && parsed == (int32_t)strlen(value)) {
		uloc_getLanguage(locale, lang, sizeof lang, &err);
		if (U_SUCCESS(err) && *lang && *uloc_getISO3Language(locale))
			return NULL;
	}
	return xasprintf("language '%s' is not a language tag (en, en-us, fr, pt-br ...)", value);
}

char *show_check_email(const char *value)
{
	const char *at = strrchr(value, '@'), *p;
	bool ok = at && at > value && strlen(value) <= 254;

	/* local part: letters, digits and the few marks addresses use, dots not doubled or at an end */
	for (p = value; ok && p < at; p++)
		ok = (isalnum((unsigned char)*p) || strchr("!#$%&'*+/=?^_`{|}~.-", *p) || (unsigned char)*p >= 0x80) &&
		     !(*p == '.' && (p == value || p + 1 == at || p[1] == '.'));
	/* domain: dot-separated labels of letters, digits and '-', at least two of them */
	if (ok) {
		size_t label = 0, labels = 0;

		for (p = at + 1;; p++) {
			if (*p == '.' || !*p) {
				ok = ok && label > 0 && p[-1] != '-';
				labels++;
				label = 0;
				if (!*p)
					break;
			} else if (isalnum((unsigned char)*p) || *p == '-' || (unsigned char)*p >= 0x80) {
				ok = ok && !(label == 0 && *p == '-');
				label++;
			} else {
				ok = false;
			}
		}
		ok = ok && labels >= 2;
	}
	return ok ? NULL : xasprintf("owner_email '%s' is not an e-mail address (name@example.com)", value);
}

char *show_check_url(const char *key, const char *value)
{
	const char *host;

	if (!fetch_is_url(value))
		return xasprintf("%s '%s' is not an http:// or https:// URL", key, value);
	host = strstr(value, "://") + 3;
	if (!*host || strchr("/?#", *host))
		return xasprintf("%s '%s' has no host", key, value);
	for (const char *p = value; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return xasprintf("%s '%s' has white space or a control character in it", key, value);
	return NULL;
}

/* A file podcast.ini names is a regular file, when it is there: not a folder, a device or a
 * FIFO (whether it is there is for its reader to say). */
static char *show_check_file(const struct show *s, const char *section, const char *key, const char *value)
{
	char *path = show_path(s, value), *err = NULL;
	struct stat st;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		err = xasprintf("'%s' in [%s] names '%s', which is %s, not a file", key, section, path,
				util_file_kind(st.st_mode));
	free(path);
	return err;
}

/* Whether value starts with a URL scheme ("ftp://"): a URL, not a path. */
static bool show_has_scheme(const char *value)
{
	const char *p = value;

	if (!isalpha((unsigned char)*p))
		return false;
	while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	return strncmp(p, "://", 3) == 0;
}

bool show_is_uuid(const char *value)
{
	for (size_t i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? value[i] != '-' : !isxdigit((unsigned char)value[i]))
			return false;
	}
	return value[36] == '\0';
}

/* The checks of a string value podcast.ini gives (set already): NULL, or the error. */
static char *show_check_value(struct show *s, const char *section, const char *key, const char *value)
{
	bool in_show = strcmp(section, "show") == 0;

	if (!*value)
		return NULL;
	if (in_show && strcmp(key, "description") == 0 && strlen(value) > SHOW_MAX_DESCRIPTION)
		return xasprintf("description is %zu bytes: Apple Podcasts takes at most %d", strlen(value),
				 SHOW_MAX_DESCRIPTION);
	if (in_show && strcmp(key, "language") == 0)
		return show_check_language(value);
	if (in_show && strcmp(key, "owner_email") == 0)
		return show_check_email(value);
	if (in_show && (strcmp(key, "link") == 0 || strcmp(key, "base_url") == 0))
		return show_check_url(key, value);
	if (in_show && strcmp(key, "category") == 0) {
		char *canonical = NULL, *err = show_check_category(value, &canonical);

		if (canonical) {
			free(s->category);
			s->category = canonical;
		}
		return err;
	}
	if ((in_show && strcmp(key, "image") == 0) || (strcmp(section, "voice") == 0 && strcmp(key, "lexicon") == 0) ||
	    (strcmp(section, "episode") == 0 && strcmp(key, "title") && show_is_audio(value)))
		return show_check_file(s, section, key, value);
	return NULL;
}

static char *show_handler(void *user, struct ini_entry *e)
{
	struct show *s = user;
	const char *section = e->section, *key = e->key, *value = e->value;
	const struct setting *row = settings_find(SETTINGS_SHOW, section, key);
	char *err;

	/* only a description may take several lines */
	if (!(strcmp(section, "show") == 0 && strcmp(key, "description") == 0) && (err = ini_one_line(e)))
		return err;
	if (row) {
		if ((err = settings_apply(row, SETTINGS_SHOW, s, value)))
			return err;
		return row->type == SETTING_STRING || row->type == SETTING_PATH ? show_check_value(s, section, key, value)
										 : NULL;
	}
	if (strcmp(section, "show") == 0 && strcmp(key, "guid") == 0) {
		/* set once, kept when the feed moves: a UUID, written as Podcasting 2.0 does */
		if (!show_is_uuid(value))
			return xasprintf("bad value '%s' for 'guid' in [show] (a UUID: 8-4-4-4-12 hex digits)", value);
		free(s->guid);
		s->guid = xstrdup(value);
		for (char *p = s->guid; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		return NULL;
	}
	if (strcmp(section, "source") == 0 && strcmp(key, "feed") == 0) {
		/* several feed lines, each a source */
		if (!*value)
			return xstrdup("'feed' in [source] needs a URL or a path");
		if (show_has_scheme(value) && (err = show_check_url(key, value)))
			return err;
		if (!show_has_scheme(value) && (err = show_check_file(s, section, key, value)))
			return err;
		s->feeds = xrealloc(s->feeds, (s->n_feeds + 1) * sizeof *s->feeds);
		s->feeds[s->n_feeds++] = xstrdup(value);
		return NULL;
	}
	if (strcmp(section, "show") && strcmp(section, "episode") && strcmp(section, "voice") && strcmp(section, "audio") &&
	    strcmp(section, "source"))
		return xasprintf("unknown section [%s]", section);
	return xasprintf("unknown key '%s' in [%s]", key, section);
}

/* No [show] language: the named voice's, so a show that names a German voice is German in
 * its feed and its articles; with no voice either, English. An explicit language that
 * the named voice does not speak is kept (it may be meant) but warned about. */
static int show_settle_language(struct show *show)
{
	struct voice_profile vp;
	char *spoken = NULL;
	int ret = -1;

	voice_profile_init(&vp);
	if (show->voice) {
		if (voice_profile_find(&vp, show->voice) < 0)
			goto out;
		spoken = voice_language(&vp);
	}
	if (!show->language) {
		show->language = xstrdup(spoken ? spoken : "en");
	} else if (spoken && (strcspn(spoken, "-_") != strcspn(show->language, "-_") ||
			      strncasecmp(spoken, show->language, strcspn(spoken, "-_")) != 0)) {
		log_warn("'%s': [show] language is '%s' but the voice '%s' speaks %s; articles that name no "
			 "language get %s's rules", show->ini, show->language, show->voice, spoken, show->language);
	}
	ret = 0;
out:
	free(spoken);
	voice_profile_release(&vp);
	return ret;
}

int show_load(struct show *show, const char *dir)
{
	struct stat st;
	char *err;

	free(show->dir);
	free(show->ini);
	show->dir = xstrdup(dir);
	show->ini = xasprintf("%s/podcast.ini", dir);
	if (stat(show->ini, &st) < 0 && errno == ENOENT) {
		log_error("cannot open '%s': %s (create a show with 'newscast init %s')", show->ini, strerror(errno), dir);
		return -1;
	}
	if (ini_parse_file(show->ini, NULL, show_handler, show) < 0)
		return -1;
	if ((err = settings_check_mp3(SETTINGS_SHOW, show->bitrate, show->sample_rate))) {
		log_error("'%s': %s", show->ini, err);
		free(err);
		return -1;
	}
	if (!show->title) {
		log_error("'%s': [show] needs a title", show->ini);
		return -1;
	}
	return show_settle_language(show);
}

bool show_is_audio(const char *value)
{
	static const char *const exts[] = { ".wav", ".flac", ".ogg", ".oga", ".aiff", ".aif", ".opus", NULL };
	const char *dot = value ? strrchr(value, '.') : NULL;

	for (size_t i = 0; dot && exts[i]; i++)
		if (strcasecmp(dot, exts[i]) == 0 && !strchr(dot, ' '))
			return true;
	return false;
}

char *show_path(const struct show *show, const char *rel)
{
	return rel[0] == '/' ? xstrdup(rel) : xasprintf("%s/%s", show->dir, rel);
}

/* ICU's names of t's weekday or month in locale (which: UDAT_WEEKDAYS, UDAT_SHORT_WEEKDAYS,
 * UDAT_MONTHS, UDAT_SHORT_MONTHS; index as ICU counts them), as UTF-8 into buf; "" when ICU has none. */
static void show_date_symbol(const UDateFormat *df, UDateFormatSymbolType which, int index, char *buf, size_t size)
{
	UErrorCode err = U_ZERO_ERROR;
	UChar u[64];
	int32_t n = udat_getSymbols(df, which, index, u, 64, &err);

	buf[0] = '\0';
	if (U_SUCCESS(err) && n < 64)
		u_strToUTF8(buf, (int32_t)size, NULL, u, n, &err);
	if (U_FAILURE(err))
		buf[0] = '\0';
}

/*
 * Writes the date t in the language tag lang as fmt asks:
 *   NULL, "full", "long", "medium", "short"  ICU's date in that style ("Dienstag, 1. Dezember 2026")
 *   with a '%'                              strftime, its %A %a %B %b names in lang ("%A %-d %B")
 *   anything else                           an ICU date pattern ("EEEE d 'de' MMMM")
 * ICU's default time zone is TZ's, as localtime's is.
 */
static void show_date(struct strbuf *sb, const char *lang, const char *fmt, time_t t)
{
	static const struct {
		const char *name;
		UDateFormatStyle style;
	} styles[] = { { "full", UDAT_FULL }, { "long", UDAT_LONG }, { "medium", UDAT_MEDIUM }, { "short", UDAT_SHORT } };
	UDateFormatStyle style = UDAT_FULL;
	char locale[ULOC_FULLNAME_CAPACITY] = "en";
	UErrorCode err = U_ZERO_ERROR;
	UDateFormat *df = NULL;
	UChar pattern[128], u[256];
	bool is_style = !fmt;

	uloc_forLanguageTag(lang ? lang : "en", locale, sizeof locale, NULL, &err);
	if (U_FAILURE(err) || !*locale)
		snprintf(locale, sizeof locale, "en");
	err = U_ZERO_ERROR;
	for (size_t i = 0; fmt && i < sizeof styles / sizeof styles[0]; i++)
		if (strcmp(fmt, styles[i].name) == 0) {
			style = styles[i].style;
			is_style = true;
		}
	if (is_style) {
		df = udat_open(UDAT_NONE, style, locale, NULL, 0, NULL, 0, &err);
	} else if (strchr(fmt, '%')) {
		df = udat_open(UDAT_NONE, UDAT_LONG, locale, NULL, 0, NULL, 0, &err);
	} else {
		u_strFromUTF8(pattern, 128, NULL, fmt, -1, &err);
		df = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, NULL, 0, pattern, -1, &err);
	}
	if (U_FAILURE(err)) {
		/* a pattern ICU refuses is written as it was given: the listener hears the mistake, once */
		strbuf_adds(sb, fmt ? fmt : "");
		goto out;
	}
	if (fmt && strchr(fmt, '%')) {
		struct strbuf f;
		struct tm tm;
		char name[128], out[512];

		localtime_r(&t, &tm);
		strbuf_init(&f);
		for (const char *p = fmt; *p; p++) {
			const char *kinds = "AaBbh";
			const char *k = p[0] == '%' && p[1] ? strchr(kinds, p[1]) : NULL;

			if (!k) {
				strbuf_addc(&f, *p);
				if (p[0] == '%' && p[1])	/* "%%", "%-d": the next byte is the conversion's */
					strbuf_addc(&f, *++p);
				continue;
			}
			/* ICU counts weekdays from 1 (Sunday) and months from 0 */
			if (*k == 'A' || *k == 'a')
				show_date_symbol(df, *k == 'A' ? UDAT_WEEKDAYS : UDAT_SHORT_WEEKDAYS, tm.tm_wday + 1, name,
						 sizeof name);
			else
				show_date_symbol(df, *k == 'B' ? UDAT_MONTHS : UDAT_SHORT_MONTHS, tm.tm_mon, name, sizeof name);
			for (const char *c = name; *c; c++) {
				if (*c == '%')
					strbuf_addc(&f, '%');
				strbuf_addc(&f, *c);
			}
			p++;
		}
		if (strftime(out, sizeof out, f.buf, &tm) > 0)
			strbuf_adds(sb, out);
		strbuf_release(&f);
	} else {
		char utf8[768];
		int32_t n = udat_format(df, (UDate)t * 1000.0, u, 256, NULL, &err);

		if (U_SUCCESS(err) && n < 256)
			u_strToUTF8(utf8, sizeof utf8, NULL, u, n, &err);
		if (U_SUCCESS(err) && n < 256)
			strbuf_adds(sb, utf8);
	}
out:
	if (df)
		udat_close(df);
}

char *show_expand(const struct show *show, const char *pattern, const char *headline, long when)
{
	struct strbuf sb;

	strbuf_init(&sb);
	for (const char *p = pattern; *p;) {
		if (strncmp(p, "{show}", 6) == 0) {
			strbuf_adds(&sb, show->title ? show->title : "");
			p += 6;
		} else if (strncmp(p, "{headline}", 10) == 0) {
			strbuf_adds(&sb, headline ? headline : "");
			p += 10;
		} else if (strncmp(p, "{date", 5) == 0 && (p[5] == '}' || p[5] == ':') && strchr(p, '}')) {
			const char *close = strchr(p, '}');
			char fmt[128];

			if (p[5] == ':')
				snprintf(fmt, sizeof fmt, "%.*s", (int)(close - p - 6), p + 6);
			show_date(&sb, show->language, p[5] == ':' ? fmt : NULL, (time_t)when);
			p = close + 1;
		} else {
			strbuf_addc(&sb, *p++);
		}
	}
	return strbuf_detach(&sb);
}

static const char show_template[] =
	"; podcast.ini: what newscast needs to know about this show. Lines starting with ';' are comments.\n"
	"\n"
	"[show]\n"
	"title = %s\n"
	"author = The newsroom\n"
	"description = The day's stories, read aloud.\n"
	"; the language of the show, for the feed, and of its articles that do not name theirs (en, en-GB, fr ...)\n"
	"language = %s\n"
	"; where the show's web page is, and where public/ will be served from\n"
	"link = https://example.com/\n"
	"base_url = https://example.com/podcast/\n"
	"; a square JPEG or PNG, 1400 to 3000 pixels, relative to this folder\n"
	";image = cover.jpg\n"
	"; one of Apple's categories, or Category/Subcategory (newscast's rules/apple-categories.txt)\n"
	"category = News\n"
	"explicit = false\n"
	"owner_name = The newsroom\n"
	"owner_email = podcast@example.com\n"
	"copyright = © The newsroom\n"
	"; yes: other podcast hosts may not import the feed (podcast:locked)\n"
	"locked = no\n"
	"; podcast:guid is made once, from the feed's first address, and kept in .newscast/podcast-guid;\n"
	"; give the show's old one here when it moves to newscast\n"
	";guid = 00000000-0000-0000-0000-000000000000\n"
	"\n"
	"[episode]\n"
	"; digest: all new articles of a run become one episode; article: one episode each\n"
	"mode = digest\n"
	"; {show}, {headline} (article mode), {date} (the date in the show's language), {date:long},\n"
	"; {date:STRFTIME} (\"%%A %%-d %%B\", its names in the show's language) or {date:ICU PATTERN} (\"EEEE d MMMM\")\n"
	"title = %s\n"
	"; text to speak, or an audio file (.wav .flac .ogg) relative to this folder\n"
	"intro = %s\n"
	"outro = %s\n"
	"; a short sound between articles (an audio file); without it, a pause\n"
	";between = chime.wav\n"
	"; an article of more speech than this many minutes is refused before it is spoken\n"
	"max_minutes = 180\n"
	"\n"
	"[voice]\n"
	"; a profile from newscast's voices/ (newscast voices lists them) or a path to one\n"
	"profile = %s\n"
	"; this show's own pronunciations, in the format of builder/rules/lexicon.en\n"
	";lexicon = names.lex\n"
	"\n"
	"[audio]\n"
	"bitrate = 96\n"
	"; the MP3 encoder's effort, LAME's -q: 0 (most) to 9 (least); more does not sound better in speech\n"
	"quality = 7\n"
	"sample_rate = 44100\n"
	"; integrated loudness (LUFS) and true-peak ceiling (dBTP)\n"
	"loudness = -16\n"
	"true_peak = -1\n"
	"\n"
	"[source]\n"
	"; RSS or Atom feeds read besides articles/: a URL or a path; one 'feed =' line each.\n"
	"; An item is spoken once, known by its guid; an unchanged feed is not downloaded again.\n"
	";feed = https://example.com/news/full-text.rss\n"
	"; seconds a download may take, and the largest feed taken, in MB\n"
	"timeout = 30\n"
	"max_size = 16\n"
	"; items older than this many days are old news and not spoken (0: any age)\n"
	"max_age = 2\n";

/* What a new show says in each language init knows; the first is the default. The dates are ICU's
 * patterns in the show's language (show_date), as a newsreader of that language says them. */
static const struct show_words {
	const char *language, *profile, *title, *intro, *outro;
} show_words[] = {
	{ "en", "anchor", "{show} — {date:%A %-d %B %Y}", "This is {show} for {date:%A %-d %B}.",
	  "That was {show}. Thank you for listening." },
	{ "de", "anchor-de", "{show} — {date:medium}", "Hier ist {show} vom {date:EEEE, 'dem' d. MMMM}.",
	  "Das war {show}. Vielen Dank fürs Zuhören." },
	{ "fr", "anchor-fr", "{show} — {date:long}", "Vous écoutez {show}, l'édition du {date:EEEE d MMMM}.",
	  "C'était {show}. Merci de votre écoute." },
	{ "es", "anchor-es", "{show} — {date:long}", "Esto es {show}, la edición del {date:EEEE d 'de' MMMM}.",
	  "Esto ha sido {show}. Gracias por escucharnos." },
	{ "it", "anchor-it", "{show} — {date:long}", "Questo è {show}, l'edizione di {date:EEEE d MMMM}.",
	  "Era {show}. Grazie per l'ascolto." },
	{ "pt-BR", "anchor-pt-br", "{show} — {date:long}", "Este é o {show} de {date:EEEE, d 'de' MMMM}.",
	  "Este foi o {show}. Obrigado pela audiência." },
	{ "pt", "anchor-pt", "{show} — {date:long}", "Este é o {show} de {date:EEEE, d 'de' MMMM}.",
	  "Foi o {show}. Obrigado por nos ter ouvido." },
};

/* The words for a canonical tag: the same tag, else the same language ("fr-CA" is fr's; "pt-PT" pt's). */
static const struct show_words *show_words_for(const char *tag)
{
	size_t n = strcspn(tag, "-");

	for (size_t i = 0; i < sizeof show_words / sizeof show_words[0]; i++)
		if (strcasecmp(show_words[i].language, tag) == 0)
			return &show_words[i];
	for (size_t i = 0; i < sizeof show_words / sizeof show_words[0]; i++)
		if (strncasecmp(show_words[i].language, tag, n) == 0 && !show_words[i].language[n])
			return &show_words[i];
	return NULL;
}

int show_create(const char *dir)
{
	return show_create_language(dir, NULL);
}

int show_create_language(const char *dir, const char *language)
{
	const struct show_words *w = show_words;
	char tag[64] = "en";
	const char *subs[] = { "articles", "public", "public/episodes", ".newscast" };
	char *ini = xasprintf("%s/podcast.ini", dir), *name = util_stem(dir);
	struct stat st;
	FILE *fp = NULL;
	int ret = -1;

	if (language && (document_language_canonical(language, tag, sizeof tag) < 0 || !(w = show_words_for(tag)))) {
		struct strbuf known;

		strbuf_init(&known);
		for (size_t i = 0; i < sizeof show_words / sizeof show_words[0]; i++)
			strbuf_addf(&known, "%s%s", i ? ", " : "", show_words[i].language);
		log_error("'%s': init knows no words in that language (it knows %s)", language, known.buf);
		strbuf_release(&known);
		goto out;
	}
	if (stat(ini, &st) == 0) {
		log_error("'%s' already exists: '%s' is a show already", ini, dir);
		goto out;
	}
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		log_error("cannot create '%s': %s", dir, strerror(errno));
		goto out;
	}
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		char *sub = xasprintf("%s/%s", dir, subs[i]);
		/* .newscast/ holds the feeds' URLs and copies: its owner's only */
		int bad = strcmp(subs[i], ".newscast") == 0 ? mkdir(sub, 0700) < 0 && errno != EEXIST
							     : mkdir(sub, 0777) < 0 && errno != EEXIST;

		if (bad)
			log_error("cannot create '%s': %s", sub, strerror(errno));
		free(sub);
		if (bad)
			goto out;
	}
	fp = fopen(ini, "wx");
	if (!fp || fprintf(fp, show_template, *name ? name : "My show", tag, w->title, w->intro, w->outro,
				  w->profile) < 0 || fclose(fp) != 0) {
		log_error("cannot write '%s': %s", ini, strerror(errno));
		fp = NULL;
		goto out;
	}
	fp = NULL;
	ret = 0;
out:
	if (fp)
		fclose(fp);
	free(ini);
	free(name);
	return ret;
}
