/* The unit test suites, one per module; main.c runs them all. */
#ifndef NEWSCAST_TEST_SUITES_H
#define NEWSCAST_TEST_SUITES_H

#include <check.h>

Suite *suite_input(void);
Suite *suite_input_feed(void);
Suite *suite_script(void);
Suite *suite_extract(void);
Suite *suite_clean(void);
Suite *suite_segment(void);
Suite *suite_voice(void);
Suite *suite_id3(void);
Suite *suite_audio(void);
Suite *suite_pcm(void);
Suite *suite_isolate(void);
Suite *suite_jobserver(void);
Suite *suite_outfile(void);
Suite *suite_encode(void);
Suite *suite_synth(void);
Suite *suite_util(void);
Suite *suite_ini(void);
Suite *suite_cli(void);
Suite *suite_settings(void);
Suite *suite_lock(void);
Suite *suite_log(void);
Suite *suite_error(void);
Suite *suite_build_state(void);
Suite *suite_build(void);
Suite *suite_assemble(void);
Suite *suite_article(void);
Suite *suite_tags(void);

Suite *suite_lexicon(void);
Suite *suite_normalize(void);
Suite *suite_feed(void);
Suite *suite_cover(void);
Suite *suite_publish(void);
Suite *suite_transcript(void);

#endif
