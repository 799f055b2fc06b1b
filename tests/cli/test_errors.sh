#!/usr/bin/env bash
# Failures: a bad article, a bad destination or a crashing espeak-ng gives exit 1, one line on
# stderr naming the file, and no output (nor a leftover temporary file); usage errors give exit 2.
. "$(dirname "$0")/lib.sh"

GOOD="$TMP/good.txt"
printf 'Harbour ferry timetable changes\n\nThe harbour ferry will leave every twenty minutes from Monday.\n' >"$GOOD"

# fails_cleanly LABEL OUTDIR WANT... -- COMMAND...
# COMMAND must exit 1 with exactly one line on stderr containing every WANT, and leave OUTDIR
# empty: no output file and no temporary ".NAME.*" file.
fails_cleanly() {
	local label=$1 outdir=$2 rc n w; shift 2
	local want=()
	while [ "$1" != -- ]; do want+=("$1"); shift; done
	shift
	"$@" >"$TMP/out" 2>"$TMP/err"; rc=$?
	check "$label: exit 1 (got $rc)" [ "$rc" -eq 1 ]
	n=$(wc -l <"$TMP/err")
	check "$label: a one-line error on stderr (got $n lines)" [ "$n" -eq 1 ]
	for w in "${want[@]}"; do
		check "$label: the error mentions \"$w\"" grep -qF -- "$w" "$TMP/err"
	done
	{ [ "$rc" -eq 1 ] && [ "$n" -eq 1 ]; } || sed 's/^/#   stderr: /' "$TMP/err" | head -n 5
	check "$label: no output file and no temporary file in the output folder" [ -z "$(ls -A "$outdir")" ]
	[ -z "$(ls -A "$outdir")" ] || ls -A "$outdir" | sed 's/^/#   left: /'
}
outdir() { mkdir -p "$TMP/o/$1" && echo "$TMP/o/$1"; }

# --- bad articles ---
mkdir -p "$TMP/in"
d=$(outdir missing)
fails_cleanly "missing file" "$d" "$TMP/in/nosuch.txt" -- "$NEWSCAST" speak -q "$TMP/in/nosuch.txt" -o "$d/ep.mp3"

if [ "$(id -u)" -eq 0 ]; then
	skip "unreadable file (chmod 000)" "running as root, who can read any file"
else
	printf 'Headline\n\nSome text.\n' >"$TMP/in/secret.txt"
	chmod 000 "$TMP/in/secret.txt"
	d=$(outdir unreadable)
	fails_cleanly "unreadable file" "$d" "$TMP/in/secret.txt" -- "$NEWSCAST" speak -q "$TMP/in/secret.txt" -o "$d/ep.mp3"
	chmod 644 "$TMP/in/secret.txt"
fi

mkdir -p "$TMP/in/folder.txt"
d=$(outdir folder)
fails_cleanly "article is a folder" "$d" "$TMP/in/folder.txt" -- "$NEWSCAST" speak -q "$TMP/in/folder.txt" -o "$d/ep.mp3"

: >"$TMP/in/empty.txt"
d=$(outdir empty)
fails_cleanly "empty file" "$d" "$TMP/in/empty.txt" -- "$NEWSCAST" speak -q "$TMP/in/empty.txt" -o "$d/ep.mp3"

printf 'Headline with nothing under it\n' >"$TMP/in/headline.txt"
d=$(outdir headline)
fails_cleanly "only a headline" "$d" "$TMP/in/headline.txt" -- "$NEWSCAST" speak -q "$TMP/in/headline.txt" -o "$d/ep.mp3"

printf 'Ferry news\n\nSign up to our daily newsletter\n\nAdvertisement\n\nShare this article\n' >"$TMP/in/promo.txt"
d=$(outdir boilerplate)
fails_cleanly "only boilerplate" "$d" "$TMP/in/promo.txt" -- "$NEWSCAST" speak -q "$TMP/in/promo.txt" -o "$d/ep.mp3"
check "only boilerplate: the error says nothing is left after clean-up" grep -qi "clean-up\|boilerplate" "$TMP/err"

printf 'Ferry news\n\nThe first line is fine.\nSo is the second.\n\nLine six has a bad \xff byte.\n' >"$TMP/in/latin.txt"
d=$(outdir utf8)
fails_cleanly "invalid UTF-8" "$d" "$TMP/in/latin.txt" "line 6" -- "$NEWSCAST" speak -q "$TMP/in/latin.txt" -o "$d/ep.mp3"
check "invalid UTF-8: the error says it is not UTF-8" grep -qi "utf-8" "$TMP/err"

printf 'Ferry news\n\nA NUL byte\000 on line three.\n' >"$TMP/in/nul.txt"
d=$(outdir nul)
fails_cleanly "NUL byte" "$d" "$TMP/in/nul.txt" "line 3" -- "$NEWSCAST" speak -q "$TMP/in/nul.txt" -o "$d/ep.mp3"

# A PNG: signature, an IHDR chunk for a 1x1 image, an IDAT and an IEND chunk.
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82' >"$TMP/in/photo.txt"
d=$(outdir png)
fails_cleanly "PNG-like binary" "$d" "$TMP/in/photo.txt" -- "$NEWSCAST" speak -q "$TMP/in/photo.txt" -o "$d/ep.mp3"

# --- bad destinations ---
d=$(outdir nodir)
fails_cleanly "output folder does not exist" "$d" "$d/missing/ep.mp3" -- "$NEWSCAST" speak -q "$GOOD" -o "$d/missing/ep.mp3"
d=$(outdir notdir)
d2=$(outdir notdir-parent)
: >"$d2/afile"
fails_cleanly "output folder is a file" "$d" "$d2/afile/ep.mp3" -- "$NEWSCAST" speak -q "$GOOD" -o "$d2/afile/ep.mp3"
check "output folder is a file: the file is untouched" [ "$(ls -A "$d2")" = afile -a ! -s "$d2/afile" ]
if [ "$(id -u)" -eq 0 ]; then
	skip "output folder not writable" "running as root, who can write anywhere"
else
	d=$(outdir readonly)
	chmod 555 "$d"
	fails_cleanly "output folder not writable" "$d" "$d/ep.mp3" -- "$NEWSCAST" speak -q "$GOOD" -o "$d/ep.mp3"
	chmod 755 "$d"
fi

# --- espeak-ng crashes (SIGABRT in espeak-ng 1.51) ---
if [ -f "$FIXTURES/espeak-abort.txt" ]; then
	d=$(outdir abort)
	# Core dumps allowed here, in the output folder: newscast must not leave one.
	(cd "$d" && ulimit -c unlimited 2>/dev/null; exec timeout 120 "$NEWSCAST" speak -q "$FIXTURES/espeak-abort.txt" -o "$d/ep.mp3") \
		>"$TMP/out" 2>"$TMP/err"
	rc=$?
	check "espeak-ng crash: exit 1 (got $rc)" [ "$rc" -eq 1 ]
	msg=$(grep '^newscast: ' "$TMP/err")
	check "espeak-ng crash: a one-line error on stderr, nothing else (got $(wc -l <"$TMP/err") lines)" \
		[ "$(grep -c '^newscast: ' "$TMP/err")" -eq 1 -a "$(wc -l <"$TMP/err")" -eq 1 ]
	check "espeak-ng crash: the error names the file" grep -qF -- "$FIXTURES/espeak-abort.txt" <<<"$msg"
	check "espeak-ng crash: the error names the line (3)" grep -qF -- "line 3" <<<"$msg"
	check "espeak-ng crash: the error says espeak-ng crashed" grep -qi "espeak-ng crashed" <<<"$msg"
	[ "$rc" -eq 1 ] && [ -n "$msg" ] || sed 's/^/#   stderr: /' "$TMP/err" | head -n 5
	check "espeak-ng crash: no output, core or temporary file" [ -z "$(ls -A "$d")" ]
	[ -z "$(ls -A "$d")" ] || ls -A "$d" | sed 's/^/#   left: /'
else
	skip "espeak-ng crash" "no fixtures at $FIXTURES (../shared/fixtures)"
fi

# --- a good file at the destination survives failed runs ---
keep=$(outdir keep)
"$NEWSCAST" speak -q "$GOOD" -o "$keep/episode.mp3" 2>/dev/null
sum=$(md5sum <"$keep/episode.mp3" 2>/dev/null)
check "a first, good run writes the episode" [ -s "$keep/episode.mp3" ]
untouched() {
	local label=$1; shift
	local rc
	"$@" >/dev/null 2>&1; rc=$?
	check "$label: fails, and the previous episode is untouched with nothing beside it" \
		[ "$rc" -ne 0 -a "$(md5sum <"$keep/episode.mp3")" = "$sum" -a "$(ls -A "$keep")" = episode.mp3 ]
}
untouched "invalid UTF-8 over a good episode" "$NEWSCAST" speak -q "$TMP/in/latin.txt" -o "$keep/episode.mp3"
untouched "only boilerplate over a good episode" "$NEWSCAST" speak -q "$TMP/in/promo.txt" -o "$keep/episode.mp3"
untouched "unknown voice over a good episode" "$NEWSCAST" speak -q "$GOOD" --voice nosuch -o "$keep/episode.mp3"
if [ -f "$FIXTURES/espeak-abort.txt" ]; then
	untouched "espeak-ng crash over a good episode" "$NEWSCAST" speak -q "$FIXTURES/espeak-abort.txt" -o "$keep/episode.mp3"
else
	skip "espeak-ng crash over a good episode" "no fixtures at $FIXTURES (../shared/fixtures)"
fi
# Interrupted while writing: the temporary file goes, the previous episode stays. The run is
# stopped (SIGSTOP, a test hook) when the new episode is written but not yet renamed into
# place, then sent SIGTERM: the moment is exact, not a timed kill's luck.
NEWSCAST_TEST_STOP_BEFORE_RENAME=episode.mp3 "$NEWSCAST" speak -q "$SAMPLES/harbour-bridge.txt" \
	-o "$keep/episode.mp3" 2>/dev/null &
pid=$!
stopped=0
for _ in $(seq 1 3000); do
	case $(ps -o stat= -p "$pid" 2>/dev/null) in T*) stopped=1; break ;; "") break ;; esac
	sleep 0.02
done
written_not_renamed() { [ $stopped = 1 ] && compgen -G "$keep/.episode.mp3.*" >/dev/null; }
check "SIGTERM while writing: the run stops with the episode complete but not in place" written_not_renamed
kill -TERM "$pid" 2>/dev/null
kill -CONT "$pid" 2>/dev/null
wait "$pid"; rc=$?
check "SIGTERM while writing: the run stops by the signal (exit $rc)" [ "$rc" -eq 143 ]
check "SIGTERM while writing: the previous episode is untouched, no temporary file is left" \
	[ "$(md5sum <"$keep/episode.mp3")" = "$sum" -a "$(ls -A "$keep")" = episode.mp3 ]
[ "$(ls -A "$keep")" = episode.mp3 ] || ls -A "$keep" | sed 's/^/#   left: /'

# --- configuration files are regular files: a folder, a device or a FIFO is an error, and none hangs ---
mkfifo "$TMP/in/fifo.ini"
d=$(outdir voice-folder)
fails_cleanly "--voice /etc (a folder)" "$d" "'/etc'" "folder" -- timeout 30 "$NEWSCAST" speak -q --voice /etc "$GOOD" -o "$d/ep.mp3"
d=$(outdir voice-zero)
fails_cleanly "--voice /dev/zero" "$d" "'/dev/zero'" "device" -- timeout 30 "$NEWSCAST" speak -q --voice /dev/zero "$GOOD" -o "$d/ep.mp3"
d=$(outdir voice-fifo)
fails_cleanly "--voice FIFO" "$d" "fifo.ini'" "FIFO" -- timeout 30 "$NEWSCAST" speak -q --voice "$TMP/in/fifo.ini" "$GOOD" -o "$d/ep.mp3"
d=$(outdir lexicon-zero)
fails_cleanly "--lexicon /dev/zero" "$d" "'/dev/zero'" "device" -- timeout 30 "$NEWSCAST" speak -q --lexicon /dev/zero "$GOOD" -o "$d/ep.mp3"
d=$(outdir rules-folder)
fails_cleanly "--rules FOLDER" "$d" "'$TMP/in'" "folder" -- timeout 30 "$NEWSCAST" speak -q --rules "$TMP/in" "$GOOD" -o "$d/ep.mp3"
CS="$TMP/config-show"
"$NEWSCAST" init "$CS" >/dev/null 2>&1
cp "$GOOD" "$CS/articles/good.txt"
rm "$CS/podcast.ini" && ln -s /dev/zero "$CS/podcast.ini"
timeout 30 "$NEWSCAST" build -q "$CS" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "podcast.ini a link to /dev/zero: build exits 1 (got $rc), no hang" [ "$rc" -eq 1 ]
check "podcast.ini a link to /dev/zero: the error names it, a device" grep -qF "podcast.ini': it is a device, not a file" "$TMP/err"
check "podcast.ini a link to /dev/zero: no episode" [ -z "$(ls -A "$CS/public/episodes")" ]

# --- usage errors: exit 2, and nothing written ---
mkdir -p "$TMP/cwd"
usage_error() {
	local label=$1 rc w cwd; shift
	local want=()
	while [ "$1" != -- ]; do want+=("$1"); shift; done
	shift
	cwd=$(case_dir cwd)	# its own, so that "nothing written" is this case's
	(cd "$cwd" && "$NEWSCAST" "$@") >"$TMP/out" 2>"$TMP/err"; rc=$?
	check "$label: exit 2 (got $rc)" [ "$rc" -eq 2 ]
	for w in "${want[@]}"; do
		check "$label: the error mentions \"$w\"" grep -qF -- "$w" "$TMP/err"
	done
	[ "$rc" -eq 2 ] || sed 's/^/#   stderr: /' "$TMP/err" | head -n 5
	check "$label: nothing written" [ -z "$(ls -A "$cwd")" ]
}
usage_error "speak with no article" "no article" -- speak -q
usage_error "speak with two articles" "one article" -- speak -q "$GOOD" "$GOOD"
usage_error "unknown options, all reported" "--frobnicate" "--loud" "'-z'" -- speak -q --frobnicate --loud -z "$GOOD"
usage_error "--bitrate 100" "100" "bitrate" -- speak -q --bitrate 100 "$GOOD"
usage_error "-b 8 at 44100 Hz (MPEG-2's only)" "'8' for --bitrate at --sample-rate 44100" -- speak -q -b 8 "$GOOD"
usage_error "-b 320 --sample-rate 22050 (MPEG-1's only)" "'320' for --bitrate at --sample-rate 22050" -- speak -q -b 320 --sample-rate 22050 "$GOOD"
usage_error "--date 2026-13-45" "2026-13-45" -- speak -q --date 2026-13-45 "$GOOD"
usage_error "--date 2026-02-30 (no such day)" "2026-02-30" -- speak -q --date 2026-02-30 "$GOOD"
usage_error "-o x.xyz" "x.xyz" -- speak -q -o x.xyz "$GOOD"
usage_error "--bitrate without a value" "bitrate" -- speak -q "$GOOD" --bitrate
usage_error "script with no article" "no article" -- script
usage_error "script with an unknown option" "--nope" -- script --nope "$GOOD"
usage_error "voices with an argument" "extra" -- voices extra
usage_error "unknown command" "frobnicate" -- frobnicate

for cmd in speak script voices; do
	for opt in --help -h; do
		(cd "$TMP/cwd" && "$NEWSCAST" $cmd $opt) >"$TMP/out" 2>"$TMP/err"; rc=$?
		check "$cmd $opt: exit 0 and usage on stdout" [ "$rc" -eq 0 -a "$(head -n 1 "$TMP/out" | cut -d' ' -f1-3)" = "usage: newscast $cmd" ]
		check "$cmd $opt: lists its options" grep -q -- '--help' "$TMP/out"
	done
done
"$NEWSCAST" --help >"$TMP/out" 2>&1; rc=$?
check "newscast --help: exit 0, usage and every command" \
	bash -c '[ "$1" -eq 0 ] && grep -q "^usage: newscast" "$2" && grep -q speak "$2" && grep -q script "$2" && grep -q voices "$2"' _ "$rc" "$TMP/out"
check "--help writes nothing" [ -z "$(ls -A "$TMP/cwd")" ]

# --- control characters are removed, not spoken ---
printf 'Ferry\001 timetable\001 changes\n\nThe ferry\001 will leave every\001\001 twenty minutes.\n\nTickets cost two dollars.\001\n' >"$TMP/in/ctrl.txt"
"$NEWSCAST" script "$TMP/in/ctrl.txt" >"$TMP/ctrl.out" 2>"$TMP/ctrl.err"; rc=$?
check "control characters: script exits 0" [ "$rc" -eq 0 ]
check "control characters: no 0x01 byte in the script" bash -c '! grep -q $'"'"'\001'"'"' "$1"' _ "$TMP/ctrl.out"
check "control characters: the text around them is still spoken" \
	bash -c 'grep -q "^Tickets cost two dollars.$" "$1" && grep -q "twenty minutes" "$1"' _ "$TMP/ctrl.out"
d=$(outdir ctrl)
"$NEWSCAST" speak -q "$TMP/in/ctrl.txt" -o "$d/ctrl.mp3" 2>"$TMP/err"; rc=$?
check "control characters: speak exits 0 and writes the MP3" [ "$rc" -eq 0 -a -s "$d/ctrl.mp3" ]
title=$(ffprobe -v error -show_entries format_tags=title -of default=nw=1:nk=1 "$d/ctrl.mp3" 2>/dev/null)
check "control characters: not in the title tag ($title)" [ -n "$title" -a "$title" = "$(tr -d '\001' <<<"$title")" ]

# A voice espeak-ng does not have: the synthesiser runs two processes down (an encoding worker's
# child), and its one line still reaches the user.
d=$(case_dir novoice)
printf '[voice]\nespeak = zz-none\n' >"$d/zz.ini"
printf 'Title\n\nHello there.\n' >"$d/a.txt"
"$NEWSCAST" speak --voice "$d/zz.ini" "$d/a.txt" -o "$d/a.mp3" >"$d/out" 2>"$d/err"; rc=$?
check "unknown espeak-ng voice: speak exits 1 (got $rc)" [ "$rc" -eq 1 ]
check "unknown espeak-ng voice: one line naming the voice and its profile" \
	bash -c '[ "$(cat "$1")" = "newscast: espeak-ng has no voice '"'zz-none'"' (voice profile '"'zz'"')" ]' _ "$d/err"
check "unknown espeak-ng voice: no MP3" [ ! -e "$d/a.mp3" ]

finish
