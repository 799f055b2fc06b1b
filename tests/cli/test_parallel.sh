#!/usr/bin/env bash
# newscast plan and part, shared out with GNU parallel: the episodes equal a local build's, the
# build only joins, a job not in the plan is refused with why, two parts of one job at once leave
# one part, and an article that fails in `part` is set aside by the build without speaking it again.
. "$(dirname "$0")/lib.sh"

export TZ=UTC
DATE=2026-11-29
newscast() { "$NEWSCAST" "$@"; }
show_err() { sed 's/^/#   /' "$TMP/stderr" | head -n "${1:-5}"; }
# sidecars SHOW: the episodes' sidecars, sorted (not the .chapters.json files).
sidecars() { ls "$1"/public/episodes/*.json 2>/dev/null | grep -v '\.chapters\.json$' | sort; }
# chapters MP3: "start_ms end_ms title" a chapter, as mutagen reads the ID3 CHAP frames.
chapters() { checker id3 "$1" | sed -n 's/^CHAP [^ ]* //p'; }
# episode JSON: what must be equal between two builds of the same articles: the slug, title,
# chapters to the millisecond and the articles (not the guid, which is new each time).
episode() {
	jpy "$1" '[d["slug"], d["title"]] + ["%d %s" % (round(c["start"] * 1000), c["title"]) for c in d["chapters"]] +
		["%s %s %s" % (a["file"], a["hash"], a["headline"]) for a in d["articles"]]'
}
hex64() { [[ "$1" =~ ^[0-9a-f]{64}$ ]]; }

if ! command -v parallel >/dev/null 2>&1; then
	not_ok "GNU parallel is installed (scripts/install-deps installs it)"
	finish
fi

# ============ 1. a show of 6 articles, an episode each ============
SHOW="$TMP/show"
newscast init "$SHOW" >/dev/null
ini_set "$SHOW/podcast.ini" episode mode article
A="$SHOW/articles"
article "$A" a-ferry.txt "Ferry fares frozen for a year" \
	"Fares on the harbour ferry will not rise this year, the operator said on Friday. Fuel costs had fallen since the spring." \
	"Passengers welcomed the news at the quay."
article "$A" b-park.txt "New park opens by the river" \
	"A new park opened on the east bank of the river on Saturday. Hundreds of families came to see it."
article "$A" c-school.txt "School roof to be repaired" \
	"The roof of the village school will be repaired over the summer. Builders found loose tiles after the storm in March."
article "$A" d-library.txt "Library opens on Sunday afternoons" \
	"The town library will open on Sunday afternoons from next month. Volunteers will staff the front desk."
article "$A" e-cafe.txt "Café owners cheer the new footbridge" \
	"Owners of the cafés on the west quay say the new footbridge has doubled their trade. The council plans a second bridge."
article "$A" f-buses.txt "Night buses return to the coast road" \
	"Night buses will run again on the coast road from Friday. Tickets will cost 2.50 pounds, the same as by day."
LOCAL="$TMP/local"
cp -a "$SHOW" "$LOCAL"
snap() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r md5sum); }

# ============ 2. plan ============
snap "$SHOW" >"$TMP/snap.1"
expect_status 0 "plan: exit 0" newscast plan --date "$DATE" "$SHOW"
cp "$TMP/stdout" "$TMP/plan.jsonl"
snap "$SHOW" >"$TMP/snap.2"
check "plan: nothing in the show is changed (no state, no cache, no folder)" cmp -s "$TMP/snap.1" "$TMP/snap.2"
check "plan: nothing on stderr" [ ! -s "$TMP/stderr" ]
# 6 articles, and the intro and outro every episode says alike: each part once
check "plan: 8 jobs, 6 articles, one intro and one outro (got $(wc -l <"$TMP/plan.jsonl"))" \
	[ "$($PY -c 'import json, sys; [print(json.loads(l)["kind"]) for l in sys.stdin]' <"$TMP/plan.jsonl" 2>/dev/null |
		sort | uniq -c | tr -s ' ' | tr '\n' ';')" = " 6 article; 1 intro; 1 outro;" ]
check "plan: the articles in the inbox's order" \
	[ "$(grep '"kind":"article"' "$TMP/plan.jsonl" | sed 's/.*"article":"\([^"]*\)".*/\1/' | tr '\n' ' ')" = \
	"a-ferry.txt b-park.txt c-school.txt d-library.txt e-cafe.txt f-buses.txt " ]
INSTALL=$(head -n 1 "$TMP/plan.jsonl" | sed 's/.*"install":"\([^"]*\)".*/\1/')
bad_lines=$(while read -r line; do
	printf '%s' "$line" | $PY -c '
import json, re, sys
l = json.loads(sys.stdin.read())
hexkey = re.compile("^[0-9a-f]{64}$")
good = (set(l) == {"job", "kind", "article", "key", "seconds", "install"} and l["job"] == l["key"] and
	hexkey.match(l["job"]) and hexkey.match(l["install"]) and l["install"] == sys.argv[1] and
	isinstance(l["seconds"], (int, float)) and 1 < l["seconds"] < 60)
sys.exit(0 if good else 1)' "$INSTALL" || echo x
done <"$TMP/plan.jsonl" | wc -l)
check "plan: each line is {job, kind, article, key, seconds, install}, job = key (64 hex digits), one install" \
	[ "$bad_lines" -eq 0 ]
check "plan: the jobs are all different" [ "$(cut -d'"' -f4 "$TMP/plan.jsonl" | sort -u | wc -l)" -eq 8 ]
expect_status 0 "plan --count: exit 0" newscast plan --count --date "$DATE" "$SHOW"
check "plan --count: 8" [ "$(cat "$TMP/stdout")" = 8 ]
expect_status 2 "plan: no show is a usage error" newscast plan
expect_status 2 "part: no job is a usage error" newscast part "$SHOW"

# ============ 3. the parts with GNU parallel, then build ============
# A local build of a copy, to compare with
expect_status 0 "local build: exit 0" newscast build -q --date "$DATE" "$LOCAL"
show_err
start=$(date +%s.%N)
parallel -j 2 "$NEWSCAST" part --date "$DATE" "$SHOW" {} <"$TMP/plan.jsonl" >"$TMP/parallel.out" 2>"$TMP/parallel.err"
rc=$?
echo "# parts with parallel -j 2: $(echo "$(date +%s.%N) - $start" | bc) s"
check "parallel: every part made (exit $rc)" [ "$rc" -eq 0 ]
sed 's/^/#   /' "$TMP/parallel.err" | head -n 5
check "part: nothing but the parts in the show: no state, no episode, no inbox moved" \
	bash -c '[ ! -e "$1/.newscast/state.json" ] && [ -z "$(ls -A "$1/public/episodes" 2>/dev/null)" ] &&
		[ "$(ls "$1/articles" | wc -l)" -eq 6 ]' _ "$SHOW"
check "part: each job's part is in the cache, named by its key (KEY.mp3 and KEY.meta)" \
	bash -c 'for k in $(cut -d"\"" -f4 "$2"); do [ -s "$1/.newscast/cache/$k.mp3" ] && [ -s "$1/.newscast/cache/$k.meta" ] || exit 1; done' \
	_ "$SHOW" "$TMP/plan.jsonl"
check "part: no temporary file is left in the cache" [ -z "$(find "$SHOW/.newscast/cache" -name '*.tmp')" ]
expect_status 0 "plan --count after part: exit 0" newscast plan --count --date "$DATE" "$SHOW"
check "plan --count after part: 0" [ "$(cat "$TMP/stdout")" = 0 ]
expect_status 0 "plan --all after part: exit 0" newscast plan --all --date "$DATE" "$SHOW"
check "plan --all after part: the 8 jobs, each \"cached\":true" \
	[ "$(grep -c '"cached":true}$' "$TMP/stdout")" -eq 8 -a "$(wc -l <"$TMP/stdout")" -eq 8 ]
expect_status 0 "part of a job in the cache: exit 0, not made again" \
	newscast part --date "$DATE" "$SHOW" "$(head -n 1 "$TMP/plan.jsonl")"

# ============ 4. jobs that are not in the plan ============
ZERO=0000000000000000000000000000000000000000000000000000000000000000
expect_status 1 "part of an unknown job: exit 1" newscast part --date "$DATE" "$SHOW" "$ZERO"
check "part of an unknown job: says it is not in this machine's plan, and why" \
	grep -qF "newscast: job $ZERO is not in this machine's plan of '$SHOW': the article changed or was published" "$TMP/stderr"
OTHER=ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
line=$(sed -n 2p "$TMP/plan.jsonl" | sed "s/\"install\":\"[0-9a-f]*\"/\"install\":\"$OTHER\"/; s/$(sed -n 2p "$TMP/plan.jsonl" | cut -d'"' -f4)/$ZERO/g")
expect_status 1 "part of a plan line from another install: exit 1" newscast part --date "$DATE" "$SHOW" "$line"
check "part of a plan line from another install: says newscast or espeak-ng differ, with both fingerprints" \
	grep -qE "newscast: job $ZERO \('a-ferry.txt'\) is not in this machine's plan of '.*': newscast or espeak-ng differ: this machine $INSTALL \(newscast [^,]*, espeak-ng [^)]*\), the plan's $OTHER\$" "$TMP/stderr"
show_err 2
expect_status 2 "part of something that is no job: a usage error" newscast part --date "$DATE" "$SHOW" not-a-job
check "part of something that is no job: says what a job is" grep -qF "'not-a-job' is not a job" "$TMP/stderr"
expect_status 1 "part --task past the plan's end: exit 1" \
	newscast part --date "$DATE" "$SHOW" --task 8 --plan "$TMP/plan.jsonl"
check "part --task past the plan's end: says so" grep -qF "has no task 8: its jobs are numbered from 0 to 7" "$TMP/stderr"

# ============ 5. two parts of one job at once ============
K=$(sed -n 3p "$TMP/plan.jsonl" | cut -d'"' -f4)
rm -f "$SHOW/.newscast/cache/$K".*
newscast part --date "$DATE" "$SHOW" "$K" 2>"$TMP/p1.err" &
p1=$!
newscast part --date "$DATE" "$SHOW" --task 2 --plan "$TMP/plan.jsonl" 2>"$TMP/p2.err" &
p2=$!
wait "$p1"; r1=$?
wait "$p2"; r2=$?
check "two parts of one job at once: both succeed (exit $r1 and $r2)" [ "$r1" -eq 0 -a "$r2" -eq 0 ]
check "two parts of one job at once: one part is left, KEY.mp3 and KEY.meta, nothing half-written" \
	[ "$(cd "$SHOW/.newscast/cache" && ls -A | grep -F "$K" | tr '\n' ' ')" = "$K.meta $K.mp3 " ]
check "two parts of one job at once: no temporary file" [ -z "$(find "$SHOW/.newscast/cache" -name '*.tmp')" ]

# ============ 6. build: it only joins, and the episodes are a local build's ============
expect_status 0 "build after the parts: exit 0" newscast build -q --date "$DATE" "$SHOW"
show_err
check "build after the parts: rendered nothing, joined every part (18: an intro, article and outro an episode)" \
	grep -qx "joined 18 parts from the cache, rendered 0" "$TMP/stdout"
mapfile -t PE < <(sidecars "$SHOW")
mapfile -t LE < <(sidecars "$LOCAL")
check "6 episodes, as the local build made (got ${#PE[@]} and ${#LE[@]})" [ "${#PE[@]}" -eq 6 -a "${#LE[@]}" -eq 6 ]
for i in "${!LE[@]}"; do
	p=${PE[$i]:-$TMP/none.json} l=${LE[$i]}
	name=$(basename "$l" .json)
	check "$name: the same slug, title, chapters (to the ms) and articles as the local build's" \
		[ "$(episode "$p" 2>&1)" = "$(episode "$l" 2>&1)" ]
	check "$name: the same ID3 chapters (mutagen, ms)" [ "$(chapters "${p%.json}.mp3")" = "$(chapters "${l%.json}.mp3")" ]
	check "$name: the same transcripts (.vtt, .srt)" cmp -s "${p%.json}.vtt" "${l%.json}.vtt"
	cmp -s "${p%.json}.srt" "${l%.json}.srt" || not_ok "$name: the same .srt"
	pd=$(duration "${p%.json}.mp3") ld=$(duration "${l%.json}.mp3")
	check "$name: the same duration within 10 ms ($pd s and $ld s, ffprobe)" near "$pd" "$ld" 0.010
done
check "build after the parts: the cache keeps only unfinished work (empty)" \
	[ -z "$(ls -A "$SHOW/.newscast/cache")" ]

# ============ 7. an article that fails in part ============
ABORT="$FIXTURES/espeak-abort.txt"
if [ ! -f "$ABORT" ]; then
	skip "an article that crashes espeak-ng in part" "no $ABORT"
	finish
fi
F="$TMP/fails"
newscast init "$F" >/dev/null
cp "$A/a-ferry.txt" "$F/articles/"
cp "$ABORT" "$F/articles/z-crash.txt"
FL="$TMP/fails-local"
cp -a "$F" "$FL"
newscast build -q --date "$DATE" "$FL" >/dev/null 2>"$TMP/local.err"
local_line=$(grep -F "z-crash.txt" "$TMP/local.err" | grep -v "set aside\|warning" | head -n 1)
check "a local build reports the crash on one line naming the article" [ -n "$local_line" ]
newscast plan --date "$DATE" "$F" >"$TMP/fplan.jsonl"
ZK=$(grep -F '"article":"z-crash.txt"' "$TMP/fplan.jsonl" | cut -d'"' -f4)
check "fails: the crashing article is a job" hex64 "$ZK"
parallel -j 2 "$NEWSCAST" part --date "$DATE" "$F" {} <"$TMP/fplan.jsonl" >/dev/null 2>"$TMP/fpart.err"
rc=$?
check "part of the crashing article fails (parallel: 1 job failed, got $rc)" [ "$rc" -eq 1 ]
check "part reports it with the local build's line: $local_line" grep -qxF "$local_line" "$TMP/fpart.err"
check "part leaves KEY.failed, no part, and moves nothing" \
	[ -s "$F/.newscast/cache/$ZK.failed" -a ! -e "$F/.newscast/cache/$ZK.meta" -a -e "$F/articles/z-crash.txt" ]
expect_status 0 "fails: plan --count after part: 0 (a failed part is done)" newscast plan --count --date "$DATE" "$F"
check "fails: plan --count after part: 0" [ "$(cat "$TMP/stdout")" = 0 ]
expect_status 1 "part of it again: exit 1, without speaking it" newscast part --date "$DATE" "$F" "$ZK"
check "part of it again: the same line" grep -qxF "$local_line" "$TMP/stderr"
expect_status 1 "build: exit 1, an article set aside" newscast build -q --date "$DATE" "$F"
check "build: reports the same line" grep -qxF "$local_line" "$TMP/stderr"
check "build: sets the article aside as a local build does" \
	[ -e "$F/articles/failed/z-crash.txt" -a -e "$FL/articles/failed/z-crash.txt" -a ! -e "$F/articles/z-crash.txt" ]
check "build: the same note as the local build's" \
	[ "$(tail -n +2 "$F/articles/failed/z-crash.txt.error")" = "$(tail -n +2 "$FL/articles/failed/z-crash.txt.error")" ]
check "build: rendered nothing (its part was tried by part)" grep -q "^joined 3 parts from the cache, rendered 0$" "$TMP/stdout"
check "build: KEY.failed is spent" [ ! -e "$F/.newscast/cache/$ZK.failed" ]
check "build: the other article is published" [ "$(sidecars "$F" | wc -l)" -eq 1 ]

finish
