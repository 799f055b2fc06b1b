#!/usr/bin/env bash
# newscast speak: the audio file, checked with tools that are not newscast's own
# (ffprobe, ffmpeg's decoder and meters, mutagen, a Xing/LAME header reader: check.py).
. "$(dirname "$0")/lib.sh"

# --- tools ---
probe() { ffprobe -v error -show_entries "$2" -of default=nw=1:nk=1 "$1"; }
# Tag value from ffprobe, format or stream tags, any case: ftag FILE NAME
ftag() {
	ffprobe -v error -show_entries format_tags:stream_tags -of default=nw=1 "$1" |
		sed -n "s/^TAG:$2=//Ip" | head -n 1
}
decoded_samples() { ffmpeg -v error -i "$1" -f s16le -ac 1 - | wc -c | awk '{ print $1 / 2 }'; }
# silences FILE NOISE MIN: "start end duration" lines from ffmpeg's silencedetect.
silences() {
	ffmpeg -hide_banner -nostats -i "$1" -af "silencedetect=n=$2:d=$3" -f null - 2>&1 |
		awk '/silence_start:/ { s = $NF } /silence_end:/ { print s, $5, $8 }'
}
pcm_md5() { ffmpeg -v error -i "$1" -f s16le - | md5sum | cut -d' ' -f1; }
# near_positive A B D: A and B are positive numbers at most D apart.
near_positive() {
	awk -v a="$1" -v b="$2" -v d="$3" 'BEGIN {
		num = "^[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?$"
		if (a !~ num || b !~ num || a + 0 <= 0 || b + 0 <= 0) exit 1
		x = a - b; if (x < 0) x = -x; exit !(x <= d) }'
}

# --- a sample article, spoken once with every tag set ---
ART="$SAMPLES/harbour-bridge.txt"
HEADLINE=$(head -n 1 "$ART")
SUBHEADS=("What the repairs will cost" "A divided chamber" "What happens next")
MP3="$TMP/harbour.mp3"
"$NEWSCAST" script "$ART" >"$TMP/harbour.script"
"$NEWSCAST" speak -q "$ART" -o "$MP3" --author "Ada Reporter" --album "Morning Briefing" \
	--date 2026-11-29 2>"$TMP/harbour.err"
rc=$?
check "sample: speak exits 0 and writes the MP3" [ "$rc" -eq 0 -a -s "$MP3" ]
[ "$rc" -eq 0 ] || sed 's/^/#   /' "$TMP/harbour.err"

check "sample: ffprobe reads codec mp3" [ "$(probe "$MP3" stream=codec_name)" = mp3 ]
check "sample: 44100 Hz" [ "$(probe "$MP3" stream=sample_rate)" = 44100 ]
check "sample: mono" [ "$(probe "$MP3" stream=channels)" = 1 ]
check "sample: bit_rate 96000 (constant)" [ "$(probe "$MP3" stream=bit_rate)" = 96000 ]

# Duration: sensible for the words and pauses of the script (165 words a minute, the anchor's rate),
# and what the Xing/LAME frame says, what ffprobe says and what decoding gives all agree.
words=$(grep -v '^\[pause' "$TMP/harbour.script" | wc -w)
pause_ms=$(awk '/^\[pause [0-9]+ ms\]$/ { s += $2 } END { print s + 0 }' "$TMP/harbour.script")
est=$(awk -v w="$words" -v p="$pause_ms" 'BEGIN { print w / 165 * 60 + p / 1000 }')
dur=$(probe "$MP3" format=duration)
start=$(probe "$MP3" format=start_time)
check "sample: duration $dur s is sensible for $words words and $pause_ms ms of pauses (about $est s)" \
	between "$dur" "$(awk -v e="$est" 'BEGIN { print e * 0.8 }')" "$(awk -v e="$est" 'BEGIN { print e * 1.3 }')"
checker xing "$MP3" >"$TMP/xing" 2>"$TMP/xing.err"
xv() { sed -n "s/^$1=//p" "$TMP/xing"; }
xing=$(xv samples)
check "sample: the Xing/Info frame and LAME tag are there" [ -n "$xing" ]
[ -n "$xing" ] || sed 's/^/#   /' "$TMP/xing.err"
check "sample: the Info frame counts every audio frame ($(xv frames) vs $(xv walked) in the file, nothing after them)" \
	[ -n "$xing" -a "$(xv frames)" = "$(xv walked)" -a "$(xv trailing)" = 0 ]
check "sample: the Info byte count and LAME music length are the stream's size ($(xv bytes), $(xv music_length) vs $(xv stream))" \
	[ -n "$xing" -a "$(xv bytes)" = "$(xv stream)" -a "$(xv music_length)" = "$(xv stream)" ]
check "sample: the LAME tag's CRCs (tag and music) are right" [ "$(xv tag_crc_ok)$(xv music_crc_ok)" = 11 ]
xing_s=$(awk -v n="$xing" 'BEGIN { if (n != "") print n / 44100 }')
dec_s=$(awk -v n="$(decoded_samples "$MP3")" 'BEGIN { print n / 44100 }')
check "sample: decoding gives the length the Xing/LAME frame implies ($dec_s s vs $xing_s s)" \
	near_positive "$dec_s" "$xing_s" 0.002
check "sample: ffprobe's duration agrees with the Xing/LAME frame ($dur - $start s vs $xing_s s, ±0.05)" \
	near_positive "$(awk -v d="$dur" -v s="$start" 'BEGIN { print d - s }')" "$xing_s" 0.05

# Tags, read by mutagen.
checker id3 "$MP3" >"$TMP/harbour.id3" 2>"$TMP/id3.err" || sed 's/^/#   /' "$TMP/id3.err"
tag() { sed -n "s/^$2=//p" "$1"; }
check "sample: ID3v2.3 tag" [ "$(tag "$TMP/harbour.id3" VERSION)" = 2.3 ]
check "sample: TIT2 is the headline" [ "$(tag "$TMP/harbour.id3" TIT2)" = "$HEADLINE" ]
check "sample: TPE1 is --author" [ "$(tag "$TMP/harbour.id3" TPE1)" = "Ada Reporter" ]
check "sample: TALB is --album" [ "$(tag "$TMP/harbour.id3" TALB)" = "Morning Briefing" ]
check "sample: TYER is 2026 from --date 2026-11-29" [ "$(tag "$TMP/harbour.id3" TYER)" = 2026 ]
check "sample: TDAT is 2911 (DDMM) from --date 2026-11-29" [ "$(tag "$TMP/harbour.id3" TDAT)" = 2911 ]
check "sample: TCON is Podcast" [ "$(tag "$TMP/harbour.id3" TCON)" = Podcast ]
check "sample: COMM is present" [ -n "$(tag "$TMP/harbour.id3" COMM)" ]
check "sample: no byline and no link: no TEXT, WOAS or WORS" \
	[ -z "$(tag "$TMP/harbour.id3" TEXT)$(tag "$TMP/harbour.id3" WOAS)$(tag "$TMP/harbour.id3" WORS)" ]
check "sample: ffprobe's title agrees" [ "$(ftag "$MP3" title)" = "$HEADLINE" ]
check "sample: ffprobe's artist agrees" [ "$(ftag "$MP3" artist)" = "Ada Reporter" ]
check "sample: ffprobe's album agrees" [ "$(ftag "$MP3" album)" = "Morning Briefing" ]
check "sample: ffprobe's genre agrees" [ "$(ftag "$MP3" genre)" = Podcast ]
check "sample: ffprobe's date agrees" [ "$(ftag "$MP3" date)" = 2026-11-29 ]

# Chapters: the headline, then one a subheading, in the table of contents' order, starting where each is spoken.
grep '^CHAP ' "$TMP/harbour.id3" >"$TMP/chap"
want_titles=$(printf '%s\n' "$HEADLINE" "${SUBHEADS[@]}")
check "sample: ID3 CHAP frames titled with the headline and each subheading, in order" \
	[ "$(cut -d' ' -f5- "$TMP/chap")" = "$want_titles" ]
check "sample: CTOC lists every chapter, in order, top-level and ordered (flags 3)" \
	[ "$(grep '^CTOC ' "$TMP/harbour.id3" | cut -d' ' -f3-)" = "3 $(cut -d' ' -f2 "$TMP/chap" | tr '\n' ' ' | sed 's/ $//')" ]
check "sample: chapters start at 0 and their start times increase, each ending where the next starts" \
	awk 'NR == 1 && $3 != 0 { bad = 1 } NR > 1 && ($3 <= s || $3 != e) { bad = 1 } { s = $3; e = $4 } END { exit bad || NR < 2 }' "$TMP/chap"
last_end=$(awk 'END { print $4 / 1000 }' "$TMP/chap")
check "sample: the last chapter ends at the end of the audio ($last_end s vs $dec_s s)" near_positive "$last_end" "$dec_s" 0.05
ffprobe -v error -show_chapters -of csv=p=0 -show_entries chapter=start_time:chapter_tags=title "$MP3" |
	awk -F, '{ printf "%d %s\n", $1 * 1000 + 0.5, $2 }' >"$TMP/ffchap"
check "sample: ffprobe -show_chapters lists the same chapters and start times" \
	[ "$(cat "$TMP/ffchap")" = "$(awk '{ $1 = ""; $2 = ""; $4 = ""; print }' "$TMP/chap" | sed 's/^ *//; s/  */ /')" ]

# Loudness, as ffmpeg's EBU R128 meter measures the decoded MP3.
ffmpeg -hide_banner -nostats -i "$MP3" -af ebur128=peak=true -f null - 2>&1 |
	sed -n '/Summary:/,$p' >"$TMP/ebur128"
lufs=$(awk '$1 == "I:" { print $2 }' "$TMP/ebur128")
peak=$(awk '$1 == "Peak:" { print $2 }' "$TMP/ebur128")
check "sample: integrated loudness $lufs LUFS of the MP3 is -16 ±0.3" between "${lufs:-x}" -16.3 -15.7
check "sample: true peak $peak dBTP is at most -1.0 (+0.3 for MP3 decoding)" between "${peak:-x}" -60 -0.7
# The encoder's loss depends on the bitrate (about 0.4 LU at 64-128 kbps, none at 320): another
# bitrate and target land as well.
"$NEWSCAST" speak -q -b 64 --loudness -20 "$SAMPLES/harbour-bridge.txt" -o "$TMP/quiet.mp3" 2>"$TMP/stderr"
lufs=$(ffmpeg -hide_banner -nostats -i "$TMP/quiet.mp3" -af ebur128 -f null - 2>&1 | sed -n '/Summary:/,$p' | awk '$1 == "I:" { print $2 }')
check "64 kbps at -20 LUFS: the MP3 measures $lufs LUFS, -20 ±0.3" between "${lufs:-x}" -20.3 -19.7

# Pauses: a silence for every pause the script lists, and a long one before each new section.
silences "$MP3" -50dB 0.5 >"$TMP/sil"
n_sil=$(wc -l <"$TMP/sil")
n_pause=$(grep -cE '^\[pause ([5-9][0-9]{2}|[0-9]{4,}) ms\]$' "$TMP/harbour.script")
check "sample: $n_sil silences of 0.5 s or more for $n_pause paragraph, headline and section pauses (allowing 2 fewer)" \
	[ "$n_sil" -ge $((n_pause - 2)) -a "$n_pause" -ge 10 ]
silences "$MP3" -50dB 0.2 >"$TMP/sil2"
for title in "${SUBHEADS[@]}"; do
	chap_ms=$(awk -v t="$title" '{ s = $3; $1 = $2 = $3 = $4 = ""; sub(/^ +/, "") } $0 == t { print s }' "$TMP/chap")
	# the silence that ends where the chapter's subheading begins
	s=$(awk -v c="${chap_ms:--1000}" '{ d = $2 - c / 1000; if (d < 0) d = -d; if (d <= 0.15) print $3 }' "$TMP/sil2" | head -n 1)
	check "sample: chapter '$title' (at ${chap_ms:-?} ms) starts after a silence of 1.4 s or more (section break of 1500 ms; got ${s:-none})" \
		between "${s:-0}" 1.4 60
done

# Pauses add what the script says: the same two sentences with and without a section break between.
printf 'Budget approved\n\nThe council approved the budget on Monday. The vote was close.\n' >"$TMP/p1.txt"
printf 'Budget approved\n\nThe council approved the budget on Monday.\n\n***\n\nThe vote was close.\n' >"$TMP/p2.txt"
for i in 1 2; do
	"$NEWSCAST" speak -q "$TMP/p$i.txt" -o "$TMP/p$i.mp3" 2>/dev/null
	"$NEWSCAST" script "$TMP/p$i.txt" | awk '/^\[pause [0-9]+ ms\]$/ { s += $2 } END { print s + 0 }' >"$TMP/p$i.ms"
done
got=$(awk -v a="$(decoded_samples "$TMP/p2.mp3")" -v b="$(decoded_samples "$TMP/p1.mp3")" 'BEGIN { print (a - b) / 44100 }')
want=$(awk -v a="$(cat "$TMP/p2.ms")" -v b="$(cat "$TMP/p1.ms")" 'BEGIN { print (a - b) / 1000 }')
check "the script puts a section pause of 1.5 s between them (got $want s)" near_positive "$want" 1.5 0.001
check "a section break lengthens the audio by its pause ($got s, script says $want s, ±0.15)" \
	near_positive "$got" "$want" 0.15
silences "$TMP/p2.mp3" -50dB 0.5 | awk '{ print $3 }' >"$TMP/p2.sil"
check "a section break (1500 ms) gives a silence of 1.4 s or more (got: $(tr '\n' ' ' <"$TMP/p2.sil"))" \
	awk '$1 >= 1.4 { found = 1 } END { exit !found }' "$TMP/p2.sil"

# --- an article's metadata: Markdown front matter into the tag ---
mkdir -p "$TMP/fm"
cat >"$TMP/fm/trams.md" <<'EOF'
---
title: Tram line reopens after flood repairs
author: Zoë Ōkubo
date: 2026-11-20T10:00:00Z
link: https://news.example/trams/reopen?id=7&src=feed
---

The east tram line reopened on Friday, three weeks after the flood.
EOF
"$NEWSCAST" speak -q "$TMP/fm/trams.md" -o "$TMP/fm/trams.mp3" 2>"$TMP/fm/trams.err"
rc=$?
check "front matter: speak exits 0 and writes the MP3" [ "$rc" -eq 0 -a -s "$TMP/fm/trams.mp3" ]
[ "$rc" -eq 0 ] || sed 's/^/#   /' "$TMP/fm/trams.err"
checker id3 "$TMP/fm/trams.mp3" >"$TMP/fm/trams.id3" 2>"$TMP/fm/id3.err" || sed 's/^/#   /' "$TMP/fm/id3.err"
check "front matter: TIT2 is its title" [ "$(tag "$TMP/fm/trams.id3" TIT2)" = "Tram line reopens after flood repairs" ]
check "front matter: TEXT (text writer) is its author, non-ASCII and all" [ "$(tag "$TMP/fm/trams.id3" TEXT)" = "Zoë Ōkubo" ]
check "front matter: TPE1 is its author too, with no --author" [ "$(tag "$TMP/fm/trams.id3" TPE1)" = "Zoë Ōkubo" ]
check "front matter: WOAS is its link" \
	[ "$(tag "$TMP/fm/trams.id3" WOAS)" = "https://news.example/trams/reopen?id=7&src=feed" ]
check "front matter: no WORS (speak knows no show page)" [ -z "$(tag "$TMP/fm/trams.id3" WORS)" ]
check "front matter: TYER and TDAT are the day of its RFC 3339 date (2026, 2011)" \
	[ "$(tag "$TMP/fm/trams.id3" TYER)/$(tag "$TMP/fm/trams.id3" TDAT)" = 2026/2011 ]

# Options still win over the article: --author is the artist (the writer stays the article's), --date the date.
"$NEWSCAST" speak -q "$TMP/fm/trams.md" -o "$TMP/fm/opts.mp3" --author "Ada Reporter" --date 2026-12-01 2>/dev/null
checker id3 "$TMP/fm/opts.mp3" >"$TMP/fm/opts.id3" 2>/dev/null
check "front matter and --author: TPE1 is --author" [ "$(tag "$TMP/fm/opts.id3" TPE1)" = "Ada Reporter" ]
check "front matter and --author: TEXT is still the article's author" [ "$(tag "$TMP/fm/opts.id3" TEXT)" = "Zoë Ōkubo" ]
check "front matter and --date 2026-12-01: TYER 2026, TDAT 0112" \
	[ "$(tag "$TMP/fm/opts.id3" TYER)/$(tag "$TMP/fm/opts.id3" TDAT)" = 2026/0112 ]
check "front matter and options: WOAS is still its link" \
	[ "$(tag "$TMP/fm/opts.id3" WOAS)" = "https://news.example/trams/reopen?id=7&src=feed" ]

# A plain date, and a link with non-ASCII characters: the URL frame holds their UTF-8, percent-encoded.
cat >"$TMP/fm/cafe.md" <<'EOF'
---
author: "Ada Reporter"
date: 2026-02-03
link: https://news.example/café/zoë
---

# Café opens

The café opened on Tuesday.
EOF
"$NEWSCAST" speak -q "$TMP/fm/cafe.md" -o "$TMP/fm/cafe.mp3" 2>/dev/null
checker id3 "$TMP/fm/cafe.mp3" >"$TMP/fm/cafe.id3" 2>/dev/null
check "front matter: a YAML-quoted author is TEXT without the quotes" [ "$(tag "$TMP/fm/cafe.id3" TEXT)" = "Ada Reporter" ]
check "front matter: a link's non-ASCII bytes are percent-encoded in WOAS" \
	[ "$(tag "$TMP/fm/cafe.id3" WOAS)" = "https://news.example/caf%C3%A9/zo%C3%AB" ]
check "front matter: TYER and TDAT from a plain date 2026-02-03 (2026, 0302)" \
	[ "$(tag "$TMP/fm/cafe.id3" TYER)/$(tag "$TMP/fm/cafe.id3" TDAT)" = 2026/0302 ]

# A date that is no real day is not used: today's is.
printf -- '---\ndate: 2026-02-30\n---\n\n# Leap day\n\nNo such day.\n' >"$TMP/fm/bad.md"
"$NEWSCAST" speak -q "$TMP/fm/bad.md" -o "$TMP/fm/bad.mp3" 2>/dev/null
checker id3 "$TMP/fm/bad.mp3" >"$TMP/fm/bad.id3" 2>/dev/null
check "front matter: an impossible date 2026-02-30 gives today's TYER and TDAT" \
	[ "$(tag "$TMP/fm/bad.id3" TYER)/$(tag "$TMP/fm/bad.id3" TDAT)" = "$(date +%Y/%d%m)" ]

# --- short articles: options and formats ---
mkdir -p "$TMP/articles"
SHORT="$TMP/articles/ferry-fares.txt"
printf 'Ferry fares frozen for a year\n\nFares on the harbour ferry will not rise this year, the operator said on Friday.\n\nThe operator said fuel costs had fallen since the spring.\n' >"$SHORT"

"$NEWSCAST" speak -q "$SHORT" -o "$TMP/title.mp3" --title "Zoë's café — news" 2>/dev/null
checker id3 "$TMP/title.mp3" >"$TMP/title.id3" 2>/dev/null
check "--title with non-ASCII text: mutagen reads it back" [ "$(tag "$TMP/title.id3" TIT2)" = "Zoë's café — news" ]
check "--title with non-ASCII text: ffprobe reads it back" [ "$(ftag "$TMP/title.mp3" title)" = "Zoë's café — news" ]
check "--title: the default headline is not used" bash -c '! grep -q "^TIT2=Ferry" "$1"' _ "$TMP/title.id3"
check "an article without subheadings has no chapters" bash -c '! grep -q "^CHAP\|^CTOC" "$1"' _ "$TMP/title.id3"

"$NEWSCAST" speak -q "$SHORT" -o "$TMP/b64.mp3" --bitrate 64 2>/dev/null
check "--bitrate 64: bit_rate 64000" [ "$(probe "$TMP/b64.mp3" stream=bit_rate)" = 64000 ]

# --quality is LAME's -q, which its tag records (the quality indicator, 100 - 10 * VBR quality - q).
for q in 2 9; do
	"$NEWSCAST" speak -q "$SHORT" -o "$TMP/q$q.mp3" --quality $q 2>/dev/null
	checker xing "$TMP/q$q.mp3" 2>/dev/null | sed -n 's/^quality_scale=//p' >"$TMP/q$q.scale"
done
check "--quality 2 and 9: LAME's tag records each" [ "$(cat "$TMP/q2.scale"),$(cat "$TMP/q9.scale")" = 58,51 ]
check "--quality 2 and 9: the audio differs" [ "$(pcm_md5 "$TMP/q2.mp3")" != "$(pcm_md5 "$TMP/q9.mp3")" ]
"$NEWSCAST" speak -q "$SHORT" -o "$TMP/q10.mp3" --quality 10 2>"$TMP/q10.err"
rc=$?
check "--quality 10: refused (exit 2), nothing written" [ "$rc" -eq 2 -a ! -e "$TMP/q10.mp3" ]
check "--quality 10: says the range" grep -q "bad value '10' for --quality (a whole number from 0 to 9)" "$TMP/q10.err"

declare -A codec=([wav]=pcm_s16le [flac]=flac [ogg]=vorbis)
for ext in wav flac ogg; do
	f="$TMP/short.$ext"
	"$NEWSCAST" speak -q "$SHORT" -o "$f" --title "Fares $ext" 2>"$TMP/$ext.err"
	rc=$?
	check "-o x.$ext: exit 0, codec ${codec[$ext]}, 44100 Hz mono" \
		[ "$rc" -eq 0 -a "$(probe "$f" stream=codec_name)" = "${codec[$ext]}" \
		-a "$(probe "$f" stream=sample_rate)" = 44100 -a "$(probe "$f" stream=channels)" = 1 ]
	check "-o x.$ext: title tag" [ "$(ftag "$f" title)" = "Fares $ext" ]
	check "-o x.$ext: as long as the MP3 (±0.1 s)" near_positive "$(probe "$f" format=duration)" \
		"$(awk -v n="$(decoded_samples "$TMP/b64.mp3")" 'BEGIN { print n / 44100 }')" 0.1
done

# The default output: the article's stem + .mp3, in the current folder.
mkdir -p "$TMP/cwd"
(cd "$TMP/cwd" && "$NEWSCAST" speak -q "$SHORT" 2>/dev/null)
check "default output is the article's stem + .mp3 in the current folder" \
	[ "$(ls -A "$TMP/cwd")" = ferry-fares.mp3 ]
check "default output is an MP3" [ "$(probe "$TMP/cwd/ferry-fares.mp3" stream=codec_name)" = mp3 ]
check "nothing is written beside the article" [ "$(ls -A "$TMP/articles")" = ferry-fares.txt ]

# - reads standard input.
"$NEWSCAST" speak -q - -o "$TMP/stdin.mp3" <"$SHORT" 2>"$TMP/stdin.err"
rc=$?
check "'-' reads the article from standard input" [ "$rc" -eq 0 -a -s "$TMP/stdin.mp3" ]
check "'-': the title is the headline read from standard input" \
	[ "$(ftag "$TMP/stdin.mp3" title)" = "Ferry fares frozen for a year" ]
check "'-': the same audio as from the file" [ "$(pcm_md5 "$TMP/stdin.mp3")" = "$(pcm_md5 "$TMP/title.mp3")" ]

# Voices.
anchor=$(pcm_md5 "$TMP/title.mp3")
"$NEWSCAST" speak -q "$SHORT" -o "$TMP/corr.mp3" --voice correspondent 2>"$TMP/corr.err"
rc=$?
check "--voice correspondent: exit 0 and an MP3" [ "$rc" -eq 0 -a "$(probe "$TMP/corr.mp3" stream=codec_name 2>/dev/null)" = mp3 ]
check "--voice correspondent: a different voice from the default" [ "$(pcm_md5 "$TMP/corr.mp3")" != "$anchor" ]
mkdir -p "$TMP/my/voices"
cp "$ROOT/voices/presenter.ini" "$TMP/my/voices/presenter.ini"
"$NEWSCAST" speak -q "$SHORT" -o "$TMP/pres-path.mp3" --voice "$TMP/my/voices/presenter.ini" 2>"$TMP/pp.err"
rc=$?
"$NEWSCAST" speak -q "$SHORT" -o "$TMP/pres-name.mp3" --voice presenter 2>/dev/null
check "--voice path/to/voices/presenter.ini: exit 0 and an MP3" \
	[ "$rc" -eq 0 -a "$(probe "$TMP/pres-path.mp3" stream=codec_name 2>/dev/null)" = mp3 ]
check "--voice path/to/presenter.ini sounds like --voice presenter, not the default" \
	[ "$(pcm_md5 "$TMP/pres-path.mp3")" = "$(pcm_md5 "$TMP/pres-name.mp3")" -a "$(pcm_md5 "$TMP/pres-path.mp3")" != "$anchor" ]
expect_status 1 "--voice nosuch: exit 1" "$NEWSCAST" speak -q "$SHORT" -o "$TMP/nosuch.mp3" --voice nosuch
check "--voice nosuch: the error names it and lists anchor, correspondent, presenter" \
	bash -c 'grep -q nosuch "$1" && grep -q anchor "$1" && grep -q correspondent "$1" && grep -q presenter "$1"' _ "$TMP/stderr"
check "--voice nosuch: no output file" [ ! -e "$TMP/nosuch.mp3" ]

"$NEWSCAST" voices >"$TMP/voices.out" 2>"$TMP/voices.err"
rc=$?
check "voices: exit 0" [ "$rc" -eq 0 ]
for v in anchor anchor-de anchor-es anchor-fr anchor-it anchor-pt anchor-pt-br correspondent presenter; do
	check "voices: lists $v" grep -qE "^  ${v}[[:space:]]" "$TMP/voices.out"
done

finish
