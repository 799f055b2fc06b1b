#!/usr/bin/env bash
# HTML article extraction on the test set (tests/data/extract/README.md): issue 13's goal, recall
# and precision on average, no page below 0.80 recall, the right headline on every page; and the
# set itself well formed.
. "$(dirname "$0")/lib.sh"
SET="$ROOT/tests/data/extract"

# The set: every page has its expected text and the reverse, each .txt a headline on line 1 and
# an empty line 2, and every expected line present in its page (so no expected text is invented).
unpaired=
for f in "$SET"/*.html; do [ -e "${f%.html}.txt" ] || unpaired="$unpaired $(basename "$f")"; done
for f in "$SET"/*.txt; do [ -e "${f%.txt}.html" ] || unpaired="$unpaired $(basename "$f")"; done
if [ -z "$unpaired" ]; then ok "every page has its .txt and every .txt its page"
else not_ok "every page has its .txt and every .txt its page (alone:$unpaired)"; fi
malformed=
for f in "$SET"/*.txt; do
	if [ -z "$(sed -n '1{/[^[:space:]]/p}' "$f")" ] || [ -n "$(sed -n '2p' "$f")" ]; then
		malformed="$malformed $(basename "$f")"
	fi
done
if [ -z "$malformed" ]; then ok "each .txt has its headline on line 1 and an empty line 2"
else not_ok "each .txt has its headline on line 1 and an empty line 2 (not:$malformed)"; fi
cat >"$TMP/lines.py" <<'PY'
# Prints "PAGE: LINE" for each expected line (from line 3) that is not in its page's text.
import html.parser, re, sys
class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0
    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)
def norm(s):
    return re.sub(r"\s+", " ", s).strip()
for page in sys.argv[1:]:
    t = Text()
    with open(page, encoding="utf-8", errors="replace") as f:
        t.feed(f.read())
    text = norm("".join(t.parts))
    with open(page[:-5] + ".txt", encoding="utf-8") as f:
        for line in f.read().splitlines()[2:]:
            if norm(line) and norm(line) not in text:
                print(f"{page.rsplit('/', 1)[-1]}: {line[:70]}")
PY
pages=()
for f in "$SET"/*.html; do [ -e "${f%.html}.txt" ] && pages+=("$f"); done
python3 "$TMP/lines.py" "${pages[@]}" >"$TMP/absent"
if [ ! -s "$TMP/absent" ]; then ok "every expected line occurs in its page's text"
else not_ok "every expected line occurs in its page's text"; sed 's/^/#   /' "$TMP/absent" | head -10; fi

# The scores.
NEWSCAST="$NEWSCAST" "$ROOT/scripts/extract-score" "${pages[@]}" >"$TMP/score" 2>&1
status=$?
sed 's/^/# /' "$TMP/score"
if [ $status -eq 0 ]; then ok "newscast reads every page"
else not_ok "newscast reads every page (not:$(sed -n 's/^error: \([^:]*\):.*/ \1/p' "$TMP/score" | tr -d '\n'))"; fi
total=$(grep '^pages ' "$TMP/score")
set -- $total
# pages N recall R precision P min-recall M headlines K/N
if [ "${1:-}" = pages ] && [ "$2" -gt 0 ]; then
	check "average recall >= 0.97 (got $4)" awk -v x="$4" 'BEGIN { exit !(x >= 0.97) }'
	check "average precision >= 0.95 (got $6)" awk -v x="$6" 'BEGIN { exit !(x >= 0.95) }'
else
	not_ok "extract-score gave its summary line (got: ${total:-nothing})"
fi
# One line a page: NAME recall R precision P headline ok|wrong words E/B
for f in "${pages[@]}"; do
	name=$(basename "$f" .html)
	line=$(grep "^$name recall " "$TMP/score")
	set -- $line
	if [ -z "$line" ]; then not_ok "$name: scored"; continue; fi
	check "$name: recall >= 0.80 and the right headline (recall $3, headline $7)" \
		awk -v x="$3" -v h="$7" 'BEGIN { exit !(x >= 0.80 && h == "ok") }'
done
finish
