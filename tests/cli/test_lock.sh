#!/usr/bin/env bash
# One run on a show at a time: newscast build and newscast feed take an exclusive flock on
# SHOW/.newscast/lock, a second one waits up to --wait SECONDS and then exits 75; scripts/nightly
# holds the same lock and hands it down to its build. Checked with util-linux's flock holding
# the lock from here, and with two real builds started at once.
. "$(dirname "$0")/lib.sh"

export TZ=UTC
DATE=2026-11-29
NIGHTLY="$ROOT/scripts/nightly"
sidecars() { ls "$1"/public/episodes/*.json 2>/dev/null | grep -v '\.chapters\.json$' | sort; }
show_err() { sed 's/^/#   /' "$TMP/stderr" | head -n "${1:-5}"; }
# ms_since T0: milliseconds since T0 (an EPOCHREALTIME without its decimal mark).
now_us() { local t=${EPOCHREALTIME//[!0-9]/}; echo "$((10#$t))"; }
ms_since() { echo $(( ($(now_us) - $1) / 1000 )); }

if ! command -v flock >/dev/null 2>&1; then
	skip "the show's lock" "flock is not installed (Debian: util-linux)"
	finish
fi

S="$TMP/show"
"$NEWSCAST" init "$S" >/dev/null
sed -i 's/^mode = .*/mode = article/' "$S/podcast.ini"	# an episode per article: a race shows as duplicates
for n in 1 2 3 4; do
	article "$S/articles" "a$n.txt" "Story number $n of the night" \
		"This is the text of story number $n. It is short, so that the build is quick."
done
LOCK="$S/.newscast/lock"

# hold LOCKFILE: holds the lock from a process of our own until release; each hold keeps its
# flags (held, release) in a folder of its own.
holder="" hold_dir=""
hold() {
	hold_dir=$(case_dir hold)
	flock "$1" -c "touch '$hold_dir/held'; while [ ! -e '$hold_dir/release' ]; do sleep 0.05; done" &
	holder=$!
	for _ in $(seq 200); do [ -e "$hold_dir/held" ] && return 0; sleep 0.05; done
	return 1
}
release() { touch "$hold_dir/release"; wait "$holder"; holder=""; }
at_exit '[ -z "$holder" ] || kill "$holder" 2>/dev/null'

# ============ 1. the lock held from outside: build and feed give up with 75 ============
check "flock holds SHOW/.newscast/lock from the test" hold "$LOCK"
t0=$(now_us)
expect_status 75 "build --wait 1 while the lock is held: exit 75" "$NEWSCAST" build -q --wait 1 --date "$DATE" "$S"
waited=$(ms_since "$t0")
show_err 2
check "build --wait 1: it waited about 1 s ($waited ms)" [ "$waited" -ge 900 -a "$waited" -lt 5000 ]
check "build --wait 1: one line on stderr, nothing on stdout" [ "$(wc -l <"$TMP/stderr")" -eq 1 -a ! -s "$TMP/stdout" ]
check "build --wait 1: the message says another run holds the lock, and names it" \
	bash -c 'grep -qi "another" "$1" && grep -qF "$2" "$1"' _ "$TMP/stderr" "$LOCK"
check "build --wait 1: nothing was built" [ -z "$(sidecars "$S")" ]
check "build --wait 1: every article is still in articles/" [ "$(ls "$S/articles" | grep -c '\.txt$')" -eq 4 ]
t0=$(now_us)
expect_status 75 "build with no --wait while the lock is held: exit 75 at once" "$NEWSCAST" build -q "$S"
check "build with no --wait: it did not wait ($(ms_since "$t0") ms)" [ "$(ms_since "$t0")" -lt 900 ]
check "build with no --wait: the message says how to wait" grep -q -- '--wait' "$TMP/stderr"
expect_status 75 "feed --wait 1 while the lock is held: exit 75" "$NEWSCAST" feed --wait 1 "$S"
check "feed --wait 1: no feed was written" [ ! -e "$S/public/feed.xml" ]
expect_status 75 "nightly --wait 1 while newscast's lock is held: exit 75" "$NIGHTLY" "$S" --wait 1
release
expect_status 0 "build, the lock released: exit 0" "$NEWSCAST" build -q --date "$DATE" "$S"
show_err
check "build, the lock released: four episodes (got $(sidecars "$S" | wc -l))" [ "$(sidecars "$S" | wc -l)" -eq 4 ]
expect_status 0 "feed, the lock released: exit 0" "$NEWSCAST" feed "$S"
check "the lock file is still there, and no process holds it" flock -n "$LOCK" true

# ============ 2. a build waits for another that holds the lock, then runs ============
article "$S/articles" b1.txt "A late story" "A story that came in after the first build."
hold "$LOCK"
"$NEWSCAST" build -q --wait 30 --date "$DATE" "$S" >"$TMP/waiter.out" 2>"$TMP/waiter.err" &
waiter=$!
sleep 0.5
kill -0 "$waiter" 2>/dev/null
check "build --wait 30: still waiting while the lock is held" [ $? -eq 0 ]
check "build --wait 30: has built nothing meanwhile" [ "$(sidecars "$S" | wc -l)" -eq 4 ]
release
wait "$waiter"
rc=$?
check "build --wait 30: runs once the lock is released (exit $rc)" [ "$rc" -eq 0 ]
check "build --wait 30: built the late story (got $(sidecars "$S" | wc -l) episodes)" [ "$(sidecars "$S" | wc -l)" -eq 5 ]

# ============ 3. two real builds started at once ============
R="$TMP/race"
"$NEWSCAST" init "$R" >/dev/null
sed -i 's/^mode = .*/mode = article/' "$R/podcast.ini"
for n in 1 2 3 4 5 6; do
	article "$R/articles" "r$n.txt" "Race story number $n" \
		"This is race story number $n. Two builds started at once must publish it once."
done
# as a user would start them: no --wait, so the one that does not get the lock gives up at once
"$NEWSCAST" build -q --jobs 1 --date "$DATE" "$R" >"$TMP/r1.out" 2>"$TMP/r1.err" &
p1=$!
"$NEWSCAST" build -q --jobs 1 --date "$DATE" "$R" >"$TMP/r2.out" 2>"$TMP/r2.err" &
p2=$!
wait "$p1"; rc1=$?
wait "$p2"; rc2=$?
sed 's/^/#   1: /' "$TMP/r1.err" | head -n 3
sed 's/^/#   2: /' "$TMP/r2.err" | head -n 3
check "two builds at once: one exits 0, the other 75 (got $rc1 and $rc2)" \
	[ "$((rc1 + rc2))" -eq 75 -a "$((rc1 * rc2))" -eq 0 ]
check "two builds at once: the one that gave up says another run holds the lock" \
	bash -c 'cat "$1" "$2" | grep -qi "another newscast run"' _ "$TMP/r1.err" "$TMP/r2.err"
mapfile -t RJ < <(sidecars "$R")
check "two builds at once: six episodes (got ${#RJ[@]})" [ "${#RJ[@]}" -eq 6 ]
files=$(for f in "${RJ[@]}"; do jpy "$f" '[a["file"] for a in d["articles"]]'; done | sort)
check "two builds at once: each article is published exactly once" \
	[ "$files" = "$(printf 'r%d.txt\n' 1 2 3 4 5 6)" ]
check "two builds at once: the feed lists six items (got $(grep -c '<item>' "$R/public/feed.xml"))" \
	[ "$(grep -c '<item>' "$R/public/feed.xml")" -eq 6 ]
check "two builds at once: nothing was moved to articles/failed/" \
	bash -c '[ ! -d "$1" ] || [ -z "$(ls -A "$1")" ]' _ "$R/articles/failed"
check "two builds at once: state.json marks six published" \
	[ "$(jpy "$R/.newscast/state.json" 'sum(1 for a in d["articles"].values() if "episode" in a)')" -eq 6 ]
expect_status 0 "two builds at once: a third build afterwards finds nothing new" "$NEWSCAST" build -q "$R"
check "two builds at once: ... and says so" grep -q "^nothing new" "$TMP/stdout"

# ============ 4. nightly holds the same lock, and hands it to its build ============
N="$TMP/nightly-show"
"$NEWSCAST" init "$N" >/dev/null
article "$N/articles" n1.txt "A nightly story" "The nightly job builds this story under the show's lock."
held_newscast
NEWSCAST="$TMP/held-newscast" "$NIGHTLY" "$N" >"$TMP/n.out" 2>"$TMP/n.err" &
np=$!
held=1
for _ in $(seq 100); do
	if ! flock -n "$N/.newscast/lock" true; then held=0; break; fi
	sleep 0.1
done
check "nightly: holds SHOW/.newscast/lock while it runs" [ "$held" -eq 0 ]
expect_status 75 "nightly running: newscast build --wait 1 exits 75" "$NEWSCAST" build -q --wait 1 "$N"
expect_status 75 "nightly running: newscast feed exits 75" "$NEWSCAST" feed "$N"
touch "$TMP/go"
wait "$np"
rc=$?
sed 's/^/#   /' "$TMP/n.err" | head -n 3
check "nightly: its own build takes the lock it holds, no deadlock (exit $rc)" [ "$rc" -eq 0 ]
check "nightly: the story is built" [ "$(sidecars "$N" | wc -l)" -eq 1 ]
check "nightly: the lock is free afterwards" flock -n "$N/.newscast/lock" true

finish
