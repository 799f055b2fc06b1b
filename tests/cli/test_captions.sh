#!/usr/bin/env bash
# Captions: the .vtt and .srt of built episodes, checked cue by cue against the broadcast limits
# (two lines of at most 42 characters, about 7 seconds), the audio (ffprobe, ffmpeg's silencedetect)
# and the articles' sentences as `newscast script --no-normalize` prints them.
. "$(dirname "$0")/lib.sh"

export TZ=UTC
build() { "$NEWSCAST" build -q --date 2026-11-29 "$@"; }

# captions.py FILE AUDIO-SECONDS SPEECH-END SENTENCES: checks every cue of a VTT or SRT file; prints
# "ok - ..."/"not ok - ..." lines. SPEECH-END is where the audio's last sound ends (seconds);
# SENTENCES a file of the sentences, one a line, in the order spoken.
cat >"$TMP/captions.py" <<'EOF'
import re, sys
path, audio, speech_end, sentences = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
label = path.rsplit("/", 1)[-1]
text = open(path, encoding="utf-8").read()
vtt = text.startswith("WEBVTT")
if vtt:
    text = text.split("\n\n", 1)[1] if "\n\n" in text else ""
T = r"(\d\d):(\d\d):(\d\d)" + ("[.]" if vtt else ",") + r"(\d\d\d)"
cues, bad_form = [], []
for block in [b for b in text.strip("\n").split("\n\n") if b.strip()]:
    lines = block.split("\n")
    m = re.fullmatch(T + " --> " + T, lines[1]) if len(lines) >= 3 and lines[0].isdigit() else None
    if not m:
        bad_form.append(block)
        continue
    g = [int(x) for x in m.groups()]
    s = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
    e = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
    cues.append((s, e, lines[2:]))
fails = 0
def check(what, bad):
    global fails
    if bad:
        fails += 1
        print("not ok - %s: %s" % (label, what))
        for b in bad[:4]:
            print("#   %s" % (b,))
    else:
        print("ok - %s: %s" % (label, what))
def show(c):
    return "%.3f --> %.3f %r" % (c[0], c[1], "|".join(c[2]))
check("%d cues, every one well-formed" % len(cues), bad_form or ([] if cues else ["no cues"]))
check("every cue has one or two lines", [show(c) for c in cues if not 1 <= len(c[2]) <= 2])
check("every line is at most 42 characters", [show(c) for c in cues if any(len(l) > 42 for l in c[2])])
check("no line is blank or has space at its ends",
      [show(c) for c in cues if any(not l or l != l.strip() for l in c[2])])
check("every cue lasts at most 7.0 s", [show(c) for c in cues if c[1] - c[0] > 7.0])
# a cue of one short word may be quicker than half a second; none is shorter than 150 ms
check("every cue lasts more than 0.5 s (a cue of one word of at most 6 letters: 0.15 s)",
      [show(c) for c in cues if c[1] - c[0] <= (0.15 if len(" ".join(c[2]).split()) == 1
                                                  and len(c[2][0]) <= 6 else 0.5)])
check("cues in order and not overlapping",
      [show(b) for a, b in zip(cues, cues[1:]) if b[0] < a[1] or b[0] <= a[0]])
check("every cue ends within the audio (%.3f s)" % audio, [show(c) for c in cues if c[1] > audio + 0.01])
if cues:
    last = cues[-1]
    check("the last cue lasts %.3f s (at least 0.5 s) and ends where the speech does (%.3f s, ±0.3 s)"
          % (last[1] - last[0], speech_end),
          [] if last[1] - last[0] >= 0.5 and abs(last[1] - speech_end) <= 0.3 else [show(last)])
want = " ".join(" ".join(l.split()) for l in open(sentences, encoding="utf-8") if l.strip())
got = " ".join(" ".join(c[2]) for c in cues)
i = next((k for k in range(min(len(want), len(got))) if want[k] != got[k]), min(len(want), len(got)))
check("the cues' text, joined, is the sentences' text",
      [] if got == want else ["at %d: want %r, got %r" % (i, want[max(0, i - 30):i + 30], got[max(0, i - 30):i + 30])])
sys.exit(1 if fails else 0)
EOF

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
			$PY "$TMP/captions.py" "$f" "$d" "$e" "$2" | tee -a "$TMP/results"
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
