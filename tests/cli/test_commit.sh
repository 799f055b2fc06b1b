#!/usr/bin/env bash
# newscast build: what an episode holds and how it is committed: a large digest loses nothing,
# a build killed at any step of the commit neither duplicates nor hides an episode, episode
# numbers have no gaps, dates and titles tell the episodes apart, and a correction replaces
# its episode in place. Checked with mutagen, xmllint, feedparser and Python's json.
. "$(dirname "$0")/lib.sh"

export TZ=UTC
build() { "$NEWSCAST" build -q --jobs 2 "$@"; }
sidecars() { ls "$1"/public/episodes/*.json 2>/dev/null | grep -v '\.chapters\.json$' | sort; }
show_err() { sed 's/^/#   /' "$TMP/stderr" | head -n "${1:-5}"; }
new_show() { "$NEWSCAST" init "$1" >/dev/null; ini_set "$1/podcast.ini" episode mode "${2:-digest}"; }
tiny() { printf '%s\n\n%s\n' "$3" "${4:-It is a short story.}" >"$1/articles/$2"; }

# feedcheck SHOW: the feed is well-formed, every enclosure is there with its length equal to
# the file's size, no guid and no article is in two episodes; prints the items' guids.
feedcheck() { checker feedcheck "$1"; }

# ============ 1. a digest of 150 articles holds all of them ============
BIG="$TMP/big"
new_show "$BIG"
for i in $(seq -w 1 150); do tiny "$BIG" "a$i.txt" "Item $i" "Story $i is short."; done
# forty writers, each named in the MP3's writer frame
for i in $(seq -f %03g 1 40); do printf 'Item %s\n\nBy Writer %s\n\nStory %s is short.\n' $i $i $i >"$BIG/articles/a$i.txt"; done
expect_status 0 "150-article digest: exit 0" build --date 2026-11-29 "$BIG"
show_err
J=$(sidecars "$BIG" | head -n 1)
MP3=${J%.json}.mp3
check "150-article digest: the sidecar lists 150 articles" [ "$(jpy "$J" 'len(d["articles"])')" = 150 ]
check "150-article digest: the sidecar has 151 chapters (intro and one an article)" \
	[ "$(jpy "$J" 'len(d["chapters"])')" = 151 ]
checker id3 "$MP3" >"$TMP/big.id3"
CHAPS="$(grep -c '^CHAP ' "$TMP/big.id3") $(sed -n 's/^CTOC [^ ]* [0-9]* *//p' "$TMP/big.id3" | head -n 1 | wc -w) $(grep '^CHAP ' "$TMP/big.id3" | tail -n 1 | cut -d' ' -f5-)"
check "150-article digest: mutagen reads 151 chapters in the MP3, the last 'Item 150' ($CHAPS)" \
	[ "$CHAPS" = "151 151 Item 150" ]
WRITERS=$(sed -n 's/^TEXT=//p' "$TMP/big.id3" | grep -o 'Writer [0-9]*' | sort -u | wc -l)
check "150-article digest: the writer frame names all 40 writers (got $WRITERS)" [ "$WRITERS" -eq 40 ]
check "150-article digest: the transcript ends with the outro" \
	bash -c 'tail -n 3 "$1" | grep -q "Thank you for listening"' _ "${J%.json}.vtt"
check "150-article digest: state.json marks exactly the episode's articles published" \
	[ "$(jpy "$BIG/.newscast/state.json" 'sorted(k for k, v in d["articles"].items() if v.get("episode"))' | md5sum)" = \
	  "$(jpy "$J" 'sorted(a["file"] for a in d["articles"])' | md5sum)" ]

# ============ 2. killed at each step of the commit ============
# Two episodes on earlier days and keep = 2: a third must push out the oldest only, once.
BASE="$TMP/kill-base"
new_show "$BASE"
ini_set "$BASE/podcast.ini" show keep 2
tiny "$BASE" a.txt "Harbour wall mended"
build --date 2026-11-27 "$BASE" >/dev/null 2>&1
tiny "$BASE" b.txt "Bakery wins a prize"
build --date 2026-11-28 "$BASE" >/dev/null 2>&1
E2=$(jpy "$(sidecars "$BASE" | tail -n 1)" 'd["guid"]')
check "kill: two earlier episodes to start from" [ "$(sidecars "$BASE" | wc -l)" -eq 2 ]
tiny "$BASE" c.txt "Ferry timetable changes"
killed=0
for n in $(seq 1 30); do
	K="$TMP/kill-$n"
	cp -a "$BASE" "$K"
	NEWSCAST_TEST_KILL_AFTER=$n build --date 2026-11-29 "$K" >"$TMP/stdout" 2>"$TMP/stderr"
	rc=$?
	[ "$rc" -eq 137 ] || break
	killed=$n
	step=$(grep -o "killed after '[^']*'" "$TMP/stderr")
	if out=$(feedcheck "$K") && xmllint --noout "$K/public/feed.xml" 2>/dev/null; then
		ok "kill after step $n ($step): feed well-formed, enclosures whole, no duplicate"
	else
		not_ok "kill after step $n ($step): feed well-formed, enclosures whole, no duplicate"
		echo "$out" | grep '^#'
	fi
	check "kill after step $n: the newest earlier episode is still there" grep -qF "$E2" <(feedcheck "$K")
	expect_status 0 "kill after step $n: the next build exits 0" build --date 2026-11-29 "$K"
	out=$(feedcheck "$K")
	check "kill after step $n: then the feed is whole, with no duplicate" [ $? -eq 0 ]
	check "kill after step $n: then the feed lists c.txt's one episode and the newest earlier one, once each" \
		checker sidecars -t "$K" '(lambda c: len(c) == 1 and sys.argv[3].split() == [c[0], sys.argv[4]])(
[e["guid"] for e in d if any(a["file"] == "c.txt" for a in e["articles"])])' "$out" "$E2"
	check "kill after step $n: then the episode numbers are 2 and 3 (1 left with keep = 2)" \
		[ "$(for f in $(sidecars "$K"); do jpy "$f" 'd["number"]'; done | sort -n | tr '\n' ' ')" = "2 3 " ]
	expect_status 0 "kill after step $n: a third build exits 0" build --date 2026-11-29 "$K"
	check "kill after step $n: and finds nothing new" grep -q 'nothing new' "$TMP/stdout"
	rm -rf "$K"
done
check "kill: the build was killed at each of at least 8 steps (got $killed)" [ "$killed" -ge 8 ]

# ============ 3. a failed episode takes no number ============
NUM="$TMP/numbers"
new_show "$NUM"
tiny "$NUM" a.txt "First story"
mkdir -p "$NUM/.newscast/staging/2026-11-29-numbers.mp3"	# the episode's audio cannot be written
expect_status 1 "numbers: an episode that cannot be written fails the build" build --date 2026-11-29 "$NUM"
rmdir "$NUM/.newscast/staging/2026-11-29-numbers.mp3"
expect_status 0 "numbers: after a failed episode, the next build exits 0" build --date 2026-11-29 "$NUM"
check "numbers: the first published episode is number 1" \
	[ "$(jpy "$(sidecars "$NUM" | head -n 1)" 'd.get("number")' 2>/dev/null)" = 1 ]

# ============ 4. article mode: one build's episodes in order ============
AM="$TMP/articles"
new_show "$AM" article
tiny "$AM" a.txt "Zebra crossing painted"
tiny "$AM" b.txt "Apple harvest begins"
tiny "$AM" c.txt "Mango stall opens"
expect_status 0 "article mode: 3 episodes in one build" build --date 2026-11-29 "$AM"
ORDER=$(checker feed "$AM/public/feed.xml" '[" ".join(e.get("itunes_episode", "?") for e in d.entries),
len(set(e.published for e in d.entries))]')
check "article mode: the feed lists episodes 3 2 1, newest first ($(head -n 1 <<<"$ORDER"))" \
	[ "$(head -n 1 <<<"$ORDER")" = "3 2 1" ]
check "article mode: three distinct pubDates" [ "$(tail -n 1 <<<"$ORDER")" = 3 ]
check "article mode: the page lists them in that order too" \
	bash -c 'grep -o "Zebra crossing painted\|Apple harvest begins\|Mango stall opens" "$1" | awk "!s[\$0]++" | tr "\n" "|" |
		grep -qx "Mango stall opens|Apple harvest begins|Zebra crossing painted|"' _ "$AM/public/index.html"
# episodes of one time (sidecars from before this rule): the higher number is the newer
for f in $(sidecars "$AM"); do
	$PY -c 'import json, sys
d = json.load(open(sys.argv[1])); d["date"] = "2026-11-29T06:00:00Z"; json.dump(d, open(sys.argv[1], "w"))' "$f"
done
expect_status 0 "article mode, one pubDate for all: newscast feed exits 0" "$NEWSCAST" feed "$AM"
ORDER=$(checker feed "$AM/public/feed.xml" '" ".join(e.get("itunes_episode", "?") for e in d.entries)')
check "article mode, one pubDate for all: the feed sorts by number, 3 2 1 ($ORDER)" [ "$ORDER" = "3 2 1" ]

# ============ 5. two digests on one day have different titles ============
TW="$TMP/twice"
new_show "$TW"
tiny "$TW" a.txt "Morning story"
build --date 2026-11-29 "$TW" >/dev/null 2>&1
tiny "$TW" b.txt "Evening story"
expect_status 0 "two digests on one day: the second builds" build --date 2026-11-29 "$TW"
TITLES=$(for f in $(sidecars "$TW"); do jpy "$f" 'd["title"]'; done)
check "two digests on one day: two distinct titles ($(tr '\n' '|' <<<"$TITLES"))" \
	[ "$(sort -u <<<"$TITLES" | wc -l)" -eq 2 ]
check "two digests on one day: the feed's titles differ too" \
	[ "$(checker feed "$TW/public/feed.xml" '(lambda t: "%d %d" % (len(t), len(set(t))))([e.title for e in d.entries])')" = "2 2" ]

# ============ 6. a correction replaces its episode in place ============
# article mode: the corrected article's own episode
J=$(grep -l '"b.txt"' $(sidecars "$AM"))
before=$(jpy "$J" '"%s %s %s %s %s" % (d["guid"], d["number"], d["slug"], d["date"], d["bytes"])')
printf '\nThe harvest was moved to Monday because of rain.\n' >>"$AM/articles/b.txt"
expect_status 0 "correction (article mode): --rebuild exits 0" build --rebuild --date 2026-11-30 "$AM"
show_err
check "correction (article mode): still three episodes" [ "$(sidecars "$AM" | wc -l)" -eq 3 ]
after=$(jpy "$J" '"%s %s %s %s %s" % (d["guid"], d["number"], d["slug"], d["date"], d["bytes"])')
check "correction (article mode): same guid, number, slug and date" [ "${after% *}" = "${before% *}" ]
check "correction (article mode): new audio (size ${before##* } -> ${after##* })" [ "${after##* }" != "${before##* }" ]
check "correction (article mode): the size is the file's" [ "${after##* }" = "$(stat -c %s "${J%.json}.mp3")" ]
check "correction (article mode): the transcript has the correction" \
	grep -qF "moved to Monday" <(spoken_vtt "${J%.json}.vtt")
check "correction (article mode): the sidecar has the new hash" \
	[ "$(jpy "$J" 'd["articles"][0]["hash"]')" = "$(jpy "$AM/.newscast/state.json" 'd["articles"]["b.txt"]["hash"]')" ]
out=$(feedcheck "$AM")
check "correction (article mode): the feed has three items, no duplicate" [ $? -eq 0 -a "$(wc -w <<<"$out")" -eq 3 ]
check "correction (article mode): the feed's item has the new length" \
	grep -q "length=\"${after##* }\"" "$AM/public/feed.xml"
expect_status 0 "correction (article mode): then nothing new" build --date 2026-11-30 "$AM"

# digest: the corrected article's digest is rebuilt with all its articles
DG="$TMP/digest"
new_show "$DG"
tiny "$DG" a.txt "Pier reopens"
tiny "$DG" b.txt "Market moves"
build --date 2026-11-28 "$DG" >/dev/null 2>&1
tiny "$DG" c.txt "Lighthouse repainted"
build --date 2026-11-29 "$DG" >/dev/null 2>&1
J=$(grep -l '"b.txt"' $(sidecars "$DG"))
before=$(jpy "$J" '"%s %s %s %s" % (d["guid"], d["number"], d["slug"], d["title"])')
printf '\nThe market moves on Tuesday, not Monday.\n' >>"$DG/articles/b.txt"
expect_status 0 "correction (digest): --rebuild exits 0" build --rebuild --date 2026-11-30 "$DG"
show_err
check "correction (digest): still two episodes" [ "$(sidecars "$DG" | wc -l)" -eq 2 ]
check "correction (digest): same guid, number, slug and title (the day it was first published)" \
	[ "$(jpy "$J" '"%s %s %s %s" % (d["guid"], d["number"], d["slug"], d["title"])')" = "$before" ]
check "correction (digest): its intro still names that day" grep -q "for Saturday 28 November" "${J%.json}.vtt"
check "correction (digest): it still holds a.txt and b.txt, in that order" \
	[ "$(jpy "$J" '" ".join(a["file"] for a in d["articles"])')" = "a.txt b.txt" ]
check "correction (digest): its transcript has the correction" grep -q "on Tuesday, not Monday" "${J%.json}.vtt"
check "correction (digest): the feed is whole, no duplicate" feedcheck "$DG" >/dev/null
# a correction and a new article in one build: the digest in place, and a new one
printf '\nStalls open at seven.\n' >>"$DG/articles/b.txt"
tiny "$DG" d.txt "Ferry gets a new engine"
expect_status 0 "correction and a new article: --rebuild exits 0" build --rebuild --date 2026-11-30 "$DG"
check "correction and a new article: three episodes" [ "$(sidecars "$DG" | wc -l)" -eq 3 ]
check "correction and a new article: the digest is corrected in place" grep -q "Stalls open at seven" "${J%.json}.vtt"
check "correction and a new article: the new one holds only d.txt, number 3" \
	[ "$(jpy "$(grep -l '"d.txt"' $(sidecars "$DG"))" '"%s %d" % (" ".join(a["file"] for a in d["articles"]), d["number"])')" = "d.txt 3" ]
check "correction and a new article: the feed is whole, no duplicate" feedcheck "$DG" >/dev/null
# a digest one of whose articles is gone is not rebuilt: the correction is reported
mv "$DG/articles/a.txt" "$TMP/a-gone.txt"
printf '\nParking is free.\n' >>"$DG/articles/b.txt"
before=$(md5sum <"${J%.json}.mp3")
expect_status 0 "correction of a digest with an article gone: exit 0" build --rebuild --date 2026-11-30 "$DG"
check "correction of a digest with an article gone: a warning says why" grep -q "no longer in articles" "$TMP/stderr"
check "correction of a digest with an article gone: the digest is unchanged, no new episode" \
	[ "$(md5sum <"${J%.json}.mp3")" = "$before" -a "$(sidecars "$DG" | wc -l)" -eq 3 ]

# ============ 7. a commit whose files cannot be moved yet is kept, not rolled back ============
MV="$TMP/kill-move"
cp -a "$BASE" "$MV"
NEWSCAST_TEST_KILL_AFTER=2 build --date 2026-11-29 "$MV" >/dev/null 2>"$TMP/stderr"
SLUG=$(jpy "$MV/.newscast/state.json" 'd["commit"][0]["slug"]')
# a folder where the transcript goes: moving the staged one into place fails
mkdir -p "$MV/public/episodes/$SLUG.vtt/x"
expect_status 1 "unmovable commit: the next build fails" build --date 2026-11-29 "$MV"
check "unmovable commit: c.txt is still marked as in the committed episode" \
	[ "$(jpy "$MV/.newscast/state.json" 'd["articles"]["c.txt"].get("episode")')" = "$SLUG" ]
check "unmovable commit: the audio moved into place already is kept" [ -f "$MV/public/episodes/$SLUG.mp3" ]
rm -rf "$MV/public/episodes/$SLUG.vtt"
expect_status 0 "unmovable commit: once it can be moved, the build exits 0" build --date 2026-11-29 "$MV"
out=$(feedcheck "$MV")
check "unmovable commit: then the feed is whole, with no duplicate" [ $? -eq 0 ]
check "unmovable commit: c.txt is in one episode, the committed one" \
	[ "$(grep -l '"c.txt"' $(sidecars "$MV"))" = "$MV/public/episodes/$SLUG.json" ]
expect_status 0 "unmovable commit: a third build exits 0" build --date 2026-11-29 "$MV"
check "unmovable commit: and finds nothing new" grep -q 'nothing new' "$TMP/stdout"

finish
