# Shared helpers for the CLI tests: TAP output, a folder of the test's own, the binary under test.
# Source it from a test: . "$(dirname "$0")/lib.sh"
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NEWSCAST=${NEWSCAST:-"$ROOT/build/newscast"}
SAMPLES="$ROOT/samples/articles"
FIXTURES=${FIXTURES:-"$ROOT/../shared/fixtures"}
PY=/usr/bin/python3
# checker COMMAND ARGS...: check.py, the tests' checkers (mutagen, feedparser, ElementTree ...).
CHECK_PY="$ROOT/tests/cli/check.py"
checker() { "$PY" "$CHECK_PY" "$@"; }

# Each test file works in a folder of its own, made here and removed when the test ends however
# it ends; TMPDIR points into it too, so what the tools a test runs leave there goes with it.
# No test sees another's files, and the files can run side by side.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/newscast-test.XXXXXX") || exit 1
export TMPDIR="$TMP"
# at_exit COMMAND: run COMMAND (with eval) when the test ends, before its folder is removed; the
# latest first. Tests register their clean-up (a server to stop, a disk to unmount) here rather
# than replace the EXIT trap.
_at_exit=()
at_exit() { _at_exit=("$1" "${_at_exit[@]}"); }
_exit_cleanup() {
	local c
	for c in "${_at_exit[@]}"; do eval "$c"; done
	rm -rf "$TMP"
}
trap _exit_cleanup EXIT
# case_dir NAME: a new empty folder for one case, inside the test's folder: for cases that would
# otherwise share a folder, and so see each other's leftovers.
# small_disk DIR SIZE WHAT: a tmpfs of SIZE (say 3m) mounted on DIR for a full-disk test, unmounted
# at exit; when it cannot be (not root, no tmpfs), WHAT is skipped, saying why, and it fails.
small_disk() {
	mkdir -p "$1"
	if [ "$(id -u)" -ne 0 ]; then
		skip "$3" "needs root to mount a tmpfs"
		return 1
	fi
	if ! mount -t tmpfs -o size="$2" newscast-test "$1" 2>"$TMP/mount.err"; then
		skip "$3" "cannot mount a tmpfs: $(head -n 1 "$TMP/mount.err")"
		return 1
	fi
	at_exit "umount $(printf %q "$1") 2>/dev/null"
}
case_dir() { mktemp -d "$TMP/$1.XXXXXX"; }
_failures=0

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; _failures=$((_failures + 1)); }
skip() { echo "ok - $1 # SKIP $2"; }

# check "description" command...: passes when the command exits 0.
check() {
	local what=$1; shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}

# wait_until TRIES command...: runs the command every 50 ms until it exits 0, TRIES times at most; 0 when it did.
wait_until() {
	local tries=$1 i; shift
	for ((i = 0; i < tries; i++)); do "$@" && return 0; sleep 0.05; done
	return 1
}

# expect_status N "description" command...: passes when the command exits N.
expect_status() {
	local want=$1 what=$2 got; shift 2
	"$@" >"$TMP/stdout" 2>"$TMP/stderr"; got=$?
	if [ "$got" -eq "$want" ]; then ok "$what"; else
		not_ok "$what (exit $got, wanted $want)"; sed 's/^/#   /' "$TMP/stderr" | head -5
	fi
}

# Duration of an audio file in seconds, as ffprobe reads it.
duration() { ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$1"; }
# float comparisons: between X LO HI
between() { awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(x >= lo && x <= hi) }'; }
finish() { exit $(( _failures > 0 )); }

# --- text helpers for the clean-up tests ---
# norm: stdin to one line, lower case, runs of white space squeezed: for substring comparisons.
norm() { tr '\n\t' '  ' | tr -s ' ' | sed 's/^ //; s/ $//' | tr '[:upper:]' '[:lower:]'; }
# spoken FILE: what a `newscast script` output says, without the pause lines, as one normalised line.
spoken() { grep -v '^\[pause [0-9]* ms\]$' "$1" | norm; }
# paragraphs FILE: the article's paragraphs (blank-line separated), one a line, lines joined with spaces.
paragraphs() { awk 'BEGIN { RS = "" } { gsub(/[ \t]*\n[ \t]*/, " "); print }' "$1"; }
# contains HAYSTACK-FILE NEEDLE: whether the normalised needle occurs in the (normalised) file.
contains() { local n; n=$(printf '%s' "$2" | norm); grep -qF -- "$n" "$1"; }
# count_in HAYSTACK-FILE NEEDLE: how many times the normalised needle occurs.
count_in() { local n; n=$(printf '%s' "$2" | norm); grep -oF -- "$n" "$1" | wc -l | tr -d ' '; }
# Whether a file is valid UTF-8.
valid_utf8() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }

# Shared by the show tests (build, feed, page, sources).
# jpy FILE EXPR [ARGS]: a Python expression over the JSON document d; a list prints one item a line.
jpy() { checker json "$@"; }
# near A B D: A and B are numbers at most D apart.
near() {
	awk -v a="$1" -v b="$2" -v d="$3" 'BEGIN {
		num = "^-?[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?$"
		if (a !~ num || b !~ num) exit 1
		x = a - b; if (x < 0) x = -x; exit !(x <= d) }'
}
# ini_set FILE SECTION KEY VALUE: sets KEY (or uncomments ";KEY") in [SECTION], or adds it there.
ini_set() {
	awk -v sec="[$2]" -v key="$3" -v val="$4" '
		function flush() { if (in_sec && !done) { print key " = " val; done = 1 } }
		/^\[/ { flush(); in_sec = ($0 == sec) }
		in_sec && !done && ($0 ~ "^;?" key " *=") { print key " = " val; done = 1; next }
		{ print }
		END { flush() }' "$1" >"$1.new" && mv "$1.new" "$1"
}
# article DIR NAME HEADLINE PARAGRAPH...: writes DIR/NAME, the headline, then paragraphs.
article() {
	local f="$1/$2" h=$3; shift 3
	{ printf '%s\n' "$h"; for p in "$@"; do printf '\n%s\n' "$p"; done; } >"$f"
}

# start_feedserver FEED: serves the file FEED with feedserver.py on 127.0.0.1 (every request logged
# to $TMP/server.log, its output in $TMP/server.out), stopped whatever happens; sets PORT, or fails
# the test. stop_server stops the server SERVER_PID names (test_feed.sh's and test_page.sh's too).
SERVER_PID=
stop_server() {
	if [ -n "$SERVER_PID" ]; then
		kill "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
		SERVER_PID=
	fi
}
start_feedserver() {
	local feed=$1
	at_exit stop_server
	$PY "$ROOT/tests/cli/feedserver.py" --feed "$feed" --port-file "$TMP/port" --log "$TMP/server.log" \
		>"$TMP/server.out" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.1; done
	PORT=$(cat "$TMP/port" 2>/dev/null)
	if [ -z "$PORT" ]; then
		not_ok "feedserver.py started and chose a port"
		sed 's/^/#   /' "$TMP/server.out"
		finish
	fi
}

# held_newscast: $TMP/held-newscast, a stand-in for newscast that waits until $TMP/go exists
# (60 s at most) before it runs it, so that a nightly run keeps its lock meanwhile.
held_newscast() {
	cat >"$TMP/held-newscast" <<EOF
#!/bin/sh
# newscast, held back until $TMP/go exists (60 s at most), so that nightly keeps its lock
i=0
while [ ! -e "$TMP/go" ] && [ \$i -lt 600 ]; do sleep 0.1; i=\$((i + 1)); done
exec "$NEWSCAST" "\$@"
EOF
	chmod +x "$TMP/held-newscast"
}

# spoken_vtt FILE: the text of a transcript's cues as one line (a sentence may run over lines and cues).
spoken_vtt() { awk 'NR > 1 && !/-->/ && !/^[0-9]+$/ && NF' "$1" | tr '\n' ' '; }
