/* Unit tests for extract: the article's region and headline on small pages, one per layout of issue 13. */
#include "helpers.h"
#include "input.h"
#include "suites.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Story paragraphs: long enough, with commas, as a news story's are. */
#define P1 "The harbour board voted on Tuesday to freeze ferry fares for a year, after a winter of complaints from island residents."
#define P2 "Fares rose by nine per cent last spring, the third rise in four years, and the board said then that fuel costs left it no choice."
#define P3 "Residents of Skarra, the largest of the islands, collected 1,400 signatures in a month, more than half the island's adults."
#define P4 "The board's chair, Ines Morrow, said the freeze would cost about 600,000 in lost income, which reserves would cover."
#define P5 "Councillors on the islands welcomed the decision, but said a freeze was not a cut, and that many families still could not travel."
#define P6 "The board will review its timetable in the spring, when the new, larger vessel is due to enter service on the northern route."
#define HEAD "<html><head><meta charset=\"utf-8\"><title>Ferry fares frozen for a year | Island Gazette</title></head><body>"
#define TAIL "</body></html>"

/* The page's headline, then its blocks, one a line ("# " before a subheading, "> " before a quote). */
static char *read_page(const char *page)
{
	struct document doc;
	struct strbuf sb;

	document_init(&doc);
	ck_assert_int_eq(input_parse_html("t.html", page, strlen(page), &doc), 0);
	strbuf_init(&sb);
	strbuf_adds(&sb, doc.headline ? doc.headline : "(none)");
	strbuf_addc(&sb, '\n');
	for (size_t i = 0; i < doc.n_blocks; i++) {
		if (doc.blocks[i].kind == BLOCK_DIVIDER)
			continue;
		strbuf_addc(&sb, '\n');
		if (doc.blocks[i].kind == BLOCK_HEADING)
			strbuf_adds(&sb, "# ");
		else if (doc.blocks[i].kind == BLOCK_QUOTE)
			strbuf_adds(&sb, "> ");
		strbuf_adds(&sb, doc.blocks[i].text);
	}
	document_release(&doc);
	return strbuf_detach(&sb);
}

static void check_page(const char *page, const char *want)
{
	char *got = read_page(page);

	ck_assert_str_eq(got, want);
	free(got);
}

/* A page's language chooses the phrases of clutter (rules/LANG/clutter): a German page's
 * "Foto:" credit, "Anzeige" label and reading time are left out, the same page read as English
 * keeps what English's phrases do not name; a page that names no language, or one with no
 * list, is read with English's, and a word of the language inside a sentence is read. */
#define DE_P1 "Der Stadtrat hat am Dienstag beschlossen, die Gebühren für die Fähre ein Jahr lang nicht zu erhöhen, nach einem Winter voller Beschwerden."
#define DE_P2 "Die Preise waren im vergangenen Frühjahr um neun Prozent gestiegen, zum dritten Mal in vier Jahren, wie die Verwaltung mitteilte."
#define DE_P3 "Anzeige gegen den Betreiber der Fähre hat ein Fahrgast erstattet, nachdem er am Steg gestürzt war, sagte eine Sprecherin der Polizei."
/* A German page in the language lang. */
static char *de_page(const char *lang)
{
	return xasprintf("<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>Fährpreise bleiben stabil</title></head>"
			 "<body><article><h1>Fährpreise bleiben stabil</h1><div class=\"x1\">Lesezeit: 3 Min.</div><p>" DE_P1
			 "</p><p class=\"x2\">Foto: Jana Roth</p><div class=\"x3\">Anzeige</div><div class=\"x4\">Weiter "
			 "nach der Anzeige</div><p>" DE_P2 "</p><h2>Teilen statt besitzen</h2><p>" DE_P3 "</p></article>" TAIL,
			 lang);
}

START_TEST(language_chooses_clutter_phrases)
{
	static const char *const german[] = { "de-DE", "DE", "de_AT" };
	static const char *const english[] = { "en", "nl", "" };

	for (size_t i = 0; i < sizeof german / sizeof german[0]; i++) {
		char *page = de_page(german[i]);

		/* "Anzeige" alone is a label, "Teilen statt besitzen" and "Anzeige gegen …" are news */
		check_page(page, "Fährpreise bleiben stabil\n\n" DE_P1 "\n" DE_P2 "\n# Teilen statt besitzen\n" DE_P3);
		free(page);
	}
	/* read with English's phrases, the German credit and reading time are read */
	for (size_t i = 0; i < sizeof english / sizeof english[0]; i++) {
		char *page = de_page(english[i]), *text = read_page(page);

		ck_assert_msg(strstr(text, "Foto: Jana Roth") && strstr(text, "Lesezeit: 3 Min."), "lang '%s': %s",
			      english[i], text);
		ck_assert_msg(strstr(text, DE_P3) != NULL, "lang '%s': %s", english[i], text);
		free(text);
		free(page);
	}
}
END_TEST

/* Other languages' phrases, matched whatever their case ("À LIRE AUSSI"). */
START_TEST(language_phrases_in_any_case)
{
	static const struct {
		const char *lang, *clutter;
	} cases[] = {
		{ "fr", "À LIRE AUSSI" }, { "fr", "Photo : Léa Marchand" }, { "fr", "2 sur 9" },
		{ "es", "Publicidad" }, { "es", "Fuente: Ministerio de Sanidad" }, { "es", "3 de 12" },
		{ "it", "Pubblicità" }, { "it", "Tempo di lettura: 4 minuti" }, { "it", "Foto: Ansa" },
		{ "pt", "Leia também" }, { "pt", "Créditos: Paulo Souza" }, { "pt-PT", "Publicidade" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *page = xasprintf("<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>T</title></head><body>"
				       "<article><h1>Ferry fares frozen for a year</h1><p>" P1 "</p><div class=\"z\">%s</div>"
				       "<p>" P2 "</p></article>" TAIL, cases[i].lang, cases[i].clutter);
		char *text = read_page(page);

		ck_assert_msg(!strstr(text, cases[i].clutter), "%s: '%s' was read: %s", cases[i].lang, cases[i].clutter,
			      text);
		ck_assert_msg(strstr(text, P1) && strstr(text, P2), "%s: the story was not read whole: %s", cases[i].lang,
			      text);
		free(text);
		free(page);
	}
}
END_TEST

/* The first <article> is a promo card; the story is the second. */
START_TEST(promo_article_card_first)
{
	check_page(HEAD "<article class=\"card\"><h2><a href=\"/other\">Lighthouse keeper retires</a></h2>"
		   "<p>After forty years, a last look at the lamp.</p></article>"
		   "<article><h1>Ferry fares frozen for a year</h1><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2 "\n" P3);
}
END_TEST

/* Sections split by a figure, an aside and an ad, each in its own wrapper: all read, in order. */
START_TEST(split_sections_joined)
{
	check_page(HEAD "<div class=\"l-page\"><h1>Ferry fares frozen for a year</h1><div class=\"c-story\">"
		   "<div class=\"c-story__part\"><section><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></section></div>"
		   "<figure><img src=\"f.jpg\"><figcaption>The ferry at Skarra.</figcaption></figure>"
		   "<aside><p>Ferry timetables are on the board's website, updated every week.</p></aside>"
		   "<div class=\"ad-slot\">Advertisement</div>"
		   "<div class=\"c-story__part\"><section><h2>What comes next</h2><p>" P4 "</p><p>" P5
		   "</p></section></div></div></div>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2 "\n" P3 "\n# What comes next\n" P4 "\n" P5);
}
END_TEST

/* The lede sits outside the "read more" container that holds the rest. */
START_TEST(lede_outside_read_more)
{
	check_page(HEAD "<div class=\"story\"><h1>Ferry fares frozen for a year</h1><p class=\"lede-text\">" P1 "</p>"
		   "<div class=\"read-more-container\"><button>Read more</button><div class=\"read-more-inner\">"
		   "<p>" P2 "</p><p>" P3 "</p><p>" P4 "</p><p>" P5 "</p></div></div></div>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2 "\n" P3 "\n" P4 "\n" P5);
}
END_TEST

/* Paragraphs before an inner collapsible container, which holds more of the story. */
START_TEST(paragraphs_before_collapsible)
{
	check_page(HEAD "<div class=\"article\"><h1>Ferry fares frozen for a year</h1><p>" P1 "</p><p>" P2 "</p>"
		   "<div class=\"collapsible\"><p>" P3 "</p><p>" P4 "</p><p>" P5 "</p><p>" P6 "</p></div></div>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2 "\n" P3 "\n" P4 "\n" P5 "\n" P6);
}
END_TEST

/* The site's logo is the page's <h1>; the story's title is an <h2>. */
START_TEST(logo_h1)
{
	check_page(HEAD "<header><h1 class=\"brand\"><a href=\"/\">Island Gazette</a></h1></header>"
		   "<div class=\"post\"><h2 class=\"post-title\">Ferry fares frozen for a year</h2><p>" P1 "</p><p>" P2
		   "</p></div>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2);
}
END_TEST

/* A slideshow's long caption is an <h1>; the JSON-LD headline is the story's. */
START_TEST(slideshow_caption_h1)
{
	check_page("<html><head><title>Island Gazette</title><script type=\"application/ld+json\">"
		   "{\"@type\": \"NewsArticle\", \"headline\": \"Ferry fares frozen for a year\"}</script></head><body>"
		   "<div class=\"slides\"><h1>The ferry leaves Skarra harbour at dawn, as it has every day since the pier "
		   "was rebuilt, carrying the post, the milk and the children who go to school on the mainland, while "
		   "the fishing boats wait for the tide and the gulls follow the wake out past the lighthouse towards "
		   "the open sea.</h1></div><div class=\"body\"><p>" P1 "</p><p>" P2 "</p></div>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2);
}
END_TEST

/* The <h1> names the section; og:title is the story's title. */
START_TEST(section_name_h1)
{
	check_page("<html><head><meta property=\"og:title\" content=\"Ferry fares frozen for a year\"></head><body>"
		   "<h1 class=\"section-title\">Transport</h1><div class=\"body\"><p>" P1 "</p><p>" P2 "</p></div>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2);
}
END_TEST

/* "Back to … home" in an <h1>: the <title>, less the site's name, is the headline. */
START_TEST(back_to_home_h1)
{
	check_page("<html><head><title>Ferry fares frozen for a year - Island Gazette</title></head><body>"
		   "<h1><a href=\"/\">Back to Island Gazette home news</a></h1><div class=\"body\"><p>" P1 "</p><p>" P2
		   "</p></div>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2);
}
END_TEST

/* "See also" and "Related" lists inside the story are not read. */
START_TEST(related_and_see_also)
{
	check_page(HEAD "<article><h1>Ferry fares frozen for a year</h1><p>" P1 "</p><p>" P2 "</p>"
		   "<h3>See also</h3><ul><li><a href=\"/a\">Skarra pier reopens after storm repairs</a></li>"
		   "<li><a href=\"/b\">New ferry named after island midwife</a></li></ul>"
		   "<p><strong>Related:</strong> <a href=\"/c\">Board chair on the cost of fuel</a></p>"
		   "<div class=\"related-links\"><p>Why island fares keep rising, and what could stop them</p></div>"
		   "<p>" P3 "</p></article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2 "\n" P3);
}
END_TEST

/* A "Next on …" promo between the story's paragraphs. */
START_TEST(next_on_promo)
{
	check_page(HEAD "<article><h1>Ferry fares frozen for a year</h1><p>" P1 "</p><p>" P2 "</p>"
		   "<div class=\"x9f2\"><p>Next on Island Radio: the tide tables, the shipping forecast and "
		   "the week's weather.</p></div><p>" P3 "</p></article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2 "\n" P3);
}
END_TEST

/* A gallery inside the story: its counters and repeated captions are not read. */
START_TEST(gallery_counters)
{
	check_page(HEAD "<article><h1>Ferry fares frozen for a year</h1><p>" P1 "</p>"
		   "<div class=\"strip\"><div class=\"s\"><p>1/50</p><p>The ferry at dawn, before the first crossing.</p>"
		   "</div><div class=\"s\"><p>2/50</p><p>The ferry at noon, with the post on board.</p></div>"
		   "<p>3 of 50 The ferry at dusk.</p></div><p>" P2 "</p></article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2);
}
END_TEST

/* A video player's labels are not read. */
START_TEST(video_player_labels)
{
	check_page(HEAD "<article><h1>Ferry fares frozen for a year</h1><p>" P1 "</p>"
		   "<div class=\"vp\"><p>Play Video</p><ul><li>Captions settings, opens captions settings dialog</li>"
		   "<li>Captions off, selected</li></ul><p>2:45</p><div>Fullscreen</div></div><p>This is a modal window.</p>"
		   "<p>Now playing: Skarra harbour at dawn</p><p>" P2
		   "</p></article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2);
}
END_TEST

/* Words of a player, a promo, a credit or a trail inside a story's own sentences: read. */
START_TEST(clutter_words_in_prose_kept)
{
	check_page(HEAD "<article><h1>Ferry fares frozen for a year</h1><p>" P1 "</p>"
		   "<p>The board also kept the current time limit for public questions at three minutes, and meetings "
		   "are streamed with autoplay on the council's website, where recordings stay online for a year.</p>"
		   "<p>Next on the list is the harbour wall, which the board says must be rebuilt within five years.</p>"
		   "<p>Most popular of the options was a later Friday sailing.</p>"
		   "<p>Video footage shared by residents showed the queue at 10:30.</p>"
		   "<p>The department said the repairs were prepared.</p><p>Reuters reported the vote.</p>"
		   "<p>The admin read the notice aloud.</p>"
		   "<p>Le maire a r\xc3\xa9pondu \xc2\xab jamais \xc2\xbb, selon le compte rendu.</p><p>" P2
		   "</p></article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\nThe board also kept the current time limit for public "
		   "questions at three minutes, and meetings are streamed with autoplay on the council's website, where "
		   "recordings stay online for a year.\nNext on the list is the harbour wall, which the board says must "
		   "be rebuilt within five years.\nMost popular of the options was a later Friday sailing.\nVideo "
		   "footage shared by residents showed the queue at 10:30.\nThe department said the repairs were "
		   "prepared.\nReuters reported the vote.\nThe admin read the notice aloud.\nLe maire a r\xc3\xa9pondu "
		   "\xc2\xab jamais \xc2\xbb, selon le compte rendu.\n" P2);
}
END_TEST

/* Breadcrumbs, by their class or by their arrows. */
START_TEST(breadcrumbs)
{
	check_page(HEAD "<article><ol class=\"breadcrumbs\"><li><a href=\"/\">Home</a></li><li><a href=\"/n\">News</a>"
		   "</li></ol><div class=\"trail\">Home \xe2\x80\xba Islands \xe2\x80\xba Transport</div>"
		   "<h1>Ferry fares frozen for a year</h1><p>" P1 "</p><p>" P2 "</p></article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2);
}
END_TEST

/* Lone credits and "View this image ›" are not read. */
START_TEST(lone_credits)
{
	check_page(HEAD "<article><h1>Ferry fares frozen for a year</h1><p>" P1 "</p><p>Photo: Ana Ruiz/Getty Images</p>"
		   "<div>Getty Images</div><p><a href=\"/img\">View this image \xe2\x80\xba</a></p><p>" P2
		   "</p></article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2);
}
END_TEST

/* The article inside <noscript> is read; a notice in another <noscript> is not. */
START_TEST(article_in_noscript)
{
	check_page(HEAD "<noscript>Please turn on JavaScript to see this site.</noscript><div id=\"app\"></div>"
		   "<noscript><div class=\"story\"><h1>Ferry fares frozen for a year</h1><p>" P1 "</p><p>" P2 "</p>"
		   "</div></noscript>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2);
}
END_TEST

/* hidden, aria-hidden, display:none and <template> are never read. */
START_TEST(hidden_and_template_skipped)
{
	check_page(HEAD "<article><h1>Ferry fares frozen for a year</h1><p>" P1 "</p>"
		   "<div hidden><p>This paragraph is hidden from every reader of the page.</p></div>"
		   "<div aria-hidden=\"true\"><p>This paragraph is hidden from screen readers.</p></div>"
		   "<div style=\"display: none\"><p>This paragraph is styled away from view.</p></div>"
		   "<template><p>This paragraph is a template for comments.</p></template><p>" P2 "</p></article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2);
}
END_TEST

/* A story's own bullets are read; a list of links is not. */
START_TEST(story_bullets_kept)
{
	check_page(HEAD "<article><h1>Ferry fares frozen for a year</h1><p>" P1 "</p><p>Key points:</p>"
		   "<ul><li>Fares stay at this year's prices.</li><li>Reserves cover the cost.</li></ul>"
		   "<ul><li><a href=\"/a\">Ferry timetable</a></li><li><a href=\"/b\">Island bus times</a></li></ul>"
		   "<p>" P2 "</p></article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\nKey points:\nFares stay at this year's prices.\n"
		   "Reserves cover the cost.\n" P2);
}
END_TEST

/* Without <article>: a "most read" box of long linked paragraphs loses to the story. */
START_TEST(link_density)
{
	check_page(HEAD "<div class=\"box\"><p><a href=\"/1\">Skarra pier reopens after storm repairs, with a new, "
		   "longer breakwater and a café for the ferry queue</a></p><p><a href=\"/2\">New ferry named after "
		   "island midwife, who delivered 2,000 babies over forty years, in a vote by pupils</a></p><p>"
		   "<a href=\"/3\">Lighthouse keeper retires after forty years, and the lamp, the last on the islands, "
		   "will be automatic</a></p><p><a href=\"/4\">Island bus times change in March, with an extra, "
		   "later service on Fridays and Saturdays</a></p></div>"
		   "<div class=\"x\"><h1>Ferry fares frozen for a year</h1><p>" P1 "</p><p>" P2 "</p></div>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2);
}
END_TEST

/* A correction above the story's container and an editor's note in it are read. */
START_TEST(correction_and_editors_note_read)
{
	check_page(HEAD "<div class=\"page\"><h1>Ferry fares frozen for a year</h1>"
		   "<div class=\"correction-notice\"><strong>Correction:</strong> An earlier version gave the wrong "
		   "date for the vote</div><div class=\"wrap\"><div class=\"story-body\">"
		   "<div class=\"editors-note\">Editor's note: the author sits on the harbour board's advisory panel</div>"
		   "<p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div></div></div>" TAIL,
		   "Ferry fares frozen for a year\n\nCorrection: An earlier version gave the wrong date for the vote\n"
		   "Editor's note: the author sits on the harbour board's advisory panel\n" P1 "\n" P2 "\n" P3);
}
END_TEST

/* Footnotes after the story are read; their reference numbers and back links are not. */
START_TEST(footnotes_read_without_marks)
{
	check_page(HEAD "<article><h1>Ferry fares frozen for a year</h1><div class=\"story-body\"><p>" P1
		   "<sup class=\"ref\"><a href=\"#fn1\">1</a></sup></p><p>" P2 "<a href=\"#fn2\">[2]</a></p><p>" P3
		   "</p></div><div class=\"footnotes\"><ol><li id=\"fn1\">Fares are for adults travelling on foot.  "
		   "<a href=\"#r1\">\xe2\x86\xa9</a></li><li id=\"fn2\">Reserves as at the end of March.</li></ol></div>"
		   "</article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2 "\n" P3 "\nFares are for adults travelling on foot.\n"
		   "Reserves as at the end of March.");
}
END_TEST

/* The standfirst under the headline is not read (by its class, or a BEM modifier's); the lede is. */
START_TEST(standfirst_not_read)
{
	check_page(HEAD "<article><h1>Ferry fares frozen for a year</h1><p class=\"article-standfirst\">Islanders "
		   "win a year's reprieve after a winter of complaints about the cost of crossing.</p>"
		   "<div class=\"field field--name-field-summary\">The board will use its reserves to pay for the "
		   "freeze, its chair said.</div><div class=\"story-text\"><p class=\"lede\">" P1 "</p><p>" P2 "</p><p>"
		   P3 "</p></div></article>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2 "\n" P3);
}
END_TEST

/* An "Explore more" heading and the cards under it are not read. */
START_TEST(explore_more_not_read)
{
	check_page(HEAD "<main><h1>Ferry fares frozen for a year</h1><div class=\"x1\"><p>" P1 "</p></div>"
		   "<div class=\"x1\"><p>" P2 "</p></div><div class=\"x1\"><p>" P3 "</p></div>"
		   "<h2>Explore more</h2><div class=\"x2\"><p>Island walks for the winter, from the harbour to the "
		   "lighthouse</p></div></main>" TAIL,
		   "Ferry fares frozen for a year\n\n" P1 "\n" P2 "\n" P3);
}
END_TEST

Suite *suite_extract(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("layouts");

	tcase_add_test(tc, promo_article_card_first);
	tcase_add_test(tc, split_sections_joined);
	tcase_add_test(tc, lede_outside_read_more);
	tcase_add_test(tc, paragraphs_before_collapsible);
	tcase_add_test(tc, logo_h1);
	tcase_add_test(tc, slideshow_caption_h1);
	tcase_add_test(tc, section_name_h1);
	tcase_add_test(tc, back_to_home_h1);
	tcase_add_test(tc, related_and_see_also);
	tcase_add_test(tc, next_on_promo);
	tcase_add_test(tc, gallery_counters);
	tcase_add_test(tc, video_player_labels);
	tcase_add_test(tc, clutter_words_in_prose_kept);
	tcase_add_test(tc, breadcrumbs);
	tcase_add_test(tc, lone_credits);
	tcase_add_test(tc, article_in_noscript);
	tcase_add_test(tc, hidden_and_template_skipped);
	tcase_add_test(tc, story_bullets_kept);
	tcase_add_test(tc, link_density);
	tcase_add_test(tc, correction_and_editors_note_read);
	tcase_add_test(tc, footnotes_read_without_marks);
	tcase_add_test(tc, standfirst_not_read);
	tcase_add_test(tc, explore_more_not_read);
	tcase_add_test(tc, language_chooses_clutter_phrases);
	tcase_add_test(tc, language_phrases_in_any_case);
	suite_add_tcase(s, tc);
	return s;
}
