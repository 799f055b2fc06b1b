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
# ... and as a cluttered HTML page in Latin-1.
cat >"$TMP/story.utf8.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>Fares frozen | Gazette</title>
<script>var s = "never read";</script></head><body><nav><a href="/">Home</a></nav>
<div class="cookie-banner" hidden>We use cookies.</div><main><article><h1>Fares frozen</h1>
<p>Fares on the ferry stay at $2.50, the <a href="/op">operator</a> said.</p>
<figure><img src="f.jpg" alt="a ferry"><figcaption>A ferry. Picture: Anna Berg</figcaption></figure>
<div class="share"><button>Share this article</button></div>
<h2>What changes</h2><p>Weekend fares fall by 10%.</p><aside><h3>Related</h3><ul><li>Other story</li></ul></aside>
<hr><p>The end.</p></article></main><footer>Copyright the Gazette</footer></body></html>
HTML
iconv -f UTF-8 -t ISO-8859-1 "$TMP/story.utf8.html" >"$TMP/story.html"
"$NEWSCAST" script "$TMP/story.html" >"$TMP/story.html.out" 2>&1
check "the same story as a cluttered Latin-1 HTML page gives the same script" diff -u "$TMP/story.txt.out" "$TMP/story.html.out"
expect_status 2 "--format with a bad value is a usage error" "$NEWSCAST" script --format pdf "$TMP/story.md"
# The language an article is read in: --language over its own, which is over the voice's.
printf -- '---\ntitle: Fähre teurer\nlang: de-de\n---\n\nDie Preise der Fähre steigen um 12 %%, sagte der Betreiber.\n' >"$TMP/de.md"
printf 'Fähre teurer\n\nDie Preise der Fähre steigen um 12 %%, sagte der Betreiber.\n' >"$TMP/de.txt"
"$NEWSCAST" script --verbose "$TMP/de.md" >"$TMP/de.md.out" 2>"$TMP/de.md.err"
check "front matter's lang: read in German, said so under --verbose" \
	grep -qxF "newscast: '$TMP/de.md': read in de-DE (the article's own), by the voice 'anchor-de' (de)" "$TMP/de.md.err"
check "an article in German gets German rules" grep -qxF 'Die Preise der Fähre steigen um zwölf Prozent, sagte der Betreiber.' "$TMP/de.md.out"
"$NEWSCAST" script --language de --verbose "$TMP/de.txt" >"$TMP/de.txt.out" 2>"$TMP/de.txt.err"
check "script --language de --verbose says German" \
	grep -qxF "newscast: '$TMP/de.txt': read in de (--language), by the voice 'anchor-de' (de)" "$TMP/de.txt.err"
check "--language prints nothing new" diff -u "$TMP/de.md.out" "$TMP/de.txt.out"
"$NEWSCAST" script --language en "$TMP/de.md" >"$TMP/de.en.out" 2>&1
check "--language en over the article's own: English rules" grep -qF 'um twelve percent,' "$TMP/de.en.out"
"$NEWSCAST" voices --language es >"$TMP/voices.es" 2>&1
cat >"$TMP/voices.want" <<'WANT'
Spanish (Spain) (es-ES)
  PROFILE        ESPEAK-NG          ESPEAK-NG NAME                     WPM PITCH  DESCRIPTION
  anchor-es      es+m3              Spanish (Spain)                    160    45  Spanish newsreader (Spain)
WANT
check "voices --language es lists the Spanish profile alone" diff -u "$TMP/voices.want" "$TMP/voices.es"
"$NEWSCAST" voices >"$TMP/voices.all" 2>&1
check "voices groups the profiles by language" \
	bash -c '[ "$(grep -v "^ " "$1" | grep .)" = "$(printf "%s\n" "German (de)" "English (United Kingdom) (en-GB)" "English (United States) (en-US)" "Spanish (Spain) (es-ES)" "French (France) (fr-FR)" "Italian (it)" "Portuguese (Brazil) (pt-BR)" "Portuguese (Portugal) (pt-PT)")" ]' _ "$TMP/voices.all"
expect_status 1 "voices --language for a language no profile speaks" "$NEWSCAST" voices --language sv
expect_status 2 "voices --language with no language tag" "$NEWSCAST" voices --language xx
expect_status 1 "--language with no language tag is refused" "$NEWSCAST" script --language xx "$TMP/de.txt"
finish
