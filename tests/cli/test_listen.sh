#!/usr/bin/env bash
# The intelligibility check: pocketsphinx listens to number-heavy sentences of the normalizer's
# table read by newscast and by espeak-ng from the raw text (tests/cli/listen.py): newscast's word
# error rate must be low and well below espeak-ng's; and the check must fail when newscast reads
# with --no-normalize, so it is known to hear a wrong reading. README: "Tests".
. "$(dirname "$0")/lib.sh"

"$PY" "$ROOT/tests/cli/listen.py" --prove "$NEWSCAST" "$ROOT/tests/data/normalize-en.tsv" \
	>"$TMP/out" 2>"$TMP/err"
rc=$?
if [ "$rc" -eq 77 ]; then
	skip "intelligibility check" "$(cat "$TMP/err")"
	finish
fi
cat "$TMP/out"
sed 's/^/#   /' "$TMP/err"
# listen.py prints the TAP lines; a crash or set-up error before them is a failure of its own.
check "listen.py ran to its verdict (exit $rc)" test "$rc" -eq 0 -o "$rc" -eq 1
finish
