# A real single-node Slurm cluster for the tests (Debian's slurm-wlm and munge): munged,
# slurmctld and slurmd run as root from a folder of the test's own, on 127.0.0.1 and free ports,
# and are stopped by their process ids when the test ends. Source it after lib.sh:
#   . "$(dirname "$0")/slurm.sh"
#   slurm_start || slurm_unavailable	# sets SLURM_CONF (exported) and SLURM_DIR
# Where the daemons cannot start, slurm_unavailable says why and fails the test when CI=true; it
# skips only outside CI. SLURM_CONF_EXTRA: lines added to slurm.conf (keys not set below).

SLURM_DIR= SLURM_WHY=
_slurm_pids=() _slurm_names=()	# munged, slurmctld, slurmd: our own children (in the foreground, -D / -F)

# slurm_unavailable: the reason in SLURM_WHY, as a failure in CI, as a skip elsewhere; ends the test.
slurm_unavailable() {
	if [ "${CI:-}" = true ]; then
		not_ok "a single-node Slurm cluster started: $SLURM_WHY"
	else
		skip "the Slurm tests" "$SLURM_WHY (they fail instead when CI=true)"
	fi
	finish
}

# _slurm_free_ports N: N TCP ports on 127.0.0.1 free now, one a line.
_slurm_free_ports() {
	python3 - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
for s in socks:
    print(s.getsockname()[1])
EOF
}

# _slurm_logs: the last lines of the daemons' logs, as TAP comments.
_slurm_logs() {
	local f
	for f in "$SLURM_DIR"/munged.log "$SLURM_DIR"/slurmctld.log "$SLURM_DIR"/slurmd.log "$SLURM_DIR"/*.out; do
		[ -s "$f" ] || continue
		echo "#   --- $(basename "$f")"
		tail -n 8 "$f" | sed 's/^/#   /'
	done
}

# slurm_start: starts the cluster and waits (20 s at most) until sinfo shows the node idle. Returns
# 1 with the reason in SLURM_WHY (and the daemons' log tails printed) when it cannot.
slurm_start() {
	local cmd node p p1 p2 i state
	if [ "$(id -u)" -ne 0 ]; then
		SLURM_WHY="not root: slurmd must run as root to start jobs"
		return 1
	fi
	for cmd in munged mungekey slurmctld slurmd sbatch sinfo squeue scancel scontrol; do
		if ! command -v "$cmd" >/dev/null 2>&1 && ! [ -x "/usr/sbin/$cmd" ]; then
			SLURM_WHY="'$cmd' is not installed (Debian: apt-get install slurm-wlm munge; scripts/install-deps)"
			return 1
		fi
	done
	PATH=$PATH:/usr/sbin
	SLURM_DIR="$TMP/slurm"
	# munged wants its socket's folders searchable by all (any user may ask it for a credential)
	mkdir -p "$SLURM_DIR/state" "$SLURM_DIR/spool" && chmod 711 "$TMP" && chmod 755 "$SLURM_DIR" || {
		SLURM_WHY="cannot create '$SLURM_DIR'"
		return 1
	}
	at_exit slurm_stop

	# munge: a key of our own (munged wants it private), its socket in the folder.
	if ! mungekey --create --keyfile="$SLURM_DIR/munge.key" 2>"$SLURM_DIR/mungekey.out"; then
		dd if=/dev/urandom of="$SLURM_DIR/munge.key" bs=1024 count=1 2>/dev/null
	fi
	chmod 600 "$SLURM_DIR/munge.key"
	munged -F --socket="$SLURM_DIR/munge.socket" --key-file="$SLURM_DIR/munge.key" \
		--pid-file="$SLURM_DIR/munged.pid" --log-file="$SLURM_DIR/munged.log" \
		--seed-file="$SLURM_DIR/munged.seed" </dev/null >"$SLURM_DIR/munged.out" 2>&1 &
	_slurm_pids+=($!) _slurm_names+=(munged)
	for ((i = 0; i < 50; i++)); do [ -S "$SLURM_DIR/munge.socket" ] && break; sleep 0.1; done
	if ! [ -S "$SLURM_DIR/munge.socket" ]; then
		SLURM_WHY="munged did not start"
		_slurm_logs
		return 1
	fi

	# slurm.conf: this machine's CPUs and memory as slurmd reads them, under the name localhost.
	node=$(slurmd -C 2>/dev/null | sed -n 's/^NodeName=[^ ]* //p' | head -n 1)
	[ -n "$node" ] || node="CPUs=$(nproc)"
	{ read -r p1; read -r p2; } < <(_slurm_free_ports 2)
	if [ -z "$p2" ]; then
		SLURM_WHY="no free TCP port on 127.0.0.1"
		return 1
	fi
	cat >"$SLURM_DIR/slurm.conf" <<EOF
# a single-node cluster for newscast's tests, on 127.0.0.1 only
ClusterName=newscast-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$p1
SlurmdPort=$p2
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SLURM_DIR/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
# schedule at once on a submission, not on slurmctld's next 3-second batch tick
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
StateSaveLocation=$SLURM_DIR/state
SlurmdSpoolDir=$SLURM_DIR/spool
SlurmctldPidFile=$SLURM_DIR/slurmctld.pid
SlurmdPidFile=$SLURM_DIR/slurmd.pid
SlurmctldLogFile=$SLURM_DIR/slurmctld.log
SlurmdLogFile=$SLURM_DIR/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 $node State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
${SLURM_CONF_EXTRA:-}
EOF
	export SLURM_CONF="$SLURM_DIR/slurm.conf"
	slurmctld -D -f "$SLURM_CONF" </dev/null >"$SLURM_DIR/slurmctld.out" 2>&1 &
	_slurm_pids+=($!) _slurm_names+=(slurmctld)
	slurmd -D -N localhost -f "$SLURM_CONF" </dev/null >"$SLURM_DIR/slurmd.out" 2>&1 &
	_slurm_pids+=($!) _slurm_names+=(slurmd)

	for ((i = 0; i < 200; i++)); do
		state=$(sinfo -h -n localhost -o %t 2>/dev/null)
		[ "$state" = idle ] && return 0
		for p in "${!_slurm_pids[@]}"; do
			kill -0 "${_slurm_pids[p]}" 2>/dev/null && continue
			SLURM_WHY="${_slurm_names[p]} exited while starting (see its log below)"
			_slurm_logs
			return 1
		done
		sleep 0.1
	done
	SLURM_WHY="the node was not idle 20 s after the daemons started (sinfo: '${state:-no answer}')"
	_slurm_logs
	return 1
}

# slurm_stop: cancels what is left, then stops slurmd, slurmctld and munged by their pids.
slurm_stop() {
	local p i
	[ ${#_slurm_pids[@]} -gt 0 ] || return 0
	if [ -n "${SLURM_CONF:-}" ]; then
		scancel --quiet --user=root 2>/dev/null
		for ((i = 0; i < 50; i++)); do
			[ -z "$(squeue -h -t PD,R,CG -o %i 2>/dev/null)" ] && break
			sleep 0.1
		done
	fi
	# a job step still running (a job that would not stop): its slurmstepd, known by our
	# SLURM_CONF in its environment, and the process group of each task it started
	local s c
	for s in /proc/[0-9]*; do
		[ "$(cat "$s/comm" 2>/dev/null)" = slurmstepd ] || continue
		{ tr '\0' '\n' <"$s/environ"; } 2>/dev/null | grep -qxF "SLURM_CONF=${SLURM_CONF:-}" || continue
		for c in /proc/[0-9]*; do
			[ "$(awk '{ print $4 }' "$c/stat" 2>/dev/null)" = "${s#/proc/}" ] && kill -KILL -- "-${c#/proc/}" 2>/dev/null
		done
		kill -KILL "${s#/proc/}" 2>/dev/null
	done
	for ((p = ${#_slurm_pids[@]} - 1; p >= 0; p--)); do
		kill "${_slurm_pids[p]}" 2>/dev/null
		for ((i = 0; i < 50; i++)); do kill -0 "${_slurm_pids[p]}" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "${_slurm_pids[p]}" 2>/dev/null
		wait "${_slurm_pids[p]}" 2>/dev/null
	done
	_slurm_pids=() _slurm_names=()
}

# slurm_wait_gone JOBID SECONDS: waits until squeue no longer lists JOBID as pending, running or
# completing.
slurm_wait_gone() {
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		[ -z "$(squeue -h -j "$1" -t PD,R,CG,S -o %i 2>/dev/null)" ] && return 0
		sleep 0.1
	done
	return 1
}
