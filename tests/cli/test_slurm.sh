#!/usr/bin/env bash
# scripts/slurm/build on a real single-node Slurm cluster (tests/cli/slurm.sh): munged, slurmctld
# and slurmd started here as root, on 127.0.0.1 only, stopped by their pids at the end. The
# episode built through Slurm equals a local build of the same show; a hostile article fails its
# task and is set aside; a cancelled task's part is made by the build job, and said so.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/slurm.sh"
SLURM_BUILD="$ROOT/scripts/slurm/build"
DATE=2026-03-14

slurm_start || slurm_unavailable
ok "a single-node Slurm cluster is up (sinfo: localhost idle)"

# --- the cluster itself: an array job and one that waits for it (afterany), as the build submits ---
d=$(case_dir cluster)
a=$(sbatch --parsable --array=0-2 -o "$d/task-%a.out" --wrap 'echo "task $SLURM_ARRAY_TASK_ID"')
b=$(sbatch --parsable --dependency="afterany:$a" -o "$d/after.out" \
	--wrap "cat '$d'/task-*.out | wc -l")
if slurm_wait_gone "$b" 60; then
	check "an array job ran its three tasks, and the job depending on it ran after them" \
		test "$(cat "$d/after.out" 2>/dev/null)" = 3
else
	not_ok "the array job and its dependent finished within 60 s"
	_slurm_logs
fi

# --- usage ---
expect_status 2 "slurm/build with no SHOW is a usage error" "$SLURM_BUILD"
expect_status 2 "slurm/build --limit 0 is a usage error" "$SLURM_BUILD" "$TMP" --limit 0
expect_status 2 "slurm/build --date 2026-3-1 is a usage error" "$SLURM_BUILD" "$TMP" --date 2026-3-1
expect_status 2 "slurm/nightly with an unknown option is a usage error" "$ROOT/scripts/slurm/nightly" "$TMP" --jobs 2
expect_status 1 "slurm/build of a folder that is no show submits nothing and fails" "$SLURM_BUILD" "$TMP"
check "... saying so" grep -q "is not a show folder: no podcast.ini" "$TMP/stderr"

# new_show DIR N: a digest show with N short articles of its own (a sentence or two each).
new_show() {
	local dir=$1 n=$2 i
	local topics=(harbour library ferry orchard bakery museum bridge market school river garden
		observatory theatre station lighthouse)
	"$NEWSCAST" init "$dir" >/dev/null || return 1
	for ((i = 0; i < n; i++)); do
		article "$dir/articles" "$(printf '%02d' "$i")-${topics[i]}.txt" \
			"The ${topics[i]} story, number $((i + 1))" \
			"Volunteers at the ${topics[i]} counted $((i * 7 + 12)) visitors on Saturday." \
			"They said the work would go on until the end of the month."
	done
}
# sidecar DIR: the episode's sidecar in DIR/public/episodes (the one JSON file that is not chapters).
sidecar() { ls "$1"/public/episodes/*.json 2>/dev/null | grep -v '\.chapters\.json$' | head -n 1; }
# same_episode A B: the two shows' episodes are the same: chapters to the millisecond, the
# sidecar's articles, the transcripts and chapters files byte for byte, the audio's duration
# within 10 ms (ffprobe). Says what differs.
same_episode() {
	local sa sb f
	sa=$(sidecar "$1") sb=$(sidecar "$2")
	[ -n "$sa" ] && [ -n "$sb" ] || { echo "# no episode in $1 or $2"; return 1; }
	"$PY" - "$sa" "$sb" <<'EOF' || return 1
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
ok = True
def same(what, x, y):
    global ok
    if x != y:
        print(f"# {what} differ:\n#   {x}\n#   {y}")
        ok = False
same("chapters", [(round(c["start"] * 1000), c["title"]) for c in a["chapters"]],
     [(round(c["start"] * 1000), c["title"]) for c in b["chapters"]])
same("articles", a["articles"], b["articles"])
same("titles", a["title"], b["title"])
if abs(a["duration"] - b["duration"]) > 0.010:
    print(f"# durations differ: {a['duration']} and {b['duration']}")
    ok = False
sys.exit(0 if ok else 1)
EOF
	for f in vtt srt chapters.json; do
		cmp -s "${sa%.json}.$f" "${sb%.json}.$f" || { echo "# the .$f files differ"; return 1; }
	done
	near "$(duration "${sa%.json}.mp3")" "$(duration "${sb%.json}.mp3")" 0.010 ||
		{ echo "# the MP3s' durations differ: $(duration "${sa%.json}.mp3") and $(duration "${sb%.json}.mp3")"; return 1; }
}

# --- a 12-article show through Slurm, against a local build of a copy of it ---
d=$(case_dir build)
new_show "$d/show" 12
hostile=0
if [ -f "$FIXTURES/espeak-abort.txt" ]; then
	cp "$FIXTURES/espeak-abort.txt" "$d/show/articles/06-hostile.txt"
	hostile=1
else
	skip "a hostile article fails its task and is set aside" "no $FIXTURES/espeak-abort.txt (../shared is absent)"
fi
cp -r "$d/show" "$d/local"
"$SLURM_BUILD" "$d/show" --wait --date "$DATE" --log "$d/log" >"$d/out" 2>"$d/err"
rc=$?
"$NEWSCAST" build -q --date "$DATE" "$d/local" >/dev/null 2>"$d/local.err"
local_rc=$?
check "slurm/build printed the show's two job ids, with a task for each of 12 articles, the intro and the outro" \
	grep -qE "^show: parts job [0-9]+ \($((14 + hostile)) tasks\), build job [0-9]+$" "$d/out"
if ! check "the episode built on Slurm is the local build's: chapters to the ms, articles, transcripts, duration within 10 ms" \
	same_episode "$d/show" "$d/local"; then
	sed 's/^/#   /' "$d/err" | head -n 20
fi
check "both kept 12 articles in the episode" \
	test "$(jpy "$(sidecar "$d/show")" 'len(d["articles"])')" = 12
if [ "$hostile" -eq 1 ]; then
	check "with an article failing, slurm/build --wait exits 1, as the local build does ($local_rc)" \
		test "$rc" = 1 -a "$local_rc" = 1
	task=$(grep -n '"article":"06-hostile.txt"' "$d"/log/show-*.plan.jsonl | cut -d: -f1)
	check "the hostile article's task failed, saying why in its output" \
		grep -q "'06-hostile.txt' line 3: espeak-ng crashed" "$d"/log/show-*-part-$((task - 1)).out
	check "the build job set the hostile article aside in articles/failed/, and published the rest" \
		test -f "$d/show/articles/failed/06-hostile.txt" -a -f "$d/show/articles/failed/06-hostile.txt.error" \
		-a -f "$d/show/public/feed.xml"
	check "--wait named the failed show and where to look" \
		grep -q "show: the build failed (exit 1); see .*-build.out" "$d/err"
else
	check "slurm/build --wait exits 0 when the show is built" test "$rc" = 0
fi
check "the plan, the build job's output and its status are in --log" \
	test -s "$(ls "$d"/log/show-*.plan.jsonl)" -a -f "$(ls "$d"/log/show-*-build.out)" -a -s "$(ls "$d"/log/show-*.status)"
check "task outputs with nothing in them are removed by the build job" \
	test "$(ls "$d"/log/show-*-part-*.out 2>/dev/null | wc -l)" = "$hostile"
check "the build ran through scripts/nightly: logged to SHOW/.newscast/log" \
	grep -q "end: exit $rc" "$d/show/.newscast/log"

# --- a task cancelled before it runs: its part is made by the build job, which says so ---
d=$(case_dir cancel)
new_show "$d/show" 3
"$SLURM_BUILD" "$d/show" --date "$DATE" --log "$d/log" -- --hold >"$d/out" 2>"$d/err"
parts=$(sed -n 's/^show: parts job \([0-9]*\) .*/\1/p' "$d/out")
build=$(sed -n 's/.*, build job \([0-9]*\)$/\1/p' "$d/out")
if [ -z "$parts" ] || [ -z "$build" ]; then
	not_ok "slurm/build -- --hold submitted the parts and the build"
	sed 's/^/#   /' "$d/out" "$d/err"
else
	scancel "${parts}_1"	# line 2 of the plan
	lost=$(sed -n '2s/.*"article":"\([^"]*\)".*/\1/p' "$d"/log/show-*.plan.jsonl)
	scontrol release "$parts" "$build" 2>/dev/null
	slurm_wait_gone "$build" 120
	check "with a task cancelled, the build job still built the show (status 0)" \
		test "$(cat "$d"/log/show-*.status 2>/dev/null)" = 0
	check "the cancelled task's article is in the episode, made by the build job" \
		test "$(jpy "$(sidecar "$d/show")" '" ".join(a["file"] for a in d["articles"])')" = \
		"00-harbour.txt 01-library.txt 02-ferry.txt"
	check "the build job's output names the part no task made" \
		grep -q "not made by their task.*" "$d"/log/show-*-build.out
	check "... and its article ($lost)" grep -q "article '$lost'" "$d"/log/show-*-build.out
	check "the build job joined the other parts from the cache and made that one" \
		grep -q "joined 4 parts from the cache, rendered 1" "$d/show/.newscast/log"
fi

# --- slurm/nightly: a list of shows as one submission, quiet when all went well ---
d=$(case_dir nightly)
new_show "$d/morning" 2
new_show "$d/evening" 2
printf '# the night\n%s\n\n%s\n' "$d/morning" "$d/evening" >"$d/shows"
"$ROOT/scripts/slurm/nightly" --shows "$d/shows" --wait --date "$DATE" --publish "$d/www" >"$d/out" 2>"$d/err"
rc=$?
check "slurm/nightly --shows FILE --wait built both shows (exit $rc) and printed nothing" \
	test "$rc" = 0 -a ! -s "$d/out" -a ! -s "$d/err"
check "... and published each to DEST/NAME" test -f "$d/www/morning/feed.xml" -a -f "$d/www/evening/feed.xml"
check "... and logged the submission and the result to each show's log" \
	grep -q "slurm: submitted: parts job [0-9]* (4 tasks), build job [0-9]*" "$d/evening/.newscast/log"
check "... (built)" grep -q "slurm: built" "$d/morning/.newscast/log"
article "$d/morning/articles" late.txt "A late story" "The last ferry left on time."
"$ROOT/scripts/slurm/nightly" "$d/morning" --date "$DATE" -- --hold >"$d/out1" 2>&1
expect_status 75 "slurm/nightly leaves out a show whose jobs of an earlier run are still queued (75)" \
	"$ROOT/scripts/slurm/nightly" "$d/morning" --date "$DATE"
check "... saying which jobs" grep -q "morning: jobs of an earlier run are still in the queue: [0-9].*PENDING" "$TMP/stderr"
scancel --name=newscast-part:morning,newscast-build:morning

# --- the daemons are stopped by their process ids ---
pids=("${_slurm_pids[@]}")
slurm_stop
alive=""
for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
check "munged, slurmctld and slurmd (pids ${pids[*]}) are stopped" test -z "$alive"

finish
