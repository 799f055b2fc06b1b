#!/usr/bin/env bash
# scripts/publish: public/ copied to DEST in a safe order; files the feed no longer lists removed after it.
. "$(dirname "$0")/lib.sh"
PUBLISH="$ROOT/scripts/publish"

mk() {	# mk SHOW SLUG...: a public/ with these episodes and a feed listing them
	local show=$1 s; shift
	rm -rf "$show/public"
	mkdir -p "$show/public/episodes"
	for s in "$@"; do
		for ext in mp3 vtt srt json chapters.json; do printf '%s.%s\n' "$s" "$ext" >"$show/public/episodes/$s.$ext"; done
	done
	printf 'feed of %s\n' "$*" >"$show/public/feed.xml"
	printf 'page of %s\n' "$*" >"$show/public/index.html"
	printf 'png\n' >"$show/public/cover.png"
}

for mode in rsync cp; do
	if [ "$mode" = rsync ] && ! command -v rsync >/dev/null; then
		skip "publish with rsync" "rsync is not installed"
		continue
	fi
	export RSYNC
	if [ "$mode" = rsync ]; then RSYNC=rsync; else RSYNC=; fi
	show="$TMP/$mode-show" dest="$TMP/$mode-dest"
	mk "$show" ep1 ep2
	expect_status 0 "$mode: first publish exits 0" "$PUBLISH" "$show" "$dest"
	check "$mode: DEST matches public/" diff -r "$show/public" "$dest"
	# a later run: ep1 left the feed (keep = N), ep3 is new
	mk "$show" ep2 ep3
	expect_status 0 "$mode: second publish exits 0" "$PUBLISH" "$show" "$dest"
	check "$mode: the new episode's files are there" test -f "$dest/episodes/ep3.mp3" -a -f "$dest/episodes/ep3.vtt"
	check "$mode: files the feed no longer lists are gone" bash -c '! ls "$1"/episodes/ep1.* 2>/dev/null | grep -q .' _ "$dest"
	check "$mode: the feed is the new one" grep -qx 'feed of ep2 ep3' "$dest/feed.xml"
	check "$mode: no temporary files are left" bash -c '! find "$1" -name ".*" -type f | grep -q .' _ "$dest"
done
unset RSYNC

# A relative DEST is relative to where publish runs, never to public/ (where rsync works); a DEST
# inside public/ is refused rather than copied into itself, growing every run.
for mode in rsync cp; do
	if [ "$mode" = rsync ] && ! command -v rsync >/dev/null; then
		skip "relative DEST with rsync" "rsync is not installed"
		continue
	fi
	if [ "$mode" = rsync ]; then r=rsync; else r=; fi
	show="$TMP/rel-$mode-show" cwd="$TMP/rel-$mode-cwd"
	mk "$show" ep1
	mkdir -p "$cwd"
	for run in first second; do
		(cd "$cwd" && RSYNC=$r "$PUBLISH" "$show" www) >"$TMP/stdout" 2>"$TMP/stderr"
		check "$mode: relative DEST 'www', $run run: exit 0" [ $? -eq 0 ]
		check "$mode: relative DEST 'www', $run run: copied to ./www" diff -r "$show/public" "$cwd/www"
		check "$mode: relative DEST 'www', $run run: nothing under public/www" [ ! -e "$show/public/www" ]
	done
	(cd "$show" && RSYNC=$r "$PUBLISH" . public/www) >"$TMP/stdout" 2>"$TMP/stderr"
	check "$mode: DEST inside public/: exit 1" [ $? -eq 1 ]
	check "$mode: DEST inside public/: the error says it would copy into itself" grep -q 'into itself' "$TMP/stderr"
	check "$mode: DEST inside public/: nothing is copied" [ ! -e "$show/public/www" ]
done

# Killed at any moment, a publish never leaves a feed in DEST that points at a missing or
# partial file: a real show, published and killed again and again at random points.
show="$TMP/real"
"$NEWSCAST" init "$show" >/dev/null
sed -i 's|^base_url = .*|base_url = http://127.0.0.1:9/podcast/|' "$show/podcast.ini"
printf 'Ferry fares frozen\n\nFares will not rise this year. The operator said so on Friday.\n' >"$show/articles/a.txt"
"$NEWSCAST" build -q --date 2026-11-28 "$show" >/dev/null 2>&1
dest="$TMP/killed"
RSYNC= "$PUBLISH" "$show" "$dest" >/dev/null 2>&1	# yesterday's show, published whole
printf 'New park opens\n\nA park opened by the river. Families came to see it.\n' >"$show/articles/b.txt"
"$NEWSCAST" build -q --date 2026-11-29 "$show" >/dev/null 2>&1
bad=0 kills=0 seen=0
for i in $(seq 1 12); do
	RSYNC= "$PUBLISH" "$show" "$dest" >/dev/null 2>&1 &
	pid=$!
	sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
	kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null
	[ -f "$dest/feed.xml" ] || { bad=$((bad + 1)); continue; }
	seen=$((seen + $(grep -c '<enclosure' "$dest/feed.xml")))
	# every enclosure the feed names is there, whole
	checker enclosures "$dest" || bad=$((bad + 1))
done
check "killed publishes ($kills of 12 killed mid-run; $seen enclosures checked) never left a feed pointing at a missing or partial file" \
	[ "$bad" -eq 0 -a "$seen" -ge 12 ]

expect_status 2 "no arguments: usage, exit 2" "$PUBLISH"
expect_status 1 "a show without public/: exit 1" "$PUBLISH" "$TMP/nowhere" "$TMP/d"
check "the error names what is missing" grep -q "no '$TMP/nowhere/public'" "$TMP/stderr"
mk "$TMP/r" ep1
RSYNC= expect_status 1 "host:path without rsync: exit 1" "$PUBLISH" "$TMP/r" "example.invalid:/srv/x"
check "the error says rsync is needed" grep -q "rsync is not installed" "$TMP/stderr"
finish
