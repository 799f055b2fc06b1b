#!/usr/bin/env bash
# Input formats: the sample articles as text, Markdown, a cluttered HTML page, RSS and Atom
# feeds give the scripts in tests/data/expected/; the formats agree with each other; sniffing,
# --format and --item; and malformed or hostile inputs fail cleanly, quickly and without leaks.
. "$(dirname "$0")/lib.sh"

EXPECTED="$ROOT/tests/data/expected"

# same_as LABEL EXPECTED-FILE COMMAND...: the command exits 0 and prints exactly the expected file.
same_as() {
	local label=$1 want=$2 rc; shift 2
	"$@" >"$TMP/got" 2>"$TMP/got.err"; rc=$?
	if [ "$rc" -eq 0 ] && diff -u "$want" "$TMP/got" >"$TMP/got.diff"; then
		ok "$label"
	else
		not_ok "$label (exit $rc)"
		sed 's/^/#   /' "$TMP/got.diff" "$TMP/got.err" | head -n 40
	fi
}
# seconds since T0 (date +%s.%N), to two decimals
since() { awk -v t0="$1" -v t1="$(date +%s.%N)" 'BEGIN { printf "%.2f", t1 - t0 }'; }
# one_line_error LABEL WANT...: $TMP/err holds exactly one line, with every WANT in it.
one_line_error() {
	local label=$1 n w; shift
	n=$(wc -l <"$TMP/err")
	check "$label: a one-line error on stderr (got $n lines)" [ "$n" -eq 1 ]
	for w in "$@"; do
		check "$label: the error mentions \"$w\"" grep -qF -- "$w" "$TMP/err"
	done
	[ "$n" -eq 1 ] || sed 's/^/#   stderr: /' "$TMP/err" | head -n 5
}

# ============ 1. each sample gives its expected script ============
for f in txt md html; do
	same_as "night-ferry.$f: the expected script" "$EXPECTED/night-ferry-$f.script" \
		"$NEWSCAST" script "$SAMPLES/night-ferry.$f"
done
for i in 1 2 3; do
	same_as "coastal-wire.rss --item $i: the expected script" "$EXPECTED/coastal-wire-rss-$i.script" \
		"$NEWSCAST" script --item "$i" "$SAMPLES/coastal-wire.rss"
done
for i in 1 2; do
	same_as "coastal-wire.atom --item $i: the expected script" "$EXPECTED/coastal-wire-atom-$i.script" \
		"$NEWSCAST" script --item "$i" "$SAMPLES/coastal-wire.atom"
done

# ============ 2. one story, three formats, one spoken body ============
for f in txt md html; do
	"$NEWSCAST" script "$SAMPLES/night-ferry.$f" >"$TMP/nf.$f" 2>/dev/null
	tail -n +3 "$TMP/nf.$f" >"$TMP/nf.$f.body"	# after the headline and its pause
done
check "night-ferry: the body is not empty" [ "$(wc -l <"$TMP/nf.txt.body")" -gt 10 ]
for f in md html; do
	check "night-ferry: the .$f body is the .txt body" diff -u "$TMP/nf.txt.body" "$TMP/nf.$f.body"
	diff -u "$TMP/nf.txt.body" "$TMP/nf.$f.body" | head -n 20 | sed 's/^/#   /'
	# the same headline too: the page's <h1>, not its different og:title; the front matter's title
	check "night-ferry: the .$f headline is the .txt headline" [ "$(head -n 2 "$TMP/nf.$f")" = "$(head -n 2 "$TMP/nf.txt")" ]
done
check "night-ferry.html: nothing from the page's clutter is spoken" bash -c \
	'! grep -qiE "cookie|advert|share|sign up|newsletter|photo|related|most read|subscribe|topics|comments|dataLayer|window|free articles|updated at|transport reporter|example" "$1"' \
	_ "$TMP/nf.html"
check "night-ferry.md: no front matter, image alt text, code or link address is spoken" bash -c \
	'! grep -qiE "title:|author:|moored|timetable.ini|departures|example|https" "$1"' _ "$TMP/nf.md"

# ============ 3. sniffing standard input and unknown names ============
same_as "stdin: a page is sniffed as HTML" "$EXPECTED/night-ferry-html.script" \
	bash -c '"$1" script - <"$2"' _ "$NEWSCAST" "$SAMPLES/night-ferry.html"
same_as "stdin: an RSS feed is sniffed as a feed (its first item)" "$EXPECTED/coastal-wire-rss-1.script" \
	bash -c '"$1" script - <"$2"' _ "$NEWSCAST" "$SAMPLES/coastal-wire.rss"
same_as "stdin: --item 3 of an RSS feed" "$EXPECTED/coastal-wire-rss-3.script" \
	bash -c '"$1" script --item 3 - <"$2"' _ "$NEWSCAST" "$SAMPLES/coastal-wire.rss"
same_as "stdin: an Atom feed is sniffed as a feed" "$EXPECTED/coastal-wire-atom-1.script" \
	bash -c '"$1" script - <"$2"' _ "$NEWSCAST" "$SAMPLES/coastal-wire.atom"
same_as "stdin: Markdown with front matter is sniffed as Markdown" "$EXPECTED/night-ferry-md.script" \
	bash -c '"$1" script - <"$2"' _ "$NEWSCAST" "$SAMPLES/night-ferry.md"
same_as "stdin: text is read as text" "$EXPECTED/night-ferry-txt.script" \
	bash -c '"$1" script - <"$2"' _ "$NEWSCAST" "$SAMPLES/night-ferry.txt"
cp "$SAMPLES/night-ferry.html" "$TMP/page.download"
same_as "an unknown extension is sniffed (an HTML page)" "$EXPECTED/night-ferry-html.script" \
	"$NEWSCAST" script "$TMP/page.download"
cp "$SAMPLES/coastal-wire.rss" "$TMP/coastal-wire.xml"
same_as ".xml is read as a feed" "$EXPECTED/coastal-wire-rss-2.script" \
	"$NEWSCAST" script --item 2 "$TMP/coastal-wire.xml"

# ============ 4. --format overrides the extension ============
"$NEWSCAST" script --format text "$SAMPLES/night-ferry.html" >"$TMP/forced.out" 2>"$TMP/forced.err"
rc=$?
check "--format text on an .html page: exit 0 (got $rc)" [ "$rc" -eq 0 ]
check "--format text on an .html page: read as text, so not the HTML reading" \
	bash -c '! cmp -s "$1" "$2" && grep -qF "<article" "$1"' _ "$TMP/forced.out" "$EXPECTED/night-ferry-html.script"
cp "$SAMPLES/coastal-wire.rss" "$TMP/feed.txt"
same_as "--format feed on a .txt name reads the feed" "$EXPECTED/coastal-wire-rss-1.script" \
	"$NEWSCAST" script --format feed "$TMP/feed.txt"
cp "$SAMPLES/night-ferry.md" "$TMP/story.txt"
same_as "--format markdown on a .txt name reads Markdown" "$EXPECTED/night-ferry-md.script" \
	"$NEWSCAST" script --format markdown "$TMP/story.txt"

# ============ 5. --item: by number, by guid or id; missing items ============
same_as "--item: the first item by default" "$EXPECTED/coastal-wire-rss-1.script" \
	"$NEWSCAST" script "$SAMPLES/coastal-wire.rss"
same_as "--item by guid (isPermaLink=false)" "$EXPECTED/coastal-wire-rss-3.script" \
	"$NEWSCAST" script --item coastal-wire-4398 "$SAMPLES/coastal-wire.rss"
same_as "--item by guid (a permalink)" "$EXPECTED/coastal-wire-rss-2.script" \
	"$NEWSCAST" script --item https://coastal-wire.example/2026/03/12/lido-hours-heatwave "$SAMPLES/coastal-wire.rss"
same_as "--item by Atom id" "$EXPECTED/coastal-wire-atom-2.script" \
	"$NEWSCAST" script --item tag:coastal-wire.example,2026:4407 "$SAMPLES/coastal-wire.atom"
for bad in 99 0 no-such-guid; do
	"$NEWSCAST" script --item "$bad" "$SAMPLES/coastal-wire.rss" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	check "--item $bad: exit 1 (got $rc)" [ "$rc" -eq 1 ]
	check "--item $bad: nothing on stdout" [ ! -s "$TMP/out" ]
	one_line_error "--item $bad" "$SAMPLES/coastal-wire.rss" "'$bad'"
done

# ============ 6. malformed and hostile feeds ============
mkdir -p "$TMP/bad"
# truncated in the middle of the second item
head -n 45 "$SAMPLES/coastal-wire.rss" >"$TMP/bad/truncated.rss"
"$NEWSCAST" script "$TMP/bad/truncated.rss" >"$TMP/out" 2>"$TMP/err"
rc=$?
check "truncated RSS: exit 1 (got $rc)" [ "$rc" -eq 1 ]
one_line_error "truncated RSS" "$TMP/bad/truncated.rss" "line"
check "truncated RSS: nothing on stdout" [ ! -s "$TMP/out" ]
# bytes that are not the encoding the feed declares: libxml2 itself prints "encoding error"
# lines past the parser's NOERROR; only our one line may reach the user
printf '<?xml version="1.0" encoding="EUC-JP"?>\n<rss version="2.0"><channel><title>T</title><item><title>Hi \377\376\377 there</title><description>A body.</description></item></channel></rss>\n' \
	>"$TMP/bad/wrong-encoding.rss"
"$NEWSCAST" script "$TMP/bad/wrong-encoding.rss" >"$TMP/out" 2>"$TMP/err"
rc=$?
check "bytes not in the declared encoding: exit 1 (got $rc)" [ "$rc" -eq 1 ]
one_line_error "bytes not in the declared encoding" "$TMP/bad/wrong-encoding.rss" "line 2"

# billion laughs: 10^9 "lol"s if the entities were expanded
{
	printf '<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol0 "lol">\n'
	for i in 1 2 3 4 5 6 7 8 9; do
		printf ' <!ENTITY lol%d "' "$i"
		for _ in 1 2 3 4 5 6 7 8 9 10; do printf '&lol%d;' $((i - 1)); done
		printf '">\n'
	done
	printf ']>\n<rss version="2.0"><channel><title>Laughs</title>\n'
	printf '<item><title>&lol9;</title><description>&lol9;</description></item>\n</channel></rss>\n'
} >"$TMP/bad/laughs.rss"
t0=$(date +%s.%N)
timeout 10 "$NEWSCAST" script "$TMP/bad/laughs.rss" >"$TMP/out" 2>"$TMP/err"
rc=$?
t=$(since "$t0")
check "billion laughs: exit 1 (got $rc)" [ "$rc" -eq 1 ]
one_line_error "billion laughs" "$TMP/bad/laughs.rss" "declares an entity"
check "billion laughs: refused in under 2 s (took $t s)" between "$t" 0 2

# external entities: the file must never be read into the output
printf '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<rss version="2.0"><channel><title>X</title>\n<item><title>Leak &xxe;</title><description>Leaked: &xxe;</description></item>\n</channel></rss>\n' \
	>"$TMP/bad/xxe.rss"
printf '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY %% p SYSTEM "file:///etc/passwd"> %%p; ]>\n<rss version="2.0"><channel><title>X</title>\n<item><title>Leak</title><description>Leaked.</description></item>\n</channel></rss>\n' \
	>"$TMP/bad/xxe-param.rss"
for f in xxe xxe-param; do
	timeout 10 "$NEWSCAST" script "$TMP/bad/$f.rss" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	check "$f: exit 1 (got $rc)" [ "$rc" -eq 1 ]
	one_line_error "$f" "$TMP/bad/$f.rss" "declares an entity"
	check "$f: /etc/passwd is not in stdout or stderr" bash -c '! grep -q "root:" "$1" "$2"' _ "$TMP/out" "$TMP/err"
done
# an external DTD is never loaded: whatever happens, nothing of the file comes out
printf '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "file:///etc/passwd">\n<rss version="2.0"><channel><title>X</title>\n<item><title>External DTD</title><description>Only this is read.</description></item>\n</channel></rss>\n' \
	>"$TMP/bad/xxe-dtd.rss"
timeout 10 "$NEWSCAST" script "$TMP/bad/xxe-dtd.rss" >"$TMP/out" 2>"$TMP/err"
rc=$?
check "external DTD: exit 0 or 1 (got $rc)" [ "$rc" -le 1 ]
check "external DTD: /etc/passwd is not in stdout or stderr" bash -c '! grep -q "root:" "$1" "$2"' _ "$TMP/out" "$TMP/err"

# 5 MB of nested <div>s in an item: as XML elements, and as HTML in CDATA
n=$((5 * 1024 * 1024 / 11))
{
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Deep</title><item><title>Deep</title><description>'
	head -c $((n * 5)) < <(yes '<div>' | tr -d '\n')
	printf 'deep'
	head -c $((n * 6)) < <(yes '</div>' | tr -d '\n')
	printf '</description></item></channel></rss>\n'
} >"$TMP/bad/deep-xml.rss"
{
	printf '<?xml version="1.0"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Deep</title>\n'
	printf '<item><title>Deep</title><content:encoded><![CDATA['
	head -c $((n * 5)) < <(yes '<div>' | tr -d '\n')
	printf 'deep'
	head -c $((n * 6)) < <(yes '</div>' | tr -d '\n')
	printf ']]></content:encoded></item></channel></rss>\n'
} >"$TMP/bad/deep-cdata.rss"
for f in deep-xml deep-cdata; do
	t0=$(date +%s.%N)
	timeout 10 "$NEWSCAST" script "$TMP/bad/$f.rss" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	t=$(since "$t0")
	check "$f.rss ($(($(wc -c <"$TMP/bad/$f.rss") / 1024)) KB of nested <div>): exit 1 (got $rc)" [ "$rc" -eq 1 ]
	one_line_error "$f.rss" "$TMP/bad/$f.rss"
	check "$f.rss: fails within 5 s (took $t s)" between "$t" 0 5
done

# ============ 7. malformed and hostile pages ============
m=$((3 * 1024 * 1024 / 11))
{
	printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Deep | Courier</title></head><body><article>\n'
	printf '<h1>A very deep page</h1>\n<p>The first paragraph is fine.</p>\n'
	head -c $((m * 5)) < <(yes '<div>' | tr -d '\n')
	printf '<p>Deep inside.</p>'
	head -c $((m * 6)) < <(yes '</div>' | tr -d '\n')
	printf '\n</article></body></html>\n'
} >"$TMP/bad/deep.html"
{
	printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Deep | Courier</title></head><body><article>\n'
	printf '<h1>An unclosed page</h1>\n<p>The first paragraph is fine.</p>\n'
	head -c $((3 * 1024 * 1024)) < <(yes '<span><b>' | tr -d '\n')	# never closed
	printf 'Deep inside.\n'
} >"$TMP/bad/unclosed.html"
for f in deep unclosed; do
	t0=$(date +%s.%N)
	timeout 10 /usr/bin/time -f %M -o "$TMP/mem" "$NEWSCAST" script "$TMP/bad/$f.html" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	t=$(since "$t0")
	kb=$(tail -n 1 "$TMP/mem" 2>/dev/null)
	check "$f.html ($(($(wc -c <"$TMP/bad/$f.html") / 1024)) KB of nested tags in <article>): exit 0 or 1 (got $rc)" [ "$rc" -le 1 ]
	check "$f.html: done within 10 s (took $t s)" between "$t" 0 10
	check "$f.html: peak memory under 200 MB (got ${kb:-?} KB)" between "${kb:-999999}" 1 204800
	[ "$rc" -le 1 ] || sed 's/^/#   stderr: /' "$TMP/err" | head -n 5
done

cat >"$TMP/bad/gallery.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>In pictures | Courier</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>In pictures: the harbour at dawn</h1>
<figure><img src="dawn.jpg" alt="Boats leaving at dawn"><figcaption>Boats leave the harbour at dawn. Photo: Anna Berg</figcaption></figure>
<div class="share"><button>Share</button></div>
<script>var gallery = "never read";</script>
</article><footer><p>© 2026 The Courier</p></footer></body></html>
HTML
"$NEWSCAST" script "$TMP/bad/gallery.html" >"$TMP/out" 2>"$TMP/err"
rc=$?
check "a page with no article text: exit 1 (got $rc)" [ "$rc" -eq 1 ]
one_line_error "a page with no article text" "$TMP/bad/gallery.html" "nothing to speak"

# ============ 8. malformed Markdown: lenient, or a one-line error; never a crash ============
printf -- '---\ntitle: Front matter that never ends\nauthor: Nobody\n\nThe ferry will run late on Fridays.\n\n```\nan unclosed fence\n\n~~~\nand another\n' \
	>"$TMP/bad/unterminated.md"
printf -- '---\ntitle: Fences\n---\n\nThe ferry will run late on Fridays.\n\n````\n```\nnot closed\n' >"$TMP/bad/fences.md"
printf -- '---\ntitle: Only front matter\n' >"$TMP/bad/only-front.md"
printf -- '---\n' >"$TMP/bad/dashes.md"
printf -- '# Headline\n\n> quote\n>> deeper\n- item\n  > quote in item\n    ```\ncode\n[link](\n![img](\n<div>\n' >"$TMP/bad/mixed.md"
for f in unterminated fences only-front dashes mixed; do
	timeout 10 "$NEWSCAST" script "$TMP/bad/$f.md" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	n=$(wc -l <"$TMP/err")
	check "$f.md: exit 0, or 1 with a one-line error; never a crash (exit $rc, $n lines on stderr)" \
		[ "$rc" -eq 0 -o \( "$rc" -eq 1 -a "$n" -eq 1 \) ]
	[ "$rc" -lt 128 ] || sed 's/^/#   stderr: /' "$TMP/err" | head -n 3
done
check "unterminated front matter: the text under it is still spoken" \
	grep -qF "The ferry will run late on Fridays." <("$NEWSCAST" script "$TMP/bad/unterminated.md" 2>/dev/null)
check "unterminated fence: what is after it is code, not spoken" \
	bash -c '! "$1" script "$2" 2>/dev/null | grep -qF "not closed"' _ "$NEWSCAST" "$TMP/bad/fences.md"

# Deeply nested block quotes and lists (100 KB each): read without recursion, so no stack
# overflow, and the text at the bottom is still spoken.
printf '# Deep quotes\n\n' >"$TMP/bad/deep-quotes.md"
head -c 100000 < <(yes '>' | tr -d '\n') >>"$TMP/bad/deep-quotes.md"
printf ' deep text\n' >>"$TMP/bad/deep-quotes.md"
printf '# Deep lists\n\n' >"$TMP/bad/deep-lists.md"
head -c 100000 < <(yes '- ' | tr -d '\n') >>"$TMP/bad/deep-lists.md"
printf 'deep text\n' >>"$TMP/bad/deep-lists.md"
for f in deep-quotes deep-lists; do
	(timeout 10 "$NEWSCAST" script "$TMP/bad/$f.md" >"$TMP/out" 2>"$TMP/err"; exit $?) 2>/dev/null	# not bash's "Segmentation fault" notice
	rc=$?
	check "$f.md, 100,000 levels: exit 0 (got $rc)" [ "$rc" -eq 0 ]
	check "$f.md: the text at the bottom is spoken" grep -qx "deep text" "$TMP/out"
done

# ============ 9. a feed item spoken to MP3 ============
"$NEWSCAST" speak -q --item 2 "$SAMPLES/coastal-wire.rss" -o "$TMP/x.mp3" >"$TMP/out" 2>"$TMP/err"
rc=$?
check "speak --item 2 of the RSS feed: exit 0 (got $rc)" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || sed 's/^/#   stderr: /' "$TMP/err" | head -n 5
codec=$(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of default=nw=1:nk=1 "$TMP/x.mp3" 2>/dev/null)
check "speak --item 2: ffprobe reads an MP3 (codec ${codec:-none})" [ "$codec" = mp3 ]
dur=$(duration "$TMP/x.mp3" 2>/dev/null)
check "speak --item 2: longer than 5 s (${dur:-?} s)" between "${dur:-0}" 5.001 100000
title=$(ffprobe -v error -show_entries format_tags=title -of default=nw=1:nk=1 "$TMP/x.mp3" 2>/dev/null)
check "speak --item 2: the title tag is the item's headline ($title)" \
	[ "$title" = "Lido hours extended as heatwave warning is issued" ]
finish
