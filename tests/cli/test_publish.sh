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

expect_status 2 "no arguments: usage, exit 2" "$PUBLISH"
expect_status 1 "a show without public/: exit 1" "$PUBLISH" "$TMP/nowhere" "$TMP/d"
check "the error names what is missing" grep -q "no '$TMP/nowhere/public'" "$TMP/stderr"
mk "$TMP/r" ep1
RSYNC= expect_status 1 "host:path without rsync: exit 1" "$PUBLISH" "$TMP/r" "example.invalid:/srv/x"
check "the error says rsync is needed" grep -q "rsync is not installed" "$TMP/stderr"
finish
