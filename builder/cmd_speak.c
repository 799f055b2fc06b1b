/* cmd_speak: `newscast speak ARTICLE -o OUT` turns one article into a finished, tagged audio file. */
#include "cmd.h"

#include "article.h"
#include "audio.h"
#include "cli.h"
#include "encode.h"
#include "error.h"
#include "log.h"
#include "progress.h"
#include "render.h"
#include "settings.h"
#include "synth.h"
#include "tags.h"
#include "util.h"

#include <errno.h>
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

/* The default output: the article's name with the format's extension, here. */
static char *speak_default_output(const char *path, const struct script *sc)
{
	char *stem = strcmp(path, "-") == 0 ? util_slug(sc->doc.headline, 60) : util_stem(path);
	char *out = xasprintf("%s.mp3", stem);

	free(stem);
	return out;
}

/* Chapters when the article has subheadings: the headline, then one a section. */
static void speak_chapters(const struct script *sc, const struct article_result *res, uint32_t end_ms,
			   struct tags_chapters *ch)
{
	if (!res->n_timings)
		return;
	tags_add_chapter(ch, res->timings[0].start_ms, sc->segments.items[0].written);
	tags_add_sections(ch, 0, sc->segments.items, res->timings,
			  res->n_timings < sc->segments.n ? res->n_timings : sc->segments.n);
	if (ch->n < 2)
		tags_chapters_release(ch);
	tags_end_chapters(ch, end_ms);
}

/* speak is a build of one article: read and scripted here, its part made by a worker
 * (as a build makes each article's), then written to the output with its chapters and tags. */
static int speak_run(const char *path, struct settings *a)
{
	struct script sc;
	struct progress progress;
	struct article_job job = { 0 };
	struct article_run run;
	struct article_result res = { 0 };
	struct tags_chapters chapters = { 0 };
	struct encode_tags tags = { 0 };
	struct error err = { 0 };
	FILE *tmp = NULL;
	char *output = NULL, *comment = NULL, today[16], article_date[11];
	uint64_t samples;
	int ret = 1;
	time_t now = time(NULL);

	script_init(&sc);
	progress_init(&progress, NULL, 1);
	if (script_build(&sc, path, &a->script) < 0)
		goto out;
	output = a->output ? xstrdup(a->output) : speak_default_output(path, &sc);
	progress_init(&progress, output, a->quiet);

	/* Synthesis first: nothing is written until the article has been spoken. */
	job.name = sc.doc.name;
	job.voice = &sc.voice;
	job.segs = &sc.segments;
	job.audio = (struct audio_settings){ a->sample_rate, a->loudness, a->true_peak, a->jobs };
	job.encode = (struct encode_settings){ ENCODE_MP3, a->sample_rate, a->bitrate, ENCODE_DEFAULT_QUALITY };
	if (encode_format_from_path(output, &job.encode.format) < 0)
		job.encode.format = ENCODE_MP3;
	job.timeout_ms = synth_time_limit_ms(&sc.segments);
	job.jobs = a->jobs;
	job.progress = progress.enabled ? &progress : NULL;
	tmp = tmpfile();
	if (!tmp) {
		log_error("cannot create a temporary file: %s", strerror(errno));
		goto out;
	}
	progress_update(&progress, "speaking", 0.0);
	if (article_start(&run, &job, tmp) < 0 || article_finish(&run, &res, &err) < 0)
		goto out;

	samples = article_result_samples(&res, &job.encode);
	speak_chapters(&sc, &res, tags_ms(samples, job.audio.out_rate), &chapters);
	strftime(today, sizeof today, "%Y-%m-%d", localtime(&now));
	comment = a->comment ? xstrdup(a->comment)
			     : xasprintf("Read by newscast (voice %s) from %s", sc.voice.name, sc.doc.name);
	tags_for_article(&tags, &sc.doc,
			 a->date ? a->date : speak_article_date(sc.doc.date, article_date) == 0 ? article_date : today);
	if (a->title)
		tags.title = a->title;
	if (a->author)
		tags.artist = a->author;
	tags.album = a->album;
	tags.comment = comment;
	tags.chapters = chapters.items;
	tags.n_chapters = chapters.n;
	if (article_write(output, &job.encode, &tags, &res, tmp) < 0)
		goto out;
	progress_done(&progress);
	log_verbose("wrote '%s': %s, %.1f s, %zu segments, %zu chapters", output, encode_format_name(job.encode.format),
		    (double)samples / job.audio.out_rate, sc.segments.n, chapters.n);
	ret = 0;
out:
	progress_done(&progress);
	if (tmp)
		fclose(tmp);
	error_release(&err);
	article_result_release(&res);
	tags_chapters_release(&chapters);
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
