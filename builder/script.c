/* script: what will be spoken: an article read, cleaned and split into segments with their pauses. */
#include "script.h"

#include "clean.h"
#include "log.h"
#include "paths.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void script_init(struct script *sc)
{
	memset(sc, 0, sizeof *sc);
	document_init(&sc->doc);
	voice_profile_init(&sc->voice);
	segment_list_init(&sc->segments);
}

void script_release(struct script *sc)
{
	document_release(&sc->doc);
	voice_profile_release(&sc->voice);
	segment_list_release(&sc->segments);
}

static int script_clean(struct script *sc, const struct script_options *opts)
{
	struct clean_rules *rules = clean_rules_new();
	char *path = paths_join(paths_rules_dir(), "boilerplate.rules");
	int ret = -1;

	if (clean_rules_load(rules, path) < 0)
		goto out;
	if (opts->rules && clean_rules_load(rules, opts->rules) < 0)
		goto out;
	sc->n_removed = clean_document(rules, &sc->doc);
	log_verbose("clean: removed %zu of %zu paragraphs from '%s'", sc->n_removed,
		    sc->n_removed + sc->doc.n_blocks, sc->doc.name);
	ret = 0;
out:
	free(path);
	clean_rules_free(rules);
	return ret;
}

int script_build(struct script *sc, const char *path, const struct script_options *opts)
{
	struct segment_abbrevs *ab = segment_abbrevs_new();
	char *ab_path = paths_join(paths_rules_dir(), "abbreviations.en");
	size_t spoken = 0;
	int ret = -1;

	if (voice_profile_find(&sc->voice, opts->voice ? opts->voice : VOICE_DEFAULT) < 0)
		goto out;
	if (segment_abbrevs_load(ab, ab_path) < 0)
		goto out;
	if (input_read_file(path, &sc->doc) < 0)
		goto out;
	if (!opts->keep_boilerplate && script_clean(sc, opts) < 0)
		goto out;
	if (segment_document(&sc->doc, ab, sc->voice.pause_ms, &sc->segments) < 0)
		goto out;
	for (size_t i = 0; i < sc->segments.n; i++)
		spoken += sc->segments.items[i].role != ROLE_HEADLINE;
	if (spoken == 0) {
		if (sc->n_removed)
			log_error("'%s': nothing to speak after clean-up (%zu paragraphs removed as boilerplate; "
				  "--keep-boilerplate keeps them)", sc->doc.name, sc->n_removed);
		else
			log_error("'%s': nothing to speak: the article has no text under its headline",
				  sc->doc.name);
		goto out;
	}
	ret = 0;
out:
	free(ab_path);
	segment_abbrevs_free(ab);
	return ret;
}

void script_print(const struct script *sc, FILE *fp)
{
	for (size_t i = 0; i < sc->segments.n; i++) {
		const struct segment *s = &sc->segments.items[i];

		fprintf(fp, "%s\n", s->text);
		if (s->pause_ms > 0)
			fprintf(fp, "[pause %d ms]\n", s->pause_ms);
	}
}
