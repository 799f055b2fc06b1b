#!/usr/bin/env bash
# The intelligibility check: pocketsphinx listens to number-heavy sentences of the normalizer's
# table read by newscast and by espeak-ng from the raw text (tests/cli/listen.py), and newscast's
# word error rate must be low and well below espeak-ng's; and the check must fail when newscast
# reads without normalization, so it is known to hear a wrong reading. README: "Tests".
. "$(dirname "$0")/lib.sh"
TSV="$ROOT/tests/data/normalize-en.tsv"
listen() { "$PY" "$ROOT/tests/cli/listen.py" "$@" "$NEWSCAST" "$TSV"; }

listen >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ "$rc" -eq 77 ]; then
	skip "intelligibility check" "$(cat "$TMP/err")"
	skip "the check fails without normalization" "$(cat "$TMP/err")"
	finish
fi
cat "$TMP/out"
sed 's/^/#   /' "$TMP/err"
check "pocketsphinx hears newscast's numbers: WER under the ceiling, below raw espeak-ng's by the margin" \
	test "$rc" -eq 0

listen --no-normalize >"$TMP/raw" 2>"$TMP/err"
rc=$?
grep -F '# FAIL' "$TMP/raw"
sed 's/^/#   /' "$TMP/err"
check "the check fails when newscast reads with --no-normalize" test "$rc" -eq 1
finish
