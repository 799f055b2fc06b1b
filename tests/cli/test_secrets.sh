#!/usr/bin/env bash
# A password in a [source] feed's URL (https://user:secret@host/feed) reaches no message, no log and
# no file of the show but podcast.ini, where the user wrote it; .newscast/ is its owner's only
# (folders 700, files 600). The feed is served by feedserver.py on 127.0.0.1.
. "$(dirname "$0")/lib.sh"

export TZ=UTC
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
SECRET=hunter2secret

mkdir -p "$TMP/www"
cat >"$TMP/www/feed.rss" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Private wire</title><link>https://news.example.org/</link>
<description>Members only.</description>
<item><title>Ferry timetable changes on Monday</title><guid isPermaLink="false">urn:example:1</guid>
<description>The harbour ferry will run to a new timetable from Monday. The first boat leaves at six.</description></item>
<item><title></title><guid isPermaLink="false">urn:example:2</guid><description>No title here.</description></item>
</channel></rss>
EOF
start_feedserver "$TMP/www/feed.rss"
URL="http://reader:$SECRET@127.0.0.1:$PORT/feed.rss"
BAD="http://reader:$SECRET@127.0.0.1:$PORT/nosuch.rss"

SHOW="$TMP/show"
"$NEWSCAST" init "$SHOW" >/dev/null
ini_set "$SHOW/podcast.ini" episode intro ""
ini_set "$SHOW/podcast.ini" episode outro ""
ini_set "$SHOW/podcast.ini" source max_age 0
printf 'feed = %s\nfeed = %s\n' "$URL" "$BAD" >>"$SHOW/podcast.ini"

# no_secret LABEL FILE...: none of the files holds the password.
no_secret() {
	local label=$1; shift
	if grep -l -- "$SECRET" "$@" >/dev/null 2>&1; then
		not_ok "$label: the password is not in it"
		grep -h -- "$SECRET" "$@" | head -n 3 | sed 's/^/#   /'
	else
		ok "$label: the password is not in it"
	fi
}

timeout 120 "$NEWSCAST" build -v --jobs 2 "$SHOW" >"$TMP/out1" 2>"$TMP/err1"; rc=$?
check "build with a failing source: exit 1 (got $rc)" [ "$rc" -eq 1 ]
check "the feed was fetched with the credentials (an episode was made)" \
	[ "$(ls "$SHOW"/public/episodes/*.mp3 2>/dev/null | wc -l)" -eq 1 ]
check "the failing source is reported, its URL redacted" grep -qF "http://***@127.0.0.1:$PORT/nosuch.rss" "$TMP/err1"
no_secret "build's stdout and stderr (verbose)" "$TMP/out1" "$TMP/err1"
# what build and feed make in .newscast/ (the lock, the podcast:guid) is private without nightly's help
"$NEWSCAST" feed "$SHOW" >/dev/null 2>&1
bad=$(find "$SHOW/.newscast" \( \( -type d ! -perm 700 \) -o \( -type f ! -perm 600 \) \) -printf '%m %p\n')
check "build and feed alone: .newscast/ folders are 700 and its files 600${bad:+ (not: $(echo $bad))}" [ -z "$bad" ]

# The nightly job: its log, its lock, its output.
NEWSCAST="$NEWSCAST" timeout 120 "$ROOT/scripts/nightly" "$SHOW" >"$TMP/out2" 2>"$TMP/err2"
check "nightly wrote .newscast/log" [ -s "$SHOW/.newscast/log" ]
no_secret "nightly's stdout and stderr" "$TMP/out2" "$TMP/err2"

# Every file of the show but podcast.ini, where the user wrote it.
found=$(grep -rlF -- "$SECRET" "$SHOW" | grep -v "^$SHOW/podcast.ini$")
check "no file under the show but podcast.ini holds the password${found:+ (found in: $(echo $found))}" [ -z "$found" ]
check "state.json names the feed by its redacted URL" \
	grep -qF "\"http://***@127.0.0.1:$PORT/feed.rss\"" "$SHOW/.newscast/state.json"

# .newscast/ is its owner's only.
bad=$(find "$SHOW/.newscast" \( \( -type d ! -perm 700 \) -o \( -type f ! -perm 600 \) \) -printf '%m %p\n')
check ".newscast/ folders are 700 and its files 600${bad:+ (not: $(echo $bad))}" [ -z "$bad" ]
check ".newscast/ holds the state, the log, the feed's copy" \
	[ -f "$SHOW/.newscast/state.json" -a -f "$SHOW/.newscast/log" -a -n "$(ls "$SHOW/.newscast/feeds")" ]
check "public/ stays readable by all (a web server serves it)" \
	[ -z "$(find "$SHOW/public" -type f ! -perm -004)" ]

# A show made before: state.json keyed by the URL itself, a world-readable .newscast/.
$PY - "$SHOW/.newscast/state.json" "$URL" <<'EOF'
import json, sys
path, url = sys.argv[1], sys.argv[2]
d = json.load(open(path))
feeds = d["feeds"]
for k in list(feeds):
    if k.startswith("http://***@") and k.endswith("/feed.rss"):
        feeds[url] = feeds.pop(k)
json.dump(d, open(path, "w"))
EOF
chmod 755 "$SHOW/.newscast"; chmod 644 "$SHOW/.newscast/state.json"
timeout 120 "$NEWSCAST" build -v "$SHOW" >"$TMP/out3" 2>"$TMP/err3"
check "an old state is read: nothing is published twice" [ "$(ls "$SHOW"/public/episodes/*.mp3 | wc -l)" -eq 1 ]
no_secret "the next build's state.json" "$SHOW/.newscast/state.json"
no_secret "the next build's output" "$TMP/out3" "$TMP/err3"
check "the next build makes .newscast/ private again" \
	[ "$(stat -c %a "$SHOW/.newscast")" = 700 -a "$(stat -c %a "$SHOW/.newscast/state.json")" = 600 ]

finish
