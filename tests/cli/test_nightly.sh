#!/usr/bin/env bash
# scripts/nightly and its systemd units: the units pass systemd-analyze verify; nightly builds a
# show under a lock (a second run gives up with 75), logs every run with timestamps and rotates
# the log, passes a failed build's status on, and publishes public/ to a folder, feed last and
# never after a failed build. The builds are build/newscast's, run through the script.
. "$(dirname "$0")/lib.sh"

NIGHTLY="$ROOT/scripts/nightly"
UNITS="$ROOT/scripts/systemd"
nightly() { NEWSCAST="$NEWSCAST" "$NIGHTLY" "$@"; }
# article DIR NAME HEADLINE TEXT: a one-paragraph article.
short_article() { printf '%s\n\n%s\n' "$3" "$4" >"$1/$2"; }
# items FEED: "guid url length" for each <item>, in the feed's order.
items() { checker items "$1"; }
# urls FEED: every enclosure, transcript and chapters URL in the feed.
urls() { checker urls "$1"; }
show_err() { sed 's/^/#   /' "$TMP/stderr" | head -n 5; }
count_items() { grep -c '<item>' "$1" 2>/dev/null || true; }
TS='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{4} \[[0-9]+\]'
# in_window T0 T1 LINE...: each line's timestamp is between T0 and T1 (epoch seconds).
in_window() {
	local lo=$1 hi=$2 l t; shift 2
	for l in "$@"; do
		t=$(date -d "${l%% \[*}" +%s 2>/dev/null) && [ "$t" -ge "$lo" ] && [ "$t" -le "$hi" ] || return 1
	done
}
fails() { ! "$@"; }	# check "..." fails COMMAND: passes when the command fails

# Short articles, original text, three sentences each.
ART="$TMP/art"
mkdir -p "$ART"
short_article "$ART" a-tram.txt "Tram line reaches the old docks" \
	"The new tram line reached the old docks on Tuesday morning. Trams will run every ten minutes until midnight. The first week of travel is free."
short_article "$ART" b-market.txt "Fish market moves indoors" \
	"The Saturday fish market will move into the old grain hall next month. Traders asked for a roof after a wet spring. The hall will also host a flower stall."
short_article "$ART" c-lighthouse.txt "Lighthouse opens to visitors again" \
	"The lighthouse on the north point opens to visitors again this weekend. Its stairs were rebuilt over the winter. Tickets are sold at the gate."
short_article "$ART" d-choir.txt "Harbour choir wins a regional prize" \
	"The harbour choir won first prize at the regional festival on Sunday. Forty singers travelled by coach to the contest. They will sing at the quay on Friday evening."

# ============ 1. the units ============
check "nightly is executable" [ -x "$NIGHTLY" ]
for f in newscast-nightly@.service newscast-nightly@.timer crontab.example README.md; do
	check "scripts/systemd/$f exists" [ -s "$UNITS/$f" ]
done
SVC="$UNITS/newscast-nightly@.service"
TMR="$UNITS/newscast-nightly@.timer"
check "service: ExecStart runs /usr/local/lib/newscast/nightly on /%I" \
	grep -qx 'ExecStart=/usr/local/lib/newscast/nightly /%I' "$SVC"
for kv in Type=oneshot Nice=10 NoNewPrivileges=yes PrivateTmp=yes; do
	check "service: $kv" grep -qx "$kv" "$SVC"
done
check "service: no ReadOnlyPaths, ProtectSystem=strict or ProtectHome that would stop it writing a show" \
	bash -c '! grep -Eq "^(ReadOnlyPaths|ProtectHome)=|^ProtectSystem=strict" "$1"' _ "$SVC"
for kv in 'OnCalendar=*-*-* 04:30' Persistent=true RandomizedDelaySec=5min WantedBy=timers.target; do
	check "timer: $kv" grep -qxF "$kv" "$TMR"
done
# %I undoes the escaping but not --path's dropped leading slash: /%I is the show's path again.
if command -v systemd-escape >/dev/null 2>&1; then
	for p in /srv/shows/harbour "/srv/my shows/harbour-2"; do
		inst=$(systemd-escape --path "$p")
		check "systemd-escape --path '$p' = $inst, and /%I of it is '$p' again" \
			[ "/$(systemd-escape --unescape "$inst")" = "$p" ]
	done
else
	skip "/%I is the show's path" "systemd-escape is not installed (Debian: systemd)"
fi
if command -v systemd-analyze >/dev/null 2>&1; then
	U="$TMP/units"
	mkdir -p "$U" "$TMP/xdg"
	chmod 700 "$TMP/xdg"
	printf '#!/bin/sh\nexit 0\n' >"$TMP/fake-nightly"
	chmod +x "$TMP/fake-nightly"
	cp "$SVC" "$TMR" "$U/"
	# verify wants ExecStart's program to exist: the stand-in for the one not installed here
	sed -i "s|^ExecStart=/usr/local/lib/newscast/nightly |ExecStart=$TMP/fake-nightly |" "$U/newscast-nightly@.service"
	ln -s newscast-nightly@.service "$U/newscast-nightly@srv-shows-harbour.service"
	ln -s newscast-nightly@.timer "$U/newscast-nightly@srv-shows-harbour.timer"
	# verify_units DIR [--user]: exit 0, and no word about our units (unknown keys and bad values
	# are only warnings)
	verify_units() {
		local d=$1; shift
		(cd "$d" && XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$TMP/xdg} systemd-analyze "$@" verify \
			./newscast-nightly@.service ./newscast-nightly@.timer \
			./newscast-nightly@srv-shows-harbour.service ./newscast-nightly@srv-shows-harbour.timer) \
			>"$TMP/verify.out" 2>&1 || return 1
		! grep -q 'newscast-nightly' "$TMP/verify.out"
	}
	check "systemd-analyze verify: the template and an instance, service and timer" verify_units "$U"
	sed 's/^/#   /' "$TMP/verify.out" | head -n 5
	check "systemd-analyze --user verify: the same, as user units" verify_units "$U" --user
	sed 's/^/#   /' "$TMP/verify.out" | head -n 5
	# the same check on broken copies fails
	B="$TMP/units-broken"
	cp -a "$U" "$B"
	sed -i 's/^Nice=10$/Nice=ten/' "$B/newscast-nightly@.service"
	check "systemd-analyze verify fails on a copy with Nice=ten" fails verify_units "$B"
	cp "$U/newscast-nightly@.service" "$B/"
	sed -i 's/^Persistent=true$/Persistant=true/' "$B/newscast-nightly@.timer"
	check "systemd-analyze verify fails on a timer with a misspelt key" fails verify_units "$B"
	next=$(systemd-analyze calendar '*-*-* 04:30' 2>/dev/null | sed -n 's/^ *Next elapse: //p')
	check "the timer's OnCalendar next elapses at 04:30:00 ($next)" grep -q ' 04:30:00 ' <<<"$next"
else
	skip "systemd-analyze verify on the units" "systemd-analyze is not installed (Debian: systemd)"
fi
# crontab.example: 04:30 every day, a random delay of at most 5 minutes, nice 10, nightly
CRON=$(grep -Ev '^[[:space:]]*(#|$)|^[A-Z]+=' "$UNITS/crontab.example")
check "crontab.example: one job line (got $(printf '%s' "$CRON" | grep -c .))" [ "$(printf '%s' "$CRON" | grep -c .)" -eq 1 ]
check "crontab.example: at 04:30 every day" bash -c '[[ $1 =~ ^30[[:space:]]+4[[:space:]]+\*[[:space:]]+\*[[:space:]]+\*[[:space:]] ]]' _ "$CRON"
check "crontab.example: nice -n 10 /usr/local/lib/newscast/nightly SHOW" \
	grep -q 'nice -n 10 /usr/local/lib/newscast/nightly /' <<<"$CRON"
check "crontab.example: a random delay under 300 s, in bash, % escaped" \
	bash -c 'grep -qF "sleep \$((RANDOM \\% 300))" <<<"$1" && grep -qx "SHELL=/bin/bash" "$2"' _ "$CRON" "$UNITS/crontab.example"
cmd=$(sed -E 's/^([^[:space:]]+[[:space:]]+){5}//; s/\\%/%/g' <<<"$CRON")
check "crontab.example: the command is valid bash" bash -n -c "$cmd"

# ============ 2. a nightly run, and a second one while it holds the lock ============
S="$TMP/harbour"
"$NEWSCAST" init "$S" >/dev/null
sed -i 's/^mode = .*/mode = article/' "$S/podcast.ini"	# an item per article
cp "$ART/a-tram.txt" "$ART/b-market.txt" "$S/articles/"
LOG="$S/.newscast/log"
LOCK="$S/.newscast/lock"
t0=$(date +%s)
expect_status 0 "nightly: the first run exits 0" nightly "$S"
show_err
t1=$(date +%s)
check "nightly: prints nothing when all went well" [ ! -s "$TMP/stdout" -a ! -s "$TMP/stderr" ]
check "nightly: feed.xml exists" [ -s "$S/public/feed.xml" ]
check "nightly: the feed has 2 items (got $(count_items "$S/public/feed.xml"))" [ "$(count_items "$S/public/feed.xml")" = 2 ]
check "log: SHOW/.newscast/log exists" [ -s "$LOG" ]
first=$(head -n 1 "$LOG" 2>/dev/null)
last=$(tail -n 1 "$LOG" 2>/dev/null)
check "log: the first line is a timestamped start ($first)" grep -Eq "^$TS start: .*newscast build .*harbour" <<<"$first"
check "log: the last line is a timestamped end with exit 0 and the duration ($last)" \
	grep -Eq "^$TS end: exit 0 after [0-9]+\.[0-9] s$" <<<"$last"
check "log: the start and end times are now" in_window "$t0" "$t1" "$first" "$last"
check "log: every line is timestamped" fails grep -Evq "^$TS " "$LOG"
check "log: it holds the build's own output (the 'built' lines)" \
	[ "$(grep -Ec "^$TS build: built .*episodes/.*\.mp3" "$LOG")" -eq 2 ]
items "$S/public/feed.xml" >"$TMP/items.1"

# The second night: one more article; while this run holds the lock (its newscast held back by
# a stand-in until the test says go), a second run with --wait 1 gives up.
cp "$ART/c-lighthouse.txt" "$S/articles/"
held_newscast
NEWSCAST="$TMP/held-newscast" "$NIGHTLY" "$S" >"$TMP/first.out" 2>"$TMP/first.err" &
pid=$!
held=1
for _ in $(seq 100); do	# until the first run has taken the lock
	if ! flock -n "$LOCK" true; then held=0; break; fi
	sleep 0.1
done
check "lock: the first run holds SHOW/.newscast/lock" [ "$held" -eq 0 ]
s0=${EPOCHREALTIME/[.,]/}
expect_status 75 "lock: a second run with --wait 1 exits 75" nightly "$S" --wait 1
s1=${EPOCHREALTIME/[.,]/}
waited=$(( (s1 - s0) / 1000 ))
check "lock: the second run waited about 1 s ($waited ms)" [ "$waited" -ge 900 -a "$waited" -lt 5000 ]
check "lock: its message is one line on stderr ($(head -n 1 "$TMP/stderr"))" \
	[ "$(wc -l <"$TMP/stderr")" -eq 1 -a ! -s "$TMP/stdout" ]
check "lock: the message says another run holds the lock" grep -Eqi 'another .*lock|lock.*another' "$TMP/stderr"
kill -0 "$pid" 2>/dev/null
check "lock: the first run was still going" [ $? -eq 0 ]
touch "$TMP/go"
wait "$pid"
rc=$?
check "lock: the first run then completes with exit 0 (got $rc)" [ "$rc" -eq 0 ]
sed 's/^/#   /' "$TMP/first.err" | head -n 5
check "log: the second run is logged as busy" grep -Eq "^$TS busy: " "$LOG"
check "log: the second run built nothing (2 starts in all, got $(grep -Ec "^$TS start: " "$LOG"))" \
	[ "$(grep -Ec "^$TS start: " "$LOG")" -eq 2 ]
items "$S/public/feed.xml" >"$TMP/items.2"
check "feed: one item more (2 -> $(count_items "$S/public/feed.xml"))" [ "$(count_items "$S/public/feed.xml")" = 3 ]
check "feed: the old items keep their guid, enclosure url and length" \
	bash -c '[ -s "$1" ] && [ -z "$(sort "$1" | comm -23 - <(sort "$2"))" ]' _ "$TMP/items.1" "$TMP/items.2"
check "feed: the new item has a new guid" \
	[ "$(cut -d' ' -f1 "$TMP/items.2" | sort -u | wc -l)" -eq 3 ]

# ============ 3. a failing build ============
F="$TMP/broken"
"$NEWSCAST" init "$F" >/dev/null
cp "$ART/a-tram.txt" "$F/articles/"
sed -i 's/^mode = .*/mode = weekly/' "$F/podcast.ini"
expect_status 1 "broken podcast.ini: nightly exits 1, the build's status" nightly "$F"
check "broken podcast.ini: stderr has newscast's error" grep -q "podcast.ini' line [0-9]*: bad value 'weekly'" "$TMP/stderr"
check "broken podcast.ini: stderr names the log" grep -qF "$F/.newscast/log" "$TMP/stderr"
check "broken podcast.ini: the log has the error, timestamped" \
	grep -Eq "^$TS build error: newscast: .*podcast.ini' line [0-9]+: bad value 'weekly' for 'mode'" "$F/.newscast/log"
check "broken podcast.ini: the log ends with exit 1" grep -Eq "^$TS end: exit 1 after " <(tail -n 1 "$F/.newscast/log")
expect_status 1 "broken podcast.ini with --publish: exit 1" nightly "$F" --publish "$TMP/www-broken"
check "broken podcast.ini with --publish: nothing is published" [ ! -e "$TMP/www-broken" ]
check "broken podcast.ini with --publish: the log says it did not publish" \
	grep -Eq "^$TS publish: not publishing .*the build failed" "$F/.newscast/log"

# ============ 4. --publish ============
BASE=$(sed -n 's/^base_url *= *//p' "$S/podcast.ini")
# published_ok DEST: DEST has what public/ has, and every URL in DEST/feed.xml is a file in
# DEST (enclosures of the right length); no temporary file is left.
published_ok() {
	local d=$1 u rel n=0 len
	diff -r "$S/public" "$d" >"$TMP/diff" 2>&1 || { sed 's/^/#   /' "$TMP/diff" | head -n 5; return 1; }
	while read -r u; do
		rel=${u#"$BASE"}
		if [ "$rel" = "$u" ] || [ ! -f "$d/$rel" ]; then echo "#   missing in DEST: $u"; return 1; fi
		n=$((n + 1))
	done < <(urls "$d/feed.xml")
	while read -r _ u len; do
		[ "$(stat -c %s "$d/${u#"$BASE"}")" = "$len" ] || { echo "#   length of $u is not $len"; return 1; }
	done < <(items "$d/feed.xml")
	[ "$n" -ge 5 ]
}
# watched_publish LABEL DEST [ENV...]: nightly --publish DEST, the renames into DEST recorded with
# inotifywait; then: exit 0, DEST complete, every file renamed into place (none written under
# its own name) and feed.xml renamed last of all.
watched_publish() {
	local label=$1 d=$2 wpid; shift 2
	mkdir -p "$d/episodes"	# watched from the start, not added by inotifywait -r later
	if command -v inotifywait >/dev/null 2>&1; then
		: >"$TMP/events.err"
		inotifywait -m -r -e close_write,moved_to --format '%e %w%f' "$d" >"$TMP/events" 2>"$TMP/events.err" &
		wpid=$!
		for _ in $(seq 100); do grep -q 'Watches established' "$TMP/events.err" && break; sleep 0.05; done
	fi
	env NEWSCAST="$NEWSCAST" "$@" "$NIGHTLY" "$S" --publish "$d" >"$TMP/stdout" 2>"$TMP/stderr"
	local rc=$?
	check "$label: exit 0 (got $rc)" [ "$rc" -eq 0 ]
	show_err
	check "$label: DEST is public/, and every enclosure, transcript and chapters file of DEST/feed.xml is in DEST" \
		published_ok "$d"
	if [ -n "${wpid:-}" ]; then
		sleep 0.3
		kill "$wpid" 2>/dev/null
		wait "$wpid" 2>/dev/null
		# events for the final names only: "EVENT PATH"
		grep -v -e '/\.~tmp~/' -e '/\.[^/]*$' "$TMP/events" >"$TMP/events.final"
		check "$label: feed.xml and index.html are renamed into place, never written under their own name" \
			bash -c '! grep -Eq "^CLOSE_WRITE[^ ]* .*/(feed\.xml|index\.html)$" "$1" &&
				grep -Eq "^MOVED_TO .*/feed\.xml$" "$1" && grep -Eq "^MOVED_TO .*/index\.html$" "$1"' _ "$TMP/events.final"
		if tail -n 1 "$TMP/events.final" | grep -Eq "^MOVED_TO .*/feed\.xml$"; then
			ok "$label: feed.xml is the last file to arrive in DEST"
		else
			not_ok "$label: feed.xml is the last file to arrive in DEST"
			tail -n 3 "$TMP/events.final" | sed 's/^/#   /'
		fi
	else
		skip "$label: feed.xml last" "inotifywait is not installed (Debian: inotify-tools)"
	fi
}
if command -v rsync >/dev/null 2>&1; then
	watched_publish "--publish with rsync" "$TMP/www-rsync"
	check "--publish with rsync: the log says rsync" grep -Eq "^$TS publish: .* with rsync" "$LOG"
else
	skip "--publish with rsync" "rsync is not installed (Debian: rsync)"
fi
watched_publish "--publish with cp (RSYNC empty)" "$TMP/www-cp" RSYNC=
check "--publish with cp: the log says cp" grep -Eq "^$TS publish: .* with cp" "$LOG"
# the next night: one new episode goes to DEST, feed last again
cp "$ART/d-choir.txt" "$S/articles/"
watched_publish "--publish with cp, a new episode" "$TMP/www-cp" RSYNC=
check "--publish with cp, a new episode: DEST's feed has 4 items" [ "$(count_items "$TMP/www-cp/feed.xml")" = 4 ]
if command -v rsync >/dev/null 2>&1; then
	watched_publish "--publish with rsync, nothing new built, the new episode copied" "$TMP/www-rsync"
fi
# a failed build publishes nothing: an article that fails makes the build exit 1 although it
# publishes an episode of the rest in public/; DEST stays as it was
(cd "$TMP/www-cp" && find . -type f -print0 | sort -z | xargs -0 md5sum) >"$TMP/www.1"
cp "$ART/a-tram.txt" "$S/articles/e-again.txt"
: >"$S/articles/f-empty.txt"
expect_status 1 "an article that fails: nightly --publish exits 1" env NEWSCAST="$NEWSCAST" RSYNC= "$NIGHTLY" "$S" --publish "$TMP/www-cp"
check "an article that fails: public/ has the new episode (the build went on)" [ "$(count_items "$S/public/feed.xml")" = 5 ]
(cd "$TMP/www-cp" && find . -type f -print0 | sort -z | xargs -0 md5sum) >"$TMP/www.2"
check "an article that fails: DEST is exactly as before (nothing published)" cmp -s "$TMP/www.1" "$TMP/www.2"
expect_status 1 "--publish host:path without rsync: exit 1" env NEWSCAST="$NEWSCAST" RSYNC= "$NIGHTLY" "$S" --publish "nohost.invalid:/srv/podcast"
check "--publish host:path without rsync: the error says rsync is needed" grep -q 'rsync' "$TMP/stderr"
# a relative DEST is relative to where nightly runs, never SHOW/public/
for r in rsync ""; do
	if [ -n "$r" ] && ! command -v rsync >/dev/null 2>&1; then continue; fi
	cwd=$(case_dir cwd)
	(cd "$cwd" && env NEWSCAST="$NEWSCAST" RSYNC=$r "$NIGHTLY" "$S" --publish www) >"$TMP/stdout" 2>"$TMP/stderr"
	check "--publish www (${r:-cp}): exit 0" [ $? -eq 0 ]
	check "--publish www (${r:-cp}): published to ./www, complete" published_ok "$cwd/www"
	check "--publish www (${r:-cp}): nothing under SHOW/public/www" [ ! -e "$S/public/www" ]
done

# ============ 5. log rotation ============
for i in 1 2 3 4 5; do echo "old log.$i" >"$LOG.$i"; done
{ echo "prefilled"; yes 'a line of an old log, to make it long' | head -c 1100000; echo; } >"$LOG"
if [ "$NEWSCAST" -ef "$ROOT/build/newscast" ]; then	# and nightly finds it by itself
	expect_status 0 "rotation: nightly (without NEWSCAST) exits 0" env -u NEWSCAST "$NIGHTLY" "$S"
	check "nightly without NEWSCAST runs the repository's build/newscast" \
		grep -Eq "^$TS start: .* with $ROOT/build/newscast" "$LOG"
else
	expect_status 0 "rotation: nightly exits 0" nightly "$S"
fi
check "rotation: the 1.1 MB log is now log.1" [ "$(head -n 1 "$LOG.1" 2>/dev/null)" = prefilled ]
check "rotation: log.1 ... log.4 moved up to log.2 ... log.5" \
	bash -c 'for i in 2 3 4 5; do [ "$(cat "$1.$i")" = "old log.$((i - 1))" ] || exit 1; done' _ "$LOG"
check "rotation: no log.6, and the old log.5 is gone" \
	bash -c '[ ! -e "$1.6" ] && ! grep -qx "old log.5" "$1" "$1".*' _ "$LOG"
check "rotation: the new log is this run's, start to end" \
	bash -c 'grep -Eq "^$1 start: " <(head -n 1 "$2") && grep -Eq "^$1 end: exit 0 " <(tail -n 1 "$2") && [ "$(wc -c <"$2")" -lt 4096 ]' _ "$TS" "$LOG"
expect_status 0 "rotation: another run exits 0" nightly "$S"
check "rotation: a log under 1 MB is not rotated" \
	[ "$(head -n 1 "$LOG.1" 2>/dev/null)" = prefilled -a "$(grep -Ec "^$TS start: " "$LOG")" -eq 2 ]

# ============ 6. usage ============
cp "$LOG" "$TMP/log.before"
expect_status 2 "usage: no SHOW: exit 2" "$NIGHTLY"
check "usage: no SHOW: a usage line" grep -q '^usage: nightly SHOW' "$TMP/stderr"
expect_status 0 "usage: --help: exit 0" "$NIGHTLY" --help
check "usage: --help prints the usage on stdout" grep -q '^usage: nightly SHOW \[--publish DEST\] \[--wait SECONDS\]' "$TMP/stdout"
expect_status 2 "usage: an unknown option: exit 2" nightly "$S" --bogus
expect_status 2 "usage: --wait without a number: exit 2" nightly "$S" --wait
expect_status 2 "usage: --wait abc: exit 2" nightly "$S" --wait abc
expect_status 2 "usage: --wait -1: exit 2" nightly "$S" --wait -1
expect_status 2 "usage: --publish without DEST: exit 2" nightly "$S" --publish
expect_status 2 "usage: two shows: exit 2" nightly "$S" "$F"
check "usage: a usage error builds and logs nothing" cmp -s "$LOG" "$TMP/log.before"
expect_status 1 "a SHOW that does not exist: exit 1" nightly "$TMP/no-such-show"
check "a SHOW that does not exist: nothing is created" [ ! -e "$TMP/no-such-show" ]
mkdir "$TMP/not-a-show"
expect_status 1 "a folder without podcast.ini: exit 1" nightly "$TMP/not-a-show"
check "a folder without podcast.ini: the error says so" grep -q 'podcast.ini' "$TMP/stderr"
check "a folder without podcast.ini: nothing is created in it" [ -z "$(ls -A "$TMP/not-a-show")" ]

finish
