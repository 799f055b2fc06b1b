/* cmd_speak: `newscast speak ARTICLE -o OUT` turns one article into a finished, tagged audio file. */
#include "cmd.h"

#include "audio.h"
#include "cli.h"
#include "encode.h"
#include "fetch.h"
#include "log.h"
#include "pcm.h"
#include "progress.h"
#include "render.h"
#include "settings.h"
#include "synth.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The article's date as YYYY-MM-DD into out[11]: front matter's "2026-11-20"
 * or the day of an RFC 3339 "2026-11-20T10:00:00Z"; -1 if it has none such. */
static int speak_article_date(const char *date, char out[11])
{
	if (!date || strlen(date) < 10 || (date[10] && date[10] != 'T' && date[10] != 't' && date[10] != ' '))
		return -1;
	memcpy(out, date, 10);
	out[10] = '\0';
	return settings_valid_date(out) ? 0 : -1;
}

struct speak_progress {
	const struct synth_speech *sp;
	struct progress *progress;
};

/* Progress while the synthesiser's child speaks. */
static void speak_on_segment(void *ud, size_t seg)
{
	const struct synth_speech *sp = ((struct speak_progress *)ud)->sp;
	struct progress *progress = ((struct speak_progress *)ud)->progress;
	char phase[64];

	if (!progress->enabled)
		return;
	snprintf(phase, sizeof phase, "speaking segment %zu of %zu,", seg + 1, sp->segs->n);
	progress_update(progress, phase, 0.1 * (double)(seg + 1) / (double)sp->segs->n);
}

/* The default output: the article's name with the format's extension, here. */
static char *speak_default_output(const char *path, const struct script *sc)
{
	char *stem = strcmp(path, "-") == 0 ? util_slug(sc->doc.headline, 60) : util_stem(path);
	char *out = xasprintf("%s.mp3", stem);

	free(stem);
	return out;
}

/* Chapters when the article has subheadings: the headline, then one a section. */
static size_t speak_chapters(const struct synth_speech *sp, struct render_chapter **out)
{
	const struct segment_list *segs = sp->segs;
	size_t n = 0, total = 1;

	for (size_t i = 0; i < segs->n; i++)
		total += segs->items[i].role == ROLE_SUBHEADING;
	*out = NULL;
	if (total < 2)
		return 0;
	*out = xcalloc(total, sizeof **out);
	for (size_t i = 0; i < segs->n; i++) {
		if (i > 0 && segs->items[i].role != ROLE_SUBHEADING)
			continue;
		(*out)[n].sample = sp->start[i];
		(*out)[n].title = segs->items[i].written;
		n++;
	}
	return n;
}

static int speak_run(const char *path, struct settings *a)
{
	struct script sc;
	struct synth_speech sp;
	struct progress progress;
	struct speak_progress on_segment = { &sp, &progress };
	struct render_job rj = { 0 };
	struct render_result rr;
	struct render_chapter *chapters = NULL;
	char *output = NULL, *comment = NULL, today[16], article_date[11];
	int ret = 1;
	time_t now = time(NULL);

	script_init(&sc);
	synth_speech_init(&sp, &sc.segments);
	progress_init(&progress, NULL, 1);
	if (script_build(&sc, path, &a->script) < 0)
		goto out;
	output = a->output ? xstrdup(a->output) : speak_default_output(path, &sc);
	progress_init(&progress, output, a->quiet);

	/* Synthesis first: nothing is written until the article has been spoken. */
	sp.on_segment = speak_on_segment;
	sp.ud = &on_segment;
	progress_update(&progress, "speaking", 0.0);
	if (synth_speech_run(&sp, sc.doc.name, &sc.voice) < 0)
		goto out;

	strftime(today, sizeof today, "%Y-%m-%d", localtime(&now));
	comment = a->comment ? xstrdup(a->comment)
			     : xasprintf("Read by newscast (voice %s) from %s", sc.voice.name, sc.doc.name);
	rj.pcm = &sp.pcm;
	rj.path = output;
	rj.audio = (struct audio_settings){ a->sample_rate, a->loudness, a->true_peak, a->jobs };
	rj.encode = (struct encode_settings){ ENCODE_MP3, a->sample_rate, a->bitrate, ENCODE_DEFAULT_QUALITY };
	if (encode_format_from_path(output, &rj.encode.format) < 0)
		rj.encode.format = ENCODE_MP3;
	rj.tags.title = a->title ? a->title : sc.doc.headline;
	rj.tags.artist = a->author ? a->author : sc.doc.author;
	rj.tags.writer = sc.doc.author;
	rj.tags.album = a->album;
	rj.tags.date = a->date ? a->date : speak_article_date(sc.doc.date, article_date) == 0 ? article_date : today;
	rj.tags.source_url = sc.doc.link && fetch_is_url(sc.doc.link) ? sc.doc.link : NULL;
	rj.tags.genre = "Podcast";
	rj.tags.comment = comment;
	rj.n_chapters = speak_chapters(&sp, &chapters);
	rj.chapters = chapters;
	rj.jobs = a->jobs;
	rj.progress = &progress;
	if (render_file(&rj, &rr) < 0)
		goto out;
	progress_done(&progress);
	log_verbose("wrote '%s': %s, %.1f s, %zu segments, %zu chapters", output,
		    encode_format_name(rj.encode.format), rr.seconds, sc.segments.n, rj.n_chapters);
	ret = 0;
out:
	progress_done(&progress);
	free(chapters);
	synth_speech_release(&sp);
	free(output);
	free(comment);
	script_release(&sc);
	return ret;
}

int cmd_speak(int argc, char **argv)
{
	struct settings a;
	enum encode_format format;
	char *err;
	int first, ret;

	settings_init(&a);
	a.jobs = render_default_jobs();
	ret = settings_parse("speak", argc, argv, &a, &first);
	if (ret)
		return ret;
	if (a.help) {
		settings_help(stdout, "speak", "[OPTIONS] ARTICLE",
			      "Speak ARTICLE (a UTF-8 text file, or - for standard input) with espeak-ng and write a\n"
			      "podcast-ready audio file: boilerplate removed, pauses between sentences, paragraphs\n"
			      "and sections, loudness at -16 LUFS, MP3 96 kbps mono 44.1 kHz with ID3v2 tags.\n"
			      "The file appears only when it is complete.");
		return 0;
	}
	if (cli_one_operand("speak", "article", argc - first) != 0)
		return 2;
	if (a.output && encode_format_from_path(a.output, &format) < 0) {
		fprintf(stderr, "newscast speak: cannot tell the format of '%s': use .mp3, .wav, .flac or .ogg\n",
			a.output);
		return 2;
	}
	if ((!a.output || format == ENCODE_MP3) && (err = settings_check_mp3(SETTINGS_OPTION, a.bitrate, a.sample_rate))) {
		fprintf(stderr, "newscast speak: %s\nTry 'newscast speak --help'.\n", err);
		free(err);
		return 2;
	}
	return speak_run(argv[first], &a);
}
