# Shared helpers for the CLI tests: TAP output, a scratch folder, the binary under test.
# Source it from a test: . "$(dirname "$0")/lib.sh"
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NEWSCAST="$ROOT/build/newscast"
SAMPLES="$ROOT/samples/articles"
FIXTURES="$ROOT/../shared/fixtures"
PY=/usr/bin/python3
TMP=$(mktemp -d "${TMPDIR:-/tmp}/newscast-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
_failures=0

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; _failures=$((_failures + 1)); }
skip() { echo "ok - $1 # SKIP $2"; }

# check "description" command...: passes when the command exits 0.
check() {
	local what=$1; shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}

# expect_status N "description" command...: passes when the command exits N.
expect_status() {
	local want=$1 what=$2 got; shift 2
	"$@" >"$TMP/stdout" 2>"$TMP/stderr"; got=$?
	if [ "$got" -eq "$want" ]; then ok "$what"; else
		not_ok "$what (exit $got, wanted $want)"; sed 's/^/#   /' "$TMP/stderr" | head -5
	fi
}

# Duration of an audio file in seconds, as ffprobe reads it.
duration() { ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$1"; }
# float comparisons: between X LO HI
between() { awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(x >= lo && x <= hi) }'; }
finish() { exit $(( _failures > 0 )); }
