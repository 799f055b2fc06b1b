#!/usr/bin/env bash
# The podcast feed: newscast build and newscast feed write public/feed.xml (RSS 2.0 with the iTunes and
# Podcasting 2.0 tags) and public/index.html. Checked with tools that are not newscast's own: Python's
# feedparser, ElementTree, email.utils, uuid and html.parser, ffprobe, and over HTTP from nginx (on
# 127.0.0.1) with curl, gPodder's command line (gpo) and the Podcasting 2.0 parser podcast-partytime (npm).
. "$(dirname "$0")/lib.sh"

export TZ=UTC	# --date makes 06:00 local time: in UTC, pubDate is that day
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
STARTED=$(date +%s)
D1=2026-03-02 D2=2026-03-03 D3=2026-03-04 D4=2026-03-05
longdate() { date -d "$1" '+%A %-d %B %Y'; }

# --- the server (SERVER_PID): stopped whatever happens ---
at_exit stop_server
# A free TCP port on 127.0.0.1 (asked of the kernel), chosen now: the feed's base_url names it.
PORT=$(checker free-port)
BASE="http://127.0.0.1:$PORT/podcast/"
FEED_URL="${BASE}feed.xml"

# --- tools (some copied from test_build.sh) ---
headline() { head -n 1 "$1"; }
# build DATE [OPTIONS] SHOW and feed SHOW: newscast, with a time limit
build() { local d=$1; shift; timeout 120 "$NEWSCAST" build -q --date "$d" "$@"; }
feed() { timeout 60 "$NEWSCAST" feed "$@"; }
show_err() { sed 's/^/#   /' "$TMP/stderr" | head -n "${1:-5}"; }
# sidecars SHOW: the episodes' sidecars, sorted (not the .chapters.json files).
sidecars() { ls "$1"/public/episodes/*.json 2>/dev/null | grep -v '\.chapters\.json$' | sort; }
duration() { ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$1"; }
# snapshot DIR: every file under DIR with its checksum.
snapshot() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r md5sum); }
# slug_on SHOW DATE: the slug of SHOW's episode of that day, from the sidecars.
slug_on() {
	local f
	for f in $(sidecars "$1"); do
		[[ $(jpy "$f" 'd["date"]' 2>/dev/null) == "$2"* ]] && { basename "$f" .json; return; }
	done
	echo none
}

# dump SHOW [NAME]: reads SHOW's feed into $TMP/NAME.json (default feed.json) with `checker feeddump`
# (what feedparser and ElementTree read in it; see check.py); FJ is that file.
dump() {
	FJ="$TMP/${2:-feed}.json"
	if ! checker feeddump "$1/public/feed.xml" "$1/public" "$BASE" >"$FJ" 2>"$TMP/dump.err"; then
		sed 's/^/#   dump: /' "$TMP/dump.err" | tail -n 3
		echo '{}' >"$FJ"
	fi
}
fj() { jpy "$FJ" "$@" 2>/dev/null; }
# guids of the feed's items, in order, one line
item_guids() { fj '" ".join(str(i["guid"]) for i in d["items"])'; }

# --- articles: short, original text ---
ART="$TMP/art"
mkdir -p "$ART"
article "$ART" a-ferry.txt "Harbour ferry fares frozen for the year" \
	"Fares on the harbour ferry will not rise this year, the operator said on Monday. Fuel has cost less since the autumn. Regular riders called it welcome news."
article "$ART" b-market.txt "Saturday market moves to the quay" \
	"The Saturday market will move to the quay from April. Traders asked for more room after the square was resurfaced. Stalls will open at eight."
# a first paragraph of 5000 bytes and more: the description must be cut to 4000
LONGP=$(for i in $(seq 1 70); do
	printf 'On day %d the tide rose over the mud flats and the wading birds moved to the salt marsh. ' "$i"
done | head -c 5200 | sed 's/ [^ ]*$/./')
article "$ART" a-tides.txt "A month of tides on the mud flats" "$LONGP" "The count ends in April."
article "$ART" b-school.txt "School roof repairs start in July" \
	"Builders will repair the roof of the village school in July. Loose slates were found after the March gales. Lessons will go on as usual."
HEAD_ESC="Fish & Chips: <b>\"Best\" in Town</b>, says O'Neill 🐟"
article "$ART" a-chips.txt "$HEAD_ESC" \
	"The fish and chip shop on the front won a regional award on Wednesday. The judges praised its batter. The owner said the prize belongs to her staff."
article "$ART" b-cafe.txt "Café owners cheer the footbridge" \
	"Owners of the cafés on the west quay say the footbridge has doubled their trade. One owner said the queue now reaches the water. The council plans a second bridge."
article "$ART" c-buses.txt "Night buses return to the coast road" \
	"Night buses will run again on the coast road from Friday. The service stopped last winter for want of drivers. Fares will be the same as by day."
article "$ART" d-pier.txt "Pier lights switched back on" \
	"The lights on the pier were switched back on last night. They had been dark since the storm. Walkers came out to see them."
check "the long article's first paragraph is over 5000 bytes ($(printf '%s' "$LONGP" | wc -c))" \
	[ "$(printf '%s' "$LONGP" | wc -c)" -gt 5000 ]

# ============ 1. a show with three days of episodes ============
TITLE="Harbour & Hill Daily"
SHOW="$TMP/harbour"
"$NEWSCAST" init "$SHOW" >/dev/null
INI="$SHOW/podcast.ini"
ini_set "$INI" show title "$TITLE"
ini_set "$INI" show author "Harbour Desk"
ini_set "$INI" show description "Local news from the harbour and the hill, read aloud."
ini_set "$INI" show language en-gb
ini_set "$INI" show link https://example.org/harbour/
ini_set "$INI" show base_url "$BASE"
ini_set "$INI" show image art/cover.png
ini_set "$INI" show category "News/Daily News"
ini_set "$INI" show explicit yes
ini_set "$INI" show owner_name "Sam Rivers"
ini_set "$INI" show owner_email sam@example.org
ini_set "$INI" show copyright "© 2026 Harbour Hill Media"
mkdir -p "$SHOW/art"
ffmpeg -v error -f lavfi -i color=c=teal:s=1400x1400 -frames:v 1 "$SHOW/art/cover.png"

declare -A HEADS	# date -> the headlines of its episode, one a line
n=0
for day in "$D1:a-ferry b-market" "$D2:a-tides b-school" "$D3:a-chips b-cafe"; do
	d=${day%%:*}; n=$((n + 1))
	HEADS[$d]=$(for a in ${day#*:}; do cp "$ART/$a.txt" "$SHOW/articles/"; headline "$ART/$a.txt"; done)
	expect_status 0 "build $n ($d): exit 0" build "$d" "$SHOW"
	show_err
	check "build $n ($d): no warning about the cover (a 1400x1400 PNG)" bash -c '! grep -qi cover "$1"' _ "$TMP/stderr"
	# (articles stay in the inbox: each build takes only the new ones)
	[ "$n" = 2 ] && cp -a "$SHOW" "$TMP/keep-show"	# for keep = 2, later
done
check "three builds: three episodes" [ "$(sidecars "$SHOW" | wc -l)" -eq 3 ]
dump "$SHOW"
cp "$FJ" "$TMP/feed3.json"

# ============ 2. the channel ============
check "feedparser: bozo == 0 ($(fj 'd["bozo_exception"]'))" [ "$(fj 'd["bozo"]')" = 0 ]
check "feedparser: title '$TITLE'" [ "$(fj 'd["fp"]["title"]')" = "$TITLE" ]
check "feedparser: link is the show's link" [ "$(fj 'd["fp"]["link"]')" = https://example.org/harbour/ ]
check "feedparser: description" [ "$(fj 'd["fp"]["subtitle"]')" = "Local news from the harbour and the hill, read aloud." ]
check "feedparser: language en-gb" [ "$(fj 'd["fp"]["language"]')" = en-gb ]
check "feedparser: copyright" [ "$(fj 'd["fp"]["rights"]')" = "© 2026 Harbour Hill Media" ]
# (feedparser reads itunes:owner's name over itunes:author: ElementTree for that)
check "ElementTree: itunes:author 'Harbour Desk'" [ "$(fj 'd["ch"]["author"]')" = "Harbour Desk" ]
check "feedparser: owner name and email" [ "$(fj 'd["fp"]["owner_name"] + " " + d["fp"]["owner_email"]')" = "Sam Rivers sam@example.org" ]
check "feedparser: categories News and Daily News" \
	bash -c 'grep -qx News <<<"$1" && grep -qx "Daily News" <<<"$1"' _ "$(fj 'd["fp"]["tags"]')"
check "ElementTree: itunes:category 'News' holding 'Daily News', and no other" \
	[ "$(fj 'd["ch"]["categories"]')" = "['News', ['Daily News']]" ]
img=$(fj 'd["ch"]["images"]')
check "itunes:image: one, an absolute URL under base_url ($img)" \
	[ "$(fj 'len(d["ch"]["images"])')" = 1 -a "${img#"$BASE"}" != "$img" ]
check "itunes:image: feedparser reads the same href" [ "$(fj 'd["fp"]["image"]')" = "$img" ]
imgf=$(fj 'd["ch"]["image_files"]')
check "itunes:image: names a file under public/ (${imgf#"$SHOW/"}) with the cover's bytes" \
	bash -c '[ -n "$1" ] && [ -f "$1" ] && cmp -s "$1" "$2"' _ "$imgf" "$SHOW/art/cover.png"
check "itunes:explicit 'true' (explicit = yes)" [ "$(fj 'd["ch"]["explicit"]')" = true ]
check "itunes:type episodic (ElementTree and feedparser)" [ "$(fj 'd["ch"]["type"] + " " + d["fp"]["type"]')" = "episodic episodic" ]
check "atom:link rel=self: one, href the feed's URL, type application/rss+xml" \
	[ "$(fj '[(s["href"], s["type"]) for s in d["ch"]["self"]]')" = "('$FEED_URL', 'application/rss+xml')" ]
want_guid=$(checker podcast-guid "$FEED_URL")
check "podcast:guid is uuid5(podcast namespace, '${FEED_URL#http://}') = $want_guid" [ "$(fj 'd["ch"]["guid"]')" = "$want_guid" ]
check "podcast:locked 'no', owner the owner's email" [ "$(fj 'd["ch"]["locked"] + " " + str(d["ch"]["locked_owner"])')" = "no sam@example.org" ]
lbd=$(fj 'd["ch"]["lastBuildDate_epoch"]')
check "lastBuildDate '$(fj 'd["ch"]["lastBuildDate"]')' is RFC 2822 and the time of the build" \
	bash -c '[[ $1 =~ ^[0-9.]+$ ]] && awk -v t="$1" -v a="$2" -v b="$3" "BEGIN { exit !(t >= a - 2 && t <= b + 2) }"' \
	_ "$lbd" "$STARTED" "$(date +%s)"
check "generator names newscast ($(fj 'd["ch"]["generator"]'))" bash -c '[[ $1 == newscast* ]]' _ "$(fj 'd["ch"]["generator"]')"
check "every URL in the feed is under base_url but the show's link (outside: $(fj '" ".join(d["outside"])'))" \
	[ "$(fj 'd["outside"]')" = "https://example.org/harbour/" ]
check "no URL in the feed names a missing file (missing: $(fj '" ".join(d["missing"])'))" [ "$(fj 'len(d["missing"])')" = 0 ]

# ============ 3. the items ============
check "three items" [ "$(fj 'len(d["items"])')" = 3 ]
check "feedparser reads three entries" [ "$(fj 'len(d["fp_items"])')" = 3 ]
check "every description is a CDATA section ($(fj 'd["cdata"]') of 3)" [ "$(fj 'd["cdata"]')" = 3 ]
i=0
for d in "$D3" "$D2" "$D1"; do
	it="d[\"items\"][$i]"
	slug=$(slug_on "$SHOW" "$d")
	sc="$SHOW/public/episodes/$slug.json"
	mp3="$SHOW/public/episodes/$slug.mp3"
	label="item $((i + 1)) ($d)"
	t="$TITLE — $(longdate "$d")"
	check "$label: title '$t' (ElementTree and feedparser)" \
		[ "$(fj "$it[\"title\"]")" = "$t" -a "$(fj "d[\"fp_items\"][$i][\"title\"]")" = "$t" ]
	fj "$it[\"desc_text\"]" >"$TMP/desc"
	while IFS= read -r h; do
		check "$label: the description, read as HTML, shows '$h'" grep -qF -- "$h" "$TMP/desc"
	done <<<"${HEADS[$d]}"
	check "$label: description is at most 4000 bytes ($(fj "$it[\"desc_bytes\"]"))" [ "$(fj "$it[\"desc_bytes\"]")" -le 4000 ]
	check "$label: guid isPermaLink=\"false\", the sidecar's guid" \
		[ "$(fj "$it[\"guid_isPermaLink\"]")" = false -a -n "$sc" -a "$(fj "$it[\"guid\"]")" = "$(jpy "${sc:-/dev/null}" 'd["guid"]' 2>/dev/null)" ]
	check "$label: feedparser reads the same guid" [ "$(fj "d[\"fp_items\"][$i][\"id\"]")" = "$(fj "$it[\"guid\"]")" ]
	pe=$(fj "$it[\"pub_epoch\"]")
	check "$label: pubDate '$(fj "$it[\"pubDate\"]")' is RFC 2822, on $d" \
		bash -c '[[ $1 =~ ^[0-9.]+$ ]] && [ "$(date -u -d "@${1%.*}" +%F)" = "$2" ]' _ "$pe" "$d"
	check "$label: one enclosure" [ "$(fj "len($it[\"enclosures\"])")" = 1 ]
	enc="$it[\"enclosures\"][0]"
	check "$label: enclosure URL is absolute: base_url + episodes/$slug.mp3" \
		[ "$(fj "$enc[\"url\"]")" = "${BASE}episodes/$slug.mp3" ]
	check "$label: enclosure length = the file's size ($(stat -c %s "$mp3" 2>/dev/null))" \
		[ -f "$mp3" -a "$(fj "$enc[\"length\"]")" = "$(stat -c %s "$mp3" 2>/dev/null)" ]
	check "$label: enclosure type audio/mpeg" [ "$(fj "$enc[\"type\"]")" = audio/mpeg ]
	check "$label: feedparser reads the same enclosure" \
		[ "$(fj "[(e[\"href\"], e[\"length\"], e[\"type\"]) for e in d[\"fp_items\"][$i][\"enclosures\"]]")" = \
		"$(fj "($enc[\"url\"], $enc[\"length\"], $enc[\"type\"])")" ]
	dur=$(fj "$it[\"duration\"]")
	pdur=$(duration "$mp3" 2>/dev/null)
	check "$label: itunes:duration '$dur' is whole seconds" \
		bash -c '[[ $1 =~ ^[0-9]+$ ]] && [ "$1" -gt 0 ]' _ "$dur"
	check "$label: itunes:duration $dur = ffprobe's $pdur (±1)" near "$dur" "${pdur:-x}" 1
	check "$label: itunes:episode $((3 - i))" [ "$(fj "$it[\"episode\"]")" = $((3 - i)) ]
	check "$label: itunes:explicit true" [ "$(fj "$it[\"explicit\"]")" = true ]
	check "$label: podcast:transcript: the .vtt, type text/vtt, rel=\"captions\", which exists" \
		[ "$(fj "[(t[\"url\"], t[\"type\"], t[\"rel\"], t[\"file\"]) for t in $it[\"transcripts\"] if t[\"url\"].endswith(\".vtt\")]")" = \
		"('${BASE}episodes/$slug.vtt', 'text/vtt', 'captions', '$SHOW/public/episodes/$slug.vtt')" -a \
		-s "$SHOW/public/episodes/$slug.vtt" ]
	check "$label: podcast:transcript: the .srt, an SRT type, which exists" \
		[ "$(fj "[(t[\"url\"], t[\"type\"] in (\"application/x-subrip\", \"application/srt\"), t[\"file\"]) for t in $it[\"transcripts\"] if t[\"url\"].endswith(\".srt\")]")" = \
		"('${BASE}episodes/$slug.srt', True, '$SHOW/public/episodes/$slug.srt')" -a -s "$SHOW/public/episodes/$slug.srt" ]
	check "$label: two transcripts in all" [ "$(fj "len($it[\"transcripts\"])")" = 2 ]
	check "$label: podcast:chapters: one, type application/json+chapters, naming $slug.chapters.json" \
		[ "$(fj "[(c[\"url\"], c[\"type\"]) for c in $it[\"chapters\"]]")" = \
		"('${BASE}episodes/$slug.chapters.json', 'application/json+chapters')" ]
	check "$label: the chapters file is JSON chapters (version, one chapter an article and more)" \
		[ "$(jpy "$SHOW/public/episodes/$slug.chapters.json" 'len(d["chapters"]) > 2 and bool(d["version"])' 2>/dev/null)" = True ]
	check "$label: itunes:image is the show's cover" [ "$(fj "$it[\"images\"]")" = "$img" ]
	i=$((i + 1))
done
check "items newest first: pubDates strictly decreasing" \
	[ "$(fj 'all(a["pub_epoch"] > b["pub_epoch"] for a, b in zip(d["items"], d["items"][1:]))')" = True ]

# ============ 4. escaping: a headline with &, <b>, quotes and an emoji ============
check "escaping: the digest's description, read as HTML, shows the headline and has no <b> element" \
	[ "$(fj '[sys.argv[3] in d["items"][0]["desc_text"], "b" in d["items"][0]["desc_tags"]]' "$HEAD_ESC" | tr '\n' ' ')" = "True False " ]
check "escaping: index.html shows the headline as text, with no <b> element" \
	checker htmlcheck "$SHOW/public/index.html" "$HEAD_ESC"
check "escaping: index.html has the show title escaped" grep -qF '<h1>Harbour &amp; Hill Daily</h1>' "$SHOW/public/index.html"
ES="$TMP/escape-show"
"$NEWSCAST" init "$ES" >/dev/null
ini_set "$ES/podcast.ini" episode mode article
ini_set "$ES/podcast.ini" show base_url "$BASE"
cp "$ART/a-chips.txt" "$ES/articles/"
expect_status 0 "escaping: article mode, one article: build exits 0" build "$D1" "$ES"
show_err
dump "$ES" escape
check "escaping: feedparser bozo == 0" [ "$(fj 'd["bozo"]')" = 0 ]
check "escaping: feedparser's item title is the headline, intact" [ "$(fj 'd["fp_items"][0]["title"]')" = "$HEAD_ESC" ]
check "escaping: ElementTree's item title is the headline, intact" [ "$(fj 'd["items"][0]["title"]')" = "$HEAD_ESC" ]
check "escaping: the description, read as HTML, shows the headline" \
	[ "$(fj 'sys.argv[3] in d["items"][0]["desc_text"]' "$HEAD_ESC")" = True ]
check "escaping: index.html shows the headline as text (the episode's title), with no <b> element" \
	checker htmlcheck "$ES/public/index.html" "$HEAD_ESC"
check "escaping: index.html has it escaped: &amp; &lt;b&gt; &quot;" \
	grep -qF 'Fish &amp; Chips: &lt;b&gt;&quot;Best&quot; in Town&lt;/b&gt;' "$ES/public/index.html"
# the same headline in a digest whose description must be cut (the long article after it)
LS="$TMP/long-show"
"$NEWSCAST" init "$LS" >/dev/null
ini_set "$LS/podcast.ini" show base_url "$BASE"
cp "$ART/a-chips.txt" "$ART/a-tides.txt" "$LS/articles/"
expect_status 0 "escaping, cut description: a digest of the headline and the long article builds" build "$D1" "$LS"
dump "$LS" long
check "escaping, cut description: at most 4000 bytes ($(fj 'd["items"][0]["desc_bytes"]'))" \
	[ "$(fj 'd["items"][0]["desc_bytes"]')" -le 4000 ]
check "escaping, cut description: read as HTML, it shows the headline, with no <b> element (tags: $(fj '" ".join(d["items"][0]["desc_tags"])'))" \
	[ "$(fj '[sys.argv[3] in d["items"][0]["desc_text"], "b" in d["items"][0]["desc_tags"]]' "$HEAD_ESC" | tr '\n' ' ')" = "True False " ]
check "escaping, cut description: it shows the long article's headline too" \
	[ "$(fj 'sys.argv[3] in d["items"][0]["desc_text"]' "$(headline "$ART/a-tides.txt")")" = True ]

# ============ 5. stability: a fourth build keeps the earlier items as they were ============
GS="$TMP/gone-show"	# for a missing file, later
cp -a "$SHOW" "$GS"
fj_items() { fj '["%s %s %s %s %s" % (i["guid"], i["enclosures"][0]["url"], i["enclosures"][0]["length"], i["episode"], i["pubDate"]) for i in d["items"]]'; }
FJ="$TMP/feed3.json" fj_items >"$TMP/items3"
cp "$ART/c-buses.txt" "$SHOW/articles/"
HEADS[$D4]=$(headline "$ART/c-buses.txt")
expect_status 0 "build 4 ($D4): exit 0" build "$D4" "$SHOW"
show_err
dump "$SHOW"
check "build 4: four items" [ "$(fj 'len(d["items"])')" = 4 ]
check "build 4: the new item is first, episode 4" [ "$(fj 'd["items"][0]["episode"]')" = 4 ]
fj_items >"$TMP/items4"
check "build 4: the earlier items keep their guid, enclosure URL and length, episode number and pubDate" \
	[ "$(tail -n 3 "$TMP/items4")" = "$(cat "$TMP/items3")" ]
diff "$TMP/items3" <(tail -n 3 "$TMP/items4") | sed 's/^/#   /' | head -n 6
check "build 4: feedparser bozo == 0" [ "$(fj 'd["bozo"]')" = 0 ]
check "build 4: no URL in the feed names a missing file" [ "$(fj 'len(d["missing"])')" = 0 ]

# ============ 6. keep = 2, with three episodes ============
KS="$TMP/keep-show"	# the show as it was after two builds
ini_set "$KS/podcast.ini" show keep 2
check "keep = 2: the copy starts with two episodes" [ "$(sidecars "$KS" | wc -l)" -eq 2 ]
OLD=$(slug_on "$KS" "$D1")
MID=$(slug_on "$KS" "$D2")
cp "$ART/d-pier.txt" "$KS/articles/"
expect_status 0 "keep = 2: a third build ($D3) exits 0" build "$D3" "$KS"
show_err
dump "$KS" keep1
NEW=$(slug_on "$KS" "$D3")
check "keep = 2: the feed lists exactly 2 items" [ "$(fj 'len(d["items"])')" = 2 ]
check "keep = 2: the two newest, newest first ($NEW, $MID)" \
	[ "$(fj '" ".join(i["enclosures"][0]["url"].rsplit("/", 1)[-1] for i in d["items"])')" = "$NEW.mp3 $MID.mp3" ]
left=$(cd "$KS/public/episodes" && ls | grep -F "$OLD." | tr '\n' ' ')
check "keep = 2: the oldest episode's files are removed from public/episodes (left: ${left:-none})" [ -z "$left" ]
check "keep = 2: the two listed episodes keep their 5 files each" \
	[ "$(cd "$KS/public/episodes" && ls | grep -cF -e "$NEW." -e "$MID.")" -eq 10 ]
check "keep = 2: index.html no longer names the oldest episode" bash -c '! grep -qF "$1" "$2"' _ "$OLD" "$KS/public/index.html"
check "keep = 2: no URL in the feed names a missing file" [ "$(fj 'len(d["missing"])')" = 0 ]
ep1=$(fj '" ".join(i["episode"] for i in d["items"])')
snapshot "$KS/public/episodes" >"$TMP/ks.1"
grep -v '<lastBuildDate>' "$KS/public/feed.xml" >"$TMP/keep-feed.1"
cp "$KS/public/index.html" "$TMP/keep-index.1"
expect_status 0 "keep = 2: newscast feed again exits 0" feed "$KS"
show_err
dump "$KS" keep2
check "keep = 2: newscast feed again: still the same 2 items" [ "$(fj 'len(d["items"])')" = 2 ]
check "keep = 2: newscast feed again: the episodes' files are unchanged" cmp -s "$TMP/ks.1" <(snapshot "$KS/public/episodes")
ep2=$(fj '" ".join(i["episode"] for i in d["items"])')
check "keep = 2: newscast feed again: itunes:episode numbers unchanged (were '$ep1', now '$ep2')" [ "$ep1" = "$ep2" ]
check "keep = 2: newscast feed again: feed.xml is the same but for lastBuildDate" \
	bash -c 'grep -v "<lastBuildDate>" "$2" | cmp -s "$1" -' _ "$TMP/keep-feed.1" "$KS/public/feed.xml"
grep -v '<lastBuildDate>' "$KS/public/feed.xml" | diff "$TMP/keep-feed.1" - | sed 's/^/#   /' | head -n 4
check "keep = 2: newscast feed again: index.html is the same" cmp -s "$TMP/keep-index.1" "$KS/public/index.html"

# ============ 7. a feed never points at a missing file ============
# GS: the show after three builds
GONE=$(slug_on "$GS" "$D2")
FJ="$TMP/feed3.json"
before=$(item_guids)
gone_guid=$(jpy "$GS/public/episodes/$GONE.json" 'd["guid"]')
rm "$GS/public/episodes/$GONE.mp3"
expect_status 0 "a missing .mp3: newscast feed exits 0" feed "$GS"
check "a missing .mp3: a warning names the episode" grep -qF "$GONE" "$TMP/stderr"
dump "$GS" gone
check "a missing .mp3: its item is gone from the feed" [ "$(item_guids)" = "$(echo "$before" | sed "s/ $gone_guid / /")" ]
check "a missing .mp3: the two others stay" [ "$(fj 'len(d["items"])')" = 2 ]
check "a missing .mp3: no URL in the feed names a missing file" [ "$(fj 'len(d["missing"])')" = 0 ]
check "a missing .mp3: index.html no longer links to it" bash -c '! grep -qF "$1.mp3" "$2"' _ "$GONE" "$GS/public/index.html"
# the same for the other files an item links to
LOST=$(slug_on "$GS" "$D1")
rm "$GS/public/episodes/$LOST.srt"
expect_status 0 "a missing .srt: newscast feed exits 0" feed "$GS"
dump "$GS" gone2
check "a missing .srt: no URL in the feed names a missing file (missing: $(fj '" ".join(d["missing"])'))" \
	[ "$(fj 'len(d["missing"])')" = 0 ]

# ============ 8. the cover ============
CS="$TMP/cover-show"
"$NEWSCAST" init "$CS" >/dev/null
ini_set "$CS/podcast.ini" show base_url "$BASE"
ini_set "$CS/podcast.ini" show image missing.png
cp "$ART/b-market.txt" "$CS/articles/"
expect_status 0 "a missing cover: the build still succeeds" build "$D1" "$CS"
check "a missing cover: a warning names the file" grep -qF "missing.png" "$TMP/stderr"
check "a missing cover: the episode is published" [ "$(sidecars "$CS" | wc -l)" -eq 1 ]
dump "$CS" cover
check "a missing cover: the feed has its item" [ "$(fj 'len(d["items"])')" = 1 ]
check "a missing cover: no itunes:image names a missing file ($(fj 'd["ch"]["images"] + d["items"][0]["images"]'))" \
	[ "$(fj 'all(u.startswith(sys.argv[3]) and not u in d["missing"] for u in d["ch"]["images"] + d["items"][0]["images"])' "$BASE")" = True ]
check "a missing cover: no URL in the feed names a missing file" [ "$(fj 'len(d["missing"])')" = 0 ]
ffmpeg -v error -f lavfi -i color=c=red:s=1400x1000 -frames:v 1 "$CS/wide.png"
ffmpeg -v error -f lavfi -i color=c=red:s=600x600 -frames:v 1 "$CS/small.png"
for c in wide.png:1400x1000 small.png:600x600; do
	f=${c%%:*}
	ini_set "$CS/podcast.ini" show image "$f"
	expect_status 0 "a ${c#*:} cover: newscast feed exits 0" feed "$CS"
	check "a ${c#*:} cover: a warning on stderr names '$CS/$f'" grep -qF "$CS/$f" "$TMP/stderr"
	show_err 2
done
ini_set "$CS/podcast.ini" show image missing.png
feed "$CS" >/dev/null 2>&1
dump "$CS" cover2
check "the cover goes missing after one was published: no itunes:image names a missing file" \
	[ "$(fj 'len(d["missing"])')" = 0 ]

# ============ 9. real clients, over HTTP ============
NG="$TMP/nginx"
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
	skip "HTTP: nginx" "nginx is not installed"
else
	NGINX=$(command -v nginx || echo /usr/sbin/nginx)
	mkdir -p "$NG/logs"
	temps=""
	for m in client_body proxy fastcgi uwsgi scgi; do
		"$NGINX" -V 2>&1 | grep -q -- "--without-http_${m}_module" || temps+="${m}_temp_path $NG/$m; "
	done
	# the README's block for serving public/, exactly as it stands there
	awk '/^```nginx$/ { on = 1; next } on && /^```$/ { exit } on' "$ROOT/README.md" >"$NG/public.conf"
	check "README: an nginx block for public/ to test" [ -s "$NG/public.conf" ]
	{
		[ "$(id -u)" = 0 ] && echo "user root;"	# the workers read the show under a private TMP
		cat <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $NG/nginx.pid;
error_log $NG/logs/error.log;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log $NG/logs/access.log;
	$temps
	server {
		listen 127.0.0.1:$PORT;
		server_name localhost;
		location /podcast/ {
			alias $SHOW/public/;
			include $NG/public.conf;
		}
	}
}
EOF
	} >"$NG/nginx.conf"
	"$NGINX" -p "$NG" -e "$NG/logs/error.log" -c "$NG/nginx.conf" >"$NG/logs/stdout" 2>&1 &
	SERVER_PID=$!
	up=0
	for _ in $(seq 1 50); do	# 5 s at most
		if curl -s -o /dev/null --max-time 2 "$FEED_URL"; then up=1; break; fi
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.1
	done
	check "HTTP: nginx serves public/ on 127.0.0.1:$PORT" [ "$up" = 1 ]
	[ "$up" = 1 ] || sed 's/^/#   nginx: /' "$NG/logs/error.log" | tail -n 3
fi
if [ "${up:-0}" = 1 ]; then
	FJ="$TMP/feed.json"	# the main show after four builds
	check "HTTP: GET feed.xml is the file" bash -c 'curl -sf --max-time 10 "$1" | cmp -s - "$2"' _ "$FEED_URL" "$SHOW/public/feed.xml"
	enc=$(fj 'd["items"][0]["enclosures"][0]["url"]')
	encf=$(fj 'd["items"][0]["enclosures"][0]["file"]')
	size=$(stat -c %s "$encf")
	curl -sI --max-time 10 "$enc" | tr -d '\r' >"$TMP/head"
	check "HTTP: HEAD of the newest enclosure: 200" grep -q '^HTTP/[0-9.]* 200' "$TMP/head"
	check "HTTP: HEAD: Content-Length $size" grep -qix "content-length: $size" "$TMP/head"
	check "HTTP: HEAD: Content-Type audio/mpeg" grep -qix "content-type: audio/mpeg" "$TMP/head"
	check "HTTP: HEAD: Accept-Ranges: bytes" grep -qix "accept-ranges: bytes" "$TMP/head"
	# the README's types: every kind of file public/ holds, as curl sees its Content-Type
	slug0=$(basename "$encf" .mp3)
	for ft in "feed.xml=application/rss+xml; charset=utf-8" "index.html=text/html; charset=utf-8" \
		"episodes/$slug0.vtt=text/vtt; charset=utf-8" "episodes/$slug0.srt=application/x-subrip; charset=utf-8" \
		"episodes/$slug0.chapters.json=application/json" "episodes/$slug0.json=application/json" \
		"episodes/$slug0.mp3=audio/mpeg" "$(cd "$SHOW/public" && ls cover.* 2>/dev/null | head -n 1)=image/"; do
		f=${ft%%=*} want=${ft#*=}
		got=$(curl -s -o /dev/null --max-time 10 -w '%{content_type}' "${FEED_URL%feed.xml}$f")
		if [ "$want" = image/ ]; then
			check "HTTP: $f is served as an image ($got)" bash -c '[[ $1 == image/png || $1 == image/jpeg ]]' _ "$got"
		else
			check "HTTP: $f is served as $want (got ${got:-nothing})" [ "$got" = "$want" ]
		fi
	done
	check "HTTP: transcripts and chapters allow other sites' players (Access-Control-Allow-Origin: *)" bash -c '
		for u in "${@:2}"; do curl -sI --max-time 10 "$1$u" | tr -d "\r" | grep -qix "access-control-allow-origin: \*" || exit 1; done
		' _ "${FEED_URL%feed.xml}episodes/" "$slug0.vtt" "$slug0.srt" "$slug0.chapters.json"
	check "HTTP: feedparser reads the served feed without a warning (no bozo: the charset is sent)" \
		checker feed -t "$FEED_URL" 'not (d.bozo or not d.entries)'
	code=$(curl -s --max-time 10 -r 1000-1999 -o "$TMP/range" -D "$TMP/range.h" -w '%{http_code}' "$enc")
	check "HTTP: a Range request (bytes 1000-1999): 206" [ "$code" = 206 ]
	check "HTTP: Range: Content-Range bytes 1000-1999/$size" \
		bash -c 'tr -d "\r" <"$1" | grep -qix "content-range: bytes 1000-1999/$2"' _ "$TMP/range.h" "$size"
	check "HTTP: Range: the right 1000 bytes" \
		bash -c '[ "$(stat -c %s "$1")" -eq 1000 ] && tail -c +1001 "$2" | head -c 1000 | cmp -s - "$1"' _ "$TMP/range" "$encf"

	# --- gPodder ---
	if ! command -v gpo >/dev/null; then
		skip "HTTP: gPodder" "gpo (package gpodder) is not installed"
	else
		G="$TMP/gpodder"
		mkdir -p "$G/home" "$G/data" "$G/downloads"
		gpo_() { HOME="$G/home" GPODDER_HOME="$G/data" GPODDER_DOWNLOAD_DIR="$G/downloads" timeout 120 gpo "$@" >>"$G/log" 2>&1; }
		check "gpo subscribe $FEED_URL" gpo_ subscribe "$FEED_URL"
		check "gpo update" gpo_ update
		check "gpo download" gpo_ download
		# gPodder's own record of the episodes: guid, url, size from the feed, state, file name
		checker gpodder "$G/data/Database" >"$TMP/gpo.eps" 2>"$TMP/gpo.err"
		check "gPodder: knows the feed's 4 episodes, with the feed's guids, newest first" \
			[ "$(cut -f1 "$TMP/gpo.eps" | tr '\n' ' ' | sed 's/ $//')" = "$(item_guids)" ]
		n=0
		while IFS=$'\t' read -r guid url fsize state folder fname; do
			n=$((n + 1))
			want_url=$(fj "[i['enclosures'][0]['url'] for i in d['items'] if i['guid'] == '$guid']")
			want_len=$(fj "[i['enclosures'][0]['length'] for i in d['items'] if i['guid'] == '$guid']")
			orig=$(fj "[i['enclosures'][0]['file'] for i in d['items'] if i['guid'] == '$guid']")
			got="$G/downloads/$folder/$fname"
			check "gPodder episode $n: the enclosure's URL and length ($fsize)" [ "$url" = "$want_url" -a "$fsize" = "$want_len" ]
			check "gPodder episode $n: downloaded (state $state)" [ "$state" = 1 -a -f "$got" ]
			check "gPodder episode $n: the file's size is the enclosure's length" [ "$(stat -c %s "$got" 2>/dev/null)" = "$want_len" ]
			check "gPodder episode $n: the same bytes as $(basename "$orig")" cmp -s "$got" "$orig"
		done <"$TMP/gpo.eps"
		check "gPodder: 4 episodes checked" [ "$n" -eq 4 ]
		[ "$n" -eq 4 ] || { sed 's/^/#   gpo: /' "$G/log" | tail -n 5; sed 's/^/#   /' "$TMP/gpo.err"; }
		check "gPodder: the downloads are the 4 episodes and nothing else" \
			[ "$(find "$G/downloads" -type f | wc -l)" -eq 4 ]
	fi

	# --- podcast-partytime ---
	if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
		skip "HTTP: podcast-partytime" "node or npm is not installed"
	elif ! timeout 180 npm install --prefix "$TMP/npm" --no-audit --no-fund --loglevel=error podcast-partytime \
		>"$TMP/npm.log" 2>&1; then
		skip "HTTP: podcast-partytime" "npm install podcast-partytime failed (no network?): $(grep -m 1 -i error "$TMP/npm.log")"
	else
		cat >"$TMP/partytime.js" <<'EOF'
const { parseFeed } = require("podcast-partytime");
let xml = "";
process.stdin.on("data", (c) => (xml += c));
process.stdin.on("end", () => {
	const f = parseFeed(xml);
	if (!f) { console.error("parseFeed gave nothing"); process.exit(1); }
	console.log(JSON.stringify({
		guid: f.guid, title: f.title, locked: f.locked,
		items: f.items.map((e) => ({ guid: e.guid, enclosure: e.enclosure && e.enclosure.url,
			transcripts: (e.podcastTranscripts || []).map((t) => ({ url: t.url, type: t.type, rel: t.rel || null })),
			chapters: e.podcastChapters ? e.podcastChapters.url : null })),
	}));
});
EOF
		curl -sf --max-time 10 "$FEED_URL" | NODE_PATH="$TMP/npm/node_modules" timeout 60 node "$TMP/partytime.js" \
			>"$TMP/pt.json" 2>"$TMP/pt.err"
		check "partytime: parseFeed reads the feed over HTTP" [ -s "$TMP/pt.json" ]
		sed 's/^/#   partytime: /' "$TMP/pt.err" | head -n 3
		[ -s "$TMP/pt.json" ] || echo '{"items": []}' >"$TMP/pt.json"
		check "partytime: the podcast:guid $want_guid" [ "$(jpy "$TMP/pt.json" 'd.get("guid")')" = "$want_guid" ]
		check "partytime: the title" [ "$(jpy "$TMP/pt.json" 'd.get("title")')" = "$TITLE" ]
		check "partytime: locked is false" [ "$(jpy "$TMP/pt.json" 'd.get("locked")')" = False ]
		check "partytime: the 4 items, with the feed's guids" \
			[ "$(jpy "$TMP/pt.json" '" ".join(i["guid"] for i in d["items"])')" = "$(item_guids)" ]
		k=0
		while IFS=$'\t' read -r guid vtt srt chap; do
			k=$((k + 1))
			check "partytime item $k: a VTT transcript, rel=captions: ${vtt##*/}" bash -c '[[ $1 == "$2"*.vtt ]]' _ "$vtt" "${BASE}episodes/"
			check "partytime item $k: an SRT transcript: ${srt##*/}" bash -c '[[ $1 == "$2"*.srt ]]' _ "$srt" "${BASE}episodes/"
			check "partytime item $k: chapters: ${chap##*/}" bash -c '[[ $1 == "$2"*.chapters.json ]]' _ "$chap" "${BASE}episodes/"
			for u in "$vtt" "$srt" "$chap"; do
				check "partytime item $k: GET ${u##*/} over HTTP: 200" \
					[ "$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$u")" = 200 ]
			done
			check "partytime item $k: the chapters file over HTTP is JSON chapters" \
				bash -c 'curl -sf --max-time 10 "$1" | "$2" "$3" json -t - "d[\"chapters\"]"' _ "$chap" "$PY" "$CHECK_PY"
		done < <(jpy "$TMP/pt.json" '["%s\t%s\t%s\t%s" % (i["guid"],
			([t["url"] for t in i["transcripts"] if t["type"] == "text/vtt" and t["rel"] == "captions"] + [""])[0],
			([t["url"] for t in i["transcripts"] if t["type"] == "application/srt"] + [""])[0],
			i["chapters"]) for i in d["items"]]')
		check "partytime: 4 items checked" [ "$k" -eq 4 ]
	fi
fi

echo "# $(($(date +%s) - STARTED)) s"
finish
