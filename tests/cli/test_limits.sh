#!/usr/bin/env bash
# Limits: an article's speech is held in memory to be measured, so an article of more speech
# than the longest allowed (--max-minutes, podcast.ini [episode] max_minutes, default 180) is
# refused quickly, with one line naming it, before it costs memory; one huge sentence is cut.
. "$(dirname "$0")/lib.sh"

# A 4 MB article on one line with no full stop: accepted by the size check, about 67 hours of speech.
BIG="$TMP/huge line.txt"
$PY - "$BIG" <<'EOF'
import sys
words = "the council said on tuesday that repairs to the harbour bridge would begin in april".split()
with open(sys.argv[1], "w") as f:
    f.write("A very long article\n\n")
    i = 0
    while f.tell() < 4_000_000:
        f.write(words[i % len(words)] + " ")
        i += 1
    f.write("\n")
EOF
mkdir -p "$TMP/out"

# refused LABEL COMMAND...: exit 1 within 60 s, under a 2 GB address space (a regression fails
# for want of memory rather than swapping), one line naming the article and the limit, no output.
refused() {
	local label=$1 rc n t0 t1; shift
	t0=$(date +%s)
	(ulimit -v 2000000; timeout 60 "$@") >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
	t1=$(date +%s)
	check "$label: exit 1 (got $rc)" [ "$rc" -eq 1 ]
	check "$label: refused within 20 s (took $((t1 - t0)) s)" [ $((t1 - t0)) -le 20 ]
	n=$(wc -l <"$TMP/stderr")
	check "$label: one line on stderr (got $n)" [ "$n" -eq 1 ]
	check "$label: the line names the article" grep -qF "'$BIG'" "$TMP/stderr"
	check "$label: the line says how long its speech would be and the limit" \
		grep -qE 'about [0-9]+ minutes of speech .*more than the 180 allowed' "$TMP/stderr"
	[ "$rc" -eq 1 ] && [ "$n" -eq 1 ] || sed 's/^/#   stderr: /' "$TMP/stderr" | cut -c1-300 | head -n 5
}
refused "speak, 4 MB on one line" "$NEWSCAST" speak -q "$BIG" -o "$TMP/out/big.mp3"
check "speak, 4 MB on one line: no output file" [ -z "$(ls -A "$TMP/out")" ]
refused "script, 4 MB on one line" "$NEWSCAST" script "$BIG"

# --max-minutes: an article of about 4 minutes is refused at 2 and read at 10.
ART="$SAMPLES/harbour-bridge.txt"
expect_status 1 "script --max-minutes 2 refuses a 4-minute article" "$NEWSCAST" script --max-minutes 2 "$ART"
check "script --max-minutes 2: the error says 'more than the 2 allowed'" grep -qF "more than the 2 allowed" "$TMP/stderr"
expect_status 0 "script --max-minutes 10 reads it" "$NEWSCAST" script --max-minutes 10 "$ART"
expect_status 2 "--max-minutes 0 is a usage error" "$NEWSCAST" script --max-minutes 0 "$ART"

# One huge sentence is cut at spaces into sentences of at most 1000 characters.
head -c 30000 "$BIG" >"$TMP/long-sentence.txt"
"$NEWSCAST" script "$TMP/long-sentence.txt" >"$TMP/script" 2>"$TMP/stderr"
longest=$(grep -v '^\[pause' "$TMP/script" | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
check "a 30 KB sentence is cut into sentences of at most 1000 characters (longest $longest)" \
	[ "$longest" -gt 500 -a "$longest" -le 1000 ]
check "the cut sentences together say all of it" \
	[ "$(grep -v '^\[pause' "$TMP/script" | tail -n +2 | tr -s ' \n' '  ' | wc -w)" -eq "$(tail -n +3 "$TMP/long-sentence.txt" | wc -w)" ]

# A show's limit, in podcast.ini: the long article is set aside with a note, the short one is published.
SHOW="$TMP/show"
"$NEWSCAST" init "$SHOW" >/dev/null
sed -i 's/^image = .*//' "$SHOW/podcast.ini"
ini_set "$SHOW/podcast.ini" episode max_minutes 2
ini_set "$SHOW/podcast.ini" episode intro ""
ini_set "$SHOW/podcast.ini" episode outro ""
cp "$ART" "$SHOW/articles/long.txt"
article "$SHOW/articles" short.txt "Ferry times" "The harbour ferry leaves every twenty minutes from Monday."
(ulimit -v 2000000; timeout 120 "$NEWSCAST" build -q "$SHOW") >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "build with max_minutes = 2: exit 1, an article failed (got $rc)" [ "$rc" -eq 1 ]
check "build: the long article is in articles/failed/ with a note naming the limit" \
	grep -qF "more than the 2 allowed" "$SHOW/articles/failed/long.txt.error"
check "build: the short article made an episode" [ "$(ls "$SHOW"/public/episodes/*.mp3 2>/dev/null | wc -l)" -eq 1 ]
ini_set "$SHOW/podcast.ini" episode max_minutes 0
expect_status 1 "podcast.ini max_minutes = 0 is refused, naming the key" "$NEWSCAST" build -q "$SHOW"
check "podcast.ini max_minutes = 0: the error names the key" grep -qF "max_minutes" "$TMP/stderr"

# HTML nested deep: libxml2 alone stops at 256 levels and drops the rest of the page. 300 levels
# are read whole; 10,000 are refused with a clear error, never read in part with exit 0.
deep() {	# deep N: the body of an article whose text lies before, inside and after N divs
	$PY -c 'import sys; n = int(sys.argv[1]); print("<p>Before the divs.</p>" + "<div>" * n
	+ "<p>Inside the deepest div.</p>" + "</div>" * n + "<p>After the divs, the end of the story.</p>")' "$1"
}
page() { printf '<html><head><title>Deep</title></head><body><article><h1>Deep page</h1>%s</article></body></html>\n' "$(deep "$1")"; }
page 300 >"$TMP/deep300.html"
expect_status 0 "HTML 300 divs deep: read" "$NEWSCAST" script "$TMP/deep300.html"
for want in "Before the divs." "Inside the deepest div." "After the divs, the end of the story."; do
	check "HTML 300 divs deep: \"$want\" is read" grep -qF "$want" "$TMP/stdout"
done
page 10000 >"$TMP/deep10000.html"
expect_status 1 "HTML 10,000 divs deep: refused (exit 1)" "$NEWSCAST" script "$TMP/deep10000.html"
check "HTML 10,000 divs deep: one line on stderr" [ "$(wc -l <"$TMP/stderr")" -eq 1 ]
check "HTML 10,000 divs deep: the error names the file and the nesting" \
	grep -qF "'$TMP/deep10000.html' line 1: elements nested more than 1000 deep" "$TMP/stderr"
# the same as a feed item's content
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Deep item</title><guid>d1</guid><description><![CDATA[%s]]></description></item></channel></rss>\n' \
	"$(deep 300)" >"$TMP/deep300.rss"
expect_status 0 "a feed item 300 divs deep: read" "$NEWSCAST" script "$TMP/deep300.rss"
check "a feed item 300 divs deep: the text after the divs is read" grep -qF "After the divs, the end of the story." "$TMP/stdout"
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Deep item</title><guid>d1</guid><description><![CDATA[%s]]></description></item></channel></rss>\n' \
	"$(deep 10000)" >"$TMP/deep10000.rss"
expect_status 1 "a feed item 10,000 divs deep: refused (exit 1)" "$NEWSCAST" script "$TMP/deep10000.rss"
check "a feed item 10,000 divs deep: one line on stderr" [ "$(wc -l <"$TMP/stderr")" -eq 1 ]
check "a feed item 10,000 divs deep: the error names the item and the nesting" \
	grep -qF "'$TMP/deep10000.rss:1': its HTML nests elements more than 1000 deep" "$TMP/stderr"
# in a build, such an item fails (a note says why) and the rest is published
SHOW2="$TMP/show2"
"$NEWSCAST" init "$SHOW2" >/dev/null
sed -i 's/^image = .*//' "$SHOW2/podcast.ini"
ini_set "$SHOW2/podcast.ini" episode intro ""
ini_set "$SHOW2/podcast.ini" episode outro ""
ini_set "$SHOW2/podcast.ini" source max_age 0
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Deep item</title><guid>d1</guid><description><![CDATA[%s]]></description></item><item><title>Ferry times</title><guid>d2</guid><description>The harbour ferry leaves every twenty minutes from Monday.</description></item></channel></rss>\n' \
	"$(deep 10000)" >"$SHOW2/articles/wire.rss"
timeout 120 "$NEWSCAST" build -q "$SHOW2" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "build with a feed item 10,000 divs deep: exit 1 (got $rc)" [ "$rc" -eq 1 ]
check "build: the deep item's note says why" \
	bash -c 'grep -lF "nests elements more than 1000 deep" "$1"/articles/failed/*.error >/dev/null' _ "$SHOW2"
check "build: the other item is published" [ "$(ls "$SHOW2"/public/episodes/*.mp3 2>/dev/null | wc -l)" -eq 1 ]

finish
