#!/usr/bin/env bash
# The show's web page (public/index.html) in a real browser: headless Chromium, driven with
# playwright-core from npm, opens the page that `newscast build` wrote, served over HTTP on
# 127.0.0.1 by pageserver.py (HEAD and byte ranges, as audio players want).
# Checked: HTTP 200, no console errors, no failed requests, <title>, lang, meta viewport, the
# show's title and feed link, every <audio> with controls and preload="none" (and nothing
# fetched before it is asked for), load() reaching HAVE_METADATA, chapter buttons seeking the
# player, the chapters as text with JavaScript off, no resource from anywhere but 127.0.0.1,
# a phone's width (390 px) without sideways scrolling, a screenshot in
# build/test-artifacts/page.png, and the HTML checked by html-validate (offline, from npm).
# Needs chromium (Debian), node and npm; without them the whole file is skipped.
. "$(dirname "$0")/lib.sh"

export TZ=UTC
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
SHOT_REL=build/test-artifacts/page.png
SHOT="$ROOT/$SHOT_REL"
NPM_DIR="$TMP/npm"
at_exit stop_server	# the server (SERVER_PID), whatever happens
trap 'exit 130' INT TERM HUP

skip_all() { skip "the show's web page in headless Chromium" "$1"; exit 0; }

# --- what the browser needs, or skip it all ---
[ -x "$CHROMIUM" ] || skip_all "no $CHROMIUM (apt-get install chromium)"
command -v node >/dev/null 2>&1 || skip_all "no node"
command -v npm >/dev/null 2>&1 || skip_all "no npm"
mkdir -p "$NPM_DIR" "$TMP/browser-tmp"
if ! timeout 90 npm install --prefix "$NPM_DIR" --no-audit --no-fund --no-package-lock --loglevel=error \
	playwright-core@1 >"$TMP/npm.log" 2>&1; then
	sed 's/^/#   /' "$TMP/npm.log" | tail -n 5
	skip_all "npm install playwright-core failed"
fi
HTML_VALIDATE=""
if timeout 60 npm install --prefix "$NPM_DIR" --no-audit --no-fund --no-package-lock --loglevel=error \
	html-validate@10 >"$TMP/npm-hv.log" 2>&1 && [ -x "$NPM_DIR/node_modules/.bin/html-validate" ]; then
	HTML_VALIDATE="$NPM_DIR/node_modules/.bin/html-validate"
fi
# Playwright makes the browser's fresh user-data dir (a new profile) under TMPDIR: here, in $TMP.
ARGS_JS="['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
	'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1']"
if ! TMPDIR="$TMP/browser-tmp" timeout -k 5 60 node -e "
	const { chromium } = require(process.argv[1] + '/node_modules/playwright-core');
	chromium.launch({ executablePath: process.argv[2], args: $ARGS_JS, timeout: 30000 })
		.then(b => b.close()).catch(e => { console.error(String(e).split('\n')[0]); process.exit(1); });
	" "$NPM_DIR" "$CHROMIUM" >"$TMP/launch.log" 2>&1; then
	sed 's/^/#   /' "$TMP/launch.log" | grep -v 'unexpected operator' | head -n 5
	skip_all "headless Chromium does not start"
fi

# --- helpers (as in test_build.sh) ---

# --- the server: public/ on 127.0.0.1, a free port, HEAD and single byte ranges ---
# pageserver.py DIR PORTFILE LOG: writes the port to PORTFILE once listening; "METHOD PATH STATUS" to LOG.

# --- the show: two episodes (digest mode), a cover, a title that needs escaping ---
TITLE="Zoë & Kai's Evening Brief"
LANG_TAG=en-gb
SHOW="$TMP/show"
"$NEWSCAST" init "$SHOW" >/dev/null 2>"$TMP/stderr"
check "init: the show folder is made" [ -f "$SHOW/podcast.ini" ]

"$PY" "$ROOT/tests/cli/pageserver.py" "$SHOW/public" "$TMP/port" "$TMP/server.log" 2>"$TMP/server.err" &
SERVER_PID=$!
for _ in $(seq 100); do
	[ -s "$TMP/port" ] && break
	kill -0 "$SERVER_PID" 2>/dev/null || break
	sleep 0.1
done
PORT=$(cat "$TMP/port" 2>/dev/null)
if [ -z "$PORT" ]; then
	not_ok "the test's HTTP server listens on 127.0.0.1"
	sed 's/^/#   /' "$TMP/server.err" | tail -n 5
	finish
fi
ok "the test's HTTP server listens on 127.0.0.1:$PORT"
BASE="http://127.0.0.1:$PORT/"

ini_set "$SHOW/podcast.ini" show title "$TITLE"
ini_set "$SHOW/podcast.ini" show language "$LANG_TAG"
ini_set "$SHOW/podcast.ini" show base_url "$BASE"
ini_set "$SHOW/podcast.ini" show image cover.png
ffmpeg -v error -f lavfi -i color=c=navy:s=1400x1400 -frames:v 1 "$SHOW/cover.png"

A="$SHOW/articles"
article "$A" a-ferry.txt "Ferry fares frozen for a year" \
	"Fares on the harbour ferry will not rise this year, the operator said on Friday. The operator said fuel costs had fallen since the spring. Passengers welcomed the news at the quay."
article "$A" b-park.txt "New park opens by the river" \
	"A new park opened on the east bank of the river on Saturday. Hundreds of families came to see it. The mayor cut a green ribbon at noon."
article "$A" c-timetable.txt "Winter ferry timetable published" \
	"The winter timetable is online at harbourferry.example.org/timetables/winter-2026-27/weekday-and-weekend-sailings from today. The first sailing leaves at six. The last one returns at ten."
"$NEWSCAST" build -q --date 2026-11-28 "$SHOW" >/dev/null 2>"$TMP/stderr"
rc=$?
check "build of the first episode (3 articles) exits 0" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || sed 's/^/#   /' "$TMP/stderr" | head -n 5
# a quiet day: one short story, an episode of well under a minute
article "$A" d-dog.txt "Lost dog found on the beach" \
	"A lost dog was found on the beach on Monday. It was cold but well. Its owner came to fetch it."
"$NEWSCAST" build -q --date 2026-11-29 "$SHOW" >/dev/null 2>"$TMP/stderr"
rc=$?
check "build of the second episode (1 article) exits 0" [ "$rc" -eq 0 ]
[ "$rc" -eq 0 ] || sed 's/^/#   /' "$TMP/stderr" | head -n 5
PAGE="$SHOW/public/index.html"
for f in index.html feed.xml cover.png; do
	check "public/$f is written" [ -s "$SHOW/public/$f" ]
done
[ -s "$PAGE" ] || finish

# What the page should show, from the sidecars and the Podcasting 2.0 chapter files: newest first.
checker page-expect "$SHOW/public/episodes" "$BASE" "$TITLE" "$LANG_TAG" "$SHOT" "$CHROMIUM" >"$TMP/expect.json"
check "two episodes to show" [ "$(checker json "$TMP/expect.json" 'len(d["episodes"])')" = 2 ]

# --- the HTML, checked offline ---
if [ -n "$HTML_VALIDATE" ]; then
	# the standard's rules (no style preferences) and the document-level ones
	printf '{ "root": true, "extends": ["html-validate:standard", "html-validate:document"] }\n' >"$TMP/htmlvalidate.json"
	if "$HTML_VALIDATE" --config "$TMP/htmlvalidate.json" "$PAGE" >"$TMP/hv.out" 2>&1; then
		ok "html-validate: index.html has no errors"
	else
		not_ok "html-validate: index.html has no errors"
		grep -E 'error|warning' "$TMP/hv.out" | sed 's/^/#   /' | head -n 10
	fi
else
	skip "html-validate: index.html has no errors" "html-validate could not be installed from npm"
fi

# --- the page in the browser ---
cat >"$TMP/page.js" <<'EOF'
'use strict';
// page.js NPM_DIR EXPECT.json: prints TAP lines; exits 0 when it ran to the end.
const fs = require('fs');
const path = require('path');
const [npmDir, expectFile, argsJson] = process.argv.slice(2);
const { chromium } = require(npmDir + '/node_modules/playwright-core');
const X = JSON.parse(fs.readFileSync(expectFile, 'utf8'));
const ARGS = JSON.parse(argsJson);
const BASE = X.base, ORIGIN = new URL(BASE).origin;
const PHONE = { width: 390, height: 844 };

const say = s => process.stdout.write(s + '\n');
const ok = what => say('ok - ' + what);
const notOk = (what, diag) => {
  say('not ok - ' + what);
  for (const l of [].concat(diag === undefined ? [] : diag).slice(0, 8)) say('#   ' + String(l).slice(0, 400));
};
const check = (what, cond, diag) => (cond ? ok(what) : notOk(what, typeof diag === 'function' ? diag() : diag));
const near = (a, b, d) => typeof a === 'number' && Number.isFinite(a) && Math.abs(a - b) <= d;
const mmss = s => Math.floor(s / 60) + ':' + String(Math.floor(s % 60)).padStart(2, '0');
const url = u => new URL(u, BASE).href;
const sleep = ms => new Promise(r => setTimeout(r, ms));

const consoleErrors = [], failedRequests = [], requested = [];
function watch(page, label) {
  page.on('console', m => {
    if (m.type() === 'error') consoleErrors.push(`${label}: ${m.text()} [${(m.location() || {}).url || 'the page'}]`);
  });
  page.on('pageerror', e => consoleErrors.push(`${label}: uncaught ${String(e.message || e)}`));
  page.on('request', r => requested.push(r.url()));
  page.on('requestfailed', r => {
    const why = r.failure() ? r.failure().errorText : '?';
    // a media element drops its range request when it seeks or is reloaded: not a failure
    if (r.resourceType() === 'media' && /ERR_ABORTED/.test(why)) return;
    failedRequests.push(`${label}: ${r.url()}: ${why}`);
  });
  page.on('response', r => {
    if (r.status() >= 400) failedRequests.push(`${label}: ${r.url()}: HTTP ${r.status()}`);
  });
}

// waitFor(page, fn, arg, ms): polls fn(arg) in the page until it is truthy or ms pass; returns its last value.
async function waitFor(page, fn, arg, ms) {
  const t0 = Date.now();
  let v;
  do {
    v = await page.evaluate(fn, arg);
    if (v && v.done) return v;
    await sleep(50);
  } while (Date.now() - t0 < ms);
  return v;
}

async function main() {
  const browser = await chromium.launch({ executablePath: X.chromium, args: ARGS, timeout: 30000 });
  try {
    // ======== desktop, JavaScript on ========
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    watch(page, 'desktop');
    const resp = await page.goto(BASE, { waitUntil: 'load', timeout: 20000 });
    check('the page loads with HTTP 200', resp && resp.status() === 200, resp ? `HTTP ${resp.status()}` : 'no response');
    await sleep(300);

    const info = await page.evaluate(() => {
      const attr = (sel, a) => { const e = document.querySelector(sel); return e ? e.getAttribute(a) : null; };
      return {
        titleCount: document.querySelectorAll('head > title').length,
        title: document.title,
        lang: document.documentElement.getAttribute('lang'),
        viewport: attr('meta[name="viewport"]', 'content'),
        h1: [...document.querySelectorAll('h1')].map(h => ({ text: h.textContent, shown: h.offsetParent !== null })),
        alt: [...document.querySelectorAll('link[rel~="alternate"]')].map(l => ({ type: l.getAttribute('type'), href: l.href })),
        feedAnchors: [...document.querySelectorAll('a[href]')].filter(a => a.offsetParent !== null).map(a => ({ href: a.href, text: a.textContent })),
        audios: [...document.querySelectorAll('audio')].map(a => ({
          id: a.id, controls: a.hasAttribute('controls'), preload: a.getAttribute('preload'), src: a.src })),
        articles: [...document.querySelectorAll('main article')].map(a => ({
          id: a.id,
          h2: (a.querySelector('h2') || {}).textContent,
          h3: [...a.querySelectorAll('h3')].map(h => h.textContent),
          meta: (a.querySelector('time') && a.querySelector('time').parentElement.textContent) || '',
          audio: (a.querySelector('audio') || {}).id,
        })),
        images: [...document.images].map(i => ({ src: i.src, ok: i.complete && i.naturalWidth > 0, alt: i.getAttribute('alt') })),
      };
    });

    // --- the head ---
    check('there is one <title>, the show\'s title', info.titleCount === 1 && info.title === X.title,
      `${info.titleCount} <title>; document.title = ${JSON.stringify(info.title)}, want ${JSON.stringify(X.title)}`);
    check(`<html> has lang="${X.lang}"`, info.lang === X.lang, `lang = ${JSON.stringify(info.lang)}`);
    check('a meta viewport with width=device-width, initial-scale=1',
      !!info.viewport && /width\s*=\s*device-width/.test(info.viewport) && /initial-scale\s*=\s*1(\.0*)?\b/.test(info.viewport),
      `content = ${JSON.stringify(info.viewport)}`);
    check('the show\'s title is the visible <h1>', info.h1.length === 1 && info.h1[0].text === X.title && info.h1[0].shown,
      JSON.stringify(info.h1));

    // --- the feed ---
    const feed = url('feed.xml');
    check('<link rel="alternate" type="application/rss+xml"> points at feed.xml',
      info.alt.some(l => l.type === 'application/rss+xml' && l.href === feed), JSON.stringify(info.alt));
    check('a visible link to the feed', info.feedAnchors.some(a => a.href === feed && a.text.trim() !== ''),
      JSON.stringify(info.feedAnchors));
    const fr = await ctx.request.get(feed);
    const ftext = await fr.text();
    check('the feed link answers 200 with an RSS feed of this show', fr.status() === 200 && /<rss[\s>]/.test(ftext) &&
      ftext.includes('<title>' + X.title.replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</title>'),
      `HTTP ${fr.status()}: ${ftext.slice(0, 200)}`);

    // --- the episodes ---
    check('one <article> an episode, newest first, with ep-SLUG as ids',
      JSON.stringify(info.articles.map(a => a.id)) === JSON.stringify(X.episodes.map(e => 'ep-' + e.slug)),
      `got ${JSON.stringify(info.articles.map(a => a.id))}, want ${JSON.stringify(X.episodes.map(e => 'ep-' + e.slug))}`);
    X.episodes.forEach((e, i) => {
      const a = info.articles.find(x => x.id === 'ep-' + e.slug) || {};
      check(`episode ${i + 1}: its title and its articles' headlines`,
        a.h2 === e.title && JSON.stringify(a.h3) === JSON.stringify(e.headlines), JSON.stringify(a));
      const m = /(\d+):(\d\d)/.exec(a.meta || '');
      const secs = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
      check(`episode ${i + 1}: its length (${e.duration.toFixed(1)} s) is shown as m:ss, to the second`,
        Math.abs(secs - e.duration) < 1, `the page says ${JSON.stringify((a.meta || '').trim())}`);
    });
    check('the cover image loads and has an alt text', info.images.length >= 1 &&
      info.images.every(i => i.ok && i.alt && i.alt.trim() !== ''), JSON.stringify(info.images));

    // --- the players ---
    check(`one <audio> an episode (${X.episodes.length})`, info.audios.length === X.episodes.length, JSON.stringify(info.audios));
    check('every <audio> has controls', info.audios.length > 0 && info.audios.every(a => a.controls), JSON.stringify(info.audios));
    check('every <audio> has preload="none"', info.audios.length > 0 && info.audios.every(a => a.preload === 'none'),
      JSON.stringify(info.audios.map(a => a.preload)));
    X.episodes.forEach((e, i) => {
      const a = info.articles.find(x => x.id === 'ep-' + e.slug) || {};
      const au = info.audios.find(x => x.id === a.audio) || {};
      check(`episode ${i + 1}: its <audio> plays episodes/${e.slug}.mp3`, au.src === url(`episodes/${e.slug}.mp3`), JSON.stringify(au));
    });
    // accessible names as Chromium computes them (its accessibility tree, not the DOM's attributes)
    const cdp = await ctx.newCDPSession(page);
    const axNames = async sel => {
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: sel });
      const out = [];
      for (const nodeId of nodeIds) {
        const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
        const n = nodes.find(x => !x.ignored) || nodes[0] || {};
        out.push({ role: n.role && n.role.value, name: n.name && n.name.value });
      }
      return out;
    };
    const players = await axNames('main article audio');
    check('every player is named after its episode, in the accessibility tree',
      players.length === X.episodes.length && X.episodes.every((e, i) => players[i].name === e.title),
      () => X.episodes.map((e, i) => `want ${JSON.stringify(e.title)}, got ${JSON.stringify(players[i])}`));
    check('no two players have the same accessible name',
      new Set(players.map(p => p.name)).size === players.length, JSON.stringify(players));
    for (const [i, e] of X.episodes.entries()) {
      const names = await axNames(`article[id="ep-${e.slug}"] ol.chapters > li > button`);
      const want = e.chapters.map(c => `Play from ${mmss(c.start)}: ${c.title}`);
      check(`episode ${i + 1}: every chapter button is named "Play from M:SS: title" (${want.length})`,
        names.length === want.length && names.every((n, k) => n.role === 'button' && n.name === want[k]),
        () => want.map((w, k) => `want ${JSON.stringify(w)}, got ${JSON.stringify(names[k])}`));
    }
    await cdp.detach();

    const early = requested.filter(u => /\.mp3(\?|$)/.test(u));
    check('no audio is fetched before it is asked for (preload="none")', early.length === 0, early);

    const first = X.episodes[0];
    const meta = await page.evaluate(async () => {
      const a = document.querySelector('audio');
      a.load();
      const t0 = Date.now();
      while (a.readyState < 1 && !a.error && Date.now() - t0 < 20000) await new Promise(r => setTimeout(r, 50));
      return { readyState: a.readyState, duration: a.duration, ms: Date.now() - t0, error: a.error && `${a.error.code} ${a.error.message}` };
    });
    check(`after load() the first <audio> reaches HAVE_METADATA within 20 s (readyState ${meta.readyState}, ${meta.ms} ms)`,
      meta.readyState >= 1, JSON.stringify(meta));
    check(`the first <audio>'s duration is the episode's (${first.duration.toFixed(2)} s)`,
      near(meta.duration, first.duration, 0.25), `duration ${meta.duration}`);

    // --- the chapters, JavaScript on ---
    for (const [i, e] of X.episodes.entries()) {
      const rows = await page.evaluate(slug => {
        const art = document.getElementById('ep-' + slug);
        return art ? [...art.querySelectorAll('ol.chapters > li')].map(li => {
          const b = li.querySelector('button');
          return { text: li.textContent, button: !!b, shown: !!b && b.offsetParent !== null && !b.hidden,
            label: b && b.textContent, t: b && b.dataset.t, player: b && b.dataset.player };
        }) : [];
      }, e.slug);
      const bad = e.chapters.map((c, k) => [c, rows[k]]).filter(([c, r]) => !r || !r.shown || !r.text.includes(c.title) ||
        !near(parseFloat(r.t), c.start, 0.001) || r.label !== mmss(c.start));
      check(`episode ${i + 1}: ${e.chapters.length} chapters, each a visible button with its start (M:SS) and title`,
        rows.length === e.chapters.length && bad.length === 0,
        () => [`${rows.length} rows`].concat(bad.map(([c, r]) => `want ${mmss(c.start)} ${c.title}: got ${JSON.stringify(r)}`)));
      // last chapter first, so that every click moves the player (the first one back to 0)
      for (const [k, c] of [...e.chapters.entries()].reverse()) {
        const btn = page.locator(`article[id="ep-${e.slug}"] ol.chapters > li`).nth(k).locator('button');
        if (!(await btn.count()) || !(await btn.isVisible())) {
          notOk(`episode ${i + 1}: chapter ${k + 1} "${c.title}" seeks to ${c.start} s`, 'no visible button');
          continue;
        }
        const player = await btn.getAttribute('data-player');
        const t0 = Date.now();
        await btn.click();
        const now = await page.evaluate(id => { const a = document.getElementById(id); return a ? a.currentTime : null; }, player);
        // once the seek is done, the player is still there (plus what it has played since)
        const after = await waitFor(page, id => {
          const a = document.getElementById(id);
          return { done: !a.seeking && a.readyState >= 1, t: a.currentTime, seeking: a.seeking, readyState: a.readyState };
        }, player, 10000);
        const played = (Date.now() - t0) / 1000;
        check(`episode ${i + 1}: chapter ${k + 1} "${c.title}" sets currentTime to ${c.start} s (within 0.5 s)`,
          near(now, c.start, 0.5) && after.done && after.t >= c.start - 0.5 && after.t <= c.start + 0.5 + played,
          `currentTime ${now} right after the click; ${JSON.stringify(after)} after the seek, ${played.toFixed(2)} s later`);
      }
    }
    await page.evaluate(() => document.querySelectorAll('audio').forEach(a => { a.muted = true; }));

    // --- resources: everything from the page's own server ---
    const resources = await page.evaluate(() => {
      const out = [];
      document.querySelectorAll('[src], link[href], [poster], [srcset]').forEach(el => {
        for (const a of ['src', 'href', 'poster', 'srcset']) {
          const v = el.getAttribute(a);
          if (v !== null) out.push({ tag: el.tagName.toLowerCase(), attr: a, url: new URL(v.split(/\s+/)[0], document.baseURI).href });
        }
      });
      for (const s of document.styleSheets) {
        let rules = [];
        try { rules = [...s.cssRules]; } catch (e) { out.push({ tag: 'style', attr: 'cssRules', url: String(s.href) }); }
        for (const r of rules) for (const m of r.cssText.matchAll(/url\(\s*["']?([^"')]+)/g))
          out.push({ tag: 'css', attr: 'url', url: new URL(m[1], document.baseURI).href });
        if (s.href) out.push({ tag: 'stylesheet', attr: 'href', url: s.href });
      }
      document.querySelectorAll('[style]').forEach(el => {
        for (const m of el.getAttribute('style').matchAll(/url\(\s*["']?([^"')]+)/g))
          out.push({ tag: el.tagName.toLowerCase(), attr: 'style', url: new URL(m[1], document.baseURI).href });
      });
      return out;
    });
    const foreign = resources.filter(r => !r.url.startsWith('data:') && new URL(r.url).origin !== ORIGIN);
    check('every resource the page names is on 127.0.0.1 (src, link, CSS url())', foreign.length === 0,
      foreign.map(r => `<${r.tag} ${r.attr}> ${r.url}`));

    // --- every link and source on the page answers 200 ---
    const links = await page.evaluate(() => [...new Set([...document.querySelectorAll('a[href], [src], link[href]')]
      .map(e => e.href || e.src).filter(Boolean))]);
    const broken = [];
    for (const u of links) {
      if (new URL(u).origin !== ORIGIN) continue;
      const r = await ctx.request.fetch(u, { method: 'HEAD' });
      if (r.status() !== 200) broken.push(`${u}: HTTP ${r.status()}`);
    }
    check(`every link and source on the page answers 200 (${links.length})`, links.length > 0 && broken.length === 0, broken);
    await ctx.close();

    // ======== JavaScript off ========
    const njCtx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const nj = await njCtx.newPage();
    watch(nj, 'no-JavaScript');
    const njResp = await nj.goto(BASE, { waitUntil: 'load', timeout: 20000 });
    check('without JavaScript: the page loads with HTTP 200', njResp && njResp.status() === 200);
    for (const [i, e] of X.episodes.entries()) {
      const text = await nj.locator(`article[id="ep-${e.slug}"] ol.chapters`).first().innerText({ timeout: 5000 }).catch(() => null);
      const items = await nj.locator(`article[id="ep-${e.slug}"] ol.chapters > li`).count();
      const missingTitles = e.chapters.filter(c => !text || !text.includes(c.title)).map(c => c.title);
      check(`without JavaScript: episode ${i + 1}'s chapter list is there as text (${e.chapters.length} titles)`,
        items === e.chapters.length && missingTitles.length === 0,
        [`${items} items; shown text: ${JSON.stringify(text)}`].concat(missingTitles.map(t => `missing: ${t}`)));
      const missingTimes = e.chapters.filter(c => !text || !new RegExp('(^|\\D)' + mmss(c.start) + '(\\D|$)').test(text));
      check(`without JavaScript: episode ${i + 1}'s chapter list shows each chapter's start time`,
        missingTimes.length === 0,
        [`shown text: ${JSON.stringify(text)}`].concat(missingTimes.map(c => `no "${mmss(c.start)}" before "${c.title}"`)));
    }
    await njCtx.close();

    // ======== a phone: 390 x 844 ========
    const phCtx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    const ph = await phCtx.newPage();
    watch(ph, 'phone');
    const phResp = await ph.goto(BASE, { waitUntil: 'load', timeout: 20000 });
    check('phone: the page loads with HTTP 200', phResp && phResp.status() === 200);
    const fit = await ph.evaluate(w => ({
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      bodyScrollWidth: document.body.scrollWidth,
      wide: [...document.querySelectorAll('body *')].filter(el => el.getBoundingClientRect().right > w + 0.5)
        .filter(el => ![...el.children].some(c => c.getBoundingClientRect().right > w + 0.5))
        .map(el => `<${el.tagName.toLowerCase()}> right edge ${Math.round(el.getBoundingClientRect().right)} px: ${el.textContent.trim().slice(0, 60)}`),
    }), PHONE.width);
    check(`phone: the layout viewport is ${PHONE.width} px wide (meta viewport honoured)`, fit.innerWidth === PHONE.width,
      `innerWidth ${fit.innerWidth}`);
    check(`phone: no sideways scrolling (scrollWidth ${fit.scrollWidth} <= ${PHONE.width})`,
      fit.scrollWidth <= PHONE.width && fit.bodyScrollWidth <= PHONE.width, [JSON.stringify(fit)].concat(fit.wide));
    fs.mkdirSync(path.dirname(X.screenshot), { recursive: true });
    await ph.screenshot({ path: X.screenshot, fullPage: true, timeout: 20000 });
    await phCtx.close();

    // ======== over the whole visit ========
    const outside = requested.filter(u => !u.startsWith(ORIGIN + '/') && !/^(data|blob):/.test(u));
    check(`every request went to ${ORIGIN} (${requested.length} requests)`, requested.length > 0 && outside.length === 0, outside);
    check('no console errors or uncaught exceptions', consoleErrors.length === 0, consoleErrors);
    check('no failed requests in the browser', failedRequests.length === 0, failedRequests);
  } finally {
    await browser.close();
  }
}

main().then(() => process.exit(0), e => {
  notOk('the browser test ran to the end', String(e && e.stack || e).split('\n').slice(0, 6));
  process.exit(2);
});
EOF

rm -f "$SHOT"
ARGS_JSON=$(node -e "process.stdout.write(JSON.stringify($ARGS_JS))")
TMPDIR="$TMP/browser-tmp" timeout -k 5 100 node "$TMP/page.js" "$NPM_DIR" "$TMP/expect.json" "$ARGS_JSON" \
	>"$TMP/page.out" 2>"$TMP/page.err"
rc=$?
cat "$TMP/page.out"
_failures=$((_failures + $(grep -c '^not ok' "$TMP/page.out")))
if [ "$rc" -ne 0 ] && ! grep -q '^not ok - the browser test ran to the end' "$TMP/page.out"; then
	not_ok "the browser test ran to the end (exit $rc)"
	grep -v 'unexpected operator' "$TMP/page.err" | sed 's/^/#   /' | tail -n 5
fi

# --- the screenshot: a PNG, as wide as the phone ---
if [ -s "$SHOT" ] && checker png-size "$SHOT" >"$TMP/png.txt"
then
	ok "the screenshot $SHOT_REL is a non-empty PNG ($(cat "$TMP/png.txt"), $(stat -c %s "$SHOT") bytes)"
	size=$(cat "$TMP/png.txt")
	check "the screenshot is 390 px wide and at least 844 px tall ($size)" \
		awk -v s="$size" 'BEGIN { split(s, a, "x"); exit !(a[1] == 390 && a[2] >= 844) }'
else
	not_ok "the screenshot $SHOT_REL is a non-empty PNG"
fi

# --- the server's side: every request it had (the browser's own ones too, e.g. for an icon) ---
stop_server
bad=$(awk '$3 !~ /^20[06]$/' "$TMP/server.log" 2>/dev/null)
check "the server answered every request ($(wc -l <"$TMP/server.log") of them) with 200 or 206" [ -z "$bad" ]
[ -z "$bad" ] || sed 's/^/#   /' <<<"$bad" | head -n 5
finish
