/* paths: finds the program's data (voice profiles, rules) in a source tree or an installed prefix. */
#ifndef NEWSCAST_PATHS_H
#define NEWSCAST_PATHS_H

/* The folder of voice profiles and the folder of rules. The first that exists of:
 * $NEWSCAST_DATA/{voices,rules}; the source tree the binary was built in
 * (build/newscast → ./voices, ./builder/rules); DATADIR/{voices,rules}.
 * Returned strings are static: do not free. */
const char *paths_voices_dir(void);
const char *paths_rules_dir(void);

/* A new string: dir + "/" + name. */
char *paths_join(const char *dir, const char *name);

#endif
