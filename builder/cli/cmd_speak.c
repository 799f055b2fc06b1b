/* cmd_speak: `newscast speak ARTICLE -o OUT` turns one article into a finished, tagged audio file. */
#include "cmd.h"

#include "build_one.h"
#include "cli.h"
#include "encode.h"
#include "jobserver.h"
#include "settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_speak(int argc, char **argv)
{
	struct settings a;
	enum encode_format format;
	char *err;
	int first, ret;

	settings_init(&a);
	a.jobs = jobserver_cores();
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
	/* --jobs cores: the worker's, and tokens for what it runs beside itself */
	if (jobserver_init(a.jobs) < 0)
		return 1;
	ret = build_one(argv[first], &a);
	jobserver_release();
	return ret;
}
