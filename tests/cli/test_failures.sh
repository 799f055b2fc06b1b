#!/usr/bin/env bash
# What a build does when things fail: a full disk is the show's fault, not the articles'
# (nothing set aside, the build stops, the next one builds them); a failed article never
# overwrites an earlier one in articles/failed/; each failure is printed once; a killed
# note's temporary file is cleaned up; control bytes in names never reach the terminal;
# `newscast feed` on a show never built writes an empty feed.
. "$(dirname "$0")/lib.sh"

export TZ=UTC
DATE=2026-11-29
build() { "$NEWSCAST" build -q --date "$DATE" "$@"; }
show_err() { sed 's/^/#   /' "$TMP/stderr" | head -n "${1:-5}"; }
# count_failed_in_state SHOW: how many articles state.json marks failed.
count_failed_in_state() {
	[ -f "$1/.newscast/state.json" ] || { echo 0; return; }
	jpy "$1/.newscast/state.json" 'sum(1 for a in d.get("articles", {}).values() if "failed" in a)'
}
# published_in_state SHOW: how many articles state.json marks published.
published_in_state() {
	[ -f "$1/.newscast/state.json" ] || { echo 0; return; }
	jpy "$1/.newscast/state.json" 'sum(1 for a in d.get("articles", {}).values() if "episode" in a)'
}
sidecars() { ls "$1"/public/episodes/*.json 2>/dev/null | grep -v '\.chapters\.json$' | sort; }

# Short articles, original text.
ART="$TMP/art"
mkdir -p "$ART"
article "$ART" a-ferry.txt "Ferry fares frozen for a year" \
	"Fares on the harbour ferry will not rise this year, the operator said on Friday."
article "$ART" b-park.txt "New park opens by the river" \
	"A new park opened on the east bank of the river on Saturday. The mayor cut a green ribbon at noon."
article "$ART" c-school.txt "School roof to be repaired" \
	"The roof of the village school will be repaired over the summer."
article "$ART" d-library.txt "Library opens on Sunday afternoons" \
	"The town library will open on Sunday afternoons from next month."
article "$ART" e-cafe.txt "Cafe owners cheer the new footbridge" \
	"Owners of the cafes on the west quay say the new footbridge has doubled their trade."

# ============ 1. a full disk is the show's fault, not the articles' ============
MNT="$TMP/small-disk"
if small_disk "$MNT" 3m "full disk: the show on a 3 MB tmpfs"; then
	DS="$MNT/show"
	"$NEWSCAST" init "$DS" >/dev/null
	cp "$ART"/*.txt "$DS/articles/"
	# leave about 64 KB free: less than one article's audio
	free_kb=$(df -k --output=avail "$MNT" | tail -n 1 | tr -d ' ')
	dd if=/dev/zero of="$MNT/filler" bs=1k count=$((free_kb - 64)) status=none 2>/dev/null
	expect_status 1 "full disk: the build fails (exit 1)" build "$DS"
	show_err 8
	check "full disk: the message names the full disk" grep -q 'No space left on device' "$TMP/stderr"
	check "full disk: the last line says the build stopped and nothing was set aside" \
		bash -c 'tail -n 1 "$1" | grep -qi "stopped" && tail -n 1 "$1" | grep -qi "storage"' _ "$TMP/stderr"
	check "full disk: no article is blamed (no 'set aside', no 'could not be built')" \
		bash -c '! grep -Eqi "set aside (in|as) articles/failed|could not be built" "$1"' _ "$TMP/stderr"
	check "full disk: all five articles are still in articles/ (got $(ls "$DS/articles/" | grep -c '\.txt$'))" \
		[ "$(ls "$DS/articles/" | grep -c '\.txt$')" -eq 5 ]
	check "full disk: nothing in articles/failed/" \
		bash -c '[ ! -d "$1" ] || [ -z "$(ls -A "$1")" ]' _ "$DS/articles/failed"
	check "full disk: state.json marks none failed (got $(count_failed_in_state "$DS"))" \
		[ "$(count_failed_in_state "$DS")" -eq 0 ]
	check "full disk: no episode was published" [ -z "$(sidecars "$DS")" ]
	# space again: the next build builds them all
	rm -f "$MNT/filler"
	mount -o remount,size=16m "$MNT"
	expect_status 0 "full disk, then space again: the next build exits 0" build "$DS"
	show_err
	mapfile -t DJ < <(sidecars "$DS")
	check "space again: one episode (got ${#DJ[@]})" [ "${#DJ[@]}" -eq 1 ]
	check "space again: it holds all five articles" \
		[ "$(jpy "${DJ[0]:-/dev/null}" 'len(d["articles"])' 2>/dev/null)" = 5 ]
	check "space again: state.json marks all five published (got $(published_in_state "$DS"))" \
		[ "$(published_in_state "$DS")" -eq 5 ]
	check "space again: articles/failed/ is still empty" \
		bash -c '[ ! -d "$1/articles/failed" ] || [ -z "$(ls -A "$1/articles/failed")" ]' _ "$DS"
	# a read-only file system is the storage's failure too
	article "$DS/articles" f-buses.txt "Night buses return to the coast road" \
		"Night buses will run again on the coast road from Friday."
	mount -o remount,ro "$MNT"
	expect_status 1 "read-only disk: the build fails (exit 1)" build "$DS"
	show_err
	check "read-only disk: the last line says the storage failed, read-only" \
		bash -c 'tail -n 1 "$1" | grep -qi "storage failed (Read-only file system)"' _ "$TMP/stderr"
	check "read-only disk: the new article is still in articles/" [ -f "$DS/articles/f-buses.txt" ]
	mount -o remount,rw "$MNT"
	expect_status 0 "read-only disk, then writable: the next build exits 0" build "$DS"
	check "writable again: the new article is published" \
		[ "$(published_in_state "$DS")" -eq 6 -a ! -e "$DS/articles/failed/f-buses.txt" ]
	umount "$MNT"
fi

# ============ 2. a failed article never overwrites an earlier one in articles/failed/ ============
FS="$TMP/fail-show"
"$NEWSCAST" init "$FS" >/dev/null
cp "$ART/a-ferry.txt" "$FS/articles/"
printf 'First version\n' >"$FS/articles/story.txt"	# a headline and nothing to say
expect_status 1 "failed names: a bad story.txt fails the build" build "$FS"
check "failed names: it is articles/failed/story.txt, with its note" \
	[ -f "$FS/articles/failed/story.txt" -a -s "$FS/articles/failed/story.txt.error" ]
cp "$FS/articles/failed/story.txt" "$TMP/story.1"
cp "$FS/articles/failed/story.txt.error" "$TMP/story.1.error"
# a second, different story.txt that fails too
printf 'Second version\n' >"$FS/articles/story.txt"
# and the user's own note beside it, for a file that is not there: never overwritten either
printf 'my notes about other.txt\n' >"$FS/articles/failed/other.txt.error"
: >"$FS/articles/other.txt"
expect_status 1 "failed names: a second bad story.txt fails the build" build "$FS"
show_err 6
check "failed names: the first articles/failed/story.txt is untouched" cmp -s "$TMP/story.1" "$FS/articles/failed/story.txt"
check "failed names: ... and so is its note" cmp -s "$TMP/story.1.error" "$FS/articles/failed/story.txt.error"
check "failed names: the second is articles/failed/story-2.txt" \
	bash -c '[ -f "$1" ] && grep -q "^Second version" "$1"' _ "$FS/articles/failed/story-2.txt"
check "failed names: its note is story-2.txt.error" [ -s "$FS/articles/failed/story-2.txt.error" ]
check "failed names: the message names where it went" grep -q "story-2.txt" "$TMP/stderr"
check "failed names: the user's other.txt.error is untouched" \
	grep -qx 'my notes about other.txt' "$FS/articles/failed/other.txt.error"
check "failed names: other.txt went to other-2.txt, with its note" \
	[ -f "$FS/articles/failed/other-2.txt" -a -s "$FS/articles/failed/other-2.txt.error" ]
check "failed names: nothing is left in the inbox but the published article" \
	[ "$(ls "$FS/articles" | grep -v '^failed$' | tr '\n' ' ')" = "a-ferry.txt " ]
# a third: story-3.txt
printf 'Third version\n' >"$FS/articles/story.txt"
build "$FS" >/dev/null 2>&1
check "failed names: a third is story-3.txt; all three kept" \
	bash -c 'grep -q "^First" "$1/story.txt" && grep -q "^Second" "$1/story-2.txt" && grep -q "^Third" "$1/story-3.txt"' _ \
	"$FS/articles/failed"

# ============ 3. each failure is printed once ============
PS="$TMP/print-show"
"$NEWSCAST" init "$PS" >/dev/null
cp "$ART/a-ferry.txt" "$PS/articles/"
printf 'Only a headline here\n' >"$PS/articles/bare.txt"
printf '<html><body><p>no headline anywhere</p>' >"$PS/articles/page.html"
expect_status 1 "print once: a build with two bad articles exits 1" build "$PS"
show_err 6
for reason in "nothing to speak" "no headline found"; do
	check "print once: '$reason' is printed once (got $(grep -c "$reason" "$TMP/stderr"))" \
		[ "$(grep -c "$reason" "$TMP/stderr")" -eq 1 ]
done
check "print once: each article's name is in its reason and in one set-aside line" \
	bash -c 'for a in bare.txt page.html; do [ "$(grep -c "'"'"'$a'"'"' set aside" "$1")" -eq 1 ] || exit 1; done' _ "$TMP/stderr"
check "print once: the notes still hold the reasons" \
	bash -c 'grep -q "nothing to speak" "$1/bare.txt.error" && grep -q "no headline found" "$1/page.html.error"' _ \
	"$PS/articles/failed"

# ============ 4. a note's temporary file left by a killed build is removed ============
# what outfile leaves when SIGKILL comes while it writes x.txt.error: .x.txt.error.XXXXXX.tmp
printf 'half a note' >"$PS/articles/failed/.bare.txt.error.Ab12Cd.tmp"
printf 'half a note' >"$PS/articles/failed/.other story.txt.error.q9Z0aa.tmp"
printf 'mine' >"$PS/articles/failed/notes.tmp"	# the user's own files stay
printf 'mine' >"$PS/articles/failed/.hidden.tmp"
printf 'mine' >"$PS/articles/failed/.x.txt.error.tmp"
cp "$ART/b-park.txt" "$PS/articles/"
expect_status 0 "leftovers: the next build exits 0" build "$PS"
check "leftovers: no .*.error.*.tmp is left in articles/failed/" \
	bash -c '[ -z "$(ls -A "$1" | grep -E "^\..*\.error\.[A-Za-z0-9]{6}\.tmp$")" ]' _ "$PS/articles/failed"
check "leftovers: the user's notes.tmp, .hidden.tmp and .x.txt.error.tmp are kept" \
	bash -c 'cd "$1" && [ -f notes.tmp -a -f .hidden.tmp -a -f .x.txt.error.tmp ]' _ "$PS/articles/failed"
check "leftovers: the failed articles and their notes are kept" \
	bash -c 'cd "$1" && [ -f bare.txt -a -f bare.txt.error -a -f page.html -a -f page.html.error ]' _ "$PS/articles/failed"

# ============ 5. control bytes in names never reach the terminal ============
CS="$TMP/ctl-show"
"$NEWSCAST" init "$CS" >/dev/null
cp "$ART/a-ferry.txt" "$CS/articles/"
evil=$(printf 'x\033[2J\033]0;pwned\007\302\233y\342\200\256z\377')
printf 'Only a headline\n' >"$CS/articles/$evil.txt"
expect_status 1 "control bytes: a bad article with escapes in its name fails the build" build "$CS"
show_err 3
check "control bytes: stderr has no control byte but newlines" \
	bash -c '! LC_ALL=C grep -q "[[:cntrl:]]" "$1"' _ "$TMP/stderr"
check "control bytes: stderr is valid UTF-8 with no C1 control or bidi override" \
	checker plain-text "$TMP/stderr"
check "control bytes: the name is written out (\\x1b, \\u009b, \\u202e, \\xff)" \
	grep -qF 'x\x1b[2J\x1b]0;pwned\x07\u009by\u202ez\xff.txt' "$TMP/stderr"
check "control bytes: the article is still set aside under its real name" [ -f "$CS/articles/failed/$evil.txt" ]
check "control bytes: its note has no control byte either" \
	bash -c '! LC_ALL=C grep -q "[[:cntrl:]]" <(tr -d "\n" <"$1")' _ "$CS/articles/failed/$evil.txt.error"

# what build prints on stdout quotes headlines too: a bidi override there is written out
RS="$TMP/rlo-show"
"$NEWSCAST" init "$RS" >/dev/null
ini_set "$RS/podcast.ini" episode mode article
printf 'Harbour \342\200\256swen ferry\n\nThe ferry runs again on Monday after repairs.\n' >"$RS/articles/rlo.txt"
expect_status 0 "control bytes: an article-mode build of a headline with a bidi override" build -q "$RS"
check "control bytes: stdout's 'built' line writes the override out (\\u202e), never raw" \
	bash -c 'grep -qF "Harbour \\u202eswen ferry" "$1" && ! grep -qF "$(printf "\342\200\256")" "$1"' _ "$TMP/stdout"

# ============ a state.json whose lists have the wrong type is damaged, not read past ============
# read past, "articles": [] would forget what was published, and the next build publish it again
SS="$TMP/state-show"
"$NEWSCAST" init "$SS" >/dev/null
cp "$ART/a-ferry.txt" "$SS/articles/"
mkdir -p "$SS/.newscast"
for bad in '"articles": []' '"feeds": "x"' '"commit": {}'; do
	printf '{%s, "episodes": 1}\n' "$bad" >"$SS/.newscast/state.json"
	expect_status 1 "damaged state ($bad): the build fails" build "$SS"
	check "damaged state ($bad): one line names state.json as damaged" \
		bash -c '[ "$(wc -l <"$1")" -eq 1 ] && grep -q "state.json. is damaged" "$1"' _ "$TMP/stderr"
	check "damaged state ($bad): nothing is published, the state is kept as it was" \
		bash -c '[ -z "$(ls -A "$1/public/episodes" 2>/dev/null)" ] && grep -qF "$2" "$1/.newscast/state.json"' _ "$SS" "$bad"
done

# ============ 6. newscast feed on a show never built: an empty feed ============
ES="$TMP/empty-show"
"$NEWSCAST" init "$ES" >/dev/null
rm -rf "$ES/public"	# as a show folder made by hand, or copied without public/
expect_status 0 "never built: newscast feed exits 0" "$NEWSCAST" feed "$ES"
show_err
check "never built: feed.xml is well-formed" xmllint --noout "$ES/public/feed.xml"
check "never built: feedparser reads it, with no items" \
	checker feed -t "$ES/public/feed.xml" 'not d.bozo and len(d.entries) == 0 and d.feed.get("title")'
check "never built: index.html is there" [ -s "$ES/public/index.html" ]
mkdir -p "$ES/public"
expect_status 0 "public/ but no episodes/: newscast feed exits 0" "$NEWSCAST" feed "$ES"

finish
