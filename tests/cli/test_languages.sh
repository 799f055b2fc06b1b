#!/usr/bin/env bash
# Every language newscast has rules for, end to end: the sample article of each (samples/articles/
# LANG-*.md) is read in its language by its voice, with every figure said in words, and spoken into
# an MP3 that ffprobe reads; a show made by `init --language de` says its intro's date in German.
. "$(dirname "$0")/lib.sh"

export TZ=UTC
declare -A VOICE=([de]=anchor-de [fr]=anchor-fr [es]=anchor-es [it]=anchor-it [pt]='anchor-pt(-br)?')
seen=0
for lang in de fr es it pt; do
	sample=$(ls "$SAMPLES/$lang"-*.md 2>/dev/null | head -n 1)
	if [ -z "$sample" ]; then
		not_ok "$lang: a sample article samples/articles/$lang-*.md"
		continue
	fi
	seen=$((seen + 1))
	name=$(basename "$sample")
	"$NEWSCAST" script --verbose "$sample" >"$TMP/$lang.script" 2>"$TMP/$lang.err"
	check "$name: read in its language by its voice" \
		grep -qE "read in $lang(-[A-Z]+)? \\(the article's own\\), by the voice '${VOICE[$lang]}'" "$TMP/$lang.err"
	check "$name: normalized by the $lang rules" grep -qE "normalize: $lang for" "$TMP/$lang.err"
	# every figure is said in words: no number is left in what is spoken (a code such as "T2" may stay)
	check "$name: no figure left to espeak-ng" \
		bash -c '! grep -v "^\[pause" "$1" | grep -nP "(?<![\\p{L}\\d])\\d+(?![\\p{L}\\d])"' _ "$TMP/$lang.script"
	check "$name: nothing removed as boilerplate" grep -q "^newscast: clean: removed 0 of" "$TMP/$lang.err"
	timeout 300 "$NEWSCAST" speak -q "$sample" -o "$TMP/$lang.mp3" 2>"$TMP/$lang.speak.err"
	codec=$(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of default=nw=1:nk=1 "$TMP/$lang.mp3" 2>/dev/null)
	check "$name: spoken into an MP3 (codec '$codec')" [ "$codec" = mp3 ]
	check "$name: at least 60 s of speech" between "$(duration "$TMP/$lang.mp3" 2>/dev/null || echo 0)" 60 1000
done
check "a sample in each of the five languages" [ "$seen" -eq 5 ]

# A show in German: its intro's date in German words, through ICU's names and the de rules.
S=$TMP/sendung
"$NEWSCAST" init --language de "$S" >/dev/null 2>&1
printf -- '---\ntitle: Fähre fährt wieder\n---\n\nDie Fähre fährt ab dem 1. März wieder, sagte die Stadt.\n' >"$S/articles/faehre.md"
timeout 300 "$NEWSCAST" build --quiet --date 2026-12-01 "$S" >/dev/null 2>"$TMP/build.err"
srt=$(ls "$S"/public/episodes/*.srt 2>/dev/null | head -n 1)
check "German show: built" [ -n "$srt" ]
check "German show: the intro's date in German (ICU's weekday and month)" \
	bash -c 'tr "\n" " " <"$1" | grep -qF "Hier ist sendung vom Dienstag, dem 1. Dezember."' _ "${srt:-/dev/null}"
printf 'Sendung\n\nHier ist sendung vom Dienstag, dem 1. Dezember.\n' >"$TMP/intro.txt"
"$NEWSCAST" script --language de "$TMP/intro.txt" >"$TMP/intro.out" 2>&1
check "German show: the intro is said 'vom Dienstag, dem ersten Dezember'" \
	grep -qxF "Hier ist sendung vom Dienstag, dem ersten Dezember." "$TMP/intro.out"
finish
