/* build_one: one article built into a file of its own (what `speak` runs): script, part, assemble. */
#ifndef NEWSCAST_BUILD_ONE_H
#define NEWSCAST_BUILD_ONE_H

#include "settings.h"

/*
 * The build of one article, writing to a->output (default: the article's name with .mp3)
 * instead of a show: the article at path ("-": standard input) is read and scripted here,
 * its part made by the build's worker in a child process with its time limit (its pieces
 * encoded at once on the a->jobs cores), then written by assemble as an episode of one part:
 * a chapter for the headline and one a section when it has sections, tags from the article
 * unless a-> gives them. The file appears only when complete. 0, or 1 (reported).
 */
int build_one(const char *path, const struct settings *a);

#endif
