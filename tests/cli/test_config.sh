#!/usr/bin/env bash
# A show's settings: podcast.ini as newscast reads it (long and multi-line values, errors on the right
# line), what Apple Podcasts is told (category, language, e-mail, URLs), the files podcast.ini names,
# podcast:guid and podcast:locked, links in articles/, and the settings the command line shares with
# podcast.ini (loudness, true peak, date, sample rate: one check each). The feed is read with
# Python's ElementTree and uuid, not with newscast.
. "$(dirname "$0")/lib.sh"

export TZ=UTC
show_err() { sed 's/^/#   /' "$TMP/stderr" | head -n "${1:-5}"; }
feed() { timeout 60 "$NEWSCAST" feed "$@"; }
# chan FEED.XML EXPR: a Python expression over the channel element c (ElementTree), printed.
chan() { checker channel "$@"; }
# new_show DIR: a show made by `newscast init`, its base_url on example.com.
new_show() {
	"$NEWSCAST" init "$1" >/dev/null 2>&1 || not_ok "init $1"
	ini_set "$1/podcast.ini" show base_url "https://example.com/podcast/"
}
# bad_setting LABEL SECTION KEY VALUE WANT...: with KEY = VALUE in [SECTION], `newscast feed` exits 1
# and its one error names podcast.ini, the line of KEY, and every WANT.
bad_setting() {
	local label=$1 sec=$2 key=$3 val=$4 dir line rc w; shift 4
	dir=$(case_dir bad)
	new_show "$dir"
	ini_set "$dir/podcast.ini" "$sec" "$key" "$val"
	line=$(awk -v s="[$sec]" -v k="$key" '/^\[/ { in_s = ($0 == s) } in_s && $0 ~ "^" k " *=" { print NR; exit }' \
		"$dir/podcast.ini")
	feed "$dir" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
	check "$label: feed exits 1 (got $rc)" [ "$rc" -eq 1 ]
	if grep -qF "'$dir/podcast.ini' line $line: " "$TMP/stderr"; then
		ok "$label: the error names podcast.ini and line $line"
	else
		not_ok "$label: the error names podcast.ini and line $line"; show_err
	fi
	for w in "$@"; do
		check "$label: the error says \"$w\"" grep -qF -- "$w" "$TMP/stderr"
	done
	check "$label: no feed.xml written" [ ! -e "$dir/public/feed.xml" ]
	rm -rf "$dir"
}

# ============ 1. long lines and values of several lines (libinih read 200 bytes a line) ============
S="$TMP/long"
new_show "$S"
# a description of exactly 4000 bytes (Apple's most), on three lines; a base_url and a feed URL of 2000 bytes
$PY - "$S/podcast.ini" <<'EOF'
import re, sys
path = sys.argv[1]
ini = open(path, encoding="utf-8").read()
l1 = ("Zoë's harbour news: " + "tides and ferries " * 70).strip()
l2 = "the second line; with a semicolon"
l3 = "x" * (4000 - len(l1.encode()) - len(l2) - 2 - len(" END")) + " END"
desc = l1 + "\n  " + l2 + "\n; a comment between\n  " + l3
base = "https://example.com/" + "p" * (2000 - len("https://example.com/") - 1) + "/"
src = "https://example.com/feed?" + "q" * (2000 - len("https://example.com/feed?"))
ini = re.sub(r"(?m)^description = .*$", lambda m: "description = " + desc, ini)
ini = re.sub(r"(?m)^base_url = .*$", lambda m: "base_url = " + base, ini)
ini = re.sub(r"(?m)^;feed = .*$", lambda m: "feed = " + src, ini)
open(path, "w", encoding="utf-8").write(ini)
want = l1 + "\n" + l2 + "\n" + l3
open(path + ".want", "w", encoding="utf-8").write(want)
open(path + ".base", "w").write(base)
EOF
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "long values: feed exits 0 (got $rc)" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || show_err
check "long values: the description is 4000 bytes" [ "$(wc -c <"$S/podcast.ini.want")" -eq 4000 ]
chan "$S/public/feed.xml" 'c.findtext("description")' >"$TMP/desc" 2>/dev/null
check "long values: the channel's description is the whole of it, its three lines kept" cmp -s "$TMP/desc" "$S/podcast.ini.want"
chan "$S/public/feed.xml" 'c.find("atom:link", ns).get("href")' >"$TMP/self" 2>/dev/null
check "long values: the 2000-byte base_url is the feed's address" \
	[ "$(cat "$TMP/self")" = "$(cat "$S/podcast.ini.base")feed.xml" ]
# a line after a long one: the error names its own line
cp "$S/podcast.ini" "$TMP/long.ini"
printf '[audio]\nbitrate = 100\n' >>"$S/podcast.ini"
line=$(wc -l <"$S/podcast.ini")
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"
check "long values: a bad line after them is reported on its line ($line)" \
	grep -qF "podcast.ini' line $line: bad value '100' for 'bitrate'" "$TMP/stderr"
# a description over 4000 bytes is refused on its line
$PY -c 'import sys; print("[show]\ntitle = T\n\ndescription = " + "d" * 4001)' >"$S/podcast.ini"
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "a 4001-byte description: exit 1, line 4 names 'description' and the limit" \
	bash -c '[ "$1" -eq 1 ] && grep -qF "podcast.ini'"'"' line 4: description is 4001 bytes: Apple Podcasts takes at most 4000" "$2"' _ "$rc" "$TMP/stderr"
# an indented line under a one-line key is an error on that line, not a lost line
printf '[show]\ntitle = T\nauthor = The\n  newsroom\n' >"$S/podcast.ini"
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "a continued author: exit 1, line 4 named" \
	bash -c '[ "$1" -eq 1 ] && grep -qF "podcast.ini'"'"' line 4: this indented line continues '"'"'author'"'"'" "$2"' _ "$rc" "$TMP/stderr"
# a NUL byte
printf '[show]\ntitle = T\nauthor = A\000B\n' >"$S/podcast.ini"
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "a NUL byte on line 3: exit 1, line 3 named" \
	bash -c '[ "$1" -eq 1 ] && grep -qF "podcast.ini'"'"' line 3: a NUL byte" "$2"' _ "$rc" "$TMP/stderr"

# ============ 2. what Apple Podcasts is told is checked ============
bad_setting "category = Tech" show category "Tech" "category 'Tech' is not one of Apple's categories: Arts, Business," "Technology"
bad_setting "category = News/Cooking" show category "News/Cooking" "'Cooking' is not one of Apple's subcategories of News:" "Daily News"
bad_setting "category = History/Wars" show category "History/Wars" "History has no subcategories"
bad_setting "language = english" show language "english" "language 'english' is not a language tag"
bad_setting "language = en_US" show language "en_US" "language 'en_US'"
bad_setting "owner_email = not-an-email" show owner_email "not-an-email" "owner_email 'not-an-email' is not an e-mail address"
bad_setting "owner_email = a@b" show owner_email "a@b" "owner_email 'a@b'"
bad_setting "base_url = ftp://x/" show base_url "ftp://x/" "base_url 'ftp://x/' is not an http:// or https:// URL"
bad_setting "link = javascript:alert()" show link "javascript:alert()" "link 'javascript:alert()' is not an http:// or https:// URL"
bad_setting "link = https:// (no host)" show link "https://" "link 'https://' has no host"
bad_setting "[source] feed = ftp://x/feed.rss" source feed "ftp://x/feed.rss" "feed 'ftp://x/feed.rss' is not an http:// or https:// URL"
bad_setting "locked = maybe" show locked "maybe" "'locked'" "yes or no"
bad_setting "guid = 1234" show guid "1234" "'guid'" "UUID"

S="$TMP/apple"
new_show "$S"
ini_set "$S/podcast.ini" show category "news/daily news"
ini_set "$S/podcast.ini" show language "pt-BR"
ini_set "$S/podcast.ini" show owner_email "podcast.desk@news.example.co.uk"
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "good settings: feed exits 0 (got $rc)" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || show_err
check "good settings: the category in Apple's spelling, with its subcategory" \
	[ "$(chan "$S/public/feed.xml" '"%s/%s" % (c.find("itunes:category", ns).get("text"), c.find("itunes:category/itunes:category", ns).get("text"))')" = "News/Daily News" ]
check "good settings: the language as given" [ "$(chan "$S/public/feed.xml" 'c.findtext("language")')" = "pt-BR" ]

# ============ 3. podcast:guid is set once and kept; podcast:locked ============
S="$TMP/guid"
new_show "$S"
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"
check "guid: not kept while base_url is init's example.com" [ ! -e "$S/.newscast/podcast-guid" ]
ini_set "$S/podcast.ini" show base_url "https://pod.harbourbulletin.net/podcast/"
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"
want=$(checker podcast-guid "pod.harbourbulletin.net/podcast/feed.xml")
g1=$(chan "$S/public/feed.xml" 'c.findtext("podcast:guid", default="", namespaces=ns)')
check "guid: UUIDv5 of the first feed URL ($g1)" [ "$g1" = "$want" ]
check "guid: kept in .newscast/podcast-guid" [ "$(cat "$S/.newscast/podcast-guid" 2>/dev/null)" = "$want" ]
check "locked: 'no' unless podcast.ini says otherwise" [ "$(chan "$S/public/feed.xml" 'c.findtext("podcast:locked", namespaces=ns)')" = "no" ]
ini_set "$S/podcast.ini" show base_url "https://cdn.example.net/shows/harbour/"
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"
check "guid: the feed did move" \
	[ "$(chan "$S/public/feed.xml" 'c.find("atom:link", ns).get("href")')" = "https://cdn.example.net/shows/harbour/feed.xml" ]
g2=$(chan "$S/public/feed.xml" 'c.findtext("podcast:guid", default="", namespaces=ns)')
check "guid: unchanged when base_url moves ($g2)" [ "$g2" = "$want" ]
ini_set "$S/podcast.ini" show locked "yes"
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"
check "locked = yes: podcast:locked is 'yes', with the owner's e-mail" \
	[ "$(chan "$S/public/feed.xml" '"%s %s" % (c.findtext("podcast:locked", namespaces=ns), c.find("podcast:locked", ns).get("owner"))')" = "yes podcast@example.com" ]
ini_set "$S/podcast.ini" show guid "8E5A1C3D-2B4F-5A6E-9C7D-0F1E2D3C4B5A"
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"
check "guid = UUID in podcast.ini: the feed's (in lower case)" \
	[ "$(chan "$S/public/feed.xml" 'c.findtext("podcast:guid", namespaces=ns)')" = "8e5a1c3d-2b4f-5a6e-9c7d-0f1e2d3c4b5a" ]
sed -i '/^guid = /d' "$S/podcast.ini"
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"
check "guid: podcast.ini's is kept once given, when its line goes" \
	[ "$(chan "$S/public/feed.xml" 'c.findtext("podcast:guid", namespaces=ns)')" = "8e5a1c3d-2b4f-5a6e-9c7d-0f1e2d3c4b5a" ]
echo "not a uuid" >"$S/.newscast/podcast-guid"
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "guid: a damaged podcast-guid file is an error naming it, not a new guid" \
	bash -c '[ "$1" -eq 1 ] && grep -qF "podcast-guid'"'"' does not hold a podcast:guid" "$2"' _ "$rc" "$TMP/stderr"

# ============ 4. files podcast.ini names are regular files ============
mkdir -p "$TMP/a-folder" && mkfifo "$TMP/fifo.wav" && ln -s /dev/zero "$TMP/zero.wav"
bad_setting "image = a folder" show image "$TMP/a-folder" "'image' in [show] names '$TMP/a-folder', which is a folder, not a file"
bad_setting "intro = a FIFO" episode intro "$TMP/fifo.wav" "'intro' in [episode] names '$TMP/fifo.wav', which is a FIFO, not a file"
bad_setting "between = a link to /dev/zero" episode between "$TMP/zero.wav" "'between' in [episode] names '$TMP/zero.wav', which is a device, not a file"
bad_setting "lexicon = /dev/zero" voice lexicon "/dev/zero" "'lexicon' in [voice] names '/dev/zero', which is a device, not a file"
bad_setting "[source] feed = a folder" source feed "$TMP/a-folder" "'feed' in [source] names '$TMP/a-folder', which is a folder, not a file"

# ============ 5. nothing is read through a link in articles/ ============
S="$TMP/links"
new_show "$S"
printf 'Secret headline\n\nroot:SECRETHASH:19000:0:99999:7:::\n' >"$TMP/secret.txt"
ln -s "$TMP/secret.txt" "$S/articles/x.txt"
ln -s "$TMP/secret.txt" "$S/articles/y.rss"
mkdir "$S/articles/folder.txt"
mkfifo "$S/articles/fifo.md"
article "$S/articles" good.txt "Harbour ferry timetable changes" "The harbour ferry will leave every twenty minutes from Monday."
timeout 120 "$NEWSCAST" build -q --date 2026-03-02 "$S" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "links: the build finishes (exit $rc) with the good article" [ "$rc" -le 1 ] && [ -n "$(ls "$S"/public/episodes/*.mp3 2>/dev/null)" ]
check "links: nothing of the linked file anywhere in public/ or the state" \
	bash -c '! grep -rqa -e SECRETHASH -e "Secret headline" "$1/public" "$1/.newscast"' _ "$S"
check "links: a note names the link x.txt" grep -qF "articles/x.txt' is a symbolic link" "$TMP/stderr"
check "links: a note names the link y.rss (a feed)" grep -qF "articles/y.rss' is a symbolic link" "$TMP/stderr"
check "links: a note names the folder folder.txt" grep -qF "articles/folder.txt' is skipped: it is a folder" "$TMP/stderr"
check "links: a note names the FIFO fifo.md" grep -qF "articles/fifo.md' is skipped: it is a FIFO" "$TMP/stderr"
check "links: the episode holds one article" \
	[ "$(jpy "$(ls "$S"/public/episodes/*.json | grep -v chapters | head -n 1)" 'len(d["articles"])')" = 1 ]
check "links: the link is left where it is, and its target untouched" \
	bash -c '[ -L "$1/articles/x.txt" ] && grep -q SECRETHASH "$2"' _ "$S" "$TMP/secret.txt"
[ "$rc" -le 1 ] || show_err

# ============ 6. the command line and podcast.ini agree: one check each ============
# They disagreed: speak --loudness took whole numbers only, speak had no --true-peak, build --date
# took 2026-02-30 (speak refused it), podcast.ini took 32000/44100/48000 Hz where speak took any rate.
# Both now take the rates of MPEG-1 and MPEG-2 Layer III: 16000, 22050, 24000, 32000, 44100, 48000.
S="$TMP/agree"
new_show "$S"
article "$S/articles" ferry.txt "Harbour ferry timetable changes" "The harbour ferry will leave every twenty minutes from Monday."
A="$S/articles/ferry.txt"
timeout 120 "$NEWSCAST" speak -q --loudness -16.5 "$A" -o "$TMP/agree.mp3" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "speak --loudness -16.5, as podcast.ini takes it: exit 0 (got $rc) and an MP3" [ "$rc" -eq 0 -a -s "$TMP/agree.mp3" ]
[ "$rc" -eq 0 ] || show_err
timeout 120 "$NEWSCAST" speak -q --true-peak -2 "$A" -o "$TMP/agree1.mp3" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "speak --true-peak -2, as podcast.ini's true_peak: exit 0 (got $rc) and an MP3" [ "$rc" -eq 0 -a -s "$TMP/agree1.mp3" ]
[ "$rc" -eq 0 ] || show_err
"$NEWSCAST" speak -q --loudness -16.x "$A" -o "$TMP/agree2.mp3" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "speak --loudness -16.x: exit 2 (got $rc), the one message" \
	bash -c '[ "$1" -eq 2 ] && grep -qF "bad value '"'"'-16.x'"'"' for --loudness (a number from -40 to -5)" "$2"' _ "$rc" "$TMP/stderr"
"$NEWSCAST" speak -q --true-peak 1 "$A" -o "$TMP/agree2.mp3" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "speak --true-peak 1: exit 2 (got $rc), as podcast.ini's range says" \
	bash -c '[ "$1" -eq 2 ] && grep -qF "bad value '"'"'1'"'"' for --true-peak (a number from -12 to 0)" "$2"' _ "$rc" "$TMP/stderr"
"$NEWSCAST" speak -q --sample-rate 11025 "$A" -o "$TMP/agree2.mp3" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "speak --sample-rate 11025: exit 2 (got $rc), the rates named" \
	bash -c '[ "$1" -eq 2 ] && grep -qF "(16000, 22050, 24000, 32000, 44100 or 48000)" "$2"' _ "$rc" "$TMP/stderr"
check "no file from a refused command line" [ ! -e "$TMP/agree2.mp3" ]
timeout 120 "$NEWSCAST" build -q --date 2026-02-30 "$S" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "build --date 2026-02-30: exit 2 (got $rc), as speak's" \
	bash -c '[ "$1" -eq 2 ] && grep -qF "bad value '"'"'2026-02-30'"'"' for --date (a date, YYYY-MM-DD)" "$2"' _ "$rc" "$TMP/stderr"
check "build --date 2026-02-30: nothing built, the article still in the inbox" \
	bash -c '[ -z "$(ls -A "$1/public/episodes")" ] && [ -e "$1/articles/ferry.txt" ]' _ "$S"
ini_set "$S/podcast.ini" audio sample_rate 22050
ini_set "$S/podcast.ini" audio loudness -16.5
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
check "podcast.ini sample_rate = 22050, loudness = -16.5: taken as speak takes them (exit $rc)" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || show_err
bad_setting "sample_rate = 11025" audio sample_rate 11025 "bad value '11025' for 'sample_rate' in [audio] (16000, 22050, 24000, 32000, 44100 or 48000)"
bad_setting "loudness = -4" audio loudness -4 "bad value '-4' for 'loudness' in [audio] (a number from -40 to -5)"
bad_setting "true_peak = 0.5" audio true_peak 0.5 "bad value '0.5' for 'true_peak' in [audio] (a number from -12 to 0)"

# init --language: a show that speaks French, its voice, intro and outro.
"$NEWSCAST" init --language fr "$TMP/fr-show" >/dev/null 2>&1
grep -E '^(language|title|intro|outro|profile) = ' "$TMP/fr-show/podcast.ini" >"$TMP/fr.got"
cat >"$TMP/fr.want" <<'WANT'
title = fr-show
language = fr
title = {show} — {date:long}
intro = Vous écoutez {show}, l'édition du {date:EEEE d MMMM}.
outro = C'était {show}. Merci de votre écoute.
profile = anchor-fr
WANT
check "init --language fr: podcast.ini in French, with the French voice" diff -u "$TMP/fr.want" "$TMP/fr.got"
"$NEWSCAST" init "$TMP/en-show" >/dev/null 2>&1
check "init without --language: English, the anchor" \
	bash -c 'grep -qx "language = en" "$1" && grep -qx "profile = anchor" "$1" && grep -qx "intro = This is {show} for {date:%A %-d %B}." "$1"' _ "$TMP/en-show/podcast.ini"
"$NEWSCAST" init --language pt-PT "$TMP/pt-show" >/dev/null 2>&1
check "init --language pt-PT: the European Portuguese voice" grep -qx "profile = anchor-pt" "$TMP/pt-show/podcast.ini"
expect_status 1 "init --language sv: no words in Swedish" "$NEWSCAST" init --language sv "$TMP/sv-show"
check "init --language sv: no show made" [ ! -e "$TMP/sv-show/podcast.ini" ]
# No [show] language: the named voice's, in the feed and for the articles; an explicit one the
# voice does not speak is kept, with a warning.
S=$TMP/voice-lang
new_show "$S"
sed -i '/^language = /d' "$S/podcast.ini"
ini_set "$S/podcast.ini" voice profile anchor-de
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"
check "no language, the voice anchor-de: the feed says de" [ "$(chan "$S/public/feed.xml" 'c.findtext("language")')" = "de" ]
check "no language: no warning" [ ! -s "$TMP/stderr" ]
ini_set "$S/podcast.ini" voice profile presenter
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"
check "no language, an English voice: the feed says en-GB or en-US" \
	bash -c 'case "$1" in en-GB|en-US|en) true ;; *) false ;; esac' _ "$(chan "$S/public/feed.xml" 'c.findtext("language")')"
ini_set "$S/podcast.ini" show language en
ini_set "$S/podcast.ini" voice profile anchor-de
feed "$S" >"$TMP/stdout" 2>"$TMP/stderr"
check "language = en with a German voice: kept in the feed" [ "$(chan "$S/public/feed.xml" 'c.findtext("language")')" = "en" ]
check "language = en with a German voice: one warning naming both" \
	grep -qF "[show] language is 'en' but the voice 'anchor-de' speaks de" "$TMP/stderr"
finish
