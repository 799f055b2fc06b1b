#!/usr/bin/env bash
# The speech spool: a worker writes an article's speech to an unlinked file in $TMPDIR as it is
# spoken. A full disk there is a one-line error naming the article, a non-zero exit and no output
# (in a build: the storage's fault, not the article's); a killed speak leaves nothing behind.
. "$(dirname "$0")/lib.sh"

ART="$SAMPLES/harbour-bridge.txt"
show_err() { sed 's/^/#   /' "$TMP/stderr" | head -n "${1:-5}"; }

# ============ 1. a full $TMPDIR ============
MNT="$TMP/small-tmp"
if small_disk "$MNT" 1m "full TMPDIR: speech spooled to a 1 MB tmpfs"; then
	# the article's 4 minutes of speech are about 10 MB
	TMPDIR="$MNT" "$NEWSCAST" speak -q "$ART" -o "$TMP/full.mp3" 2>"$TMP/stderr"
	rc=$?
	check "full TMPDIR: speak exits non-zero (got $rc)" [ "$rc" -ne 0 ]
	show_err
	check "full TMPDIR: one line of error (got $(wc -l <"$TMP/stderr"))" [ "$(wc -l <"$TMP/stderr")" -eq 1 ]
	check "full TMPDIR: it names the article and the full disk" grep -qF \
		"cannot write the speech of '$ART' to a temporary file: No space left on device" "$TMP/stderr"
	check "full TMPDIR: no output file" [ ! -e "$TMP/full.mp3" ]
	check "full TMPDIR: nothing left in TMPDIR" [ -z "$(ls -A "$MNT")" ]

	# a build: the storage failed, not the article; it stays where it is
	DS="$TMP/show"
	"$NEWSCAST" init "$DS" >/dev/null
	cp "$ART" "$DS/articles/"
	TMPDIR="$MNT" "$NEWSCAST" build -q --date 2026-11-29 "$DS" 2>"$TMP/stderr"
	rc=$?
	check "full TMPDIR: the build exits 1 (got $rc)" [ "$rc" -eq 1 ]
	show_err 8
	check "full TMPDIR: the build says why" grep -q "cannot write the speech of .* No space left on device" "$TMP/stderr"
	check "full TMPDIR: the build stopped for the storage" \
		bash -c 'tail -n 1 "$1" | grep -qi "stopped" && tail -n 1 "$1" | grep -qi "storage"' _ "$TMP/stderr"
	check "full TMPDIR: the article is not set aside" \
		bash -c '[ -f "$1/articles/harbour-bridge.txt" ] && { [ ! -d "$1/articles/failed" ] || [ -z "$(ls -A "$1/articles/failed")" ]; }' _ "$DS"
fi

# ============ 2. a killed speak leaves nothing behind ============
KT=$(case_dir killed)
held_in() { [ -n "$(find /proc/[0-9]*/fd -lname "$1/*" 2>/dev/null | head -n 1)" ]; }	# a descriptor open on a file in $1
free_of() { ! held_in "$1"; }
TMPDIR="$KT" setsid "$NEWSCAST" speak -q "$ART" -o "$TMP/killed.mp3" 2>/dev/null &
pid=$!
# wait until some process of it holds a file in KT: the spool, open and nameless
check "killed: the worker spools the speech into TMPDIR" wait_until 200 held_in "$KT"
check "killed: the spool has no name there while it is written" [ -z "$(ls -A "$KT")" ]
kill -KILL -- "-$pid" 2>/dev/null
{ wait "$pid"; } 2>/dev/null
# its children die with their parents; the file goes with the last one that holds it
check "killed: no process holds a file in TMPDIR any more" wait_until 40 free_of "$KT"
check "killed: nothing is left in TMPDIR (got: $(ls -A "$KT" | head -n 3 | tr '\n' ' '))" [ -z "$(ls -A "$KT")" ]

finish
