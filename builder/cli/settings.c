/* settings: one table of typed settings for the command line, podcast.ini and voice profiles: each defined once. */
#include "settings.h"

#include "cli.h"
#include "encode.h"
#include "input.h"
#include "log.h"
#include "show.h"
#include "util.h"
#include "voice.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A CHOICE is stored through an int: the enums it fills must be one. */
_Static_assert(sizeof(enum show_mode) == sizeof(int), "a choice is stored as an int");

/* Where each source keeps a setting: 1 + the offset, so that 0 can say "not there". */
#define AT_OPTION(field) [SETTINGS_OPTION] = offsetof(struct settings, field) + 1
#define AT_SHOW(field) [SETTINGS_SHOW] = offsetof(struct show, field) + 1
#define AT_VOICE(field) [SETTINGS_VOICE] = offsetof(struct voice_profile, field) + 1

#define SPEAK SETTINGS_SPEAK
#define SCRIPT SETTINGS_SCRIPT
#define BUILD SETTINGS_BUILD
#define FEED SETTINGS_FEED
#define INIT SETTINGS_INIT
#define VOICES SETTINGS_VOICES
#define PLAN SETTINGS_PLAN
#define PART SETTINGS_PART
#define ALL (SPEAK | SCRIPT | BUILD | FEED | INIT | VOICES | PLAN | PART)

/* A number's default as a row's text, from the constant the code uses. */
#define TEXT_OF(n) TEXT_OF_(n)
#define TEXT_OF_(n) #n

static const char *const settings_modes[] = { "digest", "article", NULL };	/* enum show_mode */

/* In the order --help lists them; a command's options are the rows that name it. */
const struct setting settings_table[] = {
	/* speak's output and tags */
	{ .option = "output", .short_name = 'o', .commands = SPEAK, .type = SETTING_PATH, .at = { AT_OPTION(output) },
	  .arg = "FILE", .help = "where to write: .mp3 (default), .wav, .flac or .ogg" },
	{ .option = "title", .commands = SPEAK, .type = SETTING_STRING, .at = { AT_OPTION(title) },
	  .arg = "TEXT", .help = "title tag (default: the headline)" },
	{ .option = "author", .commands = SPEAK, .type = SETTING_STRING, .at = { AT_OPTION(author) },
	  .arg = "NAME", .help = "artist tag (default: the article's byline)" },
	{ .option = "album", .commands = SPEAK, .type = SETTING_STRING, .at = { AT_OPTION(album) },
	  .arg = "NAME", .help = "album tag: the show's name" },
	{ .option = "date", .commands = SPEAK, .type = SETTING_DATE, .at = { AT_OPTION(date) },
	  .arg = "YYYY-MM-DD", .help = "date tag (default: the article's date, else today)" },
	{ .option = "comment", .commands = SPEAK, .type = SETTING_STRING, .at = { AT_OPTION(comment) },
	  .arg = "TEXT", .help = "comment tag" },

	/* the sound: speak's options, podcast.ini's [audio] */
	{ .option = "bitrate", .short_name = 'b', .commands = SPEAK, .section = "audio", .key = "bitrate",
	  .type = SETTING_BITRATE, .at = { AT_OPTION(bitrate), AT_SHOW(bitrate) }, .def = "96",
	  .arg = "KBPS", .help = "MP3 bitrate, constant (default: 96)" },
	{ .option = "quality", .commands = SPEAK, .section = "audio", .key = "quality", .type = SETTING_INT,
	  .at = { AT_OPTION(quality), AT_SHOW(quality) }, .def = TEXT_OF(ENCODE_DEFAULT_QUALITY), .lo = 0, .hi = 9,
	  .arg = "N",
	  .help = "MP3 encoding effort, LAME's -q: 0 (most) to 9 (least) (default: " TEXT_OF(ENCODE_DEFAULT_QUALITY) ")" },
	{ .option = "sample-rate", .commands = SPEAK, .section = "audio", .key = "sample_rate",
	  .type = SETTING_SAMPLE_RATE, .at = { AT_OPTION(sample_rate), AT_SHOW(sample_rate) }, .def = "44100",
	  .arg = "HZ", .help = "output sample rate: 16000, 22050, 24000, 32000, 44100 or 48000 (default: 44100)" },
	{ .option = "loudness", .commands = SPEAK, .section = "audio", .key = "loudness", .type = SETTING_DOUBLE,
	  .at = { AT_OPTION(loudness), AT_SHOW(loudness) }, .def = "-16", .lo = -40, .hi = -5,
	  .arg = "LUFS", .help = "integrated loudness target (default: -16)" },
	{ .option = "true-peak", .commands = SPEAK, .section = "audio", .key = "true_peak", .type = SETTING_DOUBLE,
	  .at = { AT_OPTION(true_peak), AT_SHOW(true_peak) }, .def = "-1", .lo = -12, .hi = 0,
	  .arg = "DBTP", .help = "true-peak ceiling (default: -1)" },

	/* how a run goes */
	{ .option = "quiet", .short_name = 'q', .commands = SPEAK | BUILD, .type = SETTING_BOOL,
	  .at = { AT_OPTION(quiet) }, .help = "no progress line" },
	{ .option = "jobs", .short_name = 'j', .commands = SPEAK | BUILD, .type = SETTING_INT,
	  .at = { AT_OPTION(jobs) }, .lo = 1, .hi = 64, .arg = "N",
	  .help = "keep up to N cores busy: articles, synthesis and encoding (default: the CPUs it may use)" },
	{ .option = "jobs", .short_name = 'j', .commands = PART, .type = SETTING_INT, .at = { AT_OPTION(jobs) },
	  .lo = 1, .hi = 64, .arg = "N", .help = "keep up to N cores busy making the jobs (default: 1)" },
	{ .option = "rebuild", .commands = BUILD | PLAN | PART, .type = SETTING_BOOL, .at = { AT_OPTION(rebuild) },
	  .help = "republish articles that changed since they were published" },
	{ .option = "date", .commands = BUILD | PLAN | PART, .type = SETTING_DATE, .at = { AT_OPTION(date) },
	  .arg = "YYYY-MM-DD", .help = "the episode's date (default: today)" },
	/* plan and part: the build's work, shared out */
	{ .option = "all", .commands = PLAN, .type = SETTING_BOOL, .at = { AT_OPTION(all) },
	  .help = "list every job, with \"cached\": whether its part is made already" },
	{ .option = "count", .commands = PLAN, .type = SETTING_BOOL, .at = { AT_OPTION(count) },
	  .help = "print only the number of jobs" },
	{ .option = "task", .commands = PART, .type = SETTING_INT, .at = { AT_OPTION(task) }, .lo = 0, .hi = INT_MAX,
	  .arg = "N", .help = "the Nth job (from 0) of the plan: for a Slurm array's task" },
	{ .option = "plan", .commands = PART, .type = SETTING_PATH, .at = { AT_OPTION(plan_file) },
	  .arg = "FILE", .help = "with --task: a saved output of 'newscast plan' (default: the plan made now)" },
	{ .option = "wait", .commands = BUILD | FEED, .type = SETTING_INT, .at = { AT_OPTION(wait) },
	  .lo = 0, .hi = 86400, .arg = "SECONDS",
	  .help = "wait up to SECONDS for another run on the show to finish (default 0), then exit 75" },

	/* what is read and how it is spoken: speak and script's options, podcast.ini's [voice] */
	{ .option = "voice", .commands = SPEAK | SCRIPT, .section = "voice", .key = "profile", .type = SETTING_STRING,
	  .at = { AT_OPTION(script.voice), AT_SHOW(voice) },
	  .arg = "NAME", .help = "voice profile name, or path to a profile .ini (default: anchor)" },
	{ .option = "language", .commands = SPEAK | SCRIPT, .type = SETTING_STRING, .at = { AT_OPTION(script.language) },
	  .arg = "TAG", .help = "read in this language (BCP 47: de, fr, pt-BR), over the article's own" },
	{ .option = "language", .commands = INIT, .type = SETTING_STRING, .at = { AT_OPTION(script.language) },
	  .arg = "TAG", .help = "a show in this language: en (the default), de, fr, es, it, pt-BR or pt" },
	{ .option = "language", .commands = VOICES, .type = SETTING_STRING, .at = { AT_OPTION(script.language) },
	  .arg = "TAG", .help = "only the profiles that speak this language (de lists de and de-AT)" },
	{ .option = "keep-boilerplate", .commands = SPEAK | SCRIPT, .type = SETTING_BOOL,
	  .at = { AT_OPTION(script.keep_boilerplate) }, .help = "do not remove promos, captions and other boilerplate" },
	{ .option = "rules", .commands = SPEAK | SCRIPT, .type = SETTING_PATH, .at = { AT_OPTION(script.rules) },
	  .arg = "FILE", .help = "extra boilerplate rules, in the format of builder/rules/boilerplate.rules" },
	{ .option = "no-normalize", .commands = SPEAK | SCRIPT, .type = SETTING_BOOL,
	  .at = { AT_OPTION(script.no_normalize) }, .help = "speak the text as written: no normalization, no lexicon" },
	{ .option = "lexicon", .commands = SPEAK | SCRIPT, .section = "voice", .key = "lexicon", .type = SETTING_PATH,
	  .at = { AT_OPTION(script.lexicon), AT_SHOW(lexicon), AT_VOICE(lexicon) },
	  .arg = "FILE", .help = "extra pronunciations, in the format of builder/rules/lexicon.en" },
	{ .option = "format", .commands = SPEAK | SCRIPT, .type = SETTING_FORMAT, .at = { AT_OPTION(script.format) },
	  .arg = "FORMAT", .help = "text, markdown, html or feed (default: by extension, else by content)" },
	{ .option = "item", .commands = SPEAK | SCRIPT, .type = SETTING_STRING, .at = { AT_OPTION(script.item) },
	  .arg = "N|GUID", .help = "which item of a feed: its guid, or its number from 1 (default: 1)" },
	{ .option = "max-minutes", .commands = SPEAK | SCRIPT, .section = "episode", .key = "max_minutes",
	  .type = SETTING_INT, .at = { AT_OPTION(script.max_minutes), AT_SHOW(max_minutes) },
	  .lo = 1, .hi = SCRIPT_MAX_MINUTES_LIMIT,
	  .arg = "N", .help = "refuse an article of more than N minutes of speech (default: 180)" },

	{ .option = "verbose", .short_name = 'v', .commands = SPEAK | SCRIPT, .type = SETTING_BOOL,
	  .at = { AT_OPTION(verbose) }, .help = "explain decisions: what clean-up removed and why, loudness" },
	{ .option = "verbose", .short_name = 'v', .commands = BUILD | INIT | PLAN | PART, .type = SETTING_BOOL,
	  .at = { AT_OPTION(verbose) }, .help = "explain decisions: what clean-up removed, what was skipped and why" },
	{ .option = "verbose", .short_name = 'v', .commands = FEED, .type = SETTING_BOOL, .at = { AT_OPTION(verbose) },
	  .help = "say what is left out of the feed and removed, and why" },
	{ .option = "help", .short_name = 'h', .commands = ALL, .type = SETTING_BOOL, .at = { AT_OPTION(help) },
	  .help = "show this help" },

	/* podcast.ini only: [show]; the checks Apple's rules make are show.c's */
	{ .section = "show", .key = "title", .type = SETTING_STRING, .at = { AT_SHOW(title) } },
	{ .section = "show", .key = "author", .type = SETTING_STRING, .at = { AT_SHOW(author) } },
	{ .section = "show", .key = "description", .type = SETTING_STRING, .at = { AT_SHOW(description) } },
	{ .section = "show", .key = "language", .type = SETTING_STRING, .at = { AT_SHOW(language) } },
	{ .section = "show", .key = "link", .type = SETTING_STRING, .at = { AT_SHOW(link) } },
	{ .section = "show", .key = "base_url", .type = SETTING_STRING, .at = { AT_SHOW(base_url) } },
	{ .section = "show", .key = "image", .type = SETTING_PATH, .at = { AT_SHOW(image) } },
	{ .section = "show", .key = "category", .type = SETTING_STRING, .at = { AT_SHOW(category) } },
	{ .section = "show", .key = "owner_name", .type = SETTING_STRING, .at = { AT_SHOW(owner_name) } },
	{ .section = "show", .key = "owner_email", .type = SETTING_STRING, .at = { AT_SHOW(owner_email) } },
	{ .section = "show", .key = "copyright", .type = SETTING_STRING, .at = { AT_SHOW(copyright) } },
	{ .section = "show", .key = "explicit", .type = SETTING_BOOL, .at = { AT_SHOW(explicit_content) } },
	{ .section = "show", .key = "locked", .type = SETTING_BOOL, .at = { AT_SHOW(locked) } },
	{ .section = "show", .key = "keep", .type = SETTING_INT, .at = { AT_SHOW(keep) }, .lo = 0, .hi = 100000 },
	/* [episode] */
	{ .section = "episode", .key = "mode", .type = SETTING_CHOICE, .at = { AT_SHOW(mode) }, .def = "digest",
	  .choices = settings_modes },
	{ .section = "episode", .key = "title", .type = SETTING_STRING, .at = { AT_SHOW(title_pattern) },
	  .def = "{show} — {date:%A %-d %B %Y}" },
	{ .section = "episode", .key = "intro", .type = SETTING_STRING, .at = { AT_SHOW(intro) },
	  .def = "This is {show} for {date:%A %-d %B}." },
	{ .section = "episode", .key = "outro", .type = SETTING_STRING, .at = { AT_SHOW(outro) } },
	{ .section = "episode", .key = "between", .type = SETTING_PATH, .at = { AT_SHOW(between) } },
	/* [source] */
	{ .section = "source", .key = "timeout", .type = SETTING_INT, .at = { AT_SHOW(feed_timeout) }, .def = "30",
	  .lo = 1, .hi = 600 },
	{ .section = "source", .key = "max_size", .type = SETTING_INT, .at = { AT_SHOW(feed_max_mb) }, .def = "16",
	  .lo = 1, .hi = 1024 },
	{ .section = "source", .key = "max_age", .type = SETTING_INT, .at = { AT_SHOW(max_age) }, .lo = 0,
	  .hi = 100000 },

	/* voice profiles only; espeak and variant are checked by voice.c */
	{ .section = "voice", .key = "description", .type = SETTING_STRING, .at = { AT_VOICE(description) } },
	{ .section = "voice", .key = "rate", .type = SETTING_INT, .at = { AT_VOICE(rate) }, .def = "165", .lo = 80,
	  .hi = 450 },
	{ .section = "voice", .key = "pitch", .type = SETTING_INT, .at = { AT_VOICE(pitch) }, .def = "50", .lo = 0,
	  .hi = 100 },
	{ .section = "voice", .key = "range", .type = SETTING_INT, .at = { AT_VOICE(range) }, .def = "50", .lo = 0,
	  .hi = 100 },
	/* [pauses]: a key for each segment_break_name, in ms */
	{ .section = "pauses", .key = "sentence", .type = SETTING_INT, .at = { AT_VOICE(pause_ms[BREAK_SENTENCE]) },
	  .def = "0", .lo = 0, .hi = 10000 },
	{ .section = "pauses", .key = "paragraph", .type = SETTING_INT, .at = { AT_VOICE(pause_ms[BREAK_PARAGRAPH]) },
	  .def = "600", .lo = 0, .hi = 10000 },
	{ .section = "pauses", .key = "headline", .type = SETTING_INT, .at = { AT_VOICE(pause_ms[BREAK_HEADLINE]) },
	  .def = "900", .lo = 0, .hi = 10000 },
	{ .section = "pauses", .key = "subheading", .type = SETTING_INT,
	  .at = { AT_VOICE(pause_ms[BREAK_SUBHEADING]) }, .def = "700", .lo = 0, .hi = 10000 },
	{ .section = "pauses", .key = "section", .type = SETTING_INT, .at = { AT_VOICE(pause_ms[BREAK_SECTION]) },
	  .def = "1500", .lo = 0, .hi = 10000 },
	{ .section = "pauses", .key = "article", .type = SETTING_INT, .at = { AT_VOICE(pause_ms[BREAK_ARTICLE]) },
	  .def = "2500", .lo = 0, .hi = 10000 },
	{ 0 },
};

static const struct {
	const char *name;
	unsigned bit;
} settings_commands[] = {
	{ "speak", SPEAK }, { "script", SCRIPT }, { "build", BUILD },
	{ "feed", FEED },   { "init", INIT },	  { "voices", VOICES }, { "plan", PLAN },
	{ "part", PART },
};

bool settings_valid_date(const char *s)
{
	struct tm tm = { 0 }, check;
	const char *end = strptime(s, "%Y-%m-%d", &tm);

	if (!end || *end || strlen(s) != 10)
		return false;
	check = tm;
	check.tm_isdst = -1;
	timegm(&check);
	return check.tm_mday == tm.tm_mday && check.tm_mon == tm.tm_mon && check.tm_year == tm.tm_year;
}

/* What a good value of s is, for the message about a bad one: "a whole number from 1 to 64". */
static char *settings_what(const struct setting *s)
{
	static const int rates[] = SETTINGS_SAMPLE_RATES;
	struct strbuf sb;
	size_t n;

	strbuf_init(&sb);
	switch (s->type) {
	case SETTING_BOOL:
		strbuf_adds(&sb, "true, false, yes or no");
		break;
	case SETTING_INT:
		strbuf_addf(&sb, "a whole number from %d to %d", (int)s->lo, (int)s->hi);
		break;
	case SETTING_DOUBLE:
		strbuf_addf(&sb, "a number from %g to %g", s->lo, s->hi);
		break;
	case SETTING_CHOICE:
		for (n = 0; s->choices[n]; n++)
			strbuf_addf(&sb, "%s%s", n == 0 ? "" : s->choices[n + 1] ? ", " : " or ", s->choices[n]);
		break;
	case SETTING_DATE:
		strbuf_adds(&sb, "a date, YYYY-MM-DD");
		break;
	case SETTING_SAMPLE_RATE:
		n = sizeof rates / sizeof rates[0];
		for (size_t i = 0; i < n; i++)
			strbuf_addf(&sb, "%s%d", i == 0 ? "" : i + 1 < n ? ", " : " or ", rates[i]);
		break;
	case SETTING_BITRATE:
		/* the list is encode's: every kbps it takes, up to MP3's most */
		strbuf_adds(&sb, "an MP3 bitrate in kbps:");
		for (int kbps = 1, first = 1, next; kbps <= 320; kbps++) {
			if (!encode_bitrate_valid(kbps))
				continue;
			for (next = kbps + 1; next <= 320 && !encode_bitrate_valid(next); next++)
				;
			strbuf_addf(&sb, "%s %d", first ? "" : next > 320 ? " or" : ",", kbps);
			first = 0;
		}
		break;
	case SETTING_FORMAT:
		strbuf_adds(&sb, "text, markdown, html or feed");
		break;
	case SETTING_STRING:
	case SETTING_PATH:
		strbuf_adds(&sb, "text");
		break;
	}
	return strbuf_detach(&sb);
}

/* A whole decimal number, all of value; -1 if it is none or out of an int. */
static int settings_whole(const char *value, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(value, &end, 10);
	return !*value || *end || errno || *out < INT_MIN || *out > INT_MAX ? -1 : 0;
}

/* Whether value is good for s; its parsed number (or choice) in *num. */
static bool settings_check(const struct setting *s, const char *value, long *num, double *real)
{
	static const int rates[] = SETTINGS_SAMPLE_RATES;
	enum input_format format;
	char *end;

	switch (s->type) {
	case SETTING_BOOL:
		*num = !value || strcmp(value, "true") == 0 || strcmp(value, "yes") == 0;
		return *num || strcmp(value, "false") == 0 || strcmp(value, "no") == 0;
	case SETTING_INT:
		return settings_whole(value, num) == 0 && *num >= s->lo && *num <= s->hi;
	case SETTING_DOUBLE:
		errno = 0;
		*real = strtod(value, &end);
		return *value && !*end && !errno && *real >= s->lo && *real <= s->hi;	/* NaN is in no range */
	case SETTING_CHOICE:
		for (*num = 0; s->choices[*num]; (*num)++)
			if (strcmp(value, s->choices[*num]) == 0)
				return true;
		return false;
	case SETTING_DATE:
		return settings_valid_date(value);
	case SETTING_SAMPLE_RATE:
		if (settings_whole(value, num) < 0)
			return false;
		for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++)
			if (rates[i] == *num)
				return true;
		return false;
	case SETTING_BITRATE:
		return settings_whole(value, num) == 0 && *num > 0 && *num <= 320 && encode_bitrate_valid((int)*num);
	case SETTING_FORMAT:
		if (input_format_from_name(value, &format) < 0)
			return false;
		*num = format;
		return true;
	case SETTING_STRING:
	case SETTING_PATH:
		return true;
	}
	return false;
}

char *settings_apply(const struct setting *s, enum settings_source source, void *base, const char *value)
{
	void *field = (char *)base + s->at[source] - 1;
	long num = 0;
	double real = 0;
	char *what, *err;

	if (!settings_check(s, value, &num, &real)) {
		what = settings_what(s);
		if (source == SETTINGS_OPTION)
			err = xasprintf("bad value '%s' for --%s (%s)", value, s->option, what);
		else
			err = xasprintf("bad value '%s' for '%s' in [%s] (%s)", value, s->key, s->section, what);
		free(what);
		return err;
	}
	switch (s->type) {
	case SETTING_BOOL:
		*(bool *)field = num != 0;
		break;
	case SETTING_INT:
	case SETTING_CHOICE:
	case SETTING_SAMPLE_RATE:
	case SETTING_BITRATE:
		*(int *)field = (int)num;
		break;
	case SETTING_DOUBLE:
		*(double *)field = real;
		break;
	case SETTING_FORMAT:
		*(enum input_format *)field = (enum input_format)num;
		break;
	case SETTING_STRING:
	case SETTING_PATH:
	case SETTING_DATE:
		if (source == SETTINGS_OPTION) {
			*(const char **)field = value;	/* argv's, which lasts */
		} else {
			free(*(char **)field);
			*(char **)field = *value ? xstrdup(value) : NULL;
		}
		break;
	}
	return NULL;
}

char *settings_check_mp3(enum settings_source source, int bitrate, int sample_rate)
{
	/* MPEG-1 Layer III (32 kHz and up) has 32 to 320 kbps, MPEG-2's half rates 8 to 160:
	 * LAME would give another bitrate than the one asked for, or fail */
	bool mpeg1 = sample_rate >= 32000;
	const char *what = "8 to 160 kbps below 32000 Hz; from 32000 Hz, 32 to 320 kbps but 144";

	if (mpeg1 ? bitrate >= 32 && bitrate != 144 : bitrate <= 160)
		return NULL;
	if (source == SETTINGS_OPTION)
		return xasprintf("bad value '%d' for --bitrate at --sample-rate %d (%s)", bitrate, sample_rate, what);
	return xasprintf("bad value '%d' for 'bitrate' in [audio] at sample_rate %d (%s)", bitrate, sample_rate, what);
}

void settings_defaults(enum settings_source source, void *base)
{
	for (const struct setting *s = settings_table; s->option || s->key; s++) {
		if (!s->at[source] || !s->def)
			continue;
		/* a default that fails its own check is the table's bug: the unit tests catch it */
		free(settings_apply(s, source, base, s->def));
	}
}

void settings_release(enum settings_source source, void *base)
{
	if (source == SETTINGS_OPTION)
		return;	/* the command line's strings are argv's */
	for (const struct setting *s = settings_table; s->option || s->key; s++) {
		if (s->at[source] && (s->type == SETTING_STRING || s->type == SETTING_PATH || s->type == SETTING_DATE)) {
			char **field = (char **)((char *)base + s->at[source] - 1);

			free(*field);
			*field = NULL;
		}
	}
}

void settings_init(struct settings *set)
{
	memset(set, 0, sizeof *set);
	settings_defaults(SETTINGS_OPTION, set);
}

const struct setting *settings_find(enum settings_source source, const char *section, const char *key)
{
	for (const struct setting *s = settings_table; s->option || s->key; s++)
		if (s->at[source] && s->key && strcmp(s->section, section) == 0 && strcmp(s->key, key) == 0)
			return s;
	return NULL;
}

/* The cli table of cmd's options, a new array whose ids are rows of settings_table; NULL for no such command. */
static struct cli_option *settings_options(const char *cmd)
{
	unsigned bit = 0;
	size_t n = 0;
	struct cli_option *opts;

	for (size_t i = 0; i < sizeof settings_commands / sizeof settings_commands[0]; i++)
		if (strcmp(cmd, settings_commands[i].name) == 0)
			bit = settings_commands[i].bit;
	if (!bit)
		return NULL;
	opts = xcalloc(sizeof settings_table / sizeof settings_table[0], sizeof *opts);
	for (size_t i = 0; settings_table[i].option || settings_table[i].key; i++) {
		const struct setting *s = &settings_table[i];

		if (s->commands & bit)
			opts[n++] = (struct cli_option){ s->option, s->short_name, s->arg, s->help, (int)i };
	}
	return opts;
}

struct settings_parsing {
	const char *cmd;
	struct settings *set;
};

static int settings_on_option(int id, const char *value, void *ud)
{
	struct settings_parsing *p = ud;
	char *err = settings_apply(&settings_table[id], SETTINGS_OPTION, p->set, value);

	if (!err)
		return 0;
	fprintf(stderr, "newscast %s: %s\n", p->cmd, err);
	free(err);
	return -1;
}

int settings_parse(const char *cmd, int argc, char **argv, struct settings *set, int *first_arg)
{
	struct cli_option *opts = settings_options(cmd);
	struct settings_parsing p = { cmd, set };
	int ret;

	if (!opts) {
		fprintf(stderr, "newscast: unknown command '%s'\n", cmd);
		return 2;
	}
	ret = cli_parse(cmd, argc, argv, opts, settings_on_option, &p, first_arg);
	free(opts);
	if (set->verbose)
		log_set_verbose(true);
	return ret;
}

void settings_help(FILE *fp, const char *cmd, const char *usage, const char *summary)
{
	struct cli_option *opts = settings_options(cmd);

	if (opts)
		cli_help(fp, cmd, usage, summary, opts);
	free(opts);
}
