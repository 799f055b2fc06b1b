/* script: what will be spoken: an article read, cleaned and split into segments with their pauses. */
#include "script.h"

#include "clean.h"
#include "lexicon.h"
#include "log.h"
#include "normalize.h"
#include "paths.h"
#include "util.h"

#include <unicode/uloc.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
 * What script_make loads for every article (the boilerplate rules, the normalizer, the
 * lexicons, the abbreviations) compiles regular expressions, which takes far longer than
 * reading the article: a build's plan reads dozens. Each is kept for the next article while
 * what it was made of is the same: the files (by name, inode, size and time) and the voice.
 */
struct script_kept {
	char *id;
	void *obj;
	void (*free_obj)(void *obj);
};

static struct script_kept script_kept_rules, script_kept_norm, script_kept_lexicon, script_kept_abbrevs;

/* Adds a file's identity to id: its name, and what changes when it is written. */
static void script_id_file(struct strbuf *id, const char *path)
{
	struct stat st;

	if (!path)
		strbuf_adds(id, "-\x1e");
	else if (stat(path, &st) < 0)
		strbuf_addf(id, "%s\x1f-\x1e", path);
	else
		strbuf_addf(id, "%s\x1f%llu:%llu:%lld:%lld.%09ld\x1e", path, (unsigned long long)st.st_dev,
			    (unsigned long long)st.st_ino, (long long)st.st_size, (long long)st.st_mtim.tv_sec,
			    st.st_mtim.tv_nsec);
}

/* The object kept for id, or NULL. */
static void *script_kept_get(const struct script_kept *k, const char *id)
{
	return k->id && strcmp(k->id, id) == 0 ? k->obj : NULL;
}

/* Keeps obj (made of id) in place of what k held; k takes both. */
static void *script_kept_set(struct script_kept *k, char *id, void *obj, void (*free_obj)(void *obj))
{
	if (k->obj)
		k->free_obj(k->obj);
	free(k->id);
	*k = (struct script_kept){ id, obj, free_obj };
	return obj;
}

static void script_free_rules(void *obj)
{
	clean_rules_free(obj);
}

static void script_free_normalizer(void *obj)
{
	normalize_free(obj);
}

static void script_free_lexicon(void *obj)
{
	lexicon_free(obj);
}

static void script_free_abbrevs(void *obj)
{
	segment_abbrevs_free(obj);
}

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
	free(sc->language);
	sc->language = NULL;
}

/* The boilerplate rules: the shared ones, then those of the language the article is read in
 * (lang), then the user's. */
static int script_clean(struct script *sc, const char *lang, const struct script_options *opts)
{
	char *path = paths_join(paths_rules_dir(), "boilerplate.rules");
	char *own = clean_rules_language_path(paths_rules_dir(), lang);
	struct clean_rules *rules;
	struct strbuf id;
	int ret = -1;

	strbuf_init(&id);
	script_id_file(&id, path);
	script_id_file(&id, own);
	script_id_file(&id, opts->rules);
	if (!(rules = script_kept_get(&script_kept_rules, id.buf))) {
		rules = clean_rules_new();
		if (clean_rules_load_language(rules, paths_rules_dir(), lang) < 0 ||
		    (opts->rules && clean_rules_load(rules, opts->rules) < 0)) {
			clean_rules_free(rules);
			goto out;
		}
		script_kept_set(&script_kept_rules, strbuf_detach(&id), rules, script_free_rules);
	}
	sc->n_removed = clean_document(rules, &sc->doc);
	log_verbose("clean: removed %zu of %zu paragraphs from '%s' (the shared rules%s%s%s)", sc->n_removed,
		    sc->n_removed + sc->doc.n_blocks, sc->doc.name, own ? " and " : ", none for ", own ? own : lang,
		    opts->rules ? " and --rules" : "");
	ret = 0;
out:
	free(path);
	free(own);
	strbuf_release(&id);
	return ret;
}

/* Refuses an article whose speech would take longer than the limit, estimated from
 * its words at the voice's rate and the pauses between its paragraphs, before it
 * costs the memory of its speech. */
static int script_check_length(const struct script *sc, const struct script_options *opts)
{
	int max = opts->max_minutes > 0 ? opts->max_minutes : SCRIPT_DEFAULT_MAX_MINUTES;
	size_t words = sc->doc.headline ? util_count_words(sc->doc.headline) : 0;
	double minutes;

	for (size_t i = 0; i < sc->doc.n_blocks; i++)
		if (sc->doc.blocks[i].text)
			words += util_count_words(sc->doc.blocks[i].text);
	minutes = (double)words / (sc->voice.rate > 0 ? sc->voice.rate : 1) +
		  (double)sc->doc.n_blocks * sc->voice.pause_ms[BREAK_PARAGRAPH] / 60000.0;
	if (minutes <= max)
		return 0;
	log_error("'%s': %zu words make about %.0f minutes of speech at %d words a minute, more than the "
		  "%d allowed (--max-minutes, or max_minutes in podcast.ini [episode])", sc->doc.name, words,
		  ceil(minutes), sc->voice.rate, max);
	return -1;
}

const char *script_choose_language(const char *option, const char *article, const char *show, const char *voice,
				   enum script_language_source *source)
{
	const char *from[] = { option, article, show };

	for (size_t i = 0; i < sizeof from / sizeof from[0]; i++)
		if (from[i] && *from[i]) {
			*source = (enum script_language_source)i;
			return from[i];
		}
	*source = SCRIPT_LANGUAGE_VOICE;
	return voice;
}

char *script_normalizer_tag(const char *language, const char *voice)
{
	size_t len = strcspn(language, "-_");

	if (!language[len] && strncasecmp(language, voice, len) == 0 && strcspn(voice, "-_") == len)
		return xstrdup(voice);
	return xstrdup(language);
}

/* Settles sc->language from the options, the article, the show and the voice; -1 (reported)
 * for a --language or [show] language that is no language tag. */
static int script_settle_language(struct script *sc, const struct script_options *opts)
{
	static const char *const why[] = { "--language", "the article's own", "podcast.ini [show] language",
					   "the voice's" };
	char option[ULOC_FULLNAME_CAPACITY] = "", show[ULOC_FULLNAME_CAPACITY] = "";
	enum script_language_source source;
	const char *lang;

	if (opts->language && document_language_canonical(opts->language, option, sizeof option) < 0) {
		log_error("'%s': --language is not a language tag (BCP 47: \"de\", \"pt-BR\")", opts->language);
		return -1;
	}
	if (opts->show_language && document_language_canonical(opts->show_language, show, sizeof show) < 0) {
		log_error("'%s': podcast.ini [show] language is not a language tag (BCP 47: \"de\", \"pt-BR\")",
			  opts->show_language);
		return -1;
	}
	lang = script_choose_language(option, sc->doc.language, show, sc->voice.espeak, &source);
	free(sc->language);
	sc->language = xstrdup(lang);
	/* no voice named: the profile that speaks the language, if one does (else the default reads it) */
	if (!opts->voice && source != SCRIPT_LANGUAGE_VOICE) {
		struct voice_profile vp;
		int found;

		voice_profile_init(&vp);
		if ((found = voice_profile_for_language(&vp, sc->language)) < 0) {
			voice_profile_release(&vp);
			return -1;
		}
		if (found == 0) {
			voice_profile_release(&sc->voice);
			sc->voice = vp;
		} else {
			voice_profile_release(&vp);
		}
	}
	log_verbose("'%s': read in %s (%s), by the voice '%s' (%s)", sc->doc.name, sc->language, why[source],
		    sc->voice.name ? sc->voice.name : sc->voice.espeak, sc->voice.espeak);
	return 0;
}

/* The part of the language that chooses rules: "en" of "en-GB". */
static char *script_language(const struct script *sc)
{
	return xstrndup(sc->language, strcspn(sc->language, "-_"));
}

/* The lexicons, the most particular first, since the first entry to match a word
 * wins: the user's (--lexicon), the voice's, then the language's own. Kept (not the caller's). */
static struct lexicon *script_lexicon(const struct voice_profile *vp, const char *lang, const char *extra)
{
	char *name = xasprintf("lexicon.%s", lang), *path = paths_join(paths_rules_dir(), name);
	struct lexicon *lex;
	struct strbuf id;
	int ok;

	strbuf_init(&id);
	script_id_file(&id, extra);
	script_id_file(&id, vp->lexicon);
	script_id_file(&id, path);
	if ((lex = script_kept_get(&script_kept_lexicon, id.buf)))
		goto out;
	lex = lexicon_new();
	ok = !extra || lexicon_load(lex, extra) == 0;
	if (ok && vp->lexicon)
		ok = lexicon_load(lex, vp->lexicon) == 0;
	if (ok && access(path, R_OK) == 0)
		ok = lexicon_load(lex, path) == 0;
	if (!ok) {
		lexicon_free(lex);
		lex = NULL;
		goto out;
	}
	script_kept_set(&script_kept_lexicon, strbuf_detach(&id), lex, script_free_lexicon);
out:
	strbuf_release(&id);
	free(name);
	free(path);
	return lex;
}

/* The normalizer for a voice's language tag (kept, not the caller's); NULL (reported) if it cannot be made. */
static struct normalizer *script_normalizer(const char *tag)
{
	struct normalizer *norm;
	struct strbuf id;

	strbuf_init(&id);
	strbuf_addf(&id, "%s\x1e", tag);
	script_id_file(&id, paths_rules_dir());
	if (!(norm = script_kept_get(&script_kept_norm, id.buf)) && (norm = normalize_new(tag, paths_rules_dir())))
		script_kept_set(&script_kept_norm, strbuf_detach(&id), norm, script_free_normalizer);
	strbuf_release(&id);
	return norm;
}

/* Rewrites each segment for the ear, then applies the lexicon. */
static int script_speakable(struct script *sc, const struct script_options *opts)
{
	char *lang = script_language(sc);
	/* the whole tag: its region chooses customs such as the order of "3/4/2021" */
	char *tag = script_normalizer_tag(sc->language, sc->voice.espeak);
	struct normalizer *norm = opts->no_normalize ? NULL : script_normalizer(tag);
	/* --no-normalize speaks the text as written: no lexicon either (its brackets are still broken up) */
	struct lexicon *none = opts->no_normalize ? lexicon_new() : NULL;
	struct lexicon *lex = none ? none : script_lexicon(&sc->voice, lang, opts->lexicon);
	struct timespec t0, t1;
	int ret = -1;

	if ((!opts->no_normalize && !norm) || !lex)
		goto out;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t i = 0; i < sc->segments.n; i++) {
		struct segment *s = &sc->segments.items[i];
		char *text = norm ? normalize_text(norm, s->text) : xstrdup(s->text);

		free(s->text);
		s->text = lexicon_apply(lex, text, &s->phonemes);
		free(text);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	log_verbose("normalize: %s for '%s', %zu lexicon entries: %zu segments in %.2f ms",
		    !norm || !normalize_language(norm) ? "no rules"
		    : normalize_is_fallback(norm)      ? "ICU's number words alone (no rules of its own)"
						       : normalize_language(norm),
		    lang, lexicon_count(lex),
		    sc->segments.n, (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	ret = 0;
out:
	lexicon_free(none);
	free(lang);
	free(tag);
	return ret;
}

/* The abbreviations file of a language: rules/abbreviations.LANG, or English's when it has none. */
static char *script_abbrevs_path(const char *lang)
{
	char *name = xasprintf("abbreviations.%s", lang), *path = paths_join(paths_rules_dir(), name);

	free(name);
	if (access(path, F_OK) != 0) {
		free(path);
		path = paths_join(paths_rules_dir(), "abbreviations.en");
	}
	return path;
}

/* path names a file, or text is the article itself (then path only names it), or
 * doc is the article read already. */
static int script_make(struct script *sc, const char *path, const char *text, struct document *doc,
		       const struct script_options *opts)
{
	struct segment_abbrevs *ab;
	char *ab_path = NULL, *lang = NULL;
	struct strbuf ab_id;
	size_t spoken = 0;
	int ret = -1;

	strbuf_init(&ab_id);
	if (voice_profile_find(&sc->voice, opts->voice ? opts->voice : VOICE_DEFAULT) < 0)
		goto out;
	if (text) {
		/* not an article: no headline, the whole text one paragraph */
		char *copy;

		free(sc->doc.name);
		sc->doc.name = xstrdup(path);
		if (input_check_text(path, text, strlen(text)) < 0)
			goto out;
		copy = xstrdup(text);
		input_strip_controls(copy);
		util_squeeze_spaces(copy);
		document_add_block(&sc->doc, BLOCK_PARAGRAPH, copy, 1);
	} else if (doc) {
		document_release(&sc->doc);
		sc->doc = *doc;
		document_init(doc);
	} else if ((opts->inbox ? input_read_inbox_file(path, opts->format, &sc->doc)
				: input_read_file_as(path, opts->format, opts->item, &sc->doc)) < 0) {
		goto out;
	}
	if (sc->doc.error) {
		log_error("%s", sc->doc.error);
		goto out;
	}
	if (!text && (!sc->doc.headline || !*sc->doc.headline)) {
		/* the readers see to it, but for a feed's item, which may have no title */
		log_error("'%s': the item has no title to read as its headline", sc->doc.name);
		goto out;
	}
	if (script_settle_language(sc, opts) < 0)
		goto out;
	/* the sentence rules of the article's language, English's where it has none */
	lang = script_language(sc);
	ab_path = script_abbrevs_path(lang);
	strbuf_addf(&ab_id, "%s\x1e", lang);
	script_id_file(&ab_id, ab_path);
	if (!(ab = script_kept_get(&script_kept_abbrevs, ab_id.buf))) {
		ab = segment_abbrevs_new();
		if (strcmp(lang, "en") != 0)
			segment_abbrevs_set_locale(ab, lang);
		if (segment_abbrevs_load(ab, ab_path) < 0) {
			segment_abbrevs_free(ab);
			goto out;
		}
		script_kept_set(&script_kept_abbrevs, strbuf_detach(&ab_id), ab, script_free_abbrevs);
	}
	if (!opts->keep_boilerplate && !text && script_clean(sc, lang, opts) < 0)
		goto out;
	if (script_check_length(sc, opts) < 0)
		goto out;
	if (segment_document(&sc->doc, ab, sc->voice.pause_ms, &sc->segments) < 0)
		goto out;
	if (!opts->outline && script_speakable(sc, opts) < 0)
		goto out;
	for (size_t i = 0; i < sc->segments.n; i++)
		spoken += sc->segments.items[i].role != ROLE_HEADLINE;
	if (spoken == 0 && !text) {
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
	free(lang);
	strbuf_release(&ab_id);
	return ret;
}

int script_build(struct script *sc, const char *path, const struct script_options *opts)
{
	return script_make(sc, path, NULL, NULL, opts);
}

int script_build_doc(struct script *sc, struct document *doc, const struct script_options *opts)
{
	return script_make(sc, doc->name, NULL, doc, opts);
}

int script_build_text(struct script *sc, const char *name, const char *text, const struct script_options *opts)
{
	return script_make(sc, name, text, NULL, opts);
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
