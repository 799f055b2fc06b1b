#!/usr/bin/env bash
# newscast script: what would be spoken, and the pauses.
. "$(dirname "$0")/lib.sh"

printf 'A headline\n\nFirst sentence. Mr. Smith spoke second.\n\n***\n\nLast one.\n' >"$TMP/a.txt"
"$NEWSCAST" script "$TMP/a.txt" >"$TMP/out" 2>"$TMP/err"
cat >"$TMP/want" <<'WANT'
A headline
[pause 900 ms]
First sentence.
Mister Smith spoke second.
[pause 1500 ms]
Last one.
WANT
check "script prints segments and merged pauses" diff -u "$TMP/want" "$TMP/out"
# The same story as plain text and as Markdown says the same thing.
printf 'Fares frozen\n\nFares on the ferry stay at $2.50, the operator said.\n\nWhat changes\n\nWeekend fares fall by 10%%.\n\n***\n\nThe end.\n' >"$TMP/story.txt"
printf -- '---\ntitle: Fares frozen\nauthor: Marta Quill\n---\n\nFares on the **ferry** stay at $2.50, the [operator](https://example.com) said.\n\n![a ferry](f.jpg)\n\n## What changes\n\nWeekend fares fall by 10%%.\n\n---\n\n```\nnot read\n```\n\nThe end.\n' >"$TMP/story.md"
"$NEWSCAST" script "$TMP/story.txt" >"$TMP/story.txt.out" 2>&1
"$NEWSCAST" script "$TMP/story.md" >"$TMP/story.md.out" 2>&1
check "the same story in .txt and .md gives the same script" diff -u "$TMP/story.txt.out" "$TMP/story.md.out"
check "Markdown: links read as text, images and code not read" \
	bash -c '! grep -qE "example.com|a ferry|not read|\*\*" "$1"' _ "$TMP/story.md.out"
cp "$TMP/story.md" "$TMP/story.notes"
"$NEWSCAST" script --format markdown "$TMP/story.notes" >"$TMP/story.fmt.out" 2>&1
check "--format markdown reads a file of any name as Markdown" diff -u "$TMP/story.md.out" "$TMP/story.fmt.out"
expect_status 2 "--format with a bad value is a usage error" "$NEWSCAST" script --format pdf "$TMP/story.md"
finish
