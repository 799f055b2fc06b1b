#!/usr/bin/env bash
# scripts/slurm/build and nightly on a real single-node Slurm cluster (tests/cli/slurm.sh): munged,
# slurmctld and slurmd started here as root, on 127.0.0.1 only, stopped by their pids at the end.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/slurm.sh"

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

finish
