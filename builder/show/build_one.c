/* build_one: one article built into a file of its own (what `speak` runs): script, part, assemble. */
#include "build_one.h"

#include "article.h"
#include "assemble.h"
#include "audio.h"
#include "encode.h"
#include "error.h"
#include "log.h"
#include "progress.h"
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
static int build_one_article_date(const char *date, char out[11])
{
	if (!date || strlen(date) < 10 || (date[10] && date[10] != 'T' && date[10] != 't' && date[10] != ' '))
		return -1;
	memcpy(out, date, 10);
	out[10] = '\0';
	return settings_valid_date(out) ? 0 : -1;
}

/* The default output: the article's name with the format's extension, here. */
static char *build_one_default_output(const char *path, const struct script *sc)
{
	char *stem = strcmp(path, "-") == 0 ? util_slug(sc->doc.headline, 60) : util_stem(path);
	char *out = xasprintf("%s.mp3", stem);

	free(stem);
	return out;
}

int build_one(const char *path, const struct settings *a)
{
	struct script sc;
	struct progress progress;
	struct article_job job = { 0 };
	struct article_run run;
	struct article_result res = { 0 };
	struct assemble_part part = { 0 };
	struct assemble_job aj = { 0 };
	struct assemble_result ar = { 0 };
	struct error err = { 0 };
	FILE *tmp = NULL;
	char *output = NULL, *comment = NULL, today[16], article_date[11];
	int ret = 1;
	time_t now = time(NULL);

	script_init(&sc);
	progress_init(&progress, NULL, 1);
	if (script_build(&sc, path, &a->script) < 0)
		goto out;
	output = a->output ? xstrdup(a->output) : build_one_default_output(path, &sc);
	progress_init(&progress, output, a->quiet);

	/* Synthesis first: nothing is written until the article has been spoken. */
	job.name = sc.doc.name;
	job.voice = &sc.voice;
	job.segs = &sc.segments;
	job.audio = (struct audio_settings){ a->sample_rate, a->loudness, a->true_peak, a->jobs };
	job.encode = (struct encode_settings){ ENCODE_MP3, a->sample_rate, a->bitrate, a->quality };
	if (encode_format_from_path(output, &job.encode.format) < 0)
		job.encode.format = ENCODE_MP3;
	job.timeout_ms = synth_time_limit_ms(&sc.segments);
	job.progress = progress.enabled ? &progress : NULL;
	tmp = util_tmpfile();
	if (!tmp) {
		log_error("cannot create a temporary file: %s", strerror(errno));
		goto out;
	}
	progress_update(&progress, "speaking", 0.0);
	if (article_start(&run, &job, tmp) < 0 || article_finish(&run, &res, &err) < 0)
		goto out;

	/* a one-part episode: a chapter for the headline and one a section, when it has sections */
	part = (struct assemble_part){ tmp, res.part, sc.segments.items, res.timings,
				       res.n_timings < sc.segments.n ? res.n_timings : sc.segments.n, res.words,
				       res.n_words, sc.segments.n ? sc.segments.items[0].written : NULL, true };
	part.encode.fp = NULL;
	aj = (struct assemble_job){ .path = output, .encode = job.encode, .parts = &part, .n_parts = 1,
				    .min_chapters = 2 };
	strftime(today, sizeof today, "%Y-%m-%d", localtime(&now));
	comment = a->comment ? xstrdup(a->comment)
			     : xasprintf("Read by newscast (voice %s) from %s", sc.voice.name, sc.doc.name);
	tags_for_article(&aj.tags, &sc.doc,
			 a->date ? a->date : build_one_article_date(sc.doc.date, article_date) == 0 ? article_date : today);
	if (a->title)
		aj.tags.title = a->title;
	if (a->author)
		aj.tags.artist = a->author;
	aj.tags.album = a->album;
	aj.tags.comment = comment;
	if (assemble(&aj, &ar) < 0)
		goto out;
	progress_done(&progress);
	log_verbose("wrote '%s': %s, %.1f s, %zu segments, %zu chapters", output, encode_format_name(job.encode.format),
		    ar.seconds, sc.segments.n, ar.n_chapters);
	ret = 0;
out:
	progress_done(&progress);
	if (tmp)
		fclose(tmp);
	error_release(&err);
	article_result_release(&res);
	assemble_result_release(&ar);
	free(output);
	free(comment);
	script_release(&sc);
	return ret;
}

