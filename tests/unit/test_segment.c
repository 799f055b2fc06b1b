/* Unit tests for segment: sentences and abbreviations, roles, and the breaks between segments. */
#include "helpers.h"
#include "paths.h"
#include "segment.h"
#include "suites.h"
#include "util.h"
#include "voice.h"

#include <stdlib.h>
#include <string.h>

/* The sentences of a text, as one string: each followed by " | ". */
struct sentences {
	struct strbuf sb;
	int n;
};

static void add_sentence(char *sentence, void *ud)
{
	struct sentences *s = ud;

	strbuf_addf(&s->sb, "%s | ", sentence);
	s->n++;
	free(sentence);
}

static struct segment_abbrevs *english(void)
{
	struct segment_abbrevs *ab = segment_abbrevs_new();
	char *path = paths_join(paths_rules_dir(), "abbreviations.en");

	ck_assert_int_eq(segment_abbrevs_load(ab, path), 0);
	free(path);
	return ab;
}

/* Splits text with the English abbreviations; checks the count and the sentences. */
static void expect_split(const char *text, int n, const char *want)
{
	struct segment_abbrevs *ab = english();
	struct sentences s = { .n = 0 };

	strbuf_init(&s.sb);
	ck_assert_int_eq(segment_sentences(ab, text, add_sentence, &s), 0);
	ck_assert_msg(s.n == n && strcmp(s.sb.buf, want) == 0, "'%s' split into %d: \"%s\", want %d: \"%s\"", text,
		      s.n, s.sb.buf, n, want);
	strbuf_release(&s.sb);
	segment_abbrevs_free(ab);
}

/* Splits text with the abbreviations of the language of lang, a locale ("de", "pt_PT": rules/
 * abbreviations.LANG of its language) and ICU's sentence breaker in that locale. */
static void expect_split_in(const char *lang, const char *text, int n, const char *want)
{
	struct segment_abbrevs *ab = segment_abbrevs_new();
	char *name = xasprintf("abbreviations.%.*s", (int)strcspn(lang, "_-"), lang);
	char *path = paths_join(paths_rules_dir(), name);
	struct sentences s = { .n = 0 };

	segment_abbrevs_set_locale(ab, lang);
	ck_assert_int_eq(segment_abbrevs_load(ab, path), 0);
	strbuf_init(&s.sb);
	ck_assert_int_eq(segment_sentences(ab, text, add_sentence, &s), 0);
	ck_assert_msg(s.n == n && strcmp(s.sb.buf, want) == 0, "%s: '%s' split into %d: \"%s\", want %d: \"%s\"", lang,
		      text, s.n, s.sb.buf, n, want);
	strbuf_release(&s.sb);
	segment_abbrevs_free(ab);
	free(path);
	free(name);
}

static void expect_split_de(const char *text, int n, const char *want)
{
	expect_split_in("de", text, n, want);
}

START_TEST(german_sentences)
{
	/* an ordinal date and a magnitude are not sentence ends */
	expect_split_de("Am 24. Juli 2013 kostete das Projekt 3,5 Mio. € und 12 % mehr.", 1,
			"Am 24. Juli 2013 kostete das Projekt 3,5 Mio. € und 12 % mehr. | ");
	expect_split_de("Die Sitzung ist am 1. Dezember. Danach wird gewählt.", 2,
			"Die Sitzung ist am 1. Dezember. | Danach wird gewählt. | ");
	expect_split_de("Das kostet z. B. Strom, bzw. Gas. Dr. Weber und Prof. Lange widersprechen.", 2,
			"Das kostet z. B. Strom, bzw. Gas. | Dr. Weber und Prof. Lange widersprechen. | ");
	expect_split_de("Der Etat wächst auf 1.234.567 Euro, ca. 3,5 Prozent mehr. Nr. 5 folgt.", 2,
			"Der Etat wächst auf 1.234.567 Euro, ca. 3,5 Prozent mehr. | Nr. 5 folgt. | ");
	expect_split_de("Es kamen 2 Mrd. Besucher, u. a. Kinder, d. h. Schulklassen. Sie blieben.", 2,
			"Es kamen 2 Mrd. Besucher, u. a. Kinder, d. h. Schulklassen. | Sie blieben. | ");
	expect_split_de("Das Büro liegt in der Goethestr. 12 bei St. Georg. Es hat 3 Tsd. Besucher usw. Mehr nicht.", 3,
			"Das Büro liegt in der Goethestr. 12 bei St. Georg. | Es hat 3 Tsd. Besucher usw. | Mehr nicht. | ");
	/* a year before a capital still ends its sentence */
	expect_split_de("Das war 2013. Juli kam später.", 2, "Das war 2013. | Juli kam später. | ");
	/* an ordinal after its article is not a sentence's end; a count after a preposition is */
	expect_split_de("Der Läufer kam auf den 6. Platz. Im 19. Jahrhundert wuchs die Stadt.", 2,
			"Der Läufer kam auf den 6. Platz. | Im 19. Jahrhundert wuchs die Stadt. | ");
	expect_split_de("Die Zahl der Toten stieg auf 5. Die Polizei ermittelt.", 2,
			"Die Zahl der Toten stieg auf 5. | Die Polizei ermittelt. | ");
	/* units, months and weekdays abbreviated */
	expect_split_de("Der Zug hatte 2 Std. Verspätung. Ab Mo. 3. Okt. 2027 fährt er wieder. Tel. 030 123456.", 3,
			"Der Zug hatte 2 Std. Verspätung. | Ab Mo. 3. Okt. 2027 fährt er wieder. | Tel. 030 123456. | ");
}
END_TEST

static void expect_split_fr(const char *text, int n, const char *want)
{
	expect_split_in("fr", text, n, want);
}

START_TEST(french_sentences)
{
	/* an ordinal date, a title and numbers with separators are not sentence ends */
	expect_split_fr("Le 1er janvier 2026, M. Durand et Mme Roux ont signé avec Mgr Petit.", 1,
			"Le 1er janvier 2026, M. Durand et Mme Roux ont signé avec Mgr Petit. | ");
	expect_split_fr("Le budget passe de 1 234 567 à 1.300.000 euros, soit 3,5 M€ de plus. Le vote a lieu mardi.", 2,
			"Le budget passe de 1 234 567 à 1.300.000 euros, soit 3,5 M€ de plus. | Le vote a lieu mardi. | ");
	expect_split_fr("Les frais, p. ex. la voirie, c.-à-d. 12 M€, etc. Le chantier débute en sept. 2026.", 2,
			"Les frais, p. ex. la voirie, c.-à-d. 12 M€, etc. | Le chantier débute en sept. 2026. | ");
	expect_split_fr("La cité fut fondée vers 50 av. J.-C. Elle prospéra jusqu'en 300 apr. J.-C. sous Rome.", 2,
			"La cité fut fondée vers 50 av. J.-C. | Elle prospéra jusqu'en 300 apr. J.-C. sous Rome. | ");
	expect_split_fr("Le siège est au 12, bd. Voltaire, selon le Pr. Lefèvre et le Dr. Nguyen. Entrée libre.", 2,
			"Le siège est au 12, bd. Voltaire, selon le Pr. Lefèvre et le Dr. Nguyen. | Entrée libre. | ");
	/* a real end still ends one, after a number, "l'art." or a question mark */
	expect_split_fr("La séance est levée. Elle reprendra le 1er décembre. Qui votera ? Personne ne sait.", 4,
			"La séance est levée. | Elle reprendra le 1er décembre. | Qui votera ? | Personne ne sait. | ");
	expect_split_fr("Ils étaient 2013. Janvier fut calme. Vive l'art. Voir l'art. 5 du code.", 4,
			"Ils étaient 2013. | Janvier fut calme. | Vive l'art. | Voir l'art. 5 du code. | ");
}
END_TEST

static void expect_split_it(const char *text, int n, const char *want)
{
	expect_split_in("it", text, n, want);
}

START_TEST(italian_sentences)
{
	/* titles, "n.", "pag.", "p. es." and "ecc." before a lower-case word are not sentence ends */
	expect_split_it("Il sig. Rossi e la dott.ssa Bianchi hanno incontrato il prof. Verdi. Poi sono ripartiti.", 2,
			"Il sig. Rossi e la dott.ssa Bianchi hanno incontrato il prof. Verdi. | Poi sono ripartiti. | ");
	expect_split_it("L'on. Ferri ha citato l'art. 5 a pag. 12, p. es. il comma sul lavoro, ecc. e poi ha taciuto.", 1,
			"L'on. Ferri ha citato l'art. 5 a pag. 12, p. es. il comma sul lavoro, ecc. e poi ha taciuto. | ");
	/* an ordinal date, gendered ordinals and numbers with separators stay in one sentence */
	expect_split_it("Dal 1° gennaio 2025 la 3ª rata sale a 1.234.567 euro, il 3,5% in più. Lo dice il n. 4 del bando.",
			2,
			"Dal 1° gennaio 2025 la 3ª rata sale a 1.234.567 euro, il 3,5% in più. | "
			"Lo dice il n. 4 del bando. | ");
	expect_split_it("Il 3º classificato e la 1ª squadra partono alle ore 14.30 del 24/07/2013. Tutti presenti.", 2,
			"Il 3º classificato e la 1ª squadra partono alle ore 14.30 del 24/07/2013. | Tutti presenti. | ");
	/* "S.p.A." and "ecc." end a sentence before a capital */
	expect_split_it("Lo ha comprato Alfa S.p.A. Gli altri soci restano, ecc. Nessuno ha obiettato.", 3,
			"Lo ha comprato Alfa S.p.A. | Gli altri soci restano, ecc. | Nessuno ha obiettato. | ");
	/* a real sentence end still ends one, a year before a capital included */
	expect_split_it("Il ponte fu aperto nel 1964. Oggi è chiuso! Perché? Nessuno lo sa.", 4,
			"Il ponte fu aperto nel 1964. | Oggi è chiuso! | Perché? | Nessuno lo sa. | ");
	/* "ago." is a month and a needle: it ends a sentence before a capital, not before a year */
	expect_split_it("Il bando scade il 10 ago. 2026 alle 12. Si è punto con un ago. Poi è guarito.", 3,
			"Il bando scade il 10 ago. 2026 alle 12. | Si è punto con un ago. | Poi è guarito. | ");
	expect_split_it("Il Sig. Neri, dott. in legge, e l’avv. Galli sono arrivati il 12 dic. alle 9. Sono ripartiti.", 2,
			"Il Sig. Neri, dott. in legge, e l’avv. Galli sono arrivati il 12 dic. alle 9. | Sono ripartiti. | ");
}
END_TEST

static void expect_split_es(const char *text, int n, const char *want)
{
	expect_split_in("es", text, n, want);
}

START_TEST(spanish_sentences)
{
	/* titles, "EE. UU.", "p. ej." and an address are not sentence ends */
	expect_split_es("El Sr. García y la Dra. Ruiz viajaron a EE. UU. en julio. Volvieron el lunes.", 2,
			"El Sr. García y la Dra. Ruiz viajaron a EE. UU. en julio. | Volvieron el lunes. | ");
	expect_split_es("Dña. Carmen vive en la avda. de la Paz, núm. 5, p. ej. cerca del mercado. Nadie lo sabía.", 2,
			"Dña. Carmen vive en la avda. de la Paz, núm. 5, p. ej. cerca del mercado. | Nadie lo sabía. | ");
	/* ordinals written with a dot: "3.º", "1.ª", "3.er", and the day before a month */
	expect_split_es("El equipo quedó 3.º en la liga y la 1.ª edición, en el 3.er puesto. Luego ganó.", 2,
			"El equipo quedó 3.º en la liga y la 1.ª edición, en el 3.er puesto. | Luego ganó. | ");
	expect_split_es("Desde el 1.º de mayo de 2024 rige la ley. Es la n.º 7.", 2,
			"Desde el 1.º de mayo de 2024 rige la ley. | Es la n.º 7. | ");
	/* numbers with separators */
	expect_split_es("Acudieron 1.234.567 personas, un 3,5 % más, y costó 2.000 mill. de euros. Era mucho.", 2,
			"Acudieron 1.234.567 personas, un 3,5 % más, y costó 2.000 mill. de euros. | Era mucho. | ");
	/* "etc." and "UU." end a sentence before a capital */
	expect_split_es("Compró pan, leche, etc. Después se fue a EE. UU. Allí vive.", 3,
			"Compró pan, leche, etc. | Después se fue a EE. UU. | Allí vive. | ");
	expect_split_es("¿Quién ganó? ¡Nadie! El partido acabó 0-0.", 3,
			"¿Quién ganó? | ¡Nadie! | El partido acabó 0-0. | ");
}
END_TEST

/* Portuguese in locale "pt" (Brazil's) or "pt_PT". */
static void expect_split_pt(const char *locale, const char *text, int n, const char *want)
{
	expect_split_in(locale, text, n, want);
}

START_TEST(portuguese_sentences)
{
	/* titles and addresses */
	expect_split_pt("pt", "O Sr. Almeida e a Dra. Costa falaram na av. Paulista. Depois saíram.", 2,
			"O Sr. Almeida e a Dra. Costa falaram na av. Paulista. | Depois saíram. | ");
	/* ordinals written with a dot ("3.º", "1.ª") and ordinal dates */
	expect_split_pt("pt_PT", "O 3.º lugar e a 1.ª volta ficaram para o 1.º de janeiro de 2025. A equipa voltou.", 2,
			"O 3.º lugar e a 1.ª volta ficaram para o 1.º de janeiro de 2025. | A equipa voltou. | ");
	expect_split_pt("pt", "Em 1º de janeiro o real subiu. No dia 24 de julho caiu.", 2,
			"Em 1º de janeiro o real subiu. | No dia 24 de julho caiu. | ");
	/* numbers with separators */
	expect_split_pt("pt", "A cidade tem 1.234.567 habitantes e cresceu 3,5 %. O censo é de 2022.", 2,
			"A cidade tem 1.234.567 habitantes e cresceu 3,5 %. | O censo é de 2022. | ");
	/* "p. ex.", "pág.", "nº", "etc.": one sentence; "etc." before a capital ends it */
	expect_split_pt("pt", "Há frutas, p. ex. maçãs, na pág. 4 do relatório nº 12, etc. E há mais.", 2,
			"Há frutas, p. ex. maçãs, na pág. 4 do relatório nº 12, etc. | E há mais. | ");
	expect_split_pt("pt_PT",
			"A reunião será a 5 de dez. de 2024 na sede da Lda. com a Profa. Sousa. Foram dez. Saíram.", 3,
			"A reunião será a 5 de dez. de 2024 na sede da Lda. com a Profa. Sousa. | Foram dez. | Saíram. | ");
	/* "D. Pedro II" and "séc. XIX" */
	expect_split_pt("pt", "D. Pedro II reinou no séc. XIX. Morreu em Paris.", 2,
			"D. Pedro II reinou no séc. XIX. | Morreu em Paris. | ");
}
END_TEST

START_TEST(titles_do_not_end_sentences)
{
	expect_split("Mr. Smith met Dr. Jones. They talked.", 2, "Mr. Smith met Dr. Jones. | They talked. | ");
	expect_split("Sen. Warren and Gov. Hochul spoke on Jan. 5 at St. Mark's.", 1,
		     "Sen. Warren and Gov. Hochul spoke on Jan. 5 at St. Mark's. | ");
}
END_TEST

START_TEST(countries_do_not_end_sentences)
{
	expect_split("The U.S. Senate voted. Then it rested.", 2, "The U.S. Senate voted. | Then it rested. | ");
	expect_split("The U.K. and the E.U. agreed.", 1, "The U.K. and the E.U. agreed. | ");
}
END_TEST

START_TEST(times_end_sentences_before_a_capital)
{
	expect_split("It ended at 10 p.m. Fares were waived.", 2, "It ended at 10 p.m. | Fares were waived. | ");
	expect_split("It opened at 9 a.m. and closed at noon.", 1, "It opened at 9 a.m. and closed at noon. | ");
	expect_split("Acme Inc. Shares rose.", 2, "Acme Inc. | Shares rose. | ");
}
END_TEST

START_TEST(initials_do_not_end_sentences)
{
	expect_split("John F. Kennedy spoke.", 1, "John F. Kennedy spoke. | ");
	expect_split("Reporting by J. R. Hartley.", 1, "Reporting by J. R. Hartley. | ");
}
END_TEST

START_TEST(ordinary_sentences)
{
	expect_split("One. Two? Three! Four", 4, "One. | Two? | Three! | Four | ");
	expect_split("It cost $1.5 million. Voters agreed.", 2, "It cost $1.5 million. | Voters agreed. | ");
	expect_split("“Go home,” he said. “Now.” She left.", 3, "“Go home,” he said. | “Now.” | She left. | ");
	expect_split("Spaces  inside\tare   squeezed.  Yes.", 2, "Spaces inside are squeezed. | Yes. | ");
	expect_split("(Dr. Lee agreed.) Others did not.", 2, "(Dr. Lee agreed.) | Others did not. | ");
}
END_TEST

START_TEST(punctuation_alone_is_not_a_sentence)
{
	expect_split("Yes. (...) Done.", 2, "Yes. | Done. | ");
	expect_split("Yes.\n***\nDone.", 2, "Yes. | Done. | ");
	expect_split("", 0, "");
	expect_split("...", 0, "");
}
END_TEST

/* A text with no full stop is cut at a space before SEGMENT_MAX_CHARS; one huge word is cut
 * anyway, never inside a character. */
START_TEST(long_sentences_are_cut_at_a_space)
{
	struct strbuf in, want, word200;

	strbuf_init(&in);
	strbuf_init(&want);
	strbuf_init(&word200);
	for (int i = 0; i < 450; i++)
		strbuf_adds(&in, "abcd ");
	for (int i = 0; i < 200; i++)
		strbuf_adds(&word200, i ? " abcd" : "abcd");
	strbuf_addf(&want, "%s | %s | ", word200.buf, word200.buf);
	for (int i = 0; i < 50; i++)
		strbuf_adds(&want, i ? " abcd" : "abcd");
	strbuf_adds(&want, " | ");
	expect_split(in.buf, 3, want.buf);

	strbuf_reset(&in);
	strbuf_reset(&want);
	for (int i = 0; i < 999; i++)
		strbuf_addc(&in, 'x');
	strbuf_addf(&want, "%s | \xf0\x9f\x98\x80xyz | ", in.buf);
	strbuf_adds(&in, "\xf0\x9f\x98\x80xyz");	/* U+1F600, a surrogate pair at units 999 and 1000 */
	expect_split(in.buf, 2, want.buf);
	strbuf_release(&in);
	strbuf_release(&want);
	strbuf_release(&word200);
}
END_TEST

START_TEST(abbreviation_files)
{
	struct segment_abbrevs *ab = segment_abbrevs_new();
	char *dir = test_tmpdir();
	char *good = xasprintf("%s/good.txt", dir), *bad = xasprintf("%s/bad.txt", dir);
	struct sentences s = { .n = 0 };
	char *err, *want;

	test_write_file(good, "# comment\n\nApprox.\nBldg. *\n");
	ck_assert_int_eq(segment_abbrevs_load(ab, good), 0);
	strbuf_init(&s.sb);
	ck_assert_int_eq(segment_sentences(ab, "Approx. Ten came to Bldg. Four. Bldg. it was.", add_sentence, &s), 0);
	ck_assert_str_eq(s.sb.buf, "Approx. Ten came to Bldg. | Four. | Bldg. it was. | ");
	strbuf_release(&s.sb);

	test_write_file(bad, "Mr.\nMrs.\nDoctor\n");
	test_stderr_begin();
	ck_assert_int_eq(segment_abbrevs_load(ab, bad), -1);
	err = test_stderr_end();
	want = xasprintf("newscast: '%s' line 3: expected an abbreviation ending in '.', optionally followed by '*', "
			 "or a word and '#.'\n", bad);
	ck_assert_str_eq(err, want);
	free(err);
	free(want);
	test_write_file(bad, "Mr. * extra\n");
	ck_assert_int_eq(segment_abbrevs_load(ab, bad), -1);
	test_write_file(bad, "Mr. +\n");
	ck_assert_int_eq(segment_abbrevs_load(ab, bad), -1);
	free(good);
	free(bad);
	test_rmdir(dir);
	segment_abbrevs_free(ab);
}
END_TEST

/* A document: headline "Head" on line 1, then blocks. */
static void doc_add(struct document *doc, enum block_kind kind, const char *text, int line)
{
	document_add_block(doc, kind, text ? xstrdup(text) : NULL, line);
}

static void segment(const struct document *doc, const int pauses[BREAK_COUNT], struct segment_list *out)
{
	struct segment_abbrevs *ab = english();

	segment_list_init(out);
	ck_assert_int_eq(segment_document(doc, ab, pauses, out), 0);
	segment_abbrevs_free(ab);
}

static void expect_segment(const struct segment_list *l, size_t i, const char *text, enum segment_role role,
			   enum segment_break brk, int pause_ms, int line)
{
	const struct segment *s;

	ck_assert_uint_lt(i, l->n);
	s = &l->items[i];
	ck_assert_str_eq(s->text, text);
	ck_assert_msg(s->role == role, "segment %zu '%s' is a %s, want %s", i, text, segment_role_name(s->role),
		      segment_role_name(role));
	ck_assert_msg(s->brk == brk, "segment %zu '%s' ends in a %s break, want %s", i, text,
		      segment_break_name(s->brk), segment_break_name(brk));
	ck_assert_int_eq(s->pause_ms, pause_ms);
	ck_assert_int_eq(s->line, line);
}

START_TEST(document_roles_and_breaks)
{
	struct voice_profile vp;
	struct document doc;
	struct segment_list l;

	voice_profile_init(&vp);
	document_init(&doc);
	doc.headline = xstrdup("Bridge repairs approved");
	doc.headline_line = 1;
	doc_add(&doc, BLOCK_PARAGRAPH, "Mr. Smith met Dr. Jones. They talked.", 3);
	doc_add(&doc, BLOCK_DIVIDER, NULL, 5);
	doc_add(&doc, BLOCK_PARAGRAPH, "Then came the vote.", 7);
	doc_add(&doc, BLOCK_HEADING, "What happens next", 9);
	doc_add(&doc, BLOCK_QUOTE, "We will see.", 11);
	doc_add(&doc, BLOCK_PARAGRAPH, "Work starts in May. It ends in June.", 13);
	segment(&doc, vp.pause_ms, &l);
	ck_assert_uint_eq(l.n, 8);
	expect_segment(&l, 0, "Bridge repairs approved", ROLE_HEADLINE, BREAK_HEADLINE, 900, 1);
	expect_segment(&l, 1, "Mr. Smith met Dr. Jones.", ROLE_BODY, BREAK_SENTENCE, 0, 3);
	/* the paragraph ends at a divider: the section break, the longer pause, wins */
	expect_segment(&l, 2, "They talked.", ROLE_BODY, BREAK_SECTION, 1500, 3);
	/* a subheading is a section break too */
	expect_segment(&l, 3, "Then came the vote.", ROLE_BODY, BREAK_SECTION, 1500, 7);
	expect_segment(&l, 4, "What happens next", ROLE_SUBHEADING, BREAK_SUBHEADING, 700, 9);
	expect_segment(&l, 5, "We will see.", ROLE_QUOTE, BREAK_PARAGRAPH, 600, 11);
	expect_segment(&l, 6, "Work starts in May.", ROLE_BODY, BREAK_SENTENCE, 0, 13);
	/* the last: the article's end, whose pause is the episode's business */
	expect_segment(&l, 7, "It ends in June.", ROLE_BODY, BREAK_ARTICLE, 0, 13);
	segment_list_release(&l);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_ptr_null(l.items);
	document_release(&doc);
	voice_profile_release(&vp);
}
END_TEST

START_TEST(longest_pause_wins)
{
	/* a profile where a paragraph pauses longer than a section */
	const int pauses[BREAK_COUNT] = { 10, 2000, 900, 700, 1500, 2500 };
	/* equal pauses: the stronger break (the later in the enum) is kept */
	const int equal[BREAK_COUNT] = { 0, 1000, 1000, 1000, 1000, 1000 };
	struct document doc;
	struct segment_list l;

	document_init(&doc);
	doc_add(&doc, BLOCK_PARAGRAPH, "One. Two.", 1);
	doc_add(&doc, BLOCK_DIVIDER, NULL, 3);
	doc_add(&doc, BLOCK_DIVIDER, NULL, 5);
	doc_add(&doc, BLOCK_PARAGRAPH, "Three.", 7);
	segment(&doc, pauses, &l);
	ck_assert_uint_eq(l.n, 3);
	expect_segment(&l, 0, "One.", ROLE_BODY, BREAK_SENTENCE, 10, 1);
	expect_segment(&l, 1, "Two.", ROLE_BODY, BREAK_PARAGRAPH, 2000, 1);
	expect_segment(&l, 2, "Three.", ROLE_BODY, BREAK_ARTICLE, 0, 7);
	segment_list_release(&l);
	segment(&doc, equal, &l);
	expect_segment(&l, 1, "Two.", ROLE_BODY, BREAK_SECTION, 1000, 1);
	segment_list_release(&l);
	document_release(&doc);
}
END_TEST

START_TEST(divider_before_anything_and_empty_documents)
{
	struct voice_profile vp;
	struct document doc;
	struct segment_list l;

	voice_profile_init(&vp);
	document_init(&doc);
	segment(&doc, vp.pause_ms, &l);
	ck_assert_uint_eq(l.n, 0);
	segment_list_release(&l);
	doc_add(&doc, BLOCK_DIVIDER, NULL, 1);
	doc_add(&doc, BLOCK_PARAGRAPH, "Only this.", 3);
	segment(&doc, vp.pause_ms, &l);
	ck_assert_uint_eq(l.n, 1);
	expect_segment(&l, 0, "Only this.", ROLE_BODY, BREAK_ARTICLE, 0, 3);
	segment_list_release(&l);
	document_release(&doc);
	voice_profile_release(&vp);
}
END_TEST

START_TEST(names)
{
	ck_assert_str_eq(segment_role_name(ROLE_HEADLINE), "headline");
	ck_assert_str_eq(segment_role_name(ROLE_QUOTE), "quote");
	ck_assert_str_eq(segment_break_name(BREAK_SENTENCE), "sentence");
	ck_assert_str_eq(segment_break_name(BREAK_SUBHEADING), "subheading");
	ck_assert_str_eq(segment_break_name(BREAK_ARTICLE), "article");
}
END_TEST

Suite *suite_segment(void)
{
	Suite *s = suite_create("segment");
	TCase *sent = tcase_create("sentences");
	TCase *doc = tcase_create("document");

	tcase_add_test(sent, titles_do_not_end_sentences);
	tcase_add_test(sent, countries_do_not_end_sentences);
	tcase_add_test(sent, times_end_sentences_before_a_capital);
	tcase_add_test(sent, initials_do_not_end_sentences);
	tcase_add_test(sent, ordinary_sentences);
	tcase_add_test(sent, punctuation_alone_is_not_a_sentence);
	tcase_add_test(sent, long_sentences_are_cut_at_a_space);
	tcase_add_test(sent, abbreviation_files);
	tcase_add_test(sent, german_sentences);
	tcase_add_test(sent, french_sentences);
	tcase_add_test(sent, italian_sentences);
	tcase_add_test(sent, spanish_sentences);
	tcase_add_test(sent, portuguese_sentences);
	suite_add_tcase(s, sent);
	tcase_add_test(doc, document_roles_and_breaks);
	tcase_add_test(doc, longest_pause_wins);
	tcase_add_test(doc, divider_before_anything_and_empty_documents);
	tcase_add_test(doc, names);
	suite_add_tcase(s, doc);
	return s;
}
