#!/usr/bin/env bash
# newscast build with [source] feeds: RSS and Atom items as articles, fetched over HTTP from a local
# test server (feedserver.py, which logs every request) or read from a path; conditional GET, the
# kept copy, items known by guid, max_age, failing sources and failing items. Checked with tools that
# are not newscast's own: the server's request log, Python's json, ffprobe.
. "$(dirname "$0")/lib.sh"

export TZ=UTC	# --date makes 06:00 local time; in UTC the dates below are what the feed says
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
STARTED=$(date +%s)
DATE=2026-11-29

# --- the server: started now, stopped whatever happens ---
WWW="$TMP/www"
LOG="$TMP/server.log"
mkdir -p "$WWW"
: >"$WWW/feed.rss"
start_feedserver "$WWW/feed.rss"
ok "feedserver.py listens on 127.0.0.1:$PORT"
SRV="http://127.0.0.1:$PORT"
URL="$SRV/feed.rss"

# --- tools ---
# build [OPTIONS] SHOW: verbose (its explanations are checked), with a time limit.
build() { timeout 60 "$NEWSCAST" build -q -v --jobs 2 --date "$DATE" "$@"; }
show_err() { sed 's/^/#   /' "$TMP/stderr" | grep -v ': \(clean\|normalize\|audio\|build\): ' | head -n "${1:-5}"; }
# sidecars SHOW: the episodes' sidecars, sorted (not the .chapters.json files).
sidecars() { ls "$1"/public/episodes/*.json 2>/dev/null | grep -v '\.chapters\.json$' | sort; }
# files SIDECAR: the sidecar's articles' "file", one a line.
files() { jpy "$1" '[a["file"] for a in d["articles"]]' 2>/dev/null; }
# snapshot DIR: every file under DIR with its checksum.
snapshot() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r md5sum); }
# newshow DIR: a show with no intro or outro (short builds), any age of item taken.
newshow() {
	"$NEWSCAST" init "$1" >/dev/null
	ini_set "$1/podcast.ini" episode intro ""
	ini_set "$1/podcast.ini" episode outro ""
	ini_set "$1/podcast.ini" source max_age 0
}
# add_feed SHOW SOURCE: one more 'feed =' line ([source] is podcast.ini's last section).
add_feed() { printf 'feed = %s\n' "$2" >>"$1/podcast.ini"; }
# mark: how many requests the server has logged so far.
mark() { wc -l <"$LOG" | tr -d ' '; }
# reqs FROM PATH: the requests for PATH logged after the first FROM, one a line:
# METHOD|STATUS|IF-NONE-MATCH|IF-MODIFIED-SINCE|ETAG-ANSWERED|LAST-MODIFIED-ANSWERED ("-" for none).
reqs() {
	tail -n +"$(($1 + 1))" "$LOG" | checker requests "$2"
}
field() { cut -d'|' -f"$1"; }
no_tmp() { [ -z "$(find "$1" -name '*.tmp')" ]; }

# --- the feed: RSS 2.0 with the full text in content:encoded; original text ---
rss() {	# rss ITEM...: a whole feed of these items
	printf '<?xml version="1.0" encoding="utf-8"?>\n'
	printf '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
	printf ' <channel>\n  <title>Harbour Town News</title>\n  <link>https://news.example.org/</link>\n'
	printf '  <description>Local news, in full.</description>\n'
	printf '%s\n' "$@"
	printf ' </channel>\n</rss>\n'
}
GA="urn:example:harbour:1001" HA="Ferry timetable changes on Monday"
GB="tag:news.example.org,2026:1002" HB="Bakery wins the county prize"
GC="urn:example:harbour:1003" HC="Lighthouse repainted in red and white"
GD="urn:example:harbour:1004" HD="Market moves to the square"
GE="urn:example:extra:2001" HE="Choir sings at the station"
ITEM_A="  <item>
   <title>$HA</title>
   <link>https://news.example.org/2026/11/ferry-timetable</link>
   <guid isPermaLink=\"false\">$GA</guid>
   <pubDate>Fri, 27 Nov 2026 08:30:00 +0100</pubDate>
   <dc:creator>Maren Olsen</dc:creator>
   <description>The harbour ferry runs to a new timetable.</description>
   <content:encoded><![CDATA[<p>The harbour ferry will run to a new timetable from Monday. The first boat leaves at six.</p><p>Tickets bought before the change stay valid.</p>]]></content:encoded>
  </item>"
ITEM_B="  <item>
   <title>$HB</title>
   <link>https://news.example.org/2026/11/bakery-prize</link>
   <guid isPermaLink=\"false\">$GB</guid>
   <pubDate>Sat, 28 Nov 2026 17:05:00 GMT</pubDate>
   <author>desk@news.example.org (Tomas Reyes)</author>
   <description>A family bakery took the county prize.</description>
   <content:encoded><![CDATA[<p>The family bakery on Mill Lane won the county bread prize on Saturday. The judges praised its rye loaf.</p>]]></content:encoded>
  </item>"
ITEM_C="  <item>
   <title>$HC</title>
   <link>https://news.example.org/2026/11/lighthouse</link>
   <guid isPermaLink=\"false\">$GC</guid>
   <pubDate>Sun, 29 Nov 2026 05:00:00 GMT</pubDate>
   <dc:creator>Ana Lund</dc:creator>
   <content:encoded><![CDATA[<p>The lighthouse on the point has been repainted. Painters worked on it for three weeks.</p>]]></content:encoded>
  </item>"
ITEM_D="  <item>
   <title>$HD</title>
   <link>https://news.example.org/2026/11/market</link>
   <guid isPermaLink=\"false\">$GD</guid>
   <pubDate>Sun, 29 Nov 2026 05:30:00 GMT</pubDate>
   <content:encoded><![CDATA[<p>The Saturday market will move to the square next month. Traders asked for more room.</p>]]></content:encoded>
  </item>"
ITEM_E="  <item>
   <title>$HE</title>
   <link>https://extra.example.org/choir</link>
   <guid isPermaLink=\"false\">$GE</guid>
   <pubDate>Sun, 29 Nov 2026 04:00:00 GMT</pubDate>
   <description>The town choir sang carols at the railway station on Saturday. Travellers stopped to listen.</description>
  </item>"

# ============ 1. a feed over HTTP: the first build ============
S="$TMP/show"
newshow "$S"
ini_set "$S/podcast.ini" source feed "$URL"
check "setup: podcast.ini names the feed in [source], with max_age = 0" \
	bash -c 'sed -n "/^\[source\]/,\$p" "$1" | grep -qxF "feed = $2" && sed -n "/^\[source\]/,\$p" "$1" | grep -qx "max_age = 0"' \
	_ "$S/podcast.ini" "$URL"
rss "$ITEM_A" "$ITEM_B" >"$WWW/feed.rss"
m=$(mark)
expect_status 0 "first build: exit 0" build "$S"
show_err
mapfile -t SIDE < <(sidecars "$S")
check "first build: one episode (got ${#SIDE[@]})" [ "${#SIDE[@]}" -eq 1 ]
J1=${SIDE[0]:-$TMP/none.json}
EP1=${J1%.json}
check "first build: the sidecar lists both items, as feed:GUID, in the feed's order" \
	[ "$(files "$J1" | tr '\n' ' ')" = "feed:$GA feed:$GB " ]
check "first build: the headlines are the items' titles" \
	[ "$(jpy "$J1" '"|".join(a["headline"] for a in d["articles"])' 2>/dev/null)" = "$HA|$HB" ]
check "first build: authors from dc:creator and from RSS <author>'s name" \
	[ "$(jpy "$J1" '"|".join(a.get("author", "") for a in d["articles"])' 2>/dev/null)" = "Maren Olsen|Tomas Reyes" ]
check "first build: links are the items' links" \
	[ "$(jpy "$J1" '"|".join(a.get("link", "") for a in d["articles"])' 2>/dev/null)" = \
	"https://news.example.org/2026/11/ferry-timetable|https://news.example.org/2026/11/bakery-prize" ]
dates=$(jpy "$J1" '"|".join(a.get("date", "") for a in d["articles"])' 2>/dev/null)
check "first build: dates are the pubDates as RFC 3339 in UTC (got $dates)" \
	[ "$dates" = "2026-11-27T07:30:00Z|2026-11-28T17:05:00Z" ]
check "first build: the summaries are the items' descriptions" \
	[ "$(jpy "$J1" '"|".join(a.get("summary", "") for a in d["articles"])' 2>/dev/null)" = \
	"The harbour ferry runs to a new timetable.|A family bakery took the county prize." ]
check "first build: each article has a hash" [ "$(jpy "$J1" 'all(a.get("hash") for a in d["articles"])' 2>/dev/null)" = True ]
for ext in mp3 vtt srt chapters.json; do
	check "first build: $(basename "$EP1").$ext is published" [ -s "$EP1.$ext" ]
done
check "first build: public/feed.xml is written" [ -s "$S/public/feed.xml" ]
chap=$(jpy "$J1" '"|".join(c["title"] for c in d["chapters"])' 2>/dev/null)
check "first build: the sidecar's chapters are the two headlines (got '$chap')" [ "$chap" = "$HA|$HB" ]
mp3chap=$(ffprobe -v error -show_chapters -of json "$EP1.mp3" 2>/dev/null |
	checker json - '"|".join(c.get("tags", {}).get("title", "") for c in d["chapters"])')
check "first build: the MP3 has 2 chapters, the headlines, as ffprobe reads them (got '$mp3chap')" [ "$mp3chap" = "$HA|$HB" ]
check "first build: the vtt transcript has the full text (content:encoded), not only the summary" \
	bash -c 'grep -qF "Tickets bought before the change stay valid." <<<"$1"' _ "$(spoken_vtt "$EP1.vtt")"
reqs "$m" /feed.rss >"$TMP/r1"
check "first build: the server saw one GET of /feed.rss ($(tr '\n' ' ' <"$TMP/r1"))" [ "$(wc -l <"$TMP/r1")" -eq 1 ]
check "first build: answered 200, and the request had no If-None-Match or If-Modified-Since" \
	[ "$(field 1-4 <"$TMP/r1")" = "GET|200|-|-" ]
ETAG1=$(field 5 <"$TMP/r1")
LM1=$(field 6 <"$TMP/r1")
STATE="$S/.newscast/state.json"
# validator KEY: what state.json keeps for the feed's URL
validator() { jpy "$STATE" 'd["feeds"][sys.argv[3]].get(sys.argv[4], "")' "$URL" "$1" 2>/dev/null; }
check "first build: state.json keeps the ETag exactly as served ($ETAG1)" [ "$(validator etag)" = "$ETAG1" ]
check "first build: state.json keeps the Last-Modified exactly as served ($LM1)" [ "$(validator last_modified)" = "$LM1" ]
check "first build: state.json has both items with the episode's slug" \
	[ "$(jpy "$STATE" '[d["articles"][k].get("episode") for k in sys.argv[3:]]' "feed:$GA" "feed:$GB" 2>/dev/null | sort -u)" = \
	"$(basename "$EP1")" ]
copies=$(ls "$S/.newscast/feeds/" 2>/dev/null | wc -l)
check "first build: one copy of the feed in .newscast/feeds/, its bytes those served" \
	bash -c '[ "$2" -eq 1 ] && cmp -s "$1"/.newscast/feeds/* "$3"' _ "$S" "$copies" "$WWW/feed.rss"

# ============ 2. unchanged: a conditional GET, answered 304 ============
snapshot "$S/public" >"$TMP/snap.1"
m=$(mark)
expect_status 0 "unchanged feed: exit 0" build "$S"
show_err
cp "$TMP/stdout" "$TMP/stdout.2"
reqs "$m" /feed.rss >"$TMP/r2"
check "unchanged feed: one request ($(tr '\n' ' ' <"$TMP/r2"))" [ "$(wc -l <"$TMP/r2")" -eq 1 ]
check "unchanged feed: If-None-Match was the ETag served ($(field 3 <"$TMP/r2"))" [ "$(field 3 <"$TMP/r2")" = "$ETAG1" ]
check "unchanged feed: If-Modified-Since was the Last-Modified served" [ "$(field 4 <"$TMP/r2")" = "$LM1" ]
check "unchanged feed: the server answered 304" [ "$(field 2 <"$TMP/r2")" = 304 ]
check "unchanged feed: verbose says HTTP 304" grep -qF "'$URL' has not changed since it was last fetched (HTTP 304)" "$TMP/stderr"
check "unchanged feed: says 'nothing new'" grep -q 'nothing new' "$TMP/stdout.2"
for h in "$HA" "$HB"; do
	check "unchanged feed: verbose says '$h' is published already" grep -qF "'$h' is published already" "$TMP/stderr"
done
check "unchanged feed: public/ is unchanged (no new episode files)" cmp -s "$TMP/snap.1" <(snapshot "$S/public")
check "unchanged feed: state.json still has the ETag" [ "$(validator etag)" = "$ETAG1" ]

# ============ 2b. a captive portal's page answered with 200: the kept copy is not replaced ============
cp "$WWW/feed.rss" "$TMP/feed.good"
printf '<!DOCTYPE html>\n<html><body><p>Please log in to the hotel network.</p></body></html>\n' >"$WWW/feed.rss"
expect_status 1 "a portal page instead of the feed: exit 1" build "$S"
check "a portal page: the error names the URL" grep -qF "'$URL'" "$TMP/stderr"
check "a portal page: state.json keeps the good feed's ETag" [ "$(validator etag)" = "$ETAG1" ]
cp "$TMP/feed.good" "$WWW/feed.rss"
touch -d "$(date -d @"$(stat -c %Y "$TMP/feed.good")")" "$WWW/feed.rss" 2>/dev/null
m=$(mark)
expect_status 0 "the feed back: exit 0, from a 304 and the kept copy" build "$S"
reqs "$m" /feed.rss >"$TMP/r2b"
check "the feed back: the server answered 304 ($(tr '\n' ' ' <"$TMP/r2b"))" [ "$(field 2 <"$TMP/r2b")" = 304 ]
check "the feed back: nothing new" grep -q 'nothing new' "$TMP/stdout"

# ============ 2c. an ETag with a CR in it is never sent back (it would split the request's header) ============
SC="$TMP/crlf-show"
"$NEWSCAST" init "$SC" >/dev/null
ini_set "$SC/podcast.ini" episode intro ""
ini_set "$SC/podcast.ini" episode outro ""
ini_set "$SC/podcast.ini" source max_age 0
add_feed "$SC" "http://127.0.0.1:$PORT/crlf.rss"
expect_status 0 "an ETag with a CR: the feed is read (exit 0)" build "$SC"
check "an ETag with a CR: state.json keeps no ETag" \
	[ -z "$(jpy "$SC/.newscast/state.json" 'd["feeds"][sys.argv[3]].get("etag", "")' "http://127.0.0.1:$PORT/crlf.rss" 2>/dev/null)" ]
m=$(mark)
expect_status 0 "an ETag with a CR: a second build" build "$SC"
reqs "$m" /crlf.rss >"$TMP/r2c"
check "an ETag with a CR: the second request has no If-None-Match ($(tr '\n' ' ' <"$TMP/r2c"))" \
	[ "$(field 3 <"$TMP/r2c")" = "-" ]

# ============ 3. a third item: only it is spoken ============
rss "$ITEM_C" "$ITEM_A" "$ITEM_B" >"$WWW/feed.rss"
m=$(mark)
expect_status 0 "a new item: exit 0" build "$S"
show_err
reqs "$m" /feed.rss >"$TMP/r3"
check "a new item: the request carried the old ETag and got 200 with a new one ($(tr '\n' ' ' <"$TMP/r3"))" \
	[ "$(wc -l <"$TMP/r3")" -eq 1 -a "$(field 1-3 <"$TMP/r3")" = "GET|200|$ETAG1" -a "$(field 5 <"$TMP/r3")" != "$ETAG1" ]
ETAG2=$(field 5 <"$TMP/r3")
check "a new item: verbose says how many bytes were fetched" \
	grep -qF "source: fetched '$URL': $(stat -c %s "$WWW/feed.rss") bytes" "$TMP/stderr"
mapfile -t NEW < <(sidecars "$S" | grep -vxF "$J1")
check "a new item: one new episode (got ${#NEW[@]})" [ "${#NEW[@]}" -eq 1 ]
J3=${NEW[0]:-$TMP/none.json}
check "a new item: the new sidecar has 1 article, feed:$GC" [ "$(files "$J3")" = "feed:$GC" ]
check "a new item: the new episode does not speak the old items" \
	bash -c '! grep -qF -e "Tickets bought before" -e "rye loaf" <<<"$1" && grep -qF "three weeks" <<<"$1"' _ \
	"$(spoken_vtt "${J3%.json}.vtt")"
first=$(grep -F "/$(basename "$EP1")." "$TMP/snap.1")
check "a new item: the first episode's files are untouched" \
	[ -n "$first" -a "$(snapshot "$S/public" | grep -F "/$(basename "$EP1").")" = "$first" ]
check "a new item: state.json has the new ETag" [ "$(validator etag)" = "$ETAG2" ]

# ============ 4. a second source, a path, sharing guids with the first ============
# extra.rss (relative to the show) repeats item B (published already) and item D, which the HTTP feed
# gets at the same time (new in both), and has one item of its own, E.
rss "$ITEM_B" "$ITEM_D" "$ITEM_E" >"$S/extra.rss"
rss "$ITEM_D" "$ITEM_C" "$ITEM_A" "$ITEM_B" >"$WWW/feed.rss"
add_feed "$S" extra.rss
before=$(sidecars "$S")
expect_status 0 "two sources: exit 0" build "$S"
show_err
mapfile -t NEW < <(sidecars "$S" | grep -vxF "$before")
check "two sources: one new episode (got ${#NEW[@]})" [ "${#NEW[@]}" -eq 1 ]
J4=${NEW[0]:-$TMP/none.json}
check "two sources: it holds D (in both feeds) once and E, in the sources' order ($(files "$J4" | tr '\n' ' '))" \
	[ "$(files "$J4" | tr '\n' ' ')" = "feed:$GD feed:$GE " ]
check "two sources: D's headline is spoken once" [ "$(spoken_vtt "${J4%.json}.vtt" | grep -oF "$HD" | wc -l)" -eq 1 ]
check "two sources: B, published from the HTTP feed, is not spoken again" \
	bash -c '! grep -qF "rye loaf" <<<"$1"' _ "$(spoken_vtt "${J4%.json}.vtt")"
check "two sources: verbose says D was read before" grep -qF "'$HD' has the same guid as an item read before" "$TMP/stderr"
check "two sources: E has the link and date of extra.rss" \
	[ "$(jpy "$J4" '[a["link"] + " " + a["date"] for a in d["articles"] if a["file"] == "feed:" + sys.argv[3]]' "$GE" 2>/dev/null)" = \
	"https://extra.example.org/choir 2026-11-29T04:00:00Z" ]
all=$(for f in $(sidecars "$S"); do files "$f"; done | sort)
check "two sources: every item is in exactly one episode, over all episodes" \
	[ "$all" = "$(printf 'feed:%s\n' "$GA" "$GB" "$GC" "$GD" "$GE" | sort)" ]
expect_status 0 "two sources, again: exit 0, nothing new" build "$S"
check "two sources, again: says 'nothing new'" grep -q 'nothing new' "$TMP/stdout"

# ============ 5. sources that fail; the rest of the build goes on ============
F="$TMP/fail-show"
newshow "$F"
ini_set "$F/podcast.ini" source timeout 2
ini_set "$F/podcast.ini" source max_size 1
BADS=(/loop /slow /huge /huge-stream /missing /laughs.rss)
declare -A WHY=(
	[/loop]="redirected more than 5 times (a redirect loop?)"
	[/slow]="no complete answer within 2 s"
	[/huge]="larger than the limit of 1048576 bytes"
	[/huge-stream]="larger than the limit of 1048576 bytes"
	[/missing]="the server answered HTTP 404"
	[/laughs.rss]="declares an entity"
)
ini_set "$F/podcast.ini" source feed "$SRV/loop"
for b in "${BADS[@]:1}"; do add_feed "$F" "$SRV$b"; done
add_feed "$F" good.rss
rss "$ITEM_C" >"$F/good.rss"
article "$F/articles" story.txt "Gulls nest on the town hall" \
	"A pair of gulls has nested on the roof of the town hall. Staff have been asked to use the side door."
m=$(mark)
t0=$(date +%s.%N)
timeout 60 "$NEWSCAST" build -q --jobs 2 --date "$DATE" "$F" >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
check "failing sources: build exits 1 (got $rc)" [ "$rc" -eq 1 ]
for b in "${BADS[@]}"; do
	n=$(grep -cF "'$SRV$b'" "$TMP/stderr")
	if [ "$n" -eq 1 ] && grep -F "'$SRV$b'" "$TMP/stderr" | grep -qF "${WHY[$b]}"; then
		ok "failing source $b: one error line names the URL and says '${WHY[$b]}'"
	else
		not_ok "failing source $b: one error line names the URL and says '${WHY[$b]}' ($n lines name it)"
		grep -F "$b" "$TMP/stderr" | sed 's/^/#   /' | head -n 3
	fi
done
check "failing sources: the summary counts 6 of 7 feeds" grep -qF "6 of the show's 7 feeds could not be read" "$TMP/stderr"
check "failing sources: /slow was given up after about 2 s (the build took $secs s)" between "$secs" 1.5 20
check "failing sources: 6 requests of /loop (the first and 5 redirects; got $(reqs "$m" /loop | wc -l))" \
	[ "$(reqs "$m" /loop | wc -l)" -eq 6 ]
mapfile -t FJ < <(sidecars "$F")
check "failing sources: the episode is still built (got ${#FJ[@]})" [ "${#FJ[@]}" -eq 1 ]
check "failing sources: it holds the article and the good feed's item" \
	[ "$(files "${FJ[0]:-/dev/null}" | tr '\n' ' ')" = "story.txt feed:$GC " ]
check "failing sources: its MP3 and feed.xml are there" [ -s "${FJ[0]%.json}.mp3" -a -s "$F/public/feed.xml" ]
check "failing sources: no *.tmp anywhere under the show" no_tmp "$F"
check "failing sources: no hidden (half-written) file in public/" [ -z "$(find "$F/public" -name '.*' -type f)" ]
check "failing sources: no validators kept for the failed URLs" \
	[ "$(jpy "$F/.newscast/state.json" '[u for u, v in d["feeds"].items() if v.get("etag") or v.get("last_modified")]' 2>/dev/null)" = "" ]
check "failing sources: nothing recorded for the laughs feed's item" \
	[ "$(jpy "$F/.newscast/state.json" '[k for k in d["articles"] if "laughs" in k]' 2>/dev/null)" = "" ]
# once more: the sources still fail, nothing new is built, and it still says so with exit 1
timeout 60 "$NEWSCAST" build -q --jobs 2 --date "$DATE" "$F" >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
check "failing sources, again: exit 1 (got $rc), nothing new" bash -c '[ "$1" -eq 1 ] && grep -q "nothing new" "$2"' _ "$rc" "$TMP/stdout"
check "failing sources, again: still no *.tmp under the show" no_tmp "$F"

# ============ 6. max_age: old news is not spoken (an Atom feed) ============
A="$TMP/age-show"
newshow "$A"
ini_set "$A/podcast.ini" source max_age 3
ini_set "$A/podcast.ini" source feed news.atom
cat >"$A/news.atom" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <title>Valley Weekly</title>
 <id>urn:example:valley</id>
 <updated>2026-11-28T12:00:00Z</updated>
 <entry>
  <title>Old bridge survey published</title>
  <id>urn:example:valley:old</id>
  <link href="https://valley.example.org/old"/>
  <published>2026-11-24T09:00:00Z</published>
  <updated>2026-11-24T09:00:00Z</updated>
  <author><name>Ida Berg</name></author>
  <content type="html">&lt;p&gt;The survey of the old bridge was published. It found the stones sound.&lt;/p&gt;</content>
 </entry>
 <entry>
  <title>Orchard harvest ends early</title>
  <id>urn:example:valley:new</id>
  <link rel="alternate" href="https://valley.example.org/new"/>
  <published>2026-11-28T09:00:00+02:00</published>
  <updated>2026-11-28T09:00:00+02:00</updated>
  <author><name>Ida Berg</name></author>
  <author><name>Leo Park</name></author>
  <content type="html">&lt;p&gt;The apple harvest in the valley ended a week early. Growers blamed the dry summer.&lt;/p&gt;</content>
 </entry>
</feed>
EOF
expect_status 0 "max_age = 3: exit 0" build "$A"
show_err
mapfile -t AJ < <(sidecars "$A")
check "max_age = 3: one episode (got ${#AJ[@]})" [ "${#AJ[@]}" -eq 1 ]
check "max_age = 3: only the item of 1 day ago is spoken, not the one of 5 days ago" \
	[ "$(files "${AJ[0]:-/dev/null}")" = "feed:urn:example:valley:new" ]
check "max_age = 3: verbose says the old one is older than max_age" \
	bash -c 'grep -F "Old bridge survey published" "$1" | grep -qF "older than max_age"' _ "$TMP/stderr"
check "max_age = 3: the Atom entry's authors, link and date (offset applied)" \
	[ "$(jpy "${AJ[0]:-/dev/null}" '["%s|%s|%s" % (a["author"], a["link"], a["date"]) for a in d["articles"]]' 2>/dev/null)" = \
	"Ida Berg and Leo Park|https://valley.example.org/new|2026-11-28T07:00:00Z" ]
check "max_age = 3: the old item is not recorded as published" \
	[ "$(jpy "$A/.newscast/state.json" '"feed:urn:example:valley:old" in d["articles"]' 2>/dev/null)" = False ]

# ============ 7. an item with nothing to speak ============
E="$TMP/empty-show"
newshow "$E"
ini_set "$E/podcast.ini" source feed items.rss
EMPTY_ITEM="  <item>
   <title>Council meeting postponed</title>
   <guid isPermaLink=\"false\">urn:example:empty:1</guid>
   <pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate>
   <description></description>
  </item>"
rss "$ITEM_D" "$EMPTY_ITEM" >"$E/items.rss"
expect_status 1 "empty item: build exits 1" build "$E"
show_err 3
notes=$(ls "$E"/articles/failed/feed-*.error 2>/dev/null)
check "empty item: a note articles/failed/feed-*.error ($(basename "${notes:-none}"))" [ -n "$notes" -a "$(echo "$notes" | wc -l)" -eq 1 ]
check "empty item: the note names the item and its guid" \
	bash -c 'grep -qF "Council meeting postponed" "$1" && grep -qF "feed:urn:example:empty:1" "$1"' _ "${notes:-/dev/null}"
why=$(jpy "$E/.newscast/state.json" 'd["articles"]["feed:urn:example:empty:1"].get("failed", "")' 2>/dev/null)
check "empty item: state.json has 'failed' for it (${why:-none})" [ -n "$why" ]
mapfile -t EJ < <(sidecars "$E")
check "empty item: the rest of the episode is built (got ${#EJ[@]} episode, $(files "${EJ[0]:-/dev/null}" | tr '\n' ' '))" \
	[ "${#EJ[@]}" -eq 1 -a "$(files "${EJ[0]:-/dev/null}")" = "feed:$GD" ]
snapshot "$E/public" >"$TMP/esnap"
cp "${notes:-/dev/null}" "$TMP/note.1" 2>/dev/null
expect_status 0 "empty item, rebuild: exit 0" build "$E"
check "empty item, rebuild: verbose says it failed before and is not tried again" \
	bash -c 'grep -F "Council meeting postponed" "$1" | grep -qF "failed before"' _ "$TMP/stderr"
check "empty item, rebuild: says 'nothing new'" grep -q 'nothing new' "$TMP/stdout"
check "empty item, rebuild: no new episode, the note as it was" \
	bash -c 'cmp -s "$1" <(cd "$2" && find . -type f -print0 | sort -z | xargs -0 -r md5sum) && cmp -s "$3" "$4"' \
	_ "$TMP/esnap" "$E/public" "$TMP/note.1" "${notes:-/dev/null}"
# the item gets its text: it changed, so it is tried again
rss "$ITEM_D" "${EMPTY_ITEM/<description><\/description>/<description>The council meeting moves to next Tuesday. The agenda stays the same.</description>}" >"$E/items.rss"
expect_status 0 "empty item, given text: exit 0" build "$E"
show_err
mapfile -t EJ2 < <(sidecars "$E" | grep -vxF "${EJ[0]:-}")
check "empty item, given text: spoken in a new episode" \
	[ "${#EJ2[@]}" -eq 1 -a "$(files "${EJ2[0]:-/dev/null}")" = "feed:urn:example:empty:1" ]
check "empty item, given text: state.json no longer says failed" \
	[ "$(jpy "$E/.newscast/state.json" '"failed" in d["articles"]["feed:urn:example:empty:1"]' 2>/dev/null)" = False ]

# ============ 8. a malformed feed file ============
M="$TMP/bad-show"
newshow "$M"
ini_set "$M/podcast.ini" source feed broken.rss
rss "$ITEM_A" "$ITEM_B" | head -c 700 >"$M/broken.rss"	# cut off inside the first item
article "$M/articles" note.txt "Tide tables for December" \
	"The tide tables for December are out. High water on the first is at noon."
expect_status 1 "truncated feed: exit 1" build "$M"
check "truncated feed: the error names the file, a line and 'not well-formed XML'" \
	bash -c 'grep -F "$2/broken.rss" "$1" | grep -E "line [0-9]+" | grep -qF "not well-formed XML"' _ "$TMP/stderr" "$M"
grep -F "broken.rss" "$TMP/stderr" | grep -v ': source: ' | head -n 2 | sed 's/^/#   /'
check "truncated feed: the article in articles/ is still built" \
	[ "$(files "$(sidecars "$M" | head -n 1)" 2>/dev/null)" = note.txt ]
check "truncated feed: no item of it is recorded" \
	[ "$(jpy "$M/.newscast/state.json" '[k for k in d["articles"] if k.startswith("feed:")]' 2>/dev/null)" = "" ]
check "truncated feed: no *.tmp under the show" no_tmp "$M"

check "feedserver.py logged no error (a traceback would be in its output)" bash -c '! grep -q Traceback "$1"' _ "$TMP/server.out"
check "the whole test took under 90 s ($(($(date +%s) - STARTED)) s)" [ $(($(date +%s) - STARTED)) -lt 90 ]
finish
