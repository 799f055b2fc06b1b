#!/usr/bin/env bash
# newscast script: what would be spoken, and the pauses.
. "$(dirname "$0")/lib.sh"

printf 'A headline\n\nFirst sentence. Mr. Smith spoke second.\n\n***\n\nLast one.\n' >"$TMP/a.txt"
"$NEWSCAST" script "$TMP/a.txt" >"$TMP/out" 2>"$TMP/err"
cat >"$TMP/want" <<'WANT'
A headline
[pause 900 ms]
First sentence.
Mister Smith spoke second.
[pause 1500 ms]
Last one.
WANT
check "script prints segments and merged pauses" diff -u "$TMP/want" "$TMP/out"
finish
