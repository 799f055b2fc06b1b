#!/usr/bin/env bash
# Captions: the .vtt and .srt of built episodes, checked cue by cue against the broadcast limits
# (two lines of at most 42 characters, about 7 seconds), the audio (ffprobe, ffmpeg's silencedetect)
# and the articles' sentences as `newscast script --no-normalize` prints them.
. "$(dirname "$0")/lib.sh"

export TZ=UTC
build() { "$NEWSCAST" build -q --date 2026-11-29 "$@"; }

# checker captions FILE AUDIO-SECONDS SPEECH-END SENTENCES: checks every cue of a VTT or SRT file; prints
# "ok - ..."/"not ok - ..." lines. SPEECH-END is where the audio's last sound ends (seconds);
# SENTENCES a file of the sentences, one a line, in the order spoken.

# speech_end FILE: where the last sound of an MP3 ends, in seconds: silencedetect's last silence start
# if the file ends in silence, else its duration.
speech_end() {
	local d s
	d=$(duration "$1")
	s=$(ffmpeg -hide_banner -nostats -i "$1" -af silencedetect=n=-45dB:d=0.05 -f null - 2>&1 |
		awk -v d="$d" '/silence_start:/ { s = $NF; open = 1 } /silence_end:/ { open = 0 } END { print (open ? s : d) }')
	echo "$s"
}
# check_episode SLUG-PATH SENTENCES: both transcripts of an episode, cue by cue.
check_episode() {
	local ep=$1 d e f
	d=$(duration "$ep.mp3")
	e=$(speech_end "$ep.mp3")
	for f in "$ep.vtt" "$ep.srt"; do
		if [ -s "$f" ]; then
			checker captions "$f" "$d" "$e" "$2" | tee -a "$TMP/results"
		else
			not_ok "${f##*/} is published"
		fi
	done
}
# sentences FILE...: every sentence the articles' scripts hold, as written, one a line.
sentences() {
	local f
	for f in "$@"; do "$NEWSCAST" script --no-normalize "$f" | grep -v '^\[pause [0-9]* ms\]$'; done
}

# ============ a digest: intro, three articles, outro ============
SHOW="$TMP/digest"
"$NEWSCAST" init "$SHOW" >/dev/null
INTRO="Good morning. This is the caption test."
OUTRO="That was the caption test. Thank you for listening."
ini_set "$SHOW/podcast.ini" episode intro "$INTRO"
ini_set "$SHOW/podcast.ini" episode outro "$OUTRO"
A="$SHOW/articles"
article "$A" a-budget.txt "Council agrees a budget of \$1.2bn for 2027" \
	"The council agreed a budget of \$1.2bn on 3 March, the mayor said, after a long meeting in the town hall that lasted well into the night, with forty-one amendments, three adjournments and a fire alarm that sent everyone into the square for half an hour before the vote." \
	"Zoë Müller, who chairs the finance committee, said the plan was fair. It passed."
article "$A" b-ferry.txt "Ferry fares frozen" \
	"Fares on the harbour ferry will not rise this year, the operator said on Friday." \
	"Yes."
article "$A" c-supercalifragilistic.txt "Words" \
	"Antidisestablishmentarianism, counterrevolutionaries and incomprehensibilities are long words that need their own lines when captions are narrow."
expect_status 0 "digest: build exits 0" build "$SHOW"
EP=$(ls "$SHOW"/public/episodes/*.mp3 2>/dev/null | head -n 1)
EP=${EP%.mp3}
{
	sentences <(printf '%s\n\n%s\n' Intro "$INTRO") | tail -n +2
	sentences "$A"/a-budget.txt "$A"/b-ferry.txt "$A"/c-supercalifragilistic.txt
	sentences <(printf '%s\n\n%s\n' Outro "$OUTRO") | tail -n +2
} >"$TMP/digest.sentences"
check_episode "$EP" "$TMP/digest.sentences"

# ============ article mode, no outro: the article's last sentence ends the episode ============
SHOW2="$TMP/article"
"$NEWSCAST" init "$SHOW2" >/dev/null
ini_set "$SHOW2/podcast.ini" episode mode article
ini_set "$SHOW2/podcast.ini" episode intro ""
ini_set "$SHOW2/podcast.ini" episode outro ""
cp "$A/b-ferry.txt" "$SHOW2/articles/"
expect_status 0 "article mode without an outro: build exits 0" build "$SHOW2"
EP2=$(ls "$SHOW2"/public/episodes/*.mp3 2>/dev/null | head -n 1)
EP2=${EP2%.mp3}
sentences "$A/b-ferry.txt" >"$TMP/article.sentences"
check_episode "$EP2" "$TMP/article.sentences"

_failures=$((_failures + $(grep -c "^not ok" "$TMP/results" 2>/dev/null)))
finish
