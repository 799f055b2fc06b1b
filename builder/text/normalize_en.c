/* normalize_en: English for the normalizer: its rules, in the order they run, and what they say. */
#include "normalize_lang.h"

#include "util.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The word lists, in en_lists' order (at the end, with the rules). */
enum {
	EN_EXPANSIONS,
	EN_UNITS,
	EN_CURRENCIES,
	EN_ACRONYMS,
	EN_ROMAN,
	EN_YEAR_CONTEXT,
	EN_TLDS,
	EN_NOT_NOUNS,
	EN_DISTANCE_WORDS,
	EN_SCORES,
	EN_WEEKDAYS,
	EN_TIMES,
	EN_MONTH_FIRST,
	EN_RATES,
	EN_MEASURES,
	EN_STREETS,
	EN_SAINTS,
	EN_CAPITALS,
};

/* ---- numbers and dates, as English says them ---- */

/* A year: "nineteen eighty-seven", "nineteen oh seven", "two thousand eight". */
static void en_year(const struct normalizer *n, int64_t v, struct strbuf *out)
{
	size_t at = out->len;
	char *oh;

	norm_year_words(n, v, out);
	while ((oh = strstr(out->buf + at, "oh-")))
		oh[2] = ' ';
}

/* A decimal written INT[.FRAC]: "three point four"; the fraction digit by digit. */
static int en_decimal(const struct normalizer *n, const char *integer, const char *fraction, struct strbuf *out)
{
	int64_t v = norm_parse_int(integer);

	if (v < 0 || strlen(fraction) > NORM_MAX_DIGITS)
		return -1;
	norm_cardinal(n, v, out);
	if (*fraction)
		norm_digits(n, "point", fraction, out);
	return 0;
}

/* Pluralises the last word of a year for a decade: sixty → sixties, hundred → hundreds. */
static void en_pluralise_last(struct strbuf *out)
{
	if (out->len && out->buf[out->len - 1] == 'y') {
		out->buf[--out->len] = '\0';
		strbuf_adds(out, "ies");
	} else {
		strbuf_addc(out, 's');
	}
}

static const char *const en_months[12] = { "January", "February", "March", "April", "May", "June",
					   "July", "August", "September", "October", "November", "December" };

/* The month a name or abbreviation (without its dot) means, 1-12, or 0. */
static int en_month(const char *s)
{
	static const char *const abbr[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

	if (strcmp(s, "Sept") == 0)
		return 9;
	for (int i = 0; i < 12; i++)
		if (strcmp(s, abbr[i]) == 0 || strcmp(s, en_months[i]) == 0)
			return i + 1;
	return 0;
}

#define EN_MONTHS                                                                                          \
	"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|" \
	"Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"

/* ---- the English rules ---- */

/* "www.example.com/news" → "w w w dot example dot com slash news" */
static void en_spell_letters(const char *s, size_t n, struct strbuf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addc(out, ' ');
		strbuf_addc(out, s[i]);
	}
}

static bool en_has_vowel(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strchr("aeiouyAEIOUY", s[i]))
			return true;
	return false;
}

static void en_say_address(const char *s, size_t n, struct strbuf *out)
{
	size_t i = 0;

	while (n && s[n - 1] == '/')
		n--;
	while (i < n) {
		size_t j = i;

		while (j < n && isalnum((unsigned char)s[j]))
			j++;
		if (j > i) {
			size_t len = j - i;

			/* "co" of co.uk is said as a word */
			if ((len == 2 && strncmp(s + i, "co", 2) != 0) || (len <= 4 && !en_has_vowel(s + i, len)) ||
			    (len == 3 && strncmp(s + i, "www", 3) == 0))
				en_spell_letters(s + i, len, out);
			else
				strbuf_add(out, s + i, len);
			i = j;
			continue;
		}
		switch (s[i]) {
		case '.':
			strbuf_adds(out, " dot ");
			break;
		case '/':
			strbuf_adds(out, " slash ");
			break;
		case '-':
			strbuf_adds(out, " dash ");
			break;
		case '_':
			strbuf_adds(out, " underscore ");
			break;
		case '@':
			strbuf_adds(out, " at ");
			break;
		default:
			strbuf_addc(out, ' ');
			break;
		}
		i++;
	}
}

/* Whether the address ends in a top-level domain: letters only, two or more. */
static bool en_has_tld(const char *s, size_t n)
{
	size_t i = n;

	while (i > 0 && isalpha((unsigned char)s[i - 1]))
		i--;
	return n - i >= 2 && i > 0 && s[i - 1] == '.';
}

static int en_email(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	(void)n;
	if (!en_has_tld(m->g[0], strlen(m->g[0])))
		return 1;
	en_say_address(m->g[0], strlen(m->g[0]), out);
	return 0;
}

static int en_url(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const char *s = m->g[0], *slash, *dot;
	char tld[16];
	size_t len;

	if (strncmp(s, "https://", 8) == 0)
		s += 8;
	else if (strncmp(s, "http://", 7) == 0)
		s += 7;
	else if (strncmp(s, "www.", 4) != 0) {
		/* a bare domain: only with a top-level domain we know ("e.g" and "a.m" are not) */
		slash = strchr(s, '/');
		len = slash ? (size_t)(slash - s) : strlen(s);
		dot = s + len;
		while (dot > s && dot[-1] != '.')
			dot--;
		if ((size_t)(s + len - dot) >= sizeof tld)
			return 1;
		snprintf(tld, sizeof tld, "%.*s", (int)(s + len - dot), dot);
		if (!norm_in_list(norm_list(n, EN_TLDS), tld))
			return 1;
	}
	len = strlen(s);
	/* a full stop or comma after an address belongs to the sentence */
	while (len && strchr(".,;:", s[len - 1]))
		len--;
	en_say_address(s, len, out);
	strbuf_adds(out, s + len);
	return 0;
}

static int en_handle(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	(void)n;
	strbuf_addf(out, "at %s", m->g[1]);
	return 0;
}

static int en_hash(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t v;

	if (*m->g[1]) {
		v = norm_parse_int(m->g[1]);
		if (v < 0)
			return 1;
		strbuf_adds(out, "number ");
		norm_cardinal(n, v, out);
	} else {
		strbuf_addf(out, "hashtag %s", m->g[2]);
	}
	return 0;
}

static const char *en_magnitude(const char *m)
{
	/* the capitals and "b" only after an amount of money: "$30B", "€4.5M", "$3T", "$5b" */
	if (strcmp(m, "k") == 0 || strcmp(m, "K") == 0)
		return "thousand";
	if (strcmp(m, "m") == 0 || strcmp(m, "M") == 0 || strcmp(m, "mn") == 0 || strcmp(m, "million") == 0)
		return "million";
	if (strcmp(m, "bn") == 0 || strcmp(m, "b") == 0 || strcmp(m, "B") == 0 || strcmp(m, "billion") == 0)
		return "billion";
	if (strcmp(m, "tn") == 0 || strcmp(m, "T") == 0 || strcmp(m, "trillion") == 0)
		return "trillion";
	return NULL;
}

/* "a $20m deal": an amount before a noun, after "a" or "an", says "dollar", as in
 * "a twenty million dollar deal". */
static bool en_money_attributive(const struct normalizer *n, const struct norm_match *m)
{
	char before[16], after[32];

	norm_bare_lower((char *)norm_word_before(m->text, m->start, before, sizeof before));
	norm_word_after(m->text, m->end, after, sizeof after);
	/* the next word is a lower-case word, not a function word, and no sentence ended */
	if (!after[0] || !islower((unsigned char)after[0]) || ispunct((unsigned char)m->text[m->end]))
		return false;
	norm_bare_lower(after);
	return (strcmp(before, "a") == 0 || strcmp(before, "an") == 0) && !norm_in_list(norm_list(n, EN_NOT_NOUNS), after);
}

/* g1 symbol or code, g2 integer ("" in "$.01"), g3 fraction, g4 or g5 magnitude */
static int en_money(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *cur = norm_list_find(norm_list(n, EN_CURRENCIES), m->g[1]);
	const char *mag = *m->g[4] ? en_magnitude(m->g[4]) : *m->g[5] ? en_magnitude(m->g[5]) : NULL;
	int64_t whole = *m->g[2] ? norm_parse_int(m->g[2]) : 0, cents;
	bool attributive = en_money_attributive(n, m);

	if (!cur || whole < 0)
		return 1;
	if (mag) {
		if (!*m->g[2] || en_decimal(n, m->g[2], m->g[3], out) < 0)
			return 1;
		strbuf_addf(out, " %s %s", mag, cur->value[attributive ? 0 : 1]);
		return 0;
	}
	if (*m->g[3] && strlen(m->g[3]) != 2) {
		if (!*m->g[2] || en_decimal(n, m->g[2], m->g[3], out) < 0)
			return 1;
		strbuf_addf(out, " %s", cur->value[attributive ? 0 : 1]);
		return 0;
	}
	cents = *m->g[3] ? atoi(m->g[3]) : 0;
	if (whole == 0 && cents > 0) {
		norm_cardinal(n, cents, out);
		strbuf_addf(out, " %s", cents == 1 ? cur->value[2] : cur->value[3]);
		return 0;
	}
	norm_cardinal(n, whole, out);
	strbuf_addf(out, " %s", whole == 1 || attributive ? cur->value[0] : cur->value[1]);
	if (cents > 0) {
		strbuf_addc(out, ' ');
		norm_cardinal(n, cents, out);
	}
	return 0;
}

/* ---- money forms: codes after the amount, rates, cents ---- */

/* "40 EUR", "3bn NOK": g1 integer, g2 fraction, g3 magnitude, g4 code; a symbol
 * after the amount ("5 $") is not a way English writes money. */
static int en_money_code_after(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	struct norm_match as_before = *m;

	for (const char *c = m->g[4]; *c; c++)
		if (*c < 'A' || *c > 'Z')
			return 1;
	as_before.g[1] = m->g[4];
	as_before.g[2] = m->g[1];
	as_before.g[3] = m->g[2];
	as_before.g[4] = m->g[3];
	as_before.g[5] = "";
	return en_money(n, &as_before, out);
}

/* Whether w is the name of a currency as en_money writes it: "dollars", "pence". */
static bool en_is_currency_word(const struct normalizer *n, const char *w)
{
	const struct norm_list *l = norm_list(n, EN_CURRENCIES);

	for (size_t i = 0; i < l->n; i++)
		for (size_t v = 0; v < 4 && l->items[i].value[v]; v++) {
			const char *name = l->items[i].value[v], *last = strrchr(name, ' ');

			if (strcmp(last ? last + 1 : name, w) == 0)
				return true;
		}
	return false;
}

/* "/yr" or "p.a." after an amount of money already said: "dollars/yr" and
 * "dollars fifty/gal" → "dollars a year", "dollars fifty a gallon". g1 the unit. */
static int en_money_rate(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *rate = norm_list_find(norm_list(n, EN_RATES), m->g[1]);
	bool slash = memchr(m->text + m->start, '/', (size_t)(m->end - m->start)) != NULL;
	char w1[32], w2[32], after[32];
	int64_t at = m->start;

	if (!rate || (!slash && !util_ends_with(m->g[1], ".")))
		return 1;
	norm_word_before(m->text, at, w1, sizeof w1);
	while (at > 0 && m->text[at - 1] == ' ')
		at--;
	norm_word_before(m->text, at - (int64_t)strlen(w1), w2, sizeof w2);
	if (!en_is_currency_word(n, w1) && !en_is_currency_word(n, w2))
		return 1;
	strbuf_addf(out, " %s", rate->value[0]);
	/* "p.a." ending a sentence keeps its full stop */
	norm_word_after(m->text, m->end, after, sizeof after);
	if (util_ends_with(m->g[1], ".") && (norm_at_end(m) || norm_is_capitalised(after)))
		strbuf_addc(out, '.');
	return 0;
}

/* A whole count in g1 and its unit, one or many: 1 if g1 is no count */
static int en_whole(struct normalizer *n, const struct norm_match *m, const char *one, const char *many,
		    struct strbuf *out)
{
	int64_t v = norm_parse_int(m->g[1]);

	if (v < 0)
		return 1;
	norm_cardinal(n, v, out);
	strbuf_addf(out, " %s", v == 1 ? one : many);
	return 0;
}

/* "99c", "75¢": g1 the cents */
static int en_cents(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return en_whole(n, m, "cent", "cents", out);
}

/* "50p": g1 the pence */
static int en_pence(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return en_whole(n, m, "penny", "pence", out);
}

static int en_percent(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (en_decimal(n, m->g[1], m->g[2], out) < 0)
		return 1;
	strbuf_adds(out, " percent");
	return 0;
}

/* A bare amount with a magnitude: "5m people" → "five million people". */
static int en_bare_magnitude(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const char *mag = en_magnitude(m->g[3]);
	char after[64];

	/* "the 100m final" is a distance */
	norm_bare_lower((char *)norm_word_after(m->text, m->end, after, sizeof after));
	if (!mag || norm_in_list(norm_list(n, EN_DISTANCE_WORDS), after) || en_decimal(n, m->g[1], m->g[2], out) < 0)
		return 1;
	strbuf_addf(out, " %s", mag);
	return 0;
}

/* "the fifth of January"; without its "the" after one: "on the 26th May". */
static void en_day_month(const struct normalizer *n, const struct norm_match *m, int day, int month,
			 struct strbuf *out)
{
	char before[8];

	norm_bare_lower((char *)norm_word_before(m->text, m->start, before, sizeof before));
	if (strcmp(before, "the") != 0)
		strbuf_adds(out, "the ");
	norm_ordinal(n, day, out);
	strbuf_addf(out, " of %s", en_months[month - 1]);
}

static void en_month_day(const struct normalizer *n, int month, int day, struct strbuf *out)
{
	strbuf_addf(out, "%s ", en_months[month - 1]);
	norm_ordinal(n, day, out);
}

/* ---- dates in other forms: numeric, day-first voices ---- */

/* Whether the voice's region writes and says the day first ("15/01/2020", "the
 * fifteenth of January"): all but the month-first list's (en-us). */
static bool en_day_first(const struct normalizer *n)
{
	const char *tag = norm_tag(n), *region = tag + strcspn(tag, "-_");
	char buf[8];
	size_t len;

	if (!*region)
		return true;
	region++;
	len = strcspn(region, "-_");
	if (len >= sizeof buf)
		return true;
	for (size_t i = 0; i < len; i++)
		buf[i] = (char)tolower((unsigned char)region[i]);
	buf[len] = '\0';
	return !norm_in_list(norm_list(n, EN_MONTH_FIRST), buf);
}

static bool en_valid_date(int day, int month, int year)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
		return false;
	return month != 2 || day < 29 || leap;
}

/* A date with no words to keep the order of, said as the voice says dates:
 * "the fifteenth of January twenty twenty" or "January fifteenth, twenty twenty". */
static void en_say_date(struct normalizer *n, const struct norm_match *m, int day, int month, int year,
			struct strbuf *out)
{
	if (en_day_first(n)) {
		en_day_month(n, m, day, month, out);
		strbuf_addc(out, ' ');
	} else {
		en_month_day(n, month, day, out);
		strbuf_adds(out, ", ");
	}
	en_year(n, year, out);
}

/* "15/01/2020", "1.9.2015": g1, g3 the day and month in either order, g4 year. The
 * voice's order when both are possible, the only possible one otherwise; a date
 * no order allows (13/13/2020) stays as written. */
static int en_numeric_date(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int a = atoi(m->g[1]), b = atoi(m->g[3]), year = atoi(m->g[4]);
	bool day_first = en_valid_date(a, b, year), month_first = en_valid_date(b, a, year);

	if (day_first && month_first)
		day_first = en_day_first(n);
	if (day_first)
		en_say_date(n, m, a, b, year, out);
	else if (month_first)
		en_say_date(n, m, b, a, year, out);
	else
		return 1;
	return 0;
}

/* ISO "2020-01-15" and "2020/01/15": g1 year, g3 month, g4 day */
static int en_iso_date(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int year = atoi(m->g[1]), month = atoi(m->g[3]), day = atoi(m->g[4]);

	if (!en_valid_date(day, month, year))
		return 1;
	en_say_date(n, m, day, month, year, out);
	return 0;
}

/* g1 month, g2 day, g3 year (optional) */
static int en_month_day_year(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int month = en_month(m->g[1]), day = atoi(m->g[2]);

	if (!month || day < 1 || day > 31)
		return 1;
	en_month_day(n, month, day, out);
	if (*m->g[3]) {
		strbuf_adds(out, ", ");
		en_year(n, atoi(m->g[3]), out);
	}
	return 0;
}

/* g1 day, g2 month, g3 a comma before the year (optional), g4 year (optional) */
static int en_day_month_year(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int month = en_month(m->g[2]), day = atoi(m->g[1]);

	if (!month || day < 1 || day > 31)
		return 1;
	en_day_month(n, m, day, month, out);
	if (*m->g[4]) {
		strbuf_adds(out, *m->g[3] ? ", " : " ");
		en_year(n, atoi(m->g[4]), out);
	} else if (m->text[m->end - 1] == '.' && (strlen(m->g[2]) > 4 || norm_at_end(m))) {
		/* the full stop after a month's name, or after "Jan." at the end, ends the sentence */
		strbuf_addc(out, '.');
	}
	return 0;
}

/* g1 month, g2 year */
static int en_month_year(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int month = en_month(m->g[1]);

	if (!month)
		return 1;
	strbuf_addf(out, "%s ", en_months[month - 1]);
	en_year(n, atoi(m->g[2]), out);
	return 0;
}

static int en_weekday(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *day = norm_list_find(norm_list(n, EN_WEEKDAYS), m->g[1]);

	if (!day)
		return 1;
	strbuf_adds(out, day->value[0]);
	return 0;
}

/* Minutes after the hour: "oh five", "forty-five"; nothing for zero. */
static void en_minutes(const struct normalizer *n, int minutes, struct strbuf *out)
{
	if (minutes == 0)
		return;
	strbuf_addc(out, ' ');
	if (minutes < 10)
		strbuf_adds(out, "oh ");
	norm_cardinal(n, minutes, out);
}


/* Whether the full stop of an abbreviation just matched also ends the sentence: at the
 * end of the text, or before a capitalised word that does not go on the sentence
 * ("a.m. It was", not "a.m. Monday" nor "a.m. EST"). */
static bool en_sentence_ends(const struct normalizer *n, const struct norm_match *m)
{
	char after[64];

	if (norm_at_end(m))
		return true;
	norm_word_after(m->text, m->end, after, sizeof after);
	if (!isupper((unsigned char)after[0]) || isupper((unsigned char)after[1]))
		return false;
	return !norm_list_has(norm_list(n, EN_TIMES), "follows", norm_bare_lower(after));
}

/* g1 hour, g2 minutes (optional), g3 a/p, g4 the final full stop (optional) */
static int en_time_ampm(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int hour = atoi(m->g[1]);

	if (hour < 1 || hour > 12)
		return 1;
	norm_cardinal(n, hour, out);
	if (*m->g[2])
		en_minutes(n, atoi(m->g[2]), out);
	/* "a-m": espeak-ng says the letters; "a m" it reads as the article "a" */
	strbuf_addf(out, " %c-m", tolower((unsigned char)m->g[3][0]));
	if (*m->g[4] && en_sentence_ends(n, m))
		strbuf_addc(out, '.');
	return 0;
}

static void en_zone(const char *zone, struct strbuf *out)
{
	if (!*zone)
		return;
	strbuf_addc(out, ' ');
	en_spell_letters(zone, strlen(zone), out);
}

/* g1 hour, g2 minutes, g3 zone (optional) */
static int en_time_clock(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int hour = atoi(m->g[1]), minutes = atoi(m->g[2]);

	if (hour > 23 || minutes > 59)
		return 1;
	norm_cardinal(n, hour, out);
	/* "seventeen hundred", not "seventeen o'clock" */
	if (minutes == 0 && !*m->g[3] && hour <= 12)
		strbuf_adds(out, " o'clock");
	else if (minutes == 0)
		strbuf_adds(out, " hundred");
	else
		en_minutes(n, minutes, out);
	en_zone(m->g[3], out);
	return 0;
}

/* 24-hour "0900 GMT": g1 hours, g2 minutes, g3 zone or "hours" */
static int en_time_24(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int hour = atoi(m->g[1]), minutes = atoi(m->g[2]);

	if (m->g[1][0] == '0')
		strbuf_adds(out, "oh ");
	norm_cardinal(n, hour, out);
	if (minutes == 0)
		strbuf_adds(out, " hundred");
	else
		en_minutes(n, minutes, out);
	if (strcmp(m->g[3], "hours") == 0 || strcmp(m->g[3], "hrs") == 0)
		strbuf_adds(out, " hours");
	else
		en_zone(m->g[3], out);
	return 0;
}

/* g1 first year, g2 second (2 or 4 digits) */
static int en_year_range(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int first = atoi(m->g[1]), second = atoi(m->g[2]);

	if (strlen(m->g[2]) == 2)
		second += first / 100 * 100;
	if (second <= first)
		return 1;
	en_year(n, first, out);
	strbuf_adds(out, " to ");
	en_year(n, second, out);
	return 0;
}

/* g1 "mid-" (optional), g2 the decade's year */
static int en_decade(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (*m->g[1])
		strbuf_adds(out, "mid ");
	en_year(n, atoi(m->g[2]), out);
	en_pluralise_last(out);
	return 0;
}

/* "the '60s", "their 40s": g1 the tens digit */
static int en_short_decade(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	norm_cardinal(n, atoi(m->g[1]) * 10, out);
	en_pluralise_last(out);
	return 0;
}

/* g1 context word, g2 year */
static int en_year_after_word(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char word[64];

	snprintf(word, sizeof word, "%s", m->g[1]);
	if (!norm_in_list(norm_list(n, EN_YEAR_CONTEXT), norm_bare_lower(word)))
		return 1;
	strbuf_addf(out, "%s ", m->g[1]);
	en_year(n, atoi(m->g[2]), out);
	return 0;
}

/* "the 1987 election": g1 "the", g2 year, g3 the next word */
static int en_year_the(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (util_ends_with(m->g[3], "s"))
		return 1;
	strbuf_addf(out, "%s ", m->g[1]);
	en_year(n, atoi(m->g[2]), out);
	strbuf_addf(out, " %s", m->g[3]);
	return 0;
}

enum en_score_kind { EN_NOT_SCORE, EN_SCORE, EN_VOTE };

/* Whether the words around a match of "2-1" make it a score or a vote (rules/en/scores). */
static enum en_score_kind en_score_kind(const struct normalizer *n, const struct norm_match *m)
{
	const struct norm_list *words = norm_list(n, EN_SCORES);
	char w[64], after[64];
	int64_t at = m->start;
	bool score = false, vote = false;

	norm_bare_lower((char *)norm_word_after(m->text, m->end, after, sizeof after));
	score = norm_list_has(words, "after", after);
	vote = norm_list_has(words, "vote", after) && strcmp(after, "by") != 0;
	for (int k = 0; k < 3 && at > 0 && !score && !vote; k++) {
		norm_bare_lower((char *)norm_word_before(m->text, at, w, sizeof w));
		score = norm_list_has(words, "before", w);
		vote = norm_list_has(words, "vote", w);
		while (at > 0 && m->text[at - 1] == ' ')
			at--;
		/* as far back as norm_word_before looks, so that a run with no space is not walked per match */
		for (size_t step = 0; at > 0 && m->text[at - 1] != ' ' && step < sizeof w - 1; step++)
			at--;
	}
	return score ? EN_SCORE : vote ? EN_VOTE : EN_NOT_SCORE;
}

/* g1, g2: the two numbers of "2-1" */
static int en_score(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	enum en_score_kind kind = en_score_kind(n, m);
	int a = atoi(m->g[1]), b = atoi(m->g[2]);

	if (kind == EN_NOT_SCORE)
		return 1;
	if (kind == EN_SCORE) {
		if (a == b) {
			norm_cardinal(n, a, out);
			strbuf_adds(out, " all");
			return 0;
		}
		if (a)
			norm_cardinal(n, a, out);
		else
			strbuf_adds(out, "nil");
		strbuf_addc(out, ' ');
		if (b)
			norm_cardinal(n, b, out);
		else
			strbuf_adds(out, "nil");
		return 0;
	}
	norm_cardinal(n, a, out);
	strbuf_adds(out, " to ");
	norm_cardinal(n, b, out);
	return 0;
}

/* g1 whole part (optional), g2 the vulgar fraction character */
static int en_vulgar(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const struct {
		const char *ch, *alone, *after;
	} fr[] = {
		{ "½", "a half", "a half" },	     { "¼", "a quarter", "a quarter" },
		{ "¾", "three quarters", "three quarters" }, { "⅓", "a third", "a third" },
		{ "⅔", "two thirds", "two thirds" },   { "⅛", "an eighth", "an eighth" },
		{ "⅜", "three eighths", "three eighths" }, { "⅝", "five eighths", "five eighths" },
		{ "⅞", "seven eighths", "seven eighths" }, { "⅕", "a fifth", "a fifth" },
	};

	for (size_t i = 0; i < sizeof fr / sizeof fr[0]; i++) {
		if (strcmp(m->g[2], fr[i].ch) != 0)
			continue;
		if (*m->g[1]) {
			int64_t v = norm_parse_int(m->g[1]);

			if (v < 0)
				return 1;
			norm_cardinal(n, v, out);
			strbuf_addf(out, " and %s", fr[i].after);
		} else {
			strbuf_adds(out, fr[i].alone);
		}
		return 0;
	}
	return 1;
}

/* g1 numerator, g2 denominator */
static int en_fraction(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	static const char *const names[][2] = { { NULL, NULL }, { NULL, NULL }, { "half", "halves" },
						{ "third", "thirds" }, { "quarter", "quarters" }, { "fifth", "fifths" },
						{ "sixth", "sixths" }, { "seventh", "sevenths" }, { "eighth", "eighths" },
						{ "ninth", "ninths" }, { "tenth", "tenths" } };
	int a = atoi(m->g[1]), b = atoi(m->g[2]);

	if (a == 24 && b == 7) {
		strbuf_adds(out, "twenty-four seven");
		return 0;
	}
	if (a == 9 && b == 11) {
		strbuf_adds(out, "nine eleven");
		return 0;
	}
	if (a < 1 || b < 2 || b > 10 || a >= b)
		return 1;
	norm_cardinal(n, a, out);
	strbuf_addf(out, " %s", names[b][a == 1 ? 0 : 1]);
	return 0;
}

/* g1 integer, g2 fraction, g3 space, g4 unit, g5 (for "in") what follows */
static int en_unit(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *u = norm_list_find(norm_list(n, EN_UNITS), m->g[4]);
	bool one = strcmp(m->g[1], "1") == 0 && !*m->g[2];

	if (!u)
		return 1;
	if ((u->flags & NORM_SPACED) && !*m->g[3])
		return 1;
	if (en_decimal(n, m->g[1], m->g[2], out) < 0)
		return 1;
	strbuf_addf(out, " %s", one || !u->value[1] ? u->value[0] : u->value[1]);
	return 0;
}

/* "6 in" is inches only at the end, before a comma, or before long, wide, tall, high, deep, of. */
static int en_inches(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	bool one = strcmp(m->g[1], "1") == 0 && !*m->g[2];

	if (en_decimal(n, m->g[1], m->g[2], out) < 0)
		return 1;
	strbuf_adds(out, one ? " inch" : " inches");
	return 0;
}

static int en_degrees(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	bool one = strcmp(m->g[1], "1") == 0 && !*m->g[2];

	if (en_decimal(n, m->g[1], m->g[2], out) < 0)
		return 1;
	strbuf_adds(out, one ? " degree" : " degrees");
	return 0;
}

/* The value of a Roman numeral, or 0 if it is not a well-formed one. */
static int en_roman_value(const char *s)
{
	static const struct {
		const char *sym;
		int val;
	} t[] = { { "M", 1000 }, { "CM", 900 }, { "D", 500 }, { "CD", 400 }, { "C", 100 }, { "XC", 90 },
		  { "L", 50 },	 { "XL", 40 },	{ "X", 10 },  { "IX", 9 },   { "V", 5 },   { "IV", 4 },
		  { "I", 1 } };
	int v = 0;
	char check[32];
	const char *p = s;
	size_t at = 0;

	if (!*s || strlen(s) > 15)
		return 0;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		size_t len = strlen(t[i].sym);

		while (strncmp(p, t[i].sym, len) == 0) {
			v += t[i].val;
			p += len;
		}
	}
	if (*p)
		return 0;
	/* only the canonical spelling: IIII and VX are not numerals */
	for (size_t i = 0, x = (size_t)v; i < sizeof t / sizeof t[0]; i++) {
		while (x >= (size_t)t[i].val && at + 2 < sizeof check) {
			memcpy(check + at, t[i].sym, strlen(t[i].sym));
			at += strlen(t[i].sym);
			x -= (size_t)t[i].val;
		}
	}
	check[at] = '\0';
	return strcmp(check, s) == 0 ? v : 0;
}

static bool en_roman_has(const struct normalizer *n, const char *kind, const char *arg)
{
	return norm_list_has(norm_list(n, EN_ROMAN), kind, arg);
}

/* g1 one or two capitalised words, g2 the numeral, g3 a possessive: "Henry VIII('s)", "King Zog I", "World War II" */
static int en_roman(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int v = en_roman_value(m->g[2]);
	const char *space = strchr(m->g[1], ' ');
	const char *last = space ? space + 1 : m->g[1];
	char first[64], before[64];
	bool regnal, phrase;

	if (!v)
		return 1;
	/* "Henry I think" is the pronoun: a lone I is a numeral before a capital, the end, a
	 * word in -ed or a listed word ("Mary I died", "Elizabeth I of England") */
	if (v == 1) {
		char after[32];

		norm_word_after(m->text, m->end, after, sizeof after);
		if (islower((unsigned char)after[0]) && !util_ends_with(norm_bare_lower(after), "ed") &&
		    !en_roman_has(n, "after-i", after))
			return 1;
	}
	snprintf(first, sizeof first, "%.*s", space ? (int)(space - m->g[1]) : (int)strlen(m->g[1]), m->g[1]);
	norm_word_before(m->text, m->start, before, sizeof before);
	phrase = en_roman_has(n, "phrase", m->g[1]) || en_roman_has(n, "phrase", last);
	regnal = en_roman_has(n, "name", m->g[1]) || en_roman_has(n, "name", last) ||
		 (space && en_roman_has(n, "title", first)) || (!space && en_roman_has(n, "title", before));
	if (phrase) {
		strbuf_addf(out, "%s ", m->g[1]);
		norm_cardinal(n, v, out);
		strbuf_adds(out, m->g[3]);
		return 0;
	}
	if (regnal) {
		strbuf_addf(out, "%s the ", m->g[1]);
		norm_ordinal(n, v, out);
		strbuf_adds(out, m->g[3]);
		return 0;
	}
	return 1;
}

/* "No. 10" → "number ten" */
static int en_number_sign(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	strbuf_adds(out, "number ");
	norm_cardinal(n, atoi(m->g[1]), out);
	return 0;
}

/* g1 the abbreviation */
static int en_expansion(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char before[64], after[64];
	bool next_name, next_number, prev_name;

	norm_word_before(m->text, m->start, before, sizeof before);
	norm_word_after(m->text, m->end, after, sizeof after);
	/* a quotation opening after it starts a new sentence, not a name */
	next_name = norm_is_capitalised(after) && isalpha((unsigned char)after[0]);
	next_number = isdigit((unsigned char)after[0]);
	prev_name = norm_is_capitalised(before);
	const struct norm_list *expansions = norm_list(n, EN_EXPANSIONS);

	for (size_t i = 0; i < expansions->n; i++) {
		const struct norm_pair *p = &expansions->items[i];

		if (strcmp(p->key, m->g[1]) != 0)
			continue;
		if ((p->flags & NORM_BEFORE_NAME) && !next_name)
			continue;
		if ((p->flags & NORM_AFTER_NAME) && (!prev_name || next_name))
			continue;
		if ((p->flags & NORM_BEFORE_NUMBER) && !next_number)
			continue;
		if ((p->flags & NORM_BETWEEN_NAMES) && !(prev_name && next_name))
			continue;
		strbuf_adds(out, p->value[0]);
		/* the abbreviation's full stop was the sentence's too */
		if ((p->flags & NORM_MAY_END) && util_ends_with(p->key, ".") &&
		    (norm_at_end(m) || ((p->flags & NORM_AFTER_NAME) && norm_is_capitalised(after))))
			strbuf_addc(out, '.');
		return 0;
	}
	return 1;
}

/* g1 the acronym, g2 "s", "'s" or "’s" (optional) */
static int en_acronym(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *p = norm_list_find(norm_list(n, EN_ACRONYMS), m->g[1]);

	if (!p)
		return 1;
	if (strcmp(p->value[0], "word") == 0) {
		strbuf_addc(out, m->g[1][0]);
		for (const char *c = m->g[1] + 1; *c; c++)
			strbuf_addc(out, (char)tolower((unsigned char)*c));
	} else {
		en_spell_letters(m->g[1], strlen(m->g[1]), out);
	}
	strbuf_adds(out, m->g[2]);
	return 0;
}

/* "AT&T" → "A T and T": g1, g2 the capitals on each side */
static int en_ampersand_letters(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	(void)n;
	en_spell_letters(m->g[1], strlen(m->g[1]), out);
	strbuf_adds(out, " and ");
	en_spell_letters(m->g[2], strlen(m->g[2]), out);
	return 0;
}

static int en_ampersand(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	(void)n;
	(void)m;
	strbuf_adds(out, " and ");
	return 0;
}

/* g1, g2 (optional): "2 + 2", "18+" */
static int en_plus(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int64_t a = norm_parse_int(m->g[1]), b = *m->g[2] ? norm_parse_int(m->g[2]) : 0;

	if (a < 0 || b < 0)
		return 1;
	norm_cardinal(n, a, out);
	strbuf_adds(out, " plus");
	if (*m->g[2]) {
		strbuf_addc(out, ' ');
		norm_cardinal(n, b, out);
	}
	return 0;
}

/* ---- times of day, durations and ranges ---- */

/* "12 noon", "12:00 midnight": g1 noon or midnight */
static int en_noon(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	norm_cardinal(n, 12, out);
	strbuf_addf(out, " %s", m->g[1]);
	return 0;
}

/* "one minute", "forty minutes" */
static void en_count(const struct normalizer *n, int v, const char *unit, struct strbuf *out)
{
	norm_cardinal(n, v, out);
	strbuf_addf(out, " %s%s", unit, v == 1 ? "" : "s");
}

/* A duration as its parts, the ones that are zero left out: "one hour fifty-eight minutes twelve
 * point four seconds". Said in full, as a newsreader gives a race result, not "one fifty-eight twelve". */
static int en_duration(const struct normalizer *n, int hours, int minutes, const char *seconds, const char *fraction,
		       struct strbuf *out)
{
	size_t at = out->len;

	if (hours)
		en_count(n, hours, "hour", out);
	if (minutes) {
		if (out->len > at)
			strbuf_addc(out, ' ');
		en_count(n, minutes, "minute", out);
	}
	if (atoi(seconds) || *fraction || out->len == at) {
		if (out->len > at)
			strbuf_addc(out, ' ');
		if (en_decimal(n, seconds, fraction, out) < 0)
			return -1;
		strbuf_adds(out, atoi(seconds) == 1 && !*fraction ? " second" : " seconds");
	}
	return 0;
}

/* "14:10:30": g1 hours, g2 minutes, g3 seconds, g4 fraction (optional), g5 zone (optional).
 * After "at", "by" (rules/en/times) a time of day, "fourteen ten and thirty seconds"; else a duration. */
static int en_time_seconds(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int hours = atoi(m->g[1]), minutes = atoi(m->g[2]), seconds = atoi(m->g[3]);
	char before[64];

	norm_bare_lower((char *)norm_word_before(m->text, m->start, before, sizeof before));
	if (!*m->g[4] && hours <= 23 && norm_list_has(norm_list(n, EN_TIMES), "clock", before)) {
		norm_cardinal(n, hours, out);
		if (minutes == 0)
			strbuf_adds(out, hours <= 12 ? " o'clock" : " hundred");
		else
			en_minutes(n, minutes, out);
		if (seconds) {
			strbuf_adds(out, " and ");
			en_count(n, seconds, "second", out);
		}
	} else if (en_duration(n, hours, minutes, m->g[3], m->g[4], out) < 0) {
		return 1;
	}
	en_zone(m->g[5], out);
	return 0;
}

/* "3:43.13", a time with a fraction of a second: g1 minutes, g2 seconds, g3 fraction */
static int en_minutes_seconds(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	return en_duration(n, 0, atoi(m->g[1]), m->g[2], m->g[3], out) < 0;
}

/* "57:31", no hour of the day: g1 minutes (25 or more), g2 seconds */
static int en_long_minutes(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (atoi(m->g[1]) < 25)
		return 1;
	return en_duration(n, 0, atoi(m->g[1]), m->g[2], "", out) < 0;
}

/* "10.2 seconds", "9.58s": g1 whole, g2 fraction (optional) */
static int en_seconds(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (en_decimal(n, m->g[1], m->g[2], out) < 0)
		return 1;
	strbuf_adds(out, strcmp(m->g[1], "1") == 0 && !*m->g[2] ? " second" : " seconds");
	return 0;
}

/* "1960s-80s", "9:00-17:00": g1, g2 as written, for the decade and clock rules after */
static int en_range_as_written(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	(void)n;
	strbuf_addf(out, "%s to %s", m->g[1], m->g[2]);
	return 0;
}

/* "9-11am", "9am-5pm": g1 the first time (said here when it has no a.m. of its own), g2 the second */
static int en_range_ampm(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const char *sep = m->g[1] + strspn(m->g[1], "0123456789");

	if (!*sep || ((*sep == ':' || *sep == '.') && !sep[3])) {
		norm_cardinal(n, atoi(m->g[1]), out);
		if (*sep)
			en_minutes(n, atoi(sep + 1), out);
	} else {
		strbuf_adds(out, m->g[1]);
	}
	strbuf_addf(out, " to %s", m->g[2]);
	return 0;
}

/* "$5-10m", "$250-$300": g1 symbol, g2 whole, g3 fraction, g4 magnitude, g5 the second amount,
 * g6 its magnitude. The first is said bare ("five to ten million dollars"); the money rule
 * says the second with its currency. */
static int en_range_money(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const char *first = *m->g[4] ? en_magnitude(m->g[4]) : NULL;
	const char *second = *m->g[6] ? en_magnitude(m->g[6]) : NULL;

	if (en_decimal(n, m->g[2], m->g[3], out) < 0)
		return 1;
	if (first && (!second || strcmp(first, second) != 0))
		strbuf_addf(out, " %s", first);
	strbuf_addf(out, " to %s%s", m->g[1], m->g[5]);
	return 0;
}

/* "5-10%": g1 whole, g2 fraction, g3 the second with its sign, for the percent rule */
static int en_range_percent(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	if (en_decimal(n, m->g[1], m->g[2], out) < 0)
		return 1;
	strbuf_addf(out, " to %s", m->g[3]);
	return 0;
}

static double en_value(const char *whole, const char *fraction)
{
	char frac[32];

	snprintf(frac, sizeof frac, "0.%s", fraction);
	return (double)norm_parse_int(whole) + atof(frac);
}

/* "aged 5-11", "20-25°C": g1, g2 the first number, g3, g4 the second. A range rises; a score
 * or vote (rules/en/scores), a year range, "Leeds 1-2 Fulham" and "555-1234" are left to others. */
static int en_range_number(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char before[64], after[64];
	unsigned char next = (unsigned char)m->text[m->end];
	int64_t a = norm_parse_int(m->g[1]);

	if (strlen(m->g[1]) == 4 && !*m->g[2] && a >= 1000 && a <= 2099 &&
	    (strlen(m->g[3]) == 2 || strlen(m->g[3]) == 4))
		return 1;
	if (en_value(m->g[1], m->g[2]) >= en_value(m->g[3], m->g[4]) || en_score_kind(n, m) != EN_NOT_SCORE)
		return 1;
	if (strlen(m->g[1]) == 3 && strlen(m->g[3]) == 4)
		return 1;
	norm_word_before(m->text, m->start, before, sizeof before);
	norm_word_after(m->text, m->end, after, sizeof after);
	if (norm_is_capitalised(before) && norm_is_capitalised(after) && isalpha((unsigned char)after[0]))
		return 1;
	if (en_decimal(n, m->g[1], m->g[2], out) < 0)
		return 1;
	strbuf_adds(out, " to ");
	/* a unit after the second number is the unit rule's: "25°C", "5lb", "50 mph" */
	if (isalpha(next) || next >= 0x80 || (next == ' ' && norm_list_find(norm_list(n, EN_UNITS), after))) {
		strbuf_addf(out, "%s%s%s", m->g[3], *m->g[4] ? "." : "", m->g[4]);
		return 0;
	}
	return en_decimal(n, m->g[3], m->g[4], out) < 0;
}

/* ---- measures and fractions ---- */

/* A fraction's words: "a half", "three quarters", "thirty-one thirty-seconds", "seven hundredths";
 * with article set, a numerator of one says "a" or "an", otherwise "one". */
static void en_fraction_words(const struct normalizer *n, int a, int b, bool article, struct strbuf *out)
{
	struct strbuf den;
	const char *d;

	strbuf_init(&den);
	if (b == 2)
		strbuf_adds(&den, "half");
	else if (b == 4)
		strbuf_adds(&den, "quarter");
	else
		norm_ordinal(n, b, &den);
	/* "one hundredth" is "a hundredth" */
	d = strncmp(den.buf, "one ", 4) == 0 ? den.buf + 4 : den.buf;
	if (a == 1 && article)
		strbuf_adds(out, strchr("aeiou", d[0]) ? "an " : "a ");
	else {
		norm_cardinal(n, a, out);
		strbuf_addc(out, ' ');
	}
	if (a == 1)
		strbuf_adds(out, d);
	else if (b == 2)
		strbuf_adds(out, "halves");
	else
		strbuf_addf(out, "%ss", d);
	strbuf_release(&den);
}

/* "2 1/2 hours", "4 1/2 lbs", "5 5/8 in wide": g1 whole, g2/g3 the fraction, g4 unit, g5 "in" as inches */
static int en_mixed_number(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *u = *m->g[4] ? norm_list_find(norm_list(n, EN_UNITS), m->g[4]) : NULL;
	int64_t whole = norm_parse_int(m->g[1]);
	int a = atoi(m->g[2]), b = atoi(m->g[3]);

	if (whole < 0 || a < 1 || b < 2 || a >= b || (*m->g[4] && !u))
		return 1;
	norm_cardinal(n, whole, out);
	strbuf_adds(out, " and ");
	en_fraction_words(n, a, b, true, out);
	if (u)
		strbuf_addf(out, " %s", u->value[1] ? u->value[1] : u->value[0]);
	else if (*m->g[5])
		strbuf_adds(out, " inches");
	return 0;
}

/* "31/32 of an inch", "7/100 of a second": a denominator past ten is a fraction when it is
 * one of the rulers' (16, 32, 64) or a hundred, or when "of" follows; "12/25" stays. */
static int en_fine_fraction(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	int a = atoi(m->g[1]), b = atoi(m->g[2]);
	char after[16];

	norm_bare_lower((char *)norm_word_after(m->text, m->end, after, sizeof after));
	if (a < 1 || b <= 10 || b > 100 || a >= b)
		return 1;
	if (b != 16 && b != 32 && b != 64 && b != 100 && strcmp(after, "of") != 0)
		return 1;
	en_fraction_words(n, a, b, false, out);
	return 0;
}

/* ".1665" → "point one six six five"; "a .22 rifle" → "a twenty-two rifle" (a calibre). g1 the digits */
static int en_leading_dot(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char after[32];

	norm_bare_lower((char *)norm_word_after(m->text, m->end, after, sizeof after));
	if (strlen(m->g[1]) <= 3 && norm_list_has(norm_list(n, EN_MEASURES), "calibre", after)) {
		norm_cardinal(n, norm_parse_int(m->g[1]), out);
		return 0;
	}
	strbuf_adds(out, "point");
	for (const char *d = m->g[1]; *d; d++) {
		strbuf_addc(out, ' ');
		norm_cardinal(n, *d - '0', out);
	}
	return 0;
}

/* "100 million kg" → "one hundred million kilograms": g1 integer, g2 fraction, g3 magnitude, g4 unit */
static int en_magnitude_unit(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *u = norm_list_find(norm_list(n, EN_UNITS), m->g[4]);

	if (!u || en_decimal(n, m->g[1], m->g[2], out) < 0)
		return 1;
	strbuf_addf(out, " %s %s", m->g[3], u->value[1] ? u->value[1] : u->value[0]);
	return 0;
}

/* "30C", "86F", "-5°C", "−8 °F": g1 minus sign, g2 integer, g3 fraction, g4 degree sign, g5 C or F.
 * Without the degree sign it must be a plausible temperature, and not "seat 14F" or "Flat 3C". */
static int en_temperature(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	bool celsius = m->g[5][0] == 'C', minus = *m->g[1] != '\0';
	int64_t v = norm_parse_int(m->g[2]);
	char before[32];

	if (v < 0)
		return 1;
	if (!*m->g[4]) {
		int64_t t = minus ? -v : v;

		norm_bare_lower((char *)norm_word_before(m->text, m->start, before, sizeof before));
		if (norm_list_has(norm_list(n, EN_MEASURES), "not-temperature", before))
			return 1;
		if (celsius ? (t < -90 || t > 70) : (t < -130 || t > 140))
			return 1;
	}
	if (minus)
		strbuf_adds(out, "minus ");
	if (en_decimal(n, m->g[2], m->g[3], out) < 0)
		return 1;
	strbuf_adds(out, v == 1 && !*m->g[3] ? " degree " : " degrees ");
	strbuf_adds(out, celsius ? "Celsius" : "Fahrenheit");
	return 0;
}

/* ---- addresses and abbreviations ---- */

/* A number as a newsreader reads a house number or a plan's code: in pairs of digits,
 * "fourteen twenty-eight", "sixteen hundred", "two twenty-one", "three oh five", "twelve". */
static void en_digit_pairs(const struct normalizer *n, int64_t v, struct strbuf *out)
{
	int64_t hi = v / 100, lo = v % 100;

	if (v < 100 || v > 9999 || v % 1000 == 0 || (hi % 10 == 0 && lo == 0 && v < 1000)) {
		norm_cardinal(n, v, out);
		return;
	}
	norm_cardinal(n, hi, out);
	if (lo == 0)
		strbuf_adds(out, " hundred");
	else {
		strbuf_adds(out, lo < 10 ? " oh " : " ");
		norm_cardinal(n, lo, out);
	}
}

/* Whether a full stop that ends an abbreviation at m's end is also the sentence's:
 * the text ends there, or a capital follows. */
static bool en_stop_ends_sentence(const struct norm_match *m)
{
	const char *p = m->text + m->end;

	while (*p == ' ')
		p++;
	return !*p || *p == '\n' || isupper((unsigned char)*p) || strchr("\"“‘'", *p);
}

/* "1428 Elm St." → "fourteen twenty-eight Elm Street": g1 house number, g2 a compass letter
 * ("W."), g3 the name, g4 the street's kind */
static int en_address(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_pair *kind = norm_list_find(norm_list(n, EN_STREETS), m->g[4]);
	int64_t v = norm_parse_int(m->g[1]);
	static const char *const compass[] = { "N", "North", "S", "South", "E", "East", "W", "West" };

	char before[16];

	/* "No. 10 Downing Street" is the number sign's */
	norm_word_before(m->text, m->start, before, sizeof before);
	if (!kind || v < 1 || v > 99999 || m->g[1][0] == '0' || strcmp(before, "No.") == 0)
		return 1;
	if (v > 9999)
		norm_cardinal(n, v, out);
	else
		en_digit_pairs(n, v, out);
	strbuf_addc(out, ' ');
	for (size_t i = 0; *m->g[2] && i < sizeof compass / sizeof compass[0]; i += 2)
		if (m->g[2][0] == compass[i][0])
			strbuf_addf(out, "%s ", compass[i + 1]);
	strbuf_addf(out, "%s %s", m->g[3], kind->value[0]);
	if (util_ends_with(m->g[4], ".") && en_stop_ends_sentence(m))
		strbuf_addc(out, '.');
	return 0;
}

/* "Elm St. Police said" is a street and a new sentence; "Mount St. Helens", "Port St. Lucie"
 * a saint (rules/en/saints): g1 the word before, g2 the word after */
static int en_saint_or_street(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_list *saints = norm_list(n, EN_SAINTS);

	if (norm_list_has(saints, "before", m->g[1]) || norm_list_has(saints, "name", m->g[2]))
		strbuf_addf(out, "%s Saint", m->g[1]);
	else
		strbuf_addf(out, "%s Street.", m->g[1]);
	return 0;
}

/* "401(k)" → "four oh one k": g1 the number, g2 the letter */
static int en_plan_code(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	en_digit_pairs(n, norm_parse_int(m->g[1]), out);
	strbuf_addf(out, " %s", m->g[2]);
	return 0;
}

/* "Nos. 3 and 4" → "numbers three and 4" */
static int en_numbers_sign(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	strbuf_adds(out, "numbers ");
	norm_cardinal(n, atoi(m->g[1]), out);
	return 0;
}

/* "est. 1892" is "established eighteen ninety-two"; "an est. 40,000", "est. at" are "estimated".
 * g1 a year after it (optional) */
static int en_est(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	char before[16];

	norm_bare_lower((char *)norm_word_before(m->text, m->start, before, sizeof before));
	if (*m->g[1] && strcmp(before, "an") != 0 && strcmp(before, "a") != 0) {
		strbuf_adds(out, "established ");
		en_year(n, atoi(m->g[1]), out);
		return 0;
	}
	strbuf_adds(out, "estimated");
	if (*m->g[1])
		strbuf_addf(out, " %s", m->g[1]);
	return 0;
}

/* ---- capitals ---- */

static bool en_caps_vowel(const char *w, size_t i)
{
	/* Y is a vowel except first ("YES"); U after Q is part of the onset ("QUEEN") */
	if (w[i] == 'Y')
		return i > 0;
	if (w[i] == 'U' && i > 0 && w[i - 1] == 'Q')
		return false;
	return strchr("AEIOU", w[i]) != NULL;
}

static bool en_caps_cluster(const struct normalizer *n, const char *kind, const char *s, size_t len)
{
	char buf[16];

	if (len == 0 || (len == 1 && strcmp(kind, "coda") == 0))
		return true;
	if (len >= sizeof buf)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return norm_list_has(norm_list(n, EN_CAPITALS), kind, buf);
}

/* Whether espeak-ng can say a word in capitals as a word: a vowel, no run of three vowels,
 * an onset and a coda English has (rules/en/capitals), no more than four consonants between vowels. */
static bool en_caps_pronounceable(const struct normalizer *n, const char *w)
{
	size_t len = strlen(w), first = len, last = 0, run = 0, vowels = 0;

	for (size_t i = 0; i < len; i++) {
		if (!isupper((unsigned char)w[i]))
			return false;
		if (en_caps_vowel(w, i)) {
			if (first == len)
				first = i;
			last = i;
			run = 0;
			if (++vowels >= 3)
				return false;
		} else {
			vowels = 0;
			if (++run > 4 && first < len && i + 1 < len)
				return false;
		}
	}
	if (first == len)
		return false;
	return en_caps_cluster(n, "onset", w, first) && en_caps_cluster(n, "coda", w + last + 1, len - last - 1);
}

/* The word in capitals before m (prev set) or after it, apostrophes kept: "" when the
 * neighbour is not in capitals or a sentence or clause ends between. */
static void en_caps_neighbour(const struct norm_match *m, bool prev, char *buf, size_t size)
{
	const char *t = m->text;
	int64_t i = prev ? m->start : m->end, a, b;
	size_t len;

	buf[0] = '\0';
	if (prev) {
		while (i > 0 && strchr(" :,-–—\"“”", t[i - 1]))
			i--;
		b = i;
		while (i > 0 && (isupper((unsigned char)t[i - 1]) || t[i - 1] == '\''))
			i--;
		a = i;
		if (i > 0 && isalnum((unsigned char)t[i - 1]))
			return;
	} else {
		while (t[i] && strchr(" :,-–—\"“”", t[i]))
			i++;
		a = i;
		while (t[i] && (isupper((unsigned char)t[i]) || t[i] == '\''))
			i++;
		b = i;
		if (isalnum((unsigned char)t[i]))
			return;
	}
	len = (size_t)(b - a);
	if (len < 2 || len >= size)
		return;
	memcpy(buf, t + a, len);
	buf[len] = '\0';
}

/* Whether a word in capitals is plainly a word: listed, or long and pronounceable, not an acronym. */
static bool en_caps_wordish(const struct normalizer *n, const char *w)
{
	const struct norm_list *caps = norm_list(n, EN_CAPITALS);
	char bare[32];
	size_t len = 0;

	for (const char *c = w; *c && len + 1 < sizeof bare; c++)
		if (*c != '\'')
			bare[len++] = *c;
	bare[len] = '\0';
	if (norm_list_find(norm_list(n, EN_ACRONYMS), bare) || en_roman_value(bare))
		return norm_list_has(caps, "word", bare);
	if (norm_list_has(caps, "word", bare))
		return true;
	return len >= 4 && en_caps_pronounceable(n, bare);
}

/* "NORTH Korea" → "North Korea", "FIRE AT PORT" → "Fire At Port"; acronyms stay for the
 * acronym rule. g1 the word in capitals (with an apostrophe: "DON'T") */
static int en_capitals(struct normalizer *n, const struct norm_match *m, struct strbuf *out)
{
	const struct norm_list *caps = norm_list(n, EN_CAPITALS);
	const char *w = m->g[1];
	size_t len = strlen(w);
	char prev[32], next[32];
	bool run, word;

	en_caps_neighbour(m, true, prev, sizeof prev);
	en_caps_neighbour(m, false, next, sizeof next);
	/* a run has a plain word beside this one; "NHS IT" and "US FDA" are not runs */
	run = (*prev && en_caps_wordish(n, prev)) || (*next && en_caps_wordish(n, next));
	if (strcmp(w, "WHO") == 0)
		/* the question word ("WHO WILL PAY"), or a relative one after a word ("THE KING WHO") */
		word = run && (norm_list_has(caps, "who-before", next) || (*prev && en_caps_wordish(n, prev)));
	else if (strcmp(w, "US") == 0)
		word = run && norm_list_has(caps, "us-after", prev);
	else if (norm_list_has(caps, "run", w))
		word = run;
	else if (!en_caps_wordish(n, w))
		word = false;
	else if (len >= 5 || (len >= 3 && norm_list_has(caps, "word", w)))
		word = true;
	else
		word = run;
	if (!word)
		return 1;
	strbuf_addc(out, w[0]);
	for (const char *c = w + 1; *c; c++)
		strbuf_addc(out, (char)tolower((unsigned char)*c));
	return 0;
}

/* ---- English, the row the engine reads ---- */

/* Its word lists, files in rules/en/ (see each file for its form), loaded in this order. */
static const struct norm_list_file en_lists[] = {
	[EN_EXPANSIONS] = { "expansions", false },
	[EN_UNITS] = { "units", false },
	[EN_CURRENCIES] = { "currencies", false },
	[EN_ACRONYMS] = { "acronyms", false },
	[EN_ROMAN] = { "roman", true },
	[EN_YEAR_CONTEXT] = { "year-context", true },
	[EN_TLDS] = { "tlds", true },
	[EN_NOT_NOUNS] = { "not-nouns", true },
	[EN_DISTANCE_WORDS] = { "distance-words", true },
	[EN_SCORES] = { "scores", true },
	[EN_WEEKDAYS] = { "weekdays", false },
	[EN_TIMES] = { "times", true },
	[EN_MONTH_FIRST] = { "month-first", true },
	[EN_RATES] = { "rates", false },
	[EN_MEASURES] = { "measures", true },
	[EN_STREETS] = { "streets", false },
	[EN_SAINTS] = { "saints", true },
	[EN_CAPITALS] = { "capitals", true },
};

/* Its rules, in the order they run: what an early rule has spelled out (a date) is plain words to the later ones. */
static const struct norm_rule_def en_rules[] = {
	/* Addresses are matched from the start of a run only, possessively, and checked
	 * in the callback: a run of "a.a.a.a" costs one pass, not one per dot. */
	{ "email", "(?<![\\w.%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)++", en_email, NORM_NO_LIST },
	{ "url",
	  "(?:\\bhttps?://[^\\s]+[^\\s.,;:!?)\"'’”]|\\bwww\\.[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)++"
	  "(?:/[A-Za-z0-9._~%/-]*+)?|(?<![\\w.@-])[a-z0-9-]++(?:\\.[a-z0-9-]++)++(?:/[A-Za-z0-9._~%/-]*+)?)",
	  en_url, NORM_NO_LIST },
	{ "handle", "(?<![\\w@])@([A-Za-z0-9_]{1,30})\\b", en_handle, NORM_NO_LIST },
	{ "hash", "(?<![\\w&#])#(?:(\\d{1,6})|([A-Za-z][A-Za-z0-9_]*))\\b", en_hash, NORM_NO_LIST },
	/* Times of day, durations and ranges: before money, percent and units, so that a range's
	 * first number is said here and its second, with its sign or unit, by their rules. */
	{ "noon", "\\b12(?:[:.]00)?\\s?(noon|midnight)\\b", en_noon, NORM_NO_LIST },
	{ "time-seconds",
	  "(?<![\\w.:])(\\d{1,3}):([0-5]\\d):([0-5]\\d)(?:\\.(\\d{1,3}))?(?![\\d:]|\\.\\d)"
	  "(?:\\s?(GMT|BST|UTC|EST|EDT|PST|PDT|CET)\\b)?",
	  en_time_seconds, NORM_NO_LIST },
	{ "minutes-seconds", "(?<![\\w.:])(\\d{1,3}):([0-5]\\d)\\.(\\d{1,3})(?![\\d:]|\\.\\d)", en_minutes_seconds,
	  NORM_NO_LIST },
	{ "long-minutes", "(?<![\\w.:])(\\d{2,3}):([0-5]\\d)(?![\\d:]|[.,]\\d)", en_long_minutes, NORM_NO_LIST },
	{ "seconds", "(?<![\\w.,–-])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s?(?:seconds|second|secs|sec)\\b",
	  en_seconds, NORM_NO_LIST },
	{ "seconds-s", "(?<![\\w.,–-])(\\d+)\\.(\\d+)s\\b", en_seconds, NORM_NO_LIST },
	{ "range-decade",
	  "(?<![\\w'’-])((?:1\\d{2}|20\\d)0s|['’]?\\d0s)[-–]((?:1\\d{2}|20\\d)0s|['’]?\\d0s)\\b",
	  en_range_as_written, NORM_NO_LIST },
	{ "range-ampm",
	  "(?<![\\w.,:])(\\d{1,2}(?:[:.]\\d{2})?(?:\\s?[apAP]\\.?[mM]\\.?)?)\\s?[-–]\\s?"
	  "(\\d{1,2}(?:[:.]\\d{2})?\\s?[apAP]\\.?[mM]\\b\\.?)",
	  en_range_ampm, NORM_NO_LIST },
	{ "range-clock", "(?<![\\w.:])(\\d{1,2}:\\d{2})\\s?[-–]\\s?(\\d{1,2}:\\d{2})\\b(?![:.]\\d)", en_range_as_written,
	  NORM_NO_LIST },
	{ "range-money",
	  "(?<![\\w$£€¥])(%s)\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?:\\s?(k|K|mn|m|bn|tn)\\b)?\\s?[-–]\\s?"
	  "(?:\\1)?((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s?(k|K|mn|m|bn|tn|million|billion|trillion)\\b)?)",
	  en_range_money, EN_CURRENCIES },
	{ "range-percent",
	  "(?<![\\w.])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s?%?\\s?[-–]\\s?((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?\\s?%)",
	  en_range_percent, NORM_NO_LIST },
	{ "range-number",
	  "(?<![\\w.,/-])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s?[-–]\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?"
	  "(?![-–.,/]?\\d)(?![-–])",
	  en_range_number, NORM_NO_LIST },
	/* ---- end of times and ranges ---- */
	{ "money",
	  "(?<![\\w$£€¥₹])(%s)\\s?(\\d{1,3}(?:,\\d{3})+|\\d+|(?=\\.\\d\\d\\b))(?:\\.(\\d+))?"
	  "(?:\\s?(k|K|mn|m|bn|tn|million|billion|trillion)\\b|(M|B|b|T)\\b(?![-'’]))?",
	  en_money, EN_CURRENCIES },
	/* money forms: a code after the amount, a rate after the money said, cents */
	{ "money-code-after",
	  "(?<![\\w.,$£€¥₹])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?:\\s?(k|K|mn|m|bn|tn|million|billion|trillion))?"
	  "\\s?(%s)(?![\\w$])",
	  en_money_code_after, EN_CURRENCIES },
	{ "money-rate", "(?:\\s?/\\s?|\\s+)(%s)(?![\\w/])", en_money_rate, EN_RATES },
	{ "cents", "\\b(\\d{1,3})(?:c|¢)(?![\\w¢])", en_cents, NORM_NO_LIST },
	{ "pence", "\\b(\\d{1,3})p\\b", en_pence, NORM_NO_LIST },
	{ "percent", "(?<![\\w.])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s?%", en_percent, NORM_NO_LIST },
	/* dates in other forms: numeric dates in the voice's order, ISO's with slashes */
	{ "iso-date", "\\b(1\\d{3}|20\\d{2})([-/])(0[1-9]|1[0-2])\\2(0[1-9]|[12]\\d|3[01])\\b(?![-/.]\\d)", en_iso_date,
	  NORM_NO_LIST },
	{ "numeric-date", "(?<![\\w./,-])(\\d{1,2})([/.-])(\\d{1,2})\\2(1\\d{3}|20\\d{2})\\b(?![-/.,]\\d)", en_numeric_date,
	  NORM_NO_LIST },
	{ "weekday", "\\b(%s)\\.(?=,|\\s+(?:\\d|" EN_MONTHS "\\b))", en_weekday, EN_WEEKDAYS },
	/* a year after the day with no comma ("Jan 15 2020"), "15 January, 2020", "the 4th of July";
	 * not the end of a range ("3-5 March") */
	{ "month-day-year",
	  "\\b" EN_MONTHS "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:)(?:(?:,\\s*|\\s+)(1\\d{3}|20\\d{2})\\b(?![,.]\\d|\\s?%))?",
	  en_month_day_year, NORM_NO_LIST },
	{ "day-month-year",
	  "(?<!\\d[-–])\\b(\\d{1,2})(?:(?:st|nd|rd|th)(?:\\s+of)?)?\\s+" EN_MONTHS
	  "\\b\\.?(?:(,)?\\s+(1\\d{3}|20\\d{2})\\b(?![,.]\\d|\\s?%))?",
	  en_day_month_year, NORM_NO_LIST },
	{ "month-year", "\\b" EN_MONTHS "\\.?\\s+(1\\d{3}|20\\d{2})\\b", en_month_year, NORM_NO_LIST },
	{ "time-ampm", "\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s?([apAP])\\.?[mM]\\b(\\.)?", en_time_ampm, NORM_NO_LIST },
	{ "time-clock", "\\b(\\d{1,2})[:](\\d{2})\\b(?!:\\d)(?:\\s?(GMT|BST|UTC|EST|EDT|PST|PDT|CET)\\b)?",
	  en_time_clock, NORM_NO_LIST },
	{ "time-clock-dot", "\\b(\\d{1,2})[.](\\d{2})\\s?(GMT|BST|UTC|EST|EDT|PST|PDT|CET)\\b",
	  en_time_clock, NORM_NO_LIST },
	{ "time-24", "\\b([01]\\d|2[0-3])([0-5]\\d)\\s?(GMT|BST|UTC|EST|EDT|PST|PDT|CET|hours|hrs)\\b",
	  en_time_24, NORM_NO_LIST },
	/* addresses and abbreviations: before the years, which would read "1428" as one */
	{ "address",
	  "(?<![\\w.,$£€¥/-])(\\d{1,5})\\s+(?:([NSEW])\\.\\s+)?((?:[A-Z][a-z]++\\s+){0,2}[A-Z][a-z]++)\\s+(%s)(?!\\w)",
	  en_address, EN_STREETS },
	{ "saint-or-street", "\\b([A-Z][a-z]+)\\s+St\\.(?=\\s+([A-Z][\\w'’]*))", en_saint_or_street, NORM_NO_LIST },
	{ "plan-code", "\\b(\\d{3})\\(([a-z])\\)(?!\\w)", en_plan_code, NORM_NO_LIST },
	{ "numbers-sign", "\\bNos\\.\\s?(\\d{1,6})\\b", en_numbers_sign, NORM_NO_LIST },
	{ "est", "(?<![\\w.])est\\.(?:\\s+(1\\d{3}|20\\d{2}|\\d{1,3}(?:,\\d{3})+)\\b(?![.,]\\d))?", en_est, NORM_NO_LIST },
	/* end of addresses and abbreviations */
	{ "year-range", "\\b(1\\d{3}|20\\d{2})[-–](\\d{4}|\\d{2})\\b(?![-–/]\\d)", en_year_range, NORM_NO_LIST },
	{ "decade", "\\b(mid-)?(1\\d{2}0|20\\d0)s\\b", en_decade, NORM_NO_LIST },
	{ "short-decade", "(?:(?<=\\s)|^)(?:['’])?([2-9])0s\\b", en_short_decade, NORM_NO_LIST },
	{ "year", "\\b([A-Za-z]+)\\s+(1\\d{3}|20\\d{2})\\b(?![,.]\\d|[-–/]\\d|\\s?%)",
	  en_year_after_word, NORM_NO_LIST },
	{ "year-the", "\\b([Tt]he)\\s+(1\\d{3}|20\\d{2})\\s+([a-z]+)\\b", en_year_the, NORM_NO_LIST },
	{ "score", "(?<![\\w.,/-])(\\d{1,3})[-–](\\d{1,3})(?![-–.,/]?\\d)(?![\\w-])", en_score, NORM_NO_LIST },
	/* measures and fractions: before the plain fractions and units, which would take their parts */
	{ "mixed-number",
	  "(?<![\\w.,/])(\\d{1,3})\\s(\\d{1,2})/(\\d{1,3})(?![\\w/])(?:\\s?(%s)(?![\\w/°])|\\s(in)\\b"
	  "(?=\\s*(?:$|[,.;:!?]|(?:long|wide|tall|high|deep|of)\\b)))?",
	  en_mixed_number, EN_UNITS },
	{ "fine-fraction", "(?<![\\w/.])(\\d{1,2})/(\\d{2,3})(?![\\w/])", en_fine_fraction, NORM_NO_LIST },
	{ "leading-dot", "(?<![^\\s(])\\.(\\d{1,9})(?![\\w.,]\\d|\\w)", en_leading_dot, NORM_NO_LIST },
	{ "magnitude-unit",
	  "(?<![\\w.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s(thousand|million|billion|trillion)\\s(%s)(?![\\w/°])",
	  en_magnitude_unit, EN_UNITS },
	{ "temperature", "(?:(?<![\\w.,\\-−])([-−]))?(?<![\\w.,])(\\d{1,3})(?:\\.(\\d+))?(\\s?°\\s?)?([CF])(?![\\w°])",
	  en_temperature, NORM_NO_LIST },
	/* end of measures and fractions */
	{ "vulgar-fraction", "(?:\\b(\\d+))?([½¼¾⅓⅔⅛⅜⅝⅞⅕])", en_vulgar, NORM_NO_LIST },
	{ "fraction", "(?<![\\w/.])(\\d{1,2})/(\\d{1,2})(?![\\w/])", en_fraction, NORM_NO_LIST },
	{ "inches", "(?<![\\w.,])(\\d+)(?:\\.(\\d+))?\\s+in\\b(?=\\s*(?:$|[,.;:!?]|(?:long|wide|tall|high|deep|of)\\b))",
	  en_inches, NORM_NO_LIST },
	{ "unit", "(?<![\\w.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(\\s?)(%s)(?![\\w/°])", en_unit, EN_UNITS },
	{ "degrees", "(?<![\\w.,])(\\d+)(?:\\.(\\d+))?\\s?°(?![CF])", en_degrees, NORM_NO_LIST },
	{ "magnitude", "(?<![\\w.,$£€¥])(\\d+)(?:\\.(\\d+))?(m|bn|tn)\\b", en_bare_magnitude, NORM_NO_LIST },
	/* capitals: before the Roman numerals ("HENRY VIII") and the acronyms */
	{ "capitals", "(?<![\\w'’.@#/-])([A-Z]{2,20}(?:'[A-Z]{1,2})?)(?![\\w'’@/-])(?!\\.\\w)", en_capitals, NORM_NO_LIST },
	/* end of capitals */
	{ "roman", "\\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\\s+([IVXLCDM]{1,10})\\b((?:'|’)s\\b)?(?!['’-])", en_roman, NORM_NO_LIST },
	{ "number-sign", "\\bNo\\.\\s?(\\d{1,6})\\b", en_number_sign, NORM_NO_LIST },
	{ "abbreviation", "(?<![\\w.])(%s)(?!\\w)(?!\\.\\w)", en_expansion, EN_EXPANSIONS },
	{ "ampersand-letters", "\\b([A-Z]{1,3})&([A-Z]{1,3})\\b", en_ampersand_letters, NORM_NO_LIST },
	{ "ampersand", "\\s&\\s", en_ampersand, NORM_NO_LIST },
	{ "plus", "(?<![\\w.])(\\d{1,6})(?:\\s?\\+\\s?(\\d{1,6})|\\+)(?![\\w+])", en_plus, NORM_NO_LIST },
	{ "acronym", "\\b([A-Z]{2,6})(s|'s|’s)?\\b", en_acronym, NORM_NO_LIST },
};

const struct norm_language norm_en = {
	"en", "en", en_lists, sizeof en_lists / sizeof en_lists[0], en_rules, sizeof en_rules / sizeof en_rules[0],
};
