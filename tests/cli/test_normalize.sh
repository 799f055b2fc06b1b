#!/usr/bin/env bash
# Normalization and the lexicon, end to end: what `newscast script` says for an article full of news forms.
. "$(dirname "$0")/lib.sh"
DATA="$ROOT/tests/data"

"$NEWSCAST" script "$DATA/normalize-article.txt" >"$TMP/out" 2>"$TMP/err"
check "script of normalize-article.txt matches the expected script" diff -u "$DATA/normalize-article.script" "$TMP/out"

"$NEWSCAST" script --no-normalize "$DATA/normalize-article.txt" >"$TMP/raw" 2>&1
check "--no-normalize leaves \$4.2bn as written" grep -qF 'backs $4.2bn flood plan after 2019–20 storms' "$TMP/raw"
check "--no-normalize still expands nothing" grep -qF 'Mr. Daniel Oyelaran' "$TMP/raw"
check "normalized script has no digits left where rules apply" \
	bash -c '! grep -E "\\\$[0-9]|[0-9]%|[0-9]{4}s|Tues\\.|Nov\\. 3" "$1"' _ "$TMP/out"

# The correspondent (British English) is English too: the same rules.
"$NEWSCAST" script --voice correspondent "$DATA/normalize-article.txt" >"$TMP/gb" 2>&1
check "en-gb voice normalizes as English" grep -qF 'since nineteen eighty-seven' "$TMP/gb"

# A voice in a language with no rules: ICU's words for numbers with separators where ICU has them (Swedish), else
# the text as written (Basque, for which ICU has none).
# said_by ESPEAK TEXT WANT LABEL: the body TEXT, read by a voice of espeak-ng's ESPEAK, is said as WANT.
said_by() {
	printf '[voice]\nespeak = %s\n' "$1" >"$TMP/$1.ini"
	printf 'Title\n\n%s\n' "$2" >"$TMP/$1.txt"
	"$NEWSCAST" script --voice "$TMP/$1.ini" "$TMP/$1.txt" >"$TMP/$1.out" 2>&1
	check "$4" grep -qxF -- "$3" "$TMP/$1.out"
}
said_by sv 'År 1987 betalade han 20 $ och 3,5 % mer.' 'År 1987 betalade han 20 $ och tre komma fem % mer.' \
	"a Swedish voice: ICU's Swedish number words, the rest as written"
said_by eu '1987an 20 $ ordaindu zituen.' '1987an 20 $ ordaindu zituen.' "a Basque voice passes text through"
# A voice in another language is read with that language's rules.
said_by fr 'En 1987, il a payé 20 $.' 'En mille neuf cent quatre-vingt-sept, il a payé vingt dollars.' \
	"a French voice gets French normalization"

# Lexicon: the shipped one, a user's (--lexicon) and a voice profile's (lexicon = file beside it).
printf 'Lexicon check\n\nThe mayor of Nguyen met Ms. Okonkwo-Brandt in Tidewater.\n' >"$TMP/lex.txt"
"$NEWSCAST" script "$TMP/lex.txt" >"$TMP/lex.out" 2>&1
check "shipped lexicon respells Nguyen" grep -qF "mayor of Win met" "$TMP/lex.out"
printf '# mine\nOkonkwo-Brandt = Oh-konk-woh Brant\nTidewater = [[t'"'"'aIdw,O:t3]]\n' >"$TMP/mine.lex"
"$NEWSCAST" script --lexicon "$TMP/mine.lex" "$TMP/lex.txt" >"$TMP/lex2.out" 2>&1
check "--lexicon respelling applied" grep -qF 'Miz Oh-konk-woh Brant' "$TMP/lex2.out"
check "--lexicon phonemes applied" grep -qF "in [[t'aIdw,O:t3]]." "$TMP/lex2.out"
mkdir -p "$TMP/voice"
printf '[voice]\nespeak = en-us\nlexicon = names.lex\n' >"$TMP/voice/mine.ini"
cp "$TMP/mine.lex" "$TMP/voice/names.lex"
"$NEWSCAST" script --voice "$TMP/voice/mine.ini" "$TMP/lex.txt" >"$TMP/lex3.out" 2>&1
check "a voice profile's lexicon is found beside it" grep -qF 'Oh-konk-woh Brant' "$TMP/lex3.out"
printf 'Nguyen = Nuh-win\n' >"$TMP/override.lex"
"$NEWSCAST" script --lexicon "$TMP/override.lex" "$TMP/lex.txt" >"$TMP/lex4.out" 2>&1
check "a user's lexicon overrides the shipped one" grep -qF "mayor of Nuh-win met" "$TMP/lex4.out"
printf 'Okonkwo = \n' >"$TMP/bad.lex"
expect_status 1 "a malformed lexicon is an error" "$NEWSCAST" script --lexicon "$TMP/bad.lex" "$TMP/lex.txt"
check "the error names the lexicon file and line" grep -qF "bad.lex' line 1:" "$TMP/stderr"

# Phonemes from the lexicon reach the audio; an article's own [[...]] stays text.
"$NEWSCAST" speak -q --lexicon "$TMP/mine.lex" "$TMP/lex.txt" -o "$TMP/lex.wav" 2>"$TMP/err"
check "speak with a phoneme lexicon succeeds" test -s "$TMP/lex.wav"
printf 'Brackets\n\nThe code [[h@l'"'"'oU]] is text here.\n' >"$TMP/br.txt"
"$NEWSCAST" script "$TMP/br.txt" >"$TMP/br.out" 2>&1
check "an article's own [[...]] is broken up" grep -qF "The code [ [h@l'oU] ] is text here." "$TMP/br.out"
# A German voice: German's sentences (an ordinal date, "Mio.", "z. B." and "Dr." end none) and German's normalization.
sed 's/^espeak *=.*/espeak = de/' "$ROOT/voices/anchor.ini" >"$TMP/de.ini"
printf 'Projekt teurer\n\nAm 24. Juli 2013 kostete das Projekt 3,5 Mio. € und 12 %% mehr. Die Sitzung ist am 1. Dezember um 14.30 Uhr, z. B. mit Dr. Weber. Danach folgt Nr. 5.\n' >"$TMP/de.txt"
"$NEWSCAST" script --voice "$TMP/de.ini" "$TMP/de.txt" >"$TMP/de.out" 2>&1
cat >"$TMP/de.want" <<'WANT'
Projekt teurer
[pause 900 ms]
Am vierundzwanzigsten Juli zweitausenddreizehn kostete das Projekt drei Komma fünf Millionen Euro und zwölf Prozent mehr.
Die Sitzung ist am ersten Dezember um vierzehn Uhr dreißig, zum Beispiel mit Doktor Weber.
Danach folgt Nummer fünf.
WANT
check "a German voice gets German sentences and normalization" diff -u "$TMP/de.want" "$TMP/de.out"
finish
