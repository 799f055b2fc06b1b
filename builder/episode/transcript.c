/* transcript: captions cut to broadcast limits from espeak-ng's word events, written as WebVTT and SRT. */
#include "transcript.h"

#include "outfile.h"
#include "util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Timing written words by spoken ones. The cues show the sentence as written
 * ("$1.2bn on 3 March") but espeak-ng spoke the normalized text ("one point two
 * billion dollars on the third of March") and gave a time for (most of) its
 * words, by character position. So the time of a written word is found in two
 * steps, both piecewise linear:
 *  1. written position -> spoken position. Words the two texts share (compared
 *     case-blind, letters and digits only) are matched in order (a longest
 *     common subsequence, for sentences of up to TRANSCRIPT_ALIGN_CELLS word
 *     pairs) and anchor the map at their starts and at the starts of the words
 *     after them; between anchors, and for longer sentences throughout,
 *     positions are spread in proportion to the characters.
 *  2. spoken position -> time: a word espeak-ng timed gets its time; a
 *     position between two timed words (espeak-ng gives none for the second
 *     half of "finance-committee") is interpolated by characters, up to the
 *     sentence's end.
 * A written word that was spoken as itself thus gets espeak-ng's own time, and
 * one that was rewritten shares the time of what replaced it.
 */
#define TRANSCRIPT_ALIGN_CELLS 65536

/* A word as written (or a line-long piece of one). */
struct transcript_token {
	const char *s;
	size_t bytes;
	size_t chars;	/* code points */
	size_t pos;	/* in code points from the start of the text */
	bool glue;	/* a piece of the word before: no space between */
	uint32_t ms;
};

static size_t transcript_chars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* Splits text at ASCII white space; words over a line long are cut into pieces of a line. */
static struct transcript_token *transcript_tokens(const char *text, bool cut, size_t *n)
{
	struct transcript_token *t = NULL;
	size_t cap = 0, pos = 0;
	const char *p = text;

	*n = 0;
	while (*p) {
		const char *w;
		size_t len;
		bool glue = false;

		if (isspace((unsigned char)*p)) {
			pos += ((unsigned char)*p & 0xc0) != 0x80;
			p++;
			continue;
		}
		for (w = p; *p && !isspace((unsigned char)*p); p++)
			;
		len = (size_t)(p - w);
		while (len) {
			size_t take = len, chars;

			if (cut && transcript_chars(w, len) > TRANSCRIPT_LINE_CHARS) {
				/* a line's worth of code points, not cutting one in two */
				size_t c = 0;

				for (take = 0; take < len; take++) {
					if (((unsigned char)w[take] & 0xc0) != 0x80 && c++ == TRANSCRIPT_LINE_CHARS)
						break;
				}
			}
			chars = transcript_chars(w, take);
			util_grow((void **)&t, &cap, *n + 1, sizeof *t);
			t[(*n)++] = (struct transcript_token){ w, take, chars, pos, glue, 0 };
			pos += chars;
			w += take;
			len -= take;
			glue = true;
		}
	}
	return t;
}

/* Whether two words are the same word: letters and digits, case-blind. */
static bool transcript_same(const struct transcript_token *a, const struct transcript_token *b)
{
	size_t i = 0, k = 0, n = 0;

	for (;;) {
		while (i < a->bytes && !isalnum((unsigned char)a->s[i]) && !((unsigned char)a->s[i] & 0x80))
			i++;
		while (k < b->bytes && !isalnum((unsigned char)b->s[k]) && !((unsigned char)b->s[k] & 0x80))
			k++;
		if (i == a->bytes || k == b->bytes)
			return i == a->bytes && k == b->bytes && n > 0;
		if (tolower((unsigned char)a->s[i]) != tolower((unsigned char)b->s[k]))
			return false;
		i++, k++, n++;
	}
}

/* Anchors of the written -> spoken map: (written, spoken) positions, the written
 * increasing, the spoken never decreasing; out holds 2 * ns + 3. */
static size_t transcript_anchors(const struct transcript_token *w, size_t nw, size_t wlen,
				 const struct transcript_token *s, size_t ns, size_t slen, size_t (*out)[2])
{
	size_t n = 0;

	out[n][0] = 0, out[n][1] = 0, n++;
	if (nw && ns && nw <= TRANSCRIPT_ALIGN_CELLS / ns) {
		/* lcs[i][k]: the longest common run of w[i..] and s[k..] */
		uint16_t *lcs = xcalloc((nw + 1) * (ns + 1), sizeof *lcs);
		size_t i = 0, k = 0;

#define L(i, k) lcs[(i) * (ns + 1) + (k)]
		for (size_t a = nw; a-- > 0;)
			for (size_t b = ns; b-- > 0;)
				L(a, b) = transcript_same(&w[a], &s[b]) ? L(a + 1, b + 1) + 1
					  : L(a + 1, b) > L(a, b + 1) ? L(a + 1, b) : L(a, b + 1);
		while (i < nw && k < ns) {
			if (transcript_same(&w[i], &s[k]) && L(i, k) == L(i + 1, k + 1) + 1) {
				/* the word, and the start of what follows it: words between two
				 * shared ones share the time of the words spoken between them */
				size_t wn = i + 1 < nw ? w[i + 1].pos : wlen, sn = k + 1 < ns ? s[k + 1].pos : slen;

				if (w[i].pos > out[n - 1][0] && s[k].pos >= out[n - 1][1])
					out[n][0] = w[i].pos, out[n][1] = s[k].pos, n++;
				if (wn > out[n - 1][0] && sn >= out[n - 1][1])
					out[n][0] = wn, out[n][1] = sn, n++;
				i++, k++;
			} else if (L(i + 1, k) >= L(i, k + 1)) {
				i++;
			} else {
				k++;
			}
		}
#undef L
		free(lcs);
	}
	if (wlen > out[n - 1][0])
		out[n][0] = wlen, out[n][1] = slen, n++;
	return n;
}

static double transcript_lerp(double x, double x0, double x1, double y0, double y1)
{
	return x1 > x0 ? y0 + (x - x0) * (y1 - y0) / (x1 - x0) : y0;
}

/* Times each written token from the sentence's spoken words (see the comment at the top). */
static void transcript_time_tokens(const struct transcript_sentence *st, struct transcript_token *w, size_t nw)
{
	size_t ns, wlen = transcript_chars(st->written, strlen(st->written));
	size_t slen = transcript_chars(st->spoken, strlen(st->spoken));
	struct transcript_token *s = transcript_tokens(st->spoken, false, &ns);
	size_t (*anchor)[2] = xcalloc(2 * ns + 3, sizeof *anchor);
	size_t na = transcript_anchors(w, nw, wlen, s, ns, slen, anchor), a = 0, e = 0;
	uint32_t prev = st->start_ms;

	for (size_t i = 0; i < nw; i++) {
		double sp, ms;

		while (a + 1 < na && anchor[a + 1][0] <= w[i].pos)
			a++;
		sp = a + 1 < na ? transcript_lerp(w[i].pos, anchor[a][0], anchor[a + 1][0], anchor[a][1], anchor[a + 1][1])
				: anchor[a][1];
		/* the timed words around sp; after the last, the sentence's end */
		while (e < st->n_words && st->words[e].pos <= sp)
			e++;
		if (!st->n_words)
			ms = transcript_lerp(sp, 0, slen, st->start_ms, st->end_ms);
		else if (e == 0)
			ms = transcript_lerp(sp, 0, st->words[0].pos, st->start_ms, st->words[0].ms);
		else if (e < st->n_words)
			ms = transcript_lerp(sp, st->words[e - 1].pos, st->words[e].pos, st->words[e - 1].ms,
					     st->words[e].ms);
		else
			ms = transcript_lerp(sp, st->words[e - 1].pos, slen, st->words[e - 1].ms, st->end_ms);
		if (i == 0 || ms < prev)
			ms = i == 0 ? st->start_ms : prev;
		if (ms > st->end_ms)
			ms = st->end_ms;
		w[i].ms = prev = (uint32_t)(ms + 0.5);
	}
	free(anchor);
	free(s);
}

/* Characters of tokens [i, j) on one line. */
static size_t transcript_span(const struct transcript_token *t, size_t i, size_t j)
{
	size_t n = 0;

	for (size_t k = i; k < j; k++)
		n += t[k].chars + (k > i && !t[k].glue);
	return n;
}

/* Where tokens [i, j) break into a second line: 0 for none, (size_t)-1 when they cannot fit.
 * The lines are as even as can be; of two as even, the top one is the shorter. */
static size_t transcript_break(const struct transcript_token *t, size_t i, size_t j)
{
	size_t best = (size_t)-1, best_diff = (size_t)-1;

	if (transcript_span(t, i, j) <= TRANSCRIPT_LINE_CHARS)
		return 0;
	for (size_t k = i + 1; k < j; k++) {
		size_t a, b;

		a = transcript_span(t, i, k);
		b = transcript_span(t, k, j);
		if (a <= TRANSCRIPT_LINE_CHARS && b <= TRANSCRIPT_LINE_CHARS && (a > b ? a - b : b - a) < best_diff) {
			best = k;
			best_diff = a > b ? a - b : b - a;
		}
	}
	return best;
}

void transcript_init(struct transcript *t)
{
	memset(t, 0, sizeof *t);
}

void transcript_release(struct transcript *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->cues[i].text);
	free(t->cues);
	memset(t, 0, sizeof *t);
}

void transcript_add_sentence(struct transcript *tr, const struct transcript_sentence *st)
{
	size_t n;
	struct transcript_token *t = transcript_tokens(st->written, true, &n);
	int64_t *cost;
	size_t *from;

	if (!n) {
		free(t);
		return;
	}
	transcript_time_tokens(st, t, n);
	/* cost[j]: the best cutting of tokens [0, j); from[j]: where its last cue starts */
	cost = xcalloc(n + 1, sizeof *cost);
	from = xcalloc(n + 1, sizeof *from);
	for (size_t j = 1; j <= n; j++) {
		uint32_t end = j < n ? t[j].ms : st->end_ms;

		cost[j] = INT64_MAX;
		for (size_t i = j; i-- > 0;) {
			size_t chars = transcript_span(t, i, j);
			uint32_t ms = end > t[i].ms ? end - t[i].ms : 0;
			int64_t c;
			char last;

			if (j - i > 1 && (chars > TRANSCRIPT_MAX_LINES * TRANSCRIPT_LINE_CHARS + 1 || ms > TRANSCRIPT_MAX_MS))
				break;	/* and so would every longer cue */
			if (j - i > 1 && transcript_break(t, i, j) == (size_t)-1)
				continue;
			/* fewest cues first; then even ones, none too quick, cut after a clause */
			c = cost[i] + 1000000 + (int64_t)(chars * chars);
			if (ms < 1000)
				c += (int64_t)(1000 - ms) * (1000 - ms) / 100;
			last = t[j - 1].s[t[j - 1].bytes - 1];
			if (j < n && (last == ',' || last == ';' || last == ':'))
				c -= 500;
			if (c < cost[j]) {
				cost[j] = c;
				from[j] = i;
			}
		}
	}
	/* the cues, last to first: counted, then filled in order */
	{
		size_t k = 0, first = tr->n;

		for (size_t j = n; j > 0; j = from[j])
			k++;
		util_grow((void **)&tr->cues, &tr->cap, tr->n + k, sizeof *tr->cues);
		tr->n += k;
		for (size_t j = n; j > 0; j = from[j]) {
			size_t i = from[j], brk = j - i > 1 ? transcript_break(t, i, j) : 0;
			struct strbuf sb;

			strbuf_init(&sb);
			for (size_t m = i; m < j; m++) {
				if (m > i)
					strbuf_adds(&sb, m == brk ? "\n" : t[m].glue ? "" : " ");
				strbuf_add(&sb, t[m].s, t[m].bytes);
			}
			tr->cues[first + --k] = (struct transcript_cue){ t[i].ms, j < n ? t[j].ms : st->end_ms,
									 strbuf_detach(&sb) };
		}
	}
	free(cost);
	free(from);
	free(t);
}

void transcript_time(uint32_t ms, char sep, char *buf)
{
	snprintf(buf, 16, "%02u:%02u:%02u%c%03u", ms / 3600000u, ms / 60000u % 60u, ms / 1000u % 60u, sep, ms % 1000u);
}

/* Cue text may not hold a blank line, and in VTT not "-->": both would end the cue.
 * A single '\n' between lines is kept. */
static void transcript_text(FILE *fp, const char *text)
{
	for (const char *p = text; *p; p++) {
		if ((*p == '\n' && (p == text || p[-1] == '\n' || !p[1] || p[1] == '\n')) || *p == '\r')
			fputc(' ', fp);
		else if (strncmp(p, "-->", 3) == 0) {
			fputs("--&gt;", fp);
			p += 2;
		} else
			fputc(*p, fp);
	}
	fputc('\n', fp);
}

static int transcript_write(const char *path, const struct transcript_cue *cues, size_t n, int vtt)
{
	struct outfile of;
	char a[16], b[16];

	if (outfile_open(&of, path) < 0)
		return -1;
	if (vtt)
		fputs("WEBVTT\n\n", of.fp);
	for (size_t i = 0; i < n; i++) {
		transcript_time(cues[i].start_ms, vtt ? '.' : ',', a);
		transcript_time(cues[i].end_ms > cues[i].start_ms ? cues[i].end_ms : cues[i].start_ms + 1, vtt ? '.' : ',',
				b);
		fprintf(of.fp, "%zu\n%s --> %s\n", i + 1, a, b);
		transcript_text(of.fp, cues[i].text);
		fputc('\n', of.fp);
	}
	return outfile_commit(&of);
}

int transcript_write_vtt(const char *path, const struct transcript_cue *cues, size_t n)
{
	return transcript_write(path, cues, n, 1);
}

int transcript_write_srt(const char *path, const struct transcript_cue *cues, size_t n)
{
	return transcript_write(path, cues, n, 0);
}
