#!/usr/bin/python3
"""check.py: the CLI tests' checkers, each reading what newscast wrote with a tool that is not
newscast's own (mutagen, feedparser, ElementTree, html.parser, a Xing/LAME header reader written here).

    /usr/bin/python3 tests/cli/check.py COMMAND ARGS...     (lib.sh's `checker COMMAND ARGS...`)

Each command prints what the shell tests compare, or exits 1 when its own check fails. Within a
command, sys.argv is [COMMAND, ARGS...], as if the command were a script of its own. The
expression commands (json, feed, sidecars, channel) evaluate a Python expression over what they
read, as d (c for channel), with sys at hand, and print the result, a list one item a line; with -t first they
print nothing and exit 0 when it is true, 1 when it is not.
"""
import sys

COMMANDS = {}


def command(name, usage):
    def register(fn):
        COMMANDS[name] = (fn, usage)
        return fn
    return register


def test_flag():
    """Takes a leading -t off sys.argv's arguments; whether it was there."""
    if len(sys.argv) > 1 and sys.argv[1] == "-t":
        del sys.argv[1]
        return True
    return False


def result(r, test):
    """Prints r (a list one item a line), or with test exits by its truth."""
    if test:
        sys.exit(0 if r else 1)
    for x in (r if isinstance(r, list) else [r]):
        print(x)


# ---- audio and tags ----

@command("id3", "FILE")
def id3():
    """Tags of an MP3 as mutagen reads them, untranslated (ID3v2.3 keeps TYER and TDAT): KEY=value
    lines (URL frames, WOAS and WORS, as their URL; COMM the first comment), APIC lines (mime, md5
    of the picture), CHAP lines (id start end title) in the order the CTOC lists them, and CTOC
    lines (id flags children...)."""
    import hashlib
    from mutagen.id3 import ID3
    t = ID3(sys.argv[1], translate=False)
    print("VERSION=%d.%d" % t.version[:2])
    for key in ("TIT2", "TPE1", "TEXT", "TALB", "TCON", "TYER", "TDAT"):
        f = t.get(key)
        print("%s=%s" % (key, f.text[0] if f else ""))
    for key in ("WOAS", "WORS"):
        f = t.get(key)
        print("%s=%s" % (key, f.url if f else ""))
    comms = t.getall("COMM")
    print("COMM=%s" % (comms[0].text[0] if comms and comms[0].text else ""))
    for p in t.getall("APIC"):
        print("APIC %s %s" % (p.mime, hashlib.md5(p.data).hexdigest()))
    chaps = {c.element_id: c for c in t.getall("CHAP")}
    tocs = t.getall("CTOC")
    order = [i for i in tocs[0].child_element_ids if i in chaps] if tocs else []
    order += [i for i in chaps if i not in order]
    for c in (chaps[i] for i in order):
        title = c.sub_frames.get("TIT2")
        print("CHAP %s %d %d %s" % (c.element_id, c.start_time, c.end_time, title.text[0] if title else ""))
    for c in tocs:
        print("CTOC %s %d %s" % (c.element_id, int(c.flags), " ".join(c.child_element_ids)))


@command("xing", "FILE")
def xing():
    """An MP3's Xing/Info frame and LAME tag, read here and checked against the file: KEY=value lines.
    samples: frames * 1152 - encoder delay - padding, the length the header promises."""
    import struct, sys
    d = open(sys.argv[1], "rb").read()
    off = 0
    if d[:3] == b"ID3":
        off = 10 + (d[6] << 21 | d[7] << 14 | d[8] << 7 | d[9])
    def crc16_byte(c):
        for _ in range(8):
            c = (c >> 1) ^ 0xA001 if c & 1 else c >> 1
        return c
    CRC = [crc16_byte(i) for i in range(256)]
    def crc16(data):    # CRC-16/ARC, as in the LAME tag
        crc = 0
        for b in data:
            crc = (crc >> 8) ^ CRC[(crc ^ b) & 0xFF]
        return crc
    def frame_size(p):
        if p + 4 > len(d):
            return 0
        h = struct.unpack(">I", d[p:p + 4])[0]
        if h >> 21 != 0x7FF or (h >> 19) & 3 != 3 or (h >> 17) & 3 != 1:
            return 0    # MPEG-1 Layer III only
        kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0][(h >> 12) & 15]
        rate = [44100, 48000, 32000, 0][(h >> 10) & 3]
        return 144000 * kbps // rate + ((h >> 9) & 1) if kbps and rate else 0
    size = frame_size(off)
    assert size, "no MPEG-1 Layer III frame after the ID3 tag"
    for tag in (b"Info", b"Xing"):
        p = d.find(tag, off, off + 64)
        if p >= 0:
            break
    assert p >= 0, "no Xing/Info frame"
    flags = struct.unpack(">I", d[p + 4:p + 8])[0]
    assert flags & 3 == 3, "Xing frame without frame and byte counts"
    frames, nbytes = struct.unpack(">II", d[p + 8:p + 16])
    # the quality indicator, LAME's 100 - 10 * VBR quality - algorithm quality (-q)
    scale = struct.unpack(">I", d[p + 116:p + 120])[0] if flags & 12 == 12 else -1
    lame = d.find(b"LAME", p, p + 200)
    assert lame >= 0, "no LAME tag"
    b = d[lame + 21:lame + 24]
    delay, pad = (b[0] << 4) | (b[1] >> 4), ((b[1] & 0xF) << 8) | b[2]
    music_len, music_crc, tag_crc = struct.unpack(">IHH", d[lame + 28:lame + 36])
    # walk the audio frames after the Info frame
    q, walked = off + size, 0
    while True:
        n = frame_size(q)
        if not n:
            break
        q, walked = q + n, walked + 1
    print("samples=%d" % (frames * 1152 - delay - pad))
    print("frames=%d" % frames)
    print("quality_scale=%d" % scale)
    print("walked=%d" % walked)
    print("trailing=%d" % (len(d) - q))
    print("bytes=%d" % nbytes)
    print("music_length=%d" % music_len)
    print("stream=%d" % (len(d) - off))
    print("tag_crc_ok=%d" % (tag_crc == crc16(d[off:lame + 34])))
    print("music_crc_ok=%d" % (music_crc == crc16(d[off + size:off + music_len])))


@command("onset", "RAW CUES [SHIFT]")
def onset():
    """Sound onsets at the cues. RAW is the episode decoded to 16-bit mono at 44100 Hz; CUES is the
    cues command's output; SHIFT (seconds) moves every cue, to show the check can fail.
    For every cue starting at s:
     - sound: some 30 ms window starting in [s, s + 120 ms] (so within the first 150 ms) has an RMS
       of -45 dBFS or more;
     - silence: every 30 ms window in [s - 150 ms, s - 50 ms] is below -45 dBFS RMS; a cue whose
       previous cue ends after s - 150 ms (sentences spoken back to back) is exempt from this half.
    Prints one line a cue that fails and a summary; exits 1 if any failed."""
    import array, math, sys
    RATE, WIN, SILENT = 44100, 0.030, -45.0
    pcm = array.array("h")
    with open(sys.argv[1], "rb") as f:
        pcm.frombytes(f.read())
    if sys.byteorder == "big":
        pcm.byteswap()
    shift = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    def db(t):
        a, b = int(round(t * RATE)), int(round((t + WIN) * RATE))
        a, b = max(a, 0), min(b, len(pcm))
        if b <= a:
            return -200.0
        ms = sum(v * v for v in pcm[a:b]) / (b - a)
        return 10 * math.log10(ms / 32768.0 ** 2) if ms > 0 else -200.0
    cues = []
    for line in open(sys.argv[2], encoding="utf-8"):
        s, e = line.split()[:2]
        cues.append((float(s) + shift, float(e) + shift))
    bad = exempt = 0
    for i, (s, e) in enumerate(cues):
        loud = max(db(s + k * 0.010) for k in range(13))             # windows in [s, s + 150 ms]
        near_prev = i > 0 and cues[i - 1][1] > s - 0.150
        quiet = max(db(s - 0.150 + k * 0.010) for k in range(8))     # windows in [s - 150, s - 50 ms]
        exempt += near_prev
        if loud < SILENT or (not near_prev and quiet >= SILENT):
            bad += 1
            print("cue %d at %.3f s: loudest 30 ms after %.1f dBFS, before %.1f dBFS%s"
                  % (i + 1, s, loud, quiet, " (exempt)" if near_prev else ""))
    print("checked %d cues, %d exempt from the silence before, %d bad" % (len(cues), exempt, bad))
    sys.exit(1 if bad or not cues else 0)


@command("png-size", "FILE")
def png_size():
    """WIDTHxHEIGHT of a PNG; fails (an AssertionError) if it is not one."""
    import struct, sys
    d = open(sys.argv[1], "rb").read(32)
    assert d[:8] == b"\x89PNG\r\n\x1a\n" and d[12:16] == b"IHDR", "not a PNG"
    print("%dx%d" % struct.unpack(">II", d[16:24]))


# ---- transcripts ----

@command("cues", "FILE")
def cues():
    """Cues of a WebVTT or SRT file: "start end text" lines, times in seconds; exit 1 on a malformed cue."""
    import re, sys
    text = open(sys.argv[1], encoding="utf-8").read()
    if text.startswith("WEBVTT"):
        text = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    T = r"(\d\d):(\d\d):(\d\d)[.,](\d\d\d)"
    for block in [b for b in text.strip("\n").split("\n\n") if b.strip()]:
        lines = block.split("\n")
        m = re.fullmatch(T + " --> " + T, lines[1]) if len(lines) >= 3 and lines[0].isdigit() else None
        if not m:
            sys.exit("malformed cue: %r" % block)
        g = [int(x) for x in m.groups()]
        s = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
        e = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
        print("%.3f %.3f %s" % (s, e, " ".join(lines[2:])))


@command("captions", "FILE AUDIO-SECONDS SPEECH-END SENTENCES")
def captions():
    """Checks every cue of a VTT or SRT file against the broadcast limits; prints "ok - ..." and
    "not ok - ..." lines. SPEECH-END is where the audio's last sound ends (seconds); SENTENCES a file
    of the sentences, one a line, in the order spoken."""
    import re, sys
    path, audio, speech_end, sentences = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    label = path.rsplit("/", 1)[-1]
    text = open(path, encoding="utf-8").read()
    vtt = text.startswith("WEBVTT")
    if vtt:
        text = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    T = r"(\d\d):(\d\d):(\d\d)" + ("[.]" if vtt else ",") + r"(\d\d\d)"
    cues, bad_form = [], []
    for block in [b for b in text.strip("\n").split("\n\n") if b.strip()]:
        lines = block.split("\n")
        m = re.fullmatch(T + " --> " + T, lines[1]) if len(lines) >= 3 and lines[0].isdigit() else None
        if not m:
            bad_form.append(block)
            continue
        g = [int(x) for x in m.groups()]
        s = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
        e = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
        cues.append((s, e, lines[2:]))
    fails = 0
    def check(what, bad):
        nonlocal fails
        if bad:
            fails += 1
            print("not ok - %s: %s" % (label, what))
            for b in bad[:4]:
                print("#   %s" % (b,))
        else:
            print("ok - %s: %s" % (label, what))
    def show(c):
        return "%.3f --> %.3f %r" % (c[0], c[1], "|".join(c[2]))
    check("%d cues, every one well-formed" % len(cues), bad_form or ([] if cues else ["no cues"]))
    check("every cue has one or two lines", [show(c) for c in cues if not 1 <= len(c[2]) <= 2])
    check("every line is at most 42 characters", [show(c) for c in cues if any(len(l) > 42 for l in c[2])])
    check("no line is blank or has space at its ends",
          [show(c) for c in cues if any(not l or l != l.strip() for l in c[2])])
    check("every cue lasts at most 7.0 s", [show(c) for c in cues if c[1] - c[0] > 7.0])
    # a cue of one short word may be quicker than half a second; none is shorter than 150 ms
    check("every cue lasts more than 0.5 s (a cue of one word of at most 6 letters: 0.15 s)",
          [show(c) for c in cues if c[1] - c[0] <= (0.15 if len(" ".join(c[2]).split()) == 1
                                                      and len(c[2][0]) <= 6 else 0.5)])
    check("cues in order and not overlapping",
          [show(b) for a, b in zip(cues, cues[1:]) if b[0] < a[1] or b[0] <= a[0]])
    check("every cue ends within the audio (%.3f s)" % audio, [show(c) for c in cues if c[1] > audio + 0.01])
    if cues:
        last = cues[-1]
        check("the last cue lasts %.3f s (at least 0.5 s) and ends where the speech does (%.3f s, ±0.3 s)"
              % (last[1] - last[0], speech_end),
              [] if last[1] - last[0] >= 0.5 and abs(last[1] - speech_end) <= 0.3 else [show(last)])
    want = " ".join(" ".join(l.split()) for l in open(sentences, encoding="utf-8") if l.strip())
    got = " ".join(" ".join(c[2]) for c in cues)
    i = next((k for k in range(min(len(want), len(got))) if want[k] != got[k]), min(len(want), len(got)))
    check("the cues' text, joined, is the sentences' text",
          [] if got == want else ["at %d: want %r, got %r" % (i, want[max(0, i - 30):i + 30], got[max(0, i - 30):i + 30])])
    sys.exit(1 if fails else 0)


# ---- the feed, the page and the sidecars ----

@command("json", "[-t] FILE|- EXPR [ARGS...]")
def json_expr():
    """EXPR over the JSON document d (FILE, or standard input for -)."""
    import json
    test = test_flag()
    d = json.load(sys.stdin if sys.argv[1] == "-" else open(sys.argv[1], encoding="utf-8"))
    result(eval(sys.argv[2], {"sys": sys, "json": json, "d": d}), test)


@command("sidecars", "[-t] SHOW EXPR [ARGS...]")
def sidecars():
    """EXPR over d, the list of SHOW's episode sidecars (public/episodes/*.json but the chapter files)."""
    import glob, json
    test = test_flag()
    d = [json.load(open(f)) for f in glob.glob(sys.argv[1] + "/public/episodes/*.json") if not f.endswith(".chapters.json")]
    result(eval(sys.argv[2], {"sys": sys, "json": json, "d": d}), test)


@command("feed", "[-t] FILE|URL EXPR [ARGS...]")
def feed():
    """EXPR over d, what feedparser reads in the feed."""
    import feedparser
    test = test_flag()
    d = feedparser.parse(sys.argv[1])
    result(eval(sys.argv[2], {"sys": sys, "d": d}), test)


@command("channel", "FEED EXPR [ARGS...]")
def channel():
    """EXPR over the feed's channel element c (ElementTree; ns maps the itunes, podcast and atom
    prefixes), written without a newline."""
    import xml.etree.ElementTree as ET
    ns = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd", "podcast": "https://podcastindex.org/namespace/1.0",
          "atom": "http://www.w3.org/2005/Atom"}
    c = ET.parse(sys.argv[1]).getroot().find("channel")
    r = eval(sys.argv[2], {"sys": sys, "ET": ET, "ns": ns, "c": c})
    sys.stdout.write("%s" % r)


@command("items", "FEED")
def items():
    """"guid url length" for each <item>, in the feed's order ("-" for no enclosure)."""
    import xml.etree.ElementTree as ET
    for it in ET.parse(sys.argv[1]).getroot().iter("item"):
        e = it.find("enclosure")
        print(it.findtext("guid"), e.get("url") if e is not None else "-", e.get("length") if e is not None else "-")


@command("urls", "FEED")
def urls():
    """Every enclosure, transcript and chapters URL in the feed, one a line."""
    import xml.etree.ElementTree as ET
    P = "{https://podcastindex.org/namespace/1.0}"
    for it in ET.parse(sys.argv[1]).getroot().iter("item"):
        for el in [it.find("enclosure")] + it.findall(P + "transcript") + it.findall(P + "chapters"):
            if el is not None:
                print(el.get("url"))


@command("enclosures", "DIR")
def enclosures():
    """Exits 1 unless every enclosure DIR/feed.xml names (a URL under /podcast/) is a file in DIR of its length."""
    import os, sys, xml.etree.ElementTree as ET
    d = sys.argv[1]
    for enc in ET.parse(os.path.join(d, "feed.xml")).iter("enclosure"):
        path = os.path.join(d, enc.get("url").split("/podcast/", 1)[1])
        if not os.path.isfile(path) or os.path.getsize(path) != int(enc.get("length")):
            sys.exit(1)


@command("feedcheck", "SHOW")
def feedcheck():
    """The feed is well-formed, every enclosure is there with its length equal to the file's size,
    no guid and no article is in two episodes; prints the items' guids."""
    import glob, json, os, sys, xml.etree.ElementTree as ET
    show = sys.argv[1]
    feed = os.path.join(show, "public/feed.xml")
    bad = []
    guids = []
    if os.path.exists(feed):
        for item in ET.parse(feed).getroot().iter("item"):
            enc = item.find("enclosure")
            guids.append(item.findtext("guid"))
            path = os.path.join(show, "public/episodes", os.path.basename(enc.get("url")))
            if not os.path.isfile(path):
                bad.append("enclosure missing: " + path)
            elif int(enc.get("length")) != os.path.getsize(path):
                bad.append("enclosure length %s != size %d: %s" % (enc.get("length"), os.path.getsize(path), path))
    if len(set(guids)) != len(guids):
        bad.append("a guid twice in the feed: %s" % guids)
    seen = {}
    for side in glob.glob(os.path.join(show, "public/episodes/*.json")):
        if side.endswith(".chapters.json"):
            continue
        d = json.load(open(side, encoding="utf-8"))
        for a in d["articles"]:
            if a["file"] in seen:
                bad.append("article %s in %s and %s" % (a["file"], seen[a["file"]], side))
            seen[a["file"]] = side
    for b in bad:
        print("# " + b)
    print(" ".join(g or "" for g in guids))
    sys.exit(1 if bad else 0)


@command("feeddump", "FEED PUBLIC BASE")
def feeddump():
    """What feedparser and ElementTree read in the feed, as JSON on stdout. URLs under BASE are
    mapped to the file under PUBLIC they name ("" for a URL outside BASE); "missing" lists every
    URL under BASE in the feed whose file is not there."""
    import email.utils, html.parser, json, os, re, sys, urllib.parse
    import xml.etree.ElementTree as ET
    import feedparser

    feed, public, base = sys.argv[1:4]
    NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
          "podcast": "https://podcastindex.org/namespace/1.0",
          "atom": "http://www.w3.org/2005/Atom"}

    def loc(url):
        if not url or not url.startswith(base):
            return ""
        rel = urllib.parse.unquote(urllib.parse.urlsplit(url).path[len(urllib.parse.urlsplit(base).path):])
        return os.path.join(public, rel) if rel else public

    def epoch(s):
        try:
            return email.utils.parsedate_to_datetime(s).timestamp()
        except Exception:
            return None

    class Text(html.parser.HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.tags = [], []
        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
        def handle_data(self, data):
            self.parts.append(data)

    def html_text(s):
        p = Text()
        p.feed(s or "")
        p.close()
        return "".join(p.parts), p.tags

    def text(el, path):
        e = el.find(path, NS)
        return None if e is None else (e.text or "")

    def attr(el, path, name):
        e = el.find(path, NS)
        return None if e is None else e.get(name)

    out = {}
    fp = feedparser.parse(feed)
    out["bozo"] = int(fp.bozo)
    out["bozo_exception"] = str(fp.get("bozo_exception", ""))
    f = fp.feed
    pub = f.get("publisher_detail", {}) or {}
    out["fp"] = {"title": f.get("title"), "link": f.get("link"), "subtitle": f.get("subtitle"),
                 "language": f.get("language"), "rights": f.get("rights"), "author": f.get("author"),
                 "owner_name": pub.get("name"), "owner_email": pub.get("email"),
                 "image": (f.get("image") or {}).get("href"), "type": f.get("itunes_type"),
                 "tags": [t.get("term") for t in f.get("tags", [])]}
    out["fp_items"] = [{"title": e.get("title"), "id": e.get("id"),
                        "enclosures": [{"href": x.get("href"), "length": x.get("length"), "type": x.get("type")}
                                       for x in e.get("enclosures", [])]} for e in fp.entries]

    raw = open(feed, encoding="utf-8").read()
    root = ET.fromstring(raw.encode("utf-8"))
    ch = root.find("channel")
    cats = [[c.get("text"), [s.get("text") for s in c.findall("itunes:category", NS)]]
            for c in ch.findall("itunes:category", NS)]
    selfs = [l for l in ch.findall("atom:link", NS) if l.get("rel") == "self"]
    out["ch"] = {"title": text(ch, "title"), "link": text(ch, "link"), "description": text(ch, "description"),
                 "language": text(ch, "language"), "copyright": text(ch, "copyright"),
                 "lastBuildDate": text(ch, "lastBuildDate"), "lastBuildDate_epoch": epoch(text(ch, "lastBuildDate") or ""),
                 "generator": text(ch, "generator"),
                 "self": [{"href": l.get("href"), "type": l.get("type")} for l in selfs],
                 "author": text(ch, "itunes:author"), "owner_name": text(ch, "itunes:owner/itunes:name"),
                 "owner_email": text(ch, "itunes:owner/itunes:email"),
                 "images": [i.get("href") for i in ch.findall("itunes:image", NS)],
                 "image_files": [loc(i.get("href")) for i in ch.findall("itunes:image", NS)],
                 "categories": cats, "explicit": text(ch, "itunes:explicit"), "type": text(ch, "itunes:type"),
                 "guid": text(ch, "podcast:guid"), "locked": text(ch, "podcast:locked"),
                 "locked_owner": attr(ch, "podcast:locked", "owner")}
    items = []
    for it in ch.findall("item"):
        desc = text(it, "description") or ""
        dtext, dtags = html_text(desc)
        enc = it.findall("enclosure")
        g = it.find("guid")
        items.append({
            "title": text(it, "title"), "link": text(it, "link"),
            "desc": desc, "desc_bytes": len(desc.encode("utf-8")), "desc_text": dtext, "desc_tags": dtags,
            "guid": None if g is None else g.text, "guid_isPermaLink": None if g is None else g.get("isPermaLink"),
            "pubDate": text(it, "pubDate"), "pub_epoch": epoch(text(it, "pubDate") or ""),
            "enclosures": [{"url": e.get("url"), "length": e.get("length"), "type": e.get("type"),
                            "file": loc(e.get("url"))} for e in enc],
            "duration": text(it, "itunes:duration"), "episode": text(it, "itunes:episode"),
            "explicit": text(it, "itunes:explicit"),
            "images": [i.get("href") for i in it.findall("itunes:image", NS)],
            "transcripts": [{"url": t.get("url"), "type": t.get("type"), "rel": t.get("rel"), "file": loc(t.get("url"))}
                            for t in it.findall("podcast:transcript", NS)],
            "chapters": [{"url": c.get("url"), "type": c.get("type"), "file": loc(c.get("url"))}
                         for c in it.findall("podcast:chapters", NS)],
        })
    out["items"] = items
    # the descriptions as CDATA sections, in the file as written
    out["cdata"] = len(re.findall(r"<description><!\[CDATA\[", raw))
    urls = []
    for el in root.iter():
        for k in ("url", "href"):
            if el.get(k):
                urls.append(el.get(k))
        if el.tag == "link" and el.text:
            urls.append(el.text.strip())
    out["urls"] = urls
    out["outside"] = [u for u in urls if not u.startswith(base)]
    out["missing"] = [u for u in urls if u.startswith(base) and not os.path.isfile(loc(u.split("#")[0]))]
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


@command("htmlcheck", "FILE TEXT")
def htmlcheck():
    """index.html holds TEXT as the text of one element, and no <b> element."""
    import html.parser, sys
    class P(html.parser.HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack, self.texts, self.bold = [], {}, 0
        def handle_starttag(self, tag, attrs):
            self.bold += tag == "b"
            self.stack.append([tag, ""])
        def handle_endtag(self, tag):
            while self.stack:
                t, s = self.stack.pop()
                self.texts[s] = t
                if self.stack:
                    self.stack[-1][1] += s
                if t == tag:
                    break
        def handle_data(self, data):
            if self.stack:
                self.stack[-1][1] += data
    p = P()
    p.feed(open(sys.argv[1], encoding="utf-8").read())
    p.close()
    found = sys.argv[2] in p.texts
    if not found or p.bold:
        print("#   %s: an element with that text: %s; <b> elements: %d" % (sys.argv[1], found, p.bold))
        sys.exit(1)


@command("page-expect", "EPISODES BASE TITLE LANG SHOT CHROMIUM")
def page_expect():
    """What the page should show, from the sidecars and the Podcasting 2.0 chapter files, newest
    first, as JSON for the browser test."""
    import glob, json, os, sys
    eps_dir, base, title, lang, shot, chromium = sys.argv[1:]
    eps = []
    for p in glob.glob(os.path.join(eps_dir, "*.json")):
        if p.endswith(".chapters.json"):
            continue
        d = json.load(open(p, encoding="utf-8"))
        ch = json.load(open(os.path.join(eps_dir, d["slug"] + ".chapters.json"), encoding="utf-8"))
        eps.append({"slug": d["slug"], "title": d["title"], "date": d["date"], "duration": d["duration"],
                    "headlines": [a["headline"] for a in d.get("articles", [])],
                    "chapters": [{"start": c["startTime"], "title": c["title"]} for c in ch["chapters"]]})
    eps.sort(key=lambda e: (e["date"], e["slug"]), reverse=True)
    json.dump({"base": base, "title": title, "lang": lang, "screenshot": shot, "chromium": chromium,
               "episodes": eps}, sys.stdout, ensure_ascii=False)


@command("podcast-guid", "URL")
def podcast_guid():
    """The podcast:guid of a feed URL: UUIDv5 of the URL without its scheme and trailing slashes,
    in the Podcasting 2.0 namespace."""
    import uuid
    u = sys.argv[1].split("://", 1)[-1].rstrip("/")
    print(uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), u))


# ---- logs and the rest ----

@command("plain-text", "FILE")
def plain_text():
    """Exits 1 unless FILE is valid UTF-8 with no C1 control character and no bidi override."""
    import re
    t = open(sys.argv[1], "rb").read().decode("utf-8")
    sys.exit(1 if re.search("[\u0080-\u009f\u202a-\u202e\u2066-\u2069]", t) else 0)


@command("requests", "PATH")
def requests():
    """feedserver.py's log (JSON lines on stdin): the requests for PATH, one a line:
    METHOD|STATUS|IF-NONE-MATCH|IF-MODIFIED-SINCE|ETAG-ANSWERED|LAST-MODIFIED-ANSWERED ("-" for none)."""
    import json
    for line in sys.stdin:
        r = json.loads(line)
        if r["path"] == sys.argv[1]:
            print("|".join(str(r[k]) if r[k] is not None else "-"
                           for k in ("method", "status", "if_none_match", "if_modified_since", "etag", "last_modified")))


@command("gpodder", "DATABASE")
def gpodder():
    """gPodder's own record of the episodes, newest first: guid, url, size from the feed, state,
    folder, file name, tab-separated."""
    import sqlite3
    c = sqlite3.connect(sys.argv[1])
    for r in c.execute("select e.guid, e.url, e.file_size, e.state, p.download_folder, e.download_filename from episode e join podcast p on p.id = e.podcast_id order by e.published desc"):
        print("\t".join(str(x) for x in r))


@command("free-port", "")
def free_port():
    """A free TCP port on 127.0.0.1, as the kernel chooses it."""
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
    s.close()


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.stderr.write("usage: check.py COMMAND ARGS...\n")
        for name, (fn, usage) in COMMANDS.items():
            sys.stderr.write("  %s %s\n" % (name, usage))
        sys.exit(2)
    fn = COMMANDS[sys.argv[1]][0]
    sys.argv = sys.argv[1:]
    fn()


if __name__ == "__main__":
    main()
