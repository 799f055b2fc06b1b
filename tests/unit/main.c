/* Runs every unit test suite with Check; exits non-zero when any test fails. */
#include "log.h"
#include "suites.h"

#include <stdlib.h>

int main(void)
{
	Suite *(*const suites[])(void) = {
		suite_input,
		suite_extract,
		suite_input_feed,
		suite_script,
		suite_lexicon,
		suite_normalize,
		suite_feed,
		suite_cover,
		suite_publish,
		suite_transcript,
		suite_clean,
		suite_segment,
		suite_voice,
		suite_id3,
		suite_audio,
		suite_pcm,
		suite_isolate,
		suite_jobserver,
		suite_outfile,
		suite_encode,
		suite_synth,
		suite_util,
		suite_ini,
		suite_cli,
		suite_settings,
		suite_lock,
		suite_log,
		suite_error,
		suite_build_state,
		suite_build,
		suite_assemble,
		suite_article,
		suite_tags,
	};
	SRunner *sr = srunner_create(NULL);
	int failed;

	log_set_quiet_errors(true);
	for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
