#!/usr/bin/env bash
# newscast init and newscast build: show folders, podcast.ini, and the published episodes, checked
# with tools that are not newscast's own (ffprobe, ffmpeg's decoder, EBU R128 meter and silencedetect,
# mutagen, Python's json and a PCM reader: check.py).
. "$(dirname "$0")/lib.sh"

export TZ=UTC	# --date makes 06:00 local time; in UTC the sidecar's date is that day
DATE=2026-11-29
LONGDATE=$(date -d "$DATE" '+%A %-d %B %Y')	# Sunday 29 November 2026
SHORTDATE=$(date -d "$DATE" '+%A %-d %B')

# --- tools ---
# probe FILE ENTRIES: of the first audio stream (a cover is a video stream)
probe() { ffprobe -v error -select_streams a:0 -show_entries "$2" -of default=nw=1:nk=1 "$1"; }
# silences FILE NOISE MIN: "start end duration" lines from ffmpeg's silencedetect.
silences() {
	ffmpeg -hide_banner -nostats -i "$1" -af "silencedetect=n=$2:d=$3" -f null - 2>&1 |
		awk '/silence_start:/ { s = $NF } /silence_end:/ { print s, $5, $8 }'
}
build() { "$NEWSCAST" build -q --date "$DATE" "$@"; }
# sidecars SHOW: the episodes' sidecars, sorted (not the .chapters.json files).
sidecars() { ls "$1"/public/episodes/*.json 2>/dev/null | grep -v '\.chapters\.json$' | sort; }
# snapshot SHOW: every file under public/ (hidden ones too) with its checksum.
snapshot() { (cd "$1/public" && find . -type f -print0 | sort -z | xargs -0 -r md5sum); }
# guids SHOW: "slug guid" for every sidecar.
guids() { local f; for f in $(sidecars "$1"); do echo "$(basename "$f" .json) $(jpy "$f" 'd["guid"]')"; done; }
# sentences TEXT: how many sentences `newscast script` makes of TEXT spoken as a paragraph.
sentences() {
	printf 'Heading\n\n%s\n' "$1" >"$TMP/sent.txt"
	"$NEWSCAST" script "$TMP/sent.txt" | grep -vc '^\[pause [0-9]* ms\]$' | awk '{ print $1 - 1 }'
}
script_sentences() { "$NEWSCAST" script "$1" | grep -vc '^\[pause [0-9]* ms\]$'; }
show_err() { sed 's/^/#   /' "$TMP/stderr" | head -n "${1:-5}"; }

# Short articles, original text; a-, b-, c- so the inbox's order is known.
ART="$TMP/art"
mkdir -p "$ART"
article "$ART" a-ferry.txt "Ferry fares frozen for a year" \
	"Fares on the harbour ferry will not rise this year, the operator said on Friday. The operator said fuel costs had fallen since the spring." \
	"Passengers welcomed the news at the quay."
article "$ART" b-park.txt "New park opens by the river" \
	"A new park opened on the east bank of the river on Saturday. Hundreds of families came to see it. The mayor cut a green ribbon at noon."
article "$ART" c-school.txt "School roof to be repaired" \
	"The roof of the village school will be repaired over the summer. Builders found loose tiles after the storm in March." \
	"Lessons will not be disrupted, the head teacher said."
article "$ART" d-library.txt "Library opens on Sunday afternoons" \
	"The town library will open on Sunday afternoons from next month. Volunteers will staff the front desk. The reading room will stay closed on Sundays."
article "$ART" e-cafe.txt "Café owners cheer the new footbridge" \
	"Owners of the cafés on the west quay say the new footbridge has doubled their trade. One owner said the queue now reaches the water. The council plans a second bridge."
article "$ART" f-buses.txt "Night buses return to the coast road" \
	"Night buses will run again on the coast road from Friday. The service stopped last winter when drivers were short. Tickets will cost the same as by day."
headline() { head -n 1 "$1"; }

# ============ 1. init, and podcast.ini errors ============
SHOW="$TMP/Zoe-show"
"$NEWSCAST" init "$SHOW" >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
check "init: exit 0" [ "$rc" -eq 0 ]
for d in articles public/episodes .newscast; do
	check "init: creates $d/" [ -d "$SHOW/$d" ]
done
check "init: writes podcast.ini with [show], [episode], [voice] and [audio] sections" \
	bash -c 'for s in show episode voice audio; do grep -q "^\[$s\]" "$1" || exit 1; done' _ "$SHOW/podcast.ini"
check "init: podcast.ini is commented" grep -q '^;' "$SHOW/podcast.ini"
check "init: the articles/ inbox is empty" [ -z "$(ls -A "$SHOW/articles")" ]
cp "$SHOW/podcast.ini" "$TMP/ini.orig"
expect_status 1 "init on an existing show: exit 1" "$NEWSCAST" init "$SHOW"
check "init on an existing show: podcast.ini is left as it was" cmp -s "$SHOW/podcast.ini" "$TMP/ini.orig"
check "init on an existing show: the error names podcast.ini" grep -q 'podcast.ini' "$TMP/stderr"

# bad podcast.ini: build fails with exit 1 and 'FILE' line N: ... KEY
bad_ini() {	# bad_ini LABEL KEY EDIT-SED
	local label=$1 key=$2 dir="$TMP/bad-$1" line
	"$NEWSCAST" init "$dir" >/dev/null 2>&1
	article "$dir/articles" a.txt "Short headline" "One sentence of text."
	sed -i "$3" "$dir/podcast.ini"
	line=$(grep -n "^$key *=" "$dir/podcast.ini" | cut -d: -f1 | head -n 1)
	expect_status 1 "podcast.ini with $label: build exits 1" build "$dir"
	if grep -F "$dir/podcast.ini" "$TMP/stderr" | grep -E "line $line([^0-9]|\$)" | grep -qF "'$key'"; then
		ok "podcast.ini with $label: the error names the file, line $line and '$key'"
	else
		not_ok "podcast.ini with $label: the error names the file, line ${line:-?} and '$key'"
		show_err 2
	fi
	check "podcast.ini with $label: no episode" [ -z "$(ls -A "$dir/public/episodes")" ]
}
bad_ini "an unknown key" colour 's/^category = .*/&\ncolour = blue/'
bad_ini "mode = weekly" mode 's/^mode = .*/mode = weekly/'
bad_ini "bitrate = 100" bitrate 's/^bitrate = .*/bitrate = 100/'

# ============ 2. a digest of three short articles, with a cover ============
TITLE="Zoë's Morning Brief"
INTRO="This is {show} for {date:%A %-d %B}."
OUTRO="That was {show}. Thank you for listening."
ini_set "$SHOW/podcast.ini" show title "$TITLE"
ini_set "$SHOW/podcast.ini" show image cover.png
ini_set "$SHOW/podcast.ini" episode intro "$INTRO"
ini_set "$SHOW/podcast.ini" episode outro "$OUTRO"
ffmpeg -v error -f lavfi -i color=c=blue:s=1400x1400 -frames:v 1 "$SHOW/cover.png"
cp "$ART"/a-ferry.txt "$ART"/b-park.txt "$ART"/c-school.txt "$SHOW/articles/"
HEADS=("$(headline "$ART/a-ferry.txt")" "$(headline "$ART/b-park.txt")" "$(headline "$ART/c-school.txt")")
expect_status 0 "digest: build of 3 articles exits 0" build "$SHOW"
show_err
mapfile -t SIDE < <(sidecars "$SHOW")
check "digest: exactly one episode (got ${#SIDE[@]})" [ "${#SIDE[@]}" -eq 1 ]
J=${SIDE[0]:-$TMP/none.json}
SLUG=$(basename "$J" .json)
EP="$SHOW/public/episodes/$SLUG"
MP3="$EP.mp3"
for ext in mp3 chapters.json vtt srt json; do
	check "digest: $SLUG.$ext is published" [ -s "$EP.$ext" ]
done
check "digest: the slug '$SLUG' is ASCII [a-z0-9-] and starts with the date" \
	bash -c '[[ $1 =~ ^[a-z0-9-]+$ && $1 == 2026-11-29-* ]]' _ "$SLUG"
check "digest: the sidecar's slug is the file name" [ "$(jpy "$J" 'd["slug"]')" = "$SLUG" ]
check "ffprobe: codec mp3" [ "$(probe "$MP3" stream=codec_name)" = mp3 ]
check "ffprobe: 44100 Hz" [ "$(probe "$MP3" stream=sample_rate)" = 44100 ]
check "ffprobe: mono" [ "$(probe "$MP3" stream=channels)" = 1 ]
check "ffprobe: 96 kb/s" [ "$(probe "$MP3" stream=bit_rate)" = 96000 ]
sdur=$(jpy "$J" 'd["duration"]')
pdur=$(probe "$MP3" format=duration)
RAW="$TMP/digest.raw"
ffmpeg -v error -i "$MP3" -f s16le -ac 1 -ar 44100 "$RAW"
ddur=$(awk -v n="$(stat -c %s "$RAW")" 'BEGIN { print n / 2 / 44100 }')
check "sidecar duration $sdur s = ffprobe's $pdur s (±0.1)" near "$sdur" "$pdur" 0.1
check "sidecar duration $sdur s = the decoded length $ddur s (±0.1)" near "$sdur" "$ddur" 0.1
check "sidecar bytes ($(jpy "$J" 'd["bytes"]')) = the MP3's size ($(stat -c %s "$MP3"))" \
	[ "$(jpy "$J" 'd["bytes"]')" = "$(stat -c %s "$MP3")" ]
check "sidecar guid is a UUID" \
	bash -c '[[ $1 =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]]' _ "$(jpy "$J" 'd["guid"]')"
ETITLE="$TITLE — $LONGDATE"
check "sidecar title is the default pattern: '$ETITLE'" [ "$(jpy "$J" 'd["title"]')" = "$ETITLE" ]
check "sidecar date is $DATE" bash -c '[[ $1 == 2026-11-29* ]]' _ "$(jpy "$J" 'd["date"]')"
jpy "$J" 'd["description"]' >"$TMP/desc"
for h in "${HEADS[@]}"; do
	check "sidecar description contains '$h'" grep -qF "$h" "$TMP/desc"
done
check "sidecar articles: the three files, in order, each with a hash" \
	[ "$(jpy "$J" '["%s %s" % (a["file"], bool(a.get("hash"))) for a in d["articles"]]' | tr '\n' ' ')" = \
	"a-ferry.txt True b-park.txt True c-school.txt True " ]
check "sidecar files name the published files" \
	[ "$(jpy "$J" '" ".join(d["files"][k] for k in ("audio", "chapters", "vtt", "srt"))')" = \
	"$SLUG.mp3 $SLUG.chapters.json $SLUG.vtt $SLUG.srt" ]

# ============ 3. tags and chapters, as mutagen reads them ============
checker id3 "$MP3" >"$TMP/ep.id3" 2>"$TMP/id3.err" || sed 's/^/#   /' "$TMP/id3.err"
tag() { sed -n "s/^$2=//p" "$1"; }
check "mutagen: TIT2 is the episode title" [ "$(tag "$TMP/ep.id3" TIT2)" = "$ETITLE" ]
check "mutagen: TALB is the show title" [ "$(tag "$TMP/ep.id3" TALB)" = "$TITLE" ]
check "mutagen: TCON is Podcast" [ "$(tag "$TMP/ep.id3" TCON)" = Podcast ]
check "mutagen: one APIC, image/png, the cover's bytes" \
	[ "$(grep '^APIC ' "$TMP/ep.id3")" = "APIC image/png $(md5sum <"$SHOW/cover.png" | cut -d' ' -f1)" ]
grep '^CHAP ' "$TMP/ep.id3" >"$TMP/chap"
want=$(printf '%s\n' Introduction "${HEADS[@]}")
check "mutagen: CHAP frames 'Introduction' and one an article, titled with the headlines, in order" \
	[ "$(cut -d' ' -f5- "$TMP/chap")" = "$want" ]
check "mutagen: a CTOC, top-level and ordered (flags 3), listing the chapters in order" \
	[ "$(grep -c '^CTOC ' "$TMP/ep.id3")" = 1 -a \
	"$(grep '^CTOC ' "$TMP/ep.id3" | cut -d' ' -f3-)" = "3 $(cut -d' ' -f2 "$TMP/chap" | tr '\n' ' ' | sed 's/ $//')" ]
PC="$EP.chapters.json"
check "chapters.json: version 1.2.0" [ "$(jpy "$PC" 'd["version"]')" = 1.2.0 ]
jpy "$PC" '["%d %s" % (round(c["startTime"] * 1000), c["title"]) for c in d["chapters"]]' >"$TMP/pc"
check "chapters.json: the same titles as the CHAP frames" [ "$(cut -d' ' -f2- "$TMP/pc")" = "$want" ]
check "CHAP start times = chapters.json startTime (±10 ms): $(cut -d' ' -f3 "$TMP/chap" | tr '\n' ' ')" \
	bash -c '[ "$(wc -l <"$1")" -eq "$(wc -l <"$2")" ] && paste -d" " <(cut -d" " -f3 "$1") <(cut -d" " -f1 "$2") |
		awk "{ d = \$1 - \$2; if (d < 0) d = -d; if (d > 10) bad = 1 } END { exit bad || NR < 2 }"' \
	_ "$TMP/chap" "$TMP/pc"
check "the sidecar's chapters = chapters.json's" \
	[ "$(jpy "$J" '["%d %s" % (round(c["start"] * 1000), c["title"]) for c in d["chapters"]]')" = "$(cat "$TMP/pc")" ]
check "the first chapter (Introduction) starts at 0" [ "$(head -n 1 "$TMP/chap" | cut -d' ' -f3)" = 0 ]

# ============ 4. loudness ============
ffmpeg -hide_banner -nostats -i "$MP3" -af ebur128=peak=true -f null - 2>&1 | sed -n '/Summary:/,$p' >"$TMP/ebur128"
lufs=$(awk '$1 == "I:" { print $2 }' "$TMP/ebur128")
peak=$(awk '$1 == "Peak:" { print $2 }' "$TMP/ebur128")
check "episode: integrated loudness $lufs LUFS of the MP3 is -16 ±0.3" between "${lufs:-x}" -16.3 -15.7
check "episode: true peak $peak dBTP is at most -1.0 (+0.3 for MP3 decoding)" between "${peak:-x}" -60 -0.7

# ============ 5. transcripts ============
VTT="$EP.vtt" SRT="$EP.srt"
check "vtt: starts with WEBVTT" bash -c 'head -n 1 "$1" | grep -q "^WEBVTT"' _ "$VTT"
checker cues "$VTT" >"$TMP/vtt.cues" 2>"$TMP/cues.err" || sed 's/^/#   /' "$TMP/cues.err"
checker cues "$SRT" >"$TMP/srt.cues" 2>"$TMP/cues.err" || sed 's/^/#   /' "$TMP/cues.err"
n_vtt=$(wc -l <"$TMP/vtt.cues")
n_srt=$(wc -l <"$TMP/srt.cues")
n_art=0
for f in "$ART"/a-ferry.txt "$ART"/b-park.txt "$ART"/c-school.txt; do
	n_art=$((n_art + $(script_sentences "$f")))
done
intro_text=$(printf '%s' "$INTRO" | sed "s/{show}/$TITLE/; s/{date:%A %-d %B}/$SHORTDATE/")
outro_text=$(printf '%s' "$OUTRO" | sed "s/{show}/$TITLE/")
n_intro=$(sentences "$intro_text")
n_outro=$(sentences "$outro_text")
n_want=$((n_art + n_intro + n_outro))
# cues are cut to two lines of 42 characters (test_captions.sh checks them): at least one a sentence
check "vtt: at least one cue a sentence: $n_vtt cues for $n_art sentences in the articles' scripts (headlines included), $n_intro in the intro, $n_outro in the outro" \
	[ "$n_vtt" -ge "$n_want" ]
cut -d' ' -f3- "$TMP/vtt.cues" | tr '\n' ' ' >"$TMP/vtt.text"
check "vtt: every line of each article's script is in the cues' text, whole" bash -c '
	for f in "${@:2}"; do
		"'"$NEWSCAST"'" script "$f" | grep -v "^\[pause [0-9]* ms\]$" | while IFS= read -r l; do
			grep -qF -- " $l " <(printf " %s" "$(cat "$1")") || { echo "#   not in the cues: $l"; exit 1; }
		done || exit 1
	done' _ "$TMP/vtt.text" "$ART"/a-ferry.txt "$ART"/b-park.txt "$ART"/c-school.txt
check "vtt: cue times increase (each starts after the previous starts, at or after its end; end ≥ start)" \
	awk 'NR > 1 && ($1 <= ps || $1 < pe) { bad = 1 } $2 < $1 { bad = 1 } { ps = $1; pe = $2 } END { exit bad || NR < 2 }' "$TMP/vtt.cues"
check "vtt: the last cue ends within the audio ($(tail -n 1 "$TMP/vtt.cues" | cut -d' ' -f2) s of $ddur s)" \
	awk -v d="$ddur" 'END { exit !($2 <= d + 0.01) }' "$TMP/vtt.cues"
check "srt: the same number of cues ($n_srt vs $n_vtt)" [ "$n_srt" -eq "$n_vtt" ]
check "srt: the same times and texts as the vtt" cmp -s "$TMP/vtt.cues" "$TMP/srt.cues"
checker onset "$RAW" "$TMP/vtt.cues" >"$TMP/onset.out" 2>&1
rc=$?
check "vtt: every cue starts at a sound onset: $(tail -n 1 "$TMP/onset.out")" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || head -n 8 "$TMP/onset.out" | sed 's/^/#   /'
# the same check must reject cues 300 ms late or early, or it proves nothing
checker onset "$RAW" "$TMP/vtt.cues" 0.3 >/dev/null 2>&1
late=$?
checker onset "$RAW" "$TMP/vtt.cues" -0.3 >/dev/null 2>&1
early=$?
check "the onset check rejects cues moved 300 ms later and 300 ms earlier" [ "$late" -eq 1 -a "$early" -eq 1 ]

# ============ 6. chapters fall on article boundaries ============
silences "$MP3" -50dB 1.0 >"$TMP/sil"
pause_article=$(sed -n 's/^article *= *//p' "$ROOT/voices/anchor.ini")
pause_section=$(sed -n 's/^section *= *//p' "$ROOT/voices/anchor.ini")
i=0
while read -r ms title; do
	[ "$title" = Introduction ] && continue
	# the first article follows the intro (a section pause), the others an article pause
	want_ms=$([ "$i" -eq 0 ] && echo "$pause_section" || echo "$pause_article")
	i=$((i + 1))
	got=$(awk -v c="$ms" '{ d = $2 - c / 1000; if (d < 0) d = -d; if (d <= 0.25) print $3 }' "$TMP/sil" | head -n 1)
	check "chapter '$title' at $ms ms: a silence of ${want_ms} ms (-100 ms) ends there (±250 ms; got ${got:-none} s)" \
		awk -v g="${got:-0}" -v w="${want_ms:-100000}" 'BEGIN { exit !(g * 1000 >= w - 100) }'
	cue=$(awk -v t="$title" '{ s = $1; $1 = $2 = ""; sub(/^ +/, "") } $0 == t { print s; exit }' "$TMP/vtt.cues")
	check "chapter '$title' at $ms ms starts where its headline's cue does (${cue:-none} s, ±10 ms)" \
		near "$(awk -v m="$ms" 'BEGIN { print m / 1000 }')" "${cue:-x}" 0.010
done <"$TMP/pc"

# ============ 7. incremental builds ============
guids "$SHOW" >"$TMP/guids.1"
snapshot "$SHOW" >"$TMP/snap.1"
expect_status 0 "again, nothing new: exit 0" build "$SHOW"
check "again, nothing new: says 'nothing new'" grep -q 'nothing new' "$TMP/stdout"
snapshot "$SHOW" >"$TMP/snap.2"
check "again, nothing new: public/ is unchanged (files and checksums)" cmp -s "$TMP/snap.1" "$TMP/snap.2"

cp "$ART/d-library.txt" "$SHOW/articles/"
HEAD_D=$(headline "$ART/d-library.txt")
expect_status 0 "one more article: exit 0" build "$SHOW"
show_err
mapfile -t NEW < <(sidecars "$SHOW" | grep -vxF "$J")
check "one more article: one new episode (got ${#NEW[@]})" [ "${#NEW[@]}" -eq 1 ]
J2=${NEW[0]:-$TMP/none.json}
check "one more article: a different slug ($(basename "$J2" .json))" [ "$J2" != "$J" -a -f "$J2" ]
check "one more article: a different guid" [ "$(jpy "$J2" 'd["guid"]' 2>/dev/null)" != "$(jpy "$J" 'd["guid"]')" ]
check "one more article: it holds only the new article" [ "$(jpy "$J2" '[a["file"] for a in d["articles"]]' 2>/dev/null)" = d-library.txt ]
checker id3 "${J2%.json}.mp3" 2>/dev/null | grep '^CHAP ' | cut -d' ' -f5- >"$TMP/chap2"
check "one more article: its chapters are Introduction and '$HEAD_D' only" \
	[ "$(cat "$TMP/chap2")" = "$(printf 'Introduction\n%s' "$HEAD_D")" ]
check "one more article: its description does not mention the earlier articles" \
	bash -c '[ -n "$1" ] && ! grep -qF -e "$2" -e "$3" -e "$4" <<<"$1"' _ "$(jpy "$J2" 'd["description"]' 2>/dev/null)" "${HEADS[@]}"
snapshot "$SHOW" >"$TMP/snap.1b"
check "one more article: the first episode's files are untouched" \
	bash -c 'snap=$(grep -F "/$2." "$1"); [ -n "$snap" ] && [ "$(grep -F "/$2." "$3")" = "$snap" ]' \
	_ "$TMP/snap.1" "$SLUG" "$TMP/snap.1b"
guids "$SHOW" >"$TMP/guids.2"
check "one more article: the first episode's guid did not change" bash -c 'grep -qxFf "$1" "$2"' _ "$TMP/guids.1" "$TMP/guids.2"

snapshot "$SHOW" >"$TMP/snap.3"
printf '\nThe park will close at dusk in winter.\n' >>"$SHOW/articles/b-park.txt"
expect_status 0 "a published article changed: exit 0" build "$SHOW"
check "a published article changed: a warning names it and says it changed" \
	bash -c 'grep -F b-park.txt "$1" | grep -qi chang' _ "$TMP/stderr"
check "a published article changed: no new episode (public/ unchanged)" cmp -s "$TMP/snap.3" <(snapshot "$SHOW")
old_hash=$(jpy "$J" '[a["hash"] for a in d["articles"] if a["file"] == "b-park.txt"]')
expect_status 0 "--rebuild: exit 0" build --rebuild "$SHOW"
show_err
mapfile -t NEW < <(sidecars "$SHOW" | grep -vxF -e "$J" -e "$J2")
check "--rebuild: no new episode (got ${#NEW[@]}): the correction replaces its digest in place" [ "${#NEW[@]}" -eq 0 ]
check "--rebuild: the digest still holds its three articles, b-park.txt with its new hash" \
	[ "$(jpy "$J" '" ".join(a["file"] for a in d["articles"])' 2>/dev/null)" = "a-ferry.txt b-park.txt c-school.txt" -a \
	"$(jpy "$J" '[a["hash"] for a in d["articles"] if a["file"] == "b-park.txt"]' 2>/dev/null)" != "$old_hash" ]
check "--rebuild: the changed article's new sentence is in the digest's transcript" \
	grep -qF "The park will close at dusk in winter." <(spoken_vtt "${J%.json}.vtt")
guids "$SHOW" >"$TMP/guids.3"
check "--rebuild: no episode's guid changed" cmp -s "$TMP/guids.2" "$TMP/guids.3"
expect_status 0 "after --rebuild: a build finds nothing new" build "$SHOW"
check "after --rebuild: says 'nothing new' and does not warn" \
	bash -c 'grep -q "nothing new" "$1" && ! grep -qi chang "$2"' _ "$TMP/stdout" "$TMP/stderr"

# ============ 8. article mode ============
AM="$TMP/article-show"
"$NEWSCAST" init "$AM" >/dev/null
ini_set "$AM/podcast.ini" episode mode article
cp "$ART/e-cafe.txt" "$ART/f-buses.txt" "$AM/articles/"
expect_status 0 "article mode: build of 2 articles exits 0" build "$AM"
show_err
mapfile -t AS < <(sidecars "$AM")
check "article mode: two episodes (got ${#AS[@]})" [ "${#AS[@]}" -eq 2 ]
titles=$(for f in "${AS[@]}"; do jpy "$f" 'd["title"]'; done | sort)
check "article mode: the titles are the headlines" \
	[ "$titles" = "$(printf '%s\n' "$(headline "$ART/e-cafe.txt")" "$(headline "$ART/f-buses.txt")" | sort)" ]
for f in "${AS[@]}"; do
	s=$(basename "$f" .json)
	t=$(jpy "$f" 'd["title"]')
	check "article mode: '$s' holds one article, whose headline is its title" \
		[ "$(jpy "$f" '"|".join(a["headline"] for a in d["articles"])')" = "$t" ]
	check "article mode: '$s' is ASCII [a-z0-9-]" bash -c '[[ $1 =~ ^[a-z0-9-]+$ ]]' _ "$s"
	check "article mode: mutagen reads TIT2 '$t'" \
		[ "$(checker id3 "${f%.json}.mp3" 2>/dev/null | sed -n 's/^TIT2=//p')" = "$t" ]
done
check "article mode: two different guids" [ "$(guids "$AM" | cut -d' ' -f2 | sort -u | wc -l)" -eq 2 ]
# a chapter for each section: the headline, then each subheading, in the order spoken
printf 'Sections make chapters\n\nThe first part has one sentence.\n\nWhat came next\n\nThe second part has another sentence.\n\nThe last word\n\nThe third part ends the story.\n' \
	>"$AM/articles/g-sections.txt"
expect_status 0 "article mode: an article with two subheadings builds" build "$AM"
sec=$(ls "$AM"/public/episodes/*sections-make-chapters*.mp3 2>/dev/null | head -n 1)
got=$(checker id3 "$sec" 2>/dev/null | sed -n 's/^CHAP [^ ]* [0-9]* [0-9]* //p' | tr '\n' '|')
check "article mode: chapters per section (got '$got')" \
	[ "$got" = "Introduction|Sections make chapters|What came next|The last word|" ]

# ============ 9. failing articles ============
FS="$TMP/fail-show"
"$NEWSCAST" init "$FS" >/dev/null
cp "$ART/a-ferry.txt" "$ART/b-park.txt" "$FS/articles/"
: >"$FS/articles/empty.txt"
BAD=(empty.txt)
have_fixture=0
if [ -f "$FIXTURES/espeak-abort.txt" ]; then
	have_fixture=1
	cp "$FIXTURES/espeak-abort.txt" "$FS/articles/espeak-abort.txt"
	# a second article that crashes espeak-ng: each note must give its own article's reason
	{ printf 'Dotted letters again\n\nA short sentence comes first.\n\n'; tail -n +3 "$FIXTURES/espeak-abort.txt"; } \
		>"$FS/articles/x-abort.txt"
	BAD+=(espeak-abort.txt x-abort.txt)
else
	skip "failing article: espeak-abort.txt" "no fixtures at $FIXTURES"
fi
expect_status 1 "failing articles (${BAD[*]}): build exits 1" build "$FS"
for b in "${BAD[@]}"; do
	check "failing article $b: moved to articles/failed/$b" [ -f "$FS/articles/failed/$b" -a ! -e "$FS/articles/$b" ]
	check "failing article $b: articles/failed/$b.error says why (non-empty)" [ -s "$FS/articles/failed/$b.error" ]
done
check "failing article empty.txt: its note says the article is empty" grep -qi 'empty' "$FS/articles/failed/empty.txt.error"
if [ "$have_fixture" = 1 ]; then
	for b in espeak-abort.txt x-abort.txt; do
		other=$([ "$b" = x-abort.txt ] && echo espeak-abort.txt || echo x-abort.txt)
		check "failing article $b: its note names it and says espeak-ng crashed, not about $other" \
			bash -c 'grep -qF "$2" "$1" && grep -qi crash "$1" && ! grep -qF "$3" "$1"' _ \
			"$FS/articles/failed/$b.error" "'$b'" "'$other'"
		grep -qF "'$other'" "$FS/articles/failed/$b.error" && sed -n 2p "$FS/articles/failed/$b.error" | sed 's/^/#   note: /'
	done
fi
check "failing articles: the error lists how many failed" grep -q "${#BAD[@]} articles\? could not be built" "$TMP/stderr"
mapfile -t FSJ < <(sidecars "$FS")
check "failing articles: the episode is still built (got ${#FSJ[@]})" [ "${#FSJ[@]}" -eq 1 ]
check "failing articles: it holds the two good articles" \
	[ "$(jpy "${FSJ[0]:-/dev/null}" '" ".join(a["file"] for a in d["articles"])' 2>/dev/null)" = "a-ferry.txt b-park.txt" ]
check "failing articles: its chapters are Introduction and the two good headlines" \
	[ "$(jpy "${FSJ[0]%.json}.chapters.json" '[c["title"] for c in d["chapters"]]' 2>/dev/null)" = \
	"$(printf 'Introduction\n%s\n%s' "${HEADS[0]}" "${HEADS[1]}")" ]
check "failing articles: its audio decodes to its duration (±0.1 s)" \
	near "$(ffmpeg -v error -i "${FSJ[0]%.json}.mp3" -f s16le -ac 1 - 2>/dev/null | wc -c | awk '{ print $1 / 88200 }')" \
	"$(jpy "${FSJ[0]:-/dev/null}" 'd["duration"]' 2>/dev/null)" 0.1

# ============ 10. SIGKILL mid-build ============
KS="$TMP/kill-show"
"$NEWSCAST" init "$KS" >/dev/null
cp "$ART/c-school.txt" "$KS/articles/"
build "$KS" >/dev/null 2>&1	# an episode already there, which must survive
snapshot "$KS" >"$TMP/ksnap.1"
sidecars "$KS" >"$TMP/kside.1"
check "SIGKILL: an episode was published before" [ "$(sidecars "$KS" | wc -l)" -eq 1 ]
cp "$SAMPLES"/*.txt "$KS/articles/"
"$NEWSCAST" build -q --date "$DATE" "$KS" >"$TMP/kill.out" 2>"$TMP/kill.err" &
pid=$!
# killed once its workers speak: waiting for them, not a fixed second, so a busy machine cannot
# make the kill land before any worker started
workers=
for _ in $(seq 300); do
	workers=$(ps -o pid= --ppid "$pid" | tr -d ' ' | tr '\n' ' ')	# its children, speaking articles
	[ -n "$workers" ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
kill -0 "$pid" 2>/dev/null
running=$?
exec 3>&2 2>/dev/null	# not bash's "Killed" notice
kill -9 "$pid"
wait "$pid"
rc=$?
exec 2>&3 3>&-
sleep 0.5
alive=$(for w in $workers; do ps -o args= -p "$w" 2>/dev/null | grep -q 'newscast build' && echo "$w"; done | tr '\n' ' ')
check "SIGKILL: the build was still running when its workers started, and was killed (exit $rc)" [ "$running" -eq 0 -a "$rc" -eq 137 ]
snapshot "$KS" >"$TMP/ksnap.2"
check "SIGKILL: public/ is exactly as before (files and checksums)" cmp -s "$TMP/ksnap.1" "$TMP/ksnap.2"
cmp -s "$TMP/ksnap.1" "$TMP/ksnap.2" || diff "$TMP/ksnap.1" "$TMP/ksnap.2" | head -n 5 | sed 's/^/#   /'
check "SIGKILL: the killed build's workers (${workers:-none}) do not run on, orphaned (still running: ${alive:-none})" \
	[ -n "$workers" -a -z "$alive" ]
check "SIGKILL: no temporary files in public/" [ -z "$(find "$KS/public" -type f \( -name '.*' -o -name '*.tmp' \))" ]
expect_status 0 "SIGKILL: the next build completes" build "$KS"
show_err
mapfile -t KN < <(sidecars "$KS" | grep -vxFf "$TMP/kside.1")
check "SIGKILL: the next build publishes one new episode (got ${#KN[@]})" [ "${#KN[@]}" -eq 1 ]
K1=${KN[0]:-$TMP/none.json}
check "SIGKILL: it holds every sample .txt article" \
	[ "$(jpy "$K1" '" ".join(a["file"] for a in d["articles"])' 2>/dev/null)" = "$(cd "$SAMPLES" && ls *.txt | tr '\n' ' ' | sed 's/ $//')" ]
check "SIGKILL: its chapters are Introduction and the three headlines" \
	[ "$(checker id3 "${K1%.json}.mp3" 2>/dev/null | sed -n 's/^CHAP [^ ]* [0-9]* [0-9]* //p')" = \
	"$(echo Introduction; for f in "$SAMPLES"/*.txt; do headline "$f"; done)" ]
check "SIGKILL: its duration $(jpy "$K1" 'd["duration"]' 2>/dev/null) s is ffprobe's (±0.1)" \
	near "$(jpy "$K1" 'd["duration"]' 2>/dev/null)" "$(probe "${K1%.json}.mp3" format=duration 2>/dev/null)" 0.1
check "SIGKILL: no temporary files in public/ after the next build" \
	[ -z "$(find "$KS/public" -type f \( -name '.*' -o -name '*.tmp' \))" ]
leftover=$(cd "$KS" && find . -type f -name '*.tmp' | tr '\n' ' ')
check "SIGKILL: after the next build, no temporary file is left anywhere in the show (got: ${leftover:-none})" [ -z "$leftover" ]

# ============ 11. --jobs 1 and --jobs 2 ============
for j in 1 2; do
	"$NEWSCAST" init "$TMP/jobs$j" >/dev/null
	ini_set "$TMP/jobs$j/podcast.ini" show title "Jobs"	# the same intro and outro for both
	cp "$ART"/a-ferry.txt "$ART"/b-park.txt "$ART"/c-school.txt "$TMP/jobs$j/articles/"
	expect_status 0 "--jobs $j: exit 0" build --jobs "$j" "$TMP/jobs$j"
	JJ[$j]=$(sidecars "$TMP/jobs$j" | head -n 1)
	jpy "${JJ[$j]:-/dev/null}" '["%d %s" % (round(c["start"] * 1000), c["title"]) for c in d["chapters"]]' \
		>"$TMP/jobs$j.chap" 2>/dev/null
done
d1=$(jpy "${JJ[1]:-/dev/null}" 'd["duration"]' 2>/dev/null)
d2=$(jpy "${JJ[2]:-/dev/null}" 'd["duration"]' 2>/dev/null)
check "--jobs 1 and --jobs 2: the same duration ($d1 s, $d2 s, ±0.05)" near "${d1:-x}" "${d2:-y}" 0.05
check "--jobs 1 and --jobs 2: the same chapter titles" \
	[ -s "$TMP/jobs1.chap" -a "$(cut -d' ' -f2- "$TMP/jobs1.chap")" = "$(cut -d' ' -f2- "$TMP/jobs2.chap")" ]
check "--jobs 1 and --jobs 2: the same chapter starts (±10 ms)" \
	bash -c '[ "$(wc -l <"$1")" -eq "$(wc -l <"$2")" ] &&
		paste -d"|" <(cut -d" " -f1 "$1") <(cut -d" " -f1 "$2") | awk -F"|" "{ d = \$1 - \$2; if (d < 0) d = -d; if (d > 10) bad = 1 } END { exit bad || NR < 2 }"' \
	_ "$TMP/jobs1.chap" "$TMP/jobs2.chap"

# ============ 12. intro as an audio file ============
IS="$TMP/intro-show"
"$NEWSCAST" init "$IS" >/dev/null
ffmpeg -v error -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=2" -ac 2 "$IS/intro.wav"
check "intro.wav: the made-up intro is 2 s of stereo at 48 kHz" \
	[ "$(probe "$IS/intro.wav" stream=channels)/$(probe "$IS/intro.wav" stream=sample_rate)" = 2/48000 ]
ini_set "$IS/podcast.ini" episode intro intro.wav
cp "$ART"/a-ferry.txt "$ART"/b-park.txt "$IS/articles/"
expect_status 0 "intro = intro.wav: build exits 0" build "$IS"
show_err
IJ=$(sidecars "$IS" | head -n 1)
IMP3=${IJ%.json}.mp3
check "intro = intro.wav: the episode is mono" [ "$(probe "$IMP3" stream=channels 2>/dev/null)" = 1 ]
check "intro = intro.wav: the episode is 44100 Hz" [ "$(probe "$IMP3" stream=sample_rate 2>/dev/null)" = 44100 ]
jpy "${IJ%.json}.chapters.json" '["%s %s" % (c["startTime"], c["title"]) for c in d["chapters"]]' >"$TMP/ichap" 2>/dev/null
check "intro = intro.wav: the first chapter starts at 0" [ "$(head -n 1 "$TMP/ichap" | cut -d' ' -f1)" = 0 ]
check "intro = intro.wav: chapters are Introduction and the two headlines" \
	[ "$(cut -d' ' -f2- "$TMP/ichap")" = "$(printf 'Introduction\n%s\n%s' "${HEADS[0]}" "${HEADS[1]}")" ]
first_art=$(sed -n 2p "$TMP/ichap" | cut -d' ' -f1)
want=$(awk -v p="$pause_section" 'BEGIN { print 2 + p / 1000 }')
check "intro = intro.wav: the first article starts after the 2 s tone and a section pause (${first_art:-?} s, want $want ±0.15)" \
	near "${first_art:-x}" "$want" 0.15
tone=$(ffmpeg -hide_banner -nostats -ss 0.2 -t 1.6 -i "$IMP3" -af volumedetect -f null - 2>&1 | sed -n 's/.*mean_volume: \(-*[0-9.]*\) dB/\1/p')
check "intro = intro.wav: the tone is there, 0.2-1.8 s (mean volume ${tone:-?} dB above -40)" between "${tone:--200}" -40 0

finish
