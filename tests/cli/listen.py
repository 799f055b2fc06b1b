#!/usr/bin/python3
"""listen.py: the intelligibility check. pocketsphinx, with its US English model, listens to
number-heavy sentences from tests/data/normalize-en.tsv read two ways, newscast's (`newscast
speak`, normalized) and espeak-ng's reading the raw text with the default profile's voice, and
counts the word errors of each against the table's spoken form.

    /usr/bin/python3 tests/cli/listen.py [OPTIONS] NEWSCAST TSV

The decoder's language model is a bigram model of the chosen sentences' spoken forms, so it is
biased to the words that should be heard ("did it say these words"), yet a wrong reading ("dollar
sign", "slash", a year read as a count) still costs words: the check hears the difference a
reading makes, not the decoder's general skill. Prints word error rates per class and overall;
with --noise, decodes again with the same settings and with small changes of beam and language
weight, and prints the spread. Exits 0 when newscast's overall rate is at most --ceiling and
below espeak-ng's raw reading by at least --margin, 1 when not, 2 on a usage or set-up error,
77 when pocketsphinx or its model is missing (the message on standard error). The model is
looked for in $POCKETSPHINX_MODEL, else where Debian's pocketsphinx-en-us puts it.
"""
import argparse
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict

MODEL = os.environ.get("POCKETSPHINX_MODEL", "/usr/share/pocketsphinx/model/en-us")
RATE = 16000
# Classes of the table that are numbers to hear, by their heading's name; a new class whose name
# says RANGE is taken too.
CLASSES = ("YEARS", "YEAR RANGES", "MONEY", "PERCENT", "FRACTIONS", "UNITS", "DATES", "TIMES")
# The default profile (voices/anchor.ini) as espeak-ng's command line says it: its CLI has no
# pitch range (the profile's 45 against espeak-ng's 50), the only difference.
ESPEAK_RAW = ["espeak-ng", "-v", "en-us+m3", "-s", "165", "-p", "45"]
# The decoder's defaults, and the small changes the noise measurement makes to them.
BASE = {"-beam": 1e-48, "-lw": 6.5}
VARIANTS = [("same settings again", {}), ("lw 5.5", {"-lw": 5.5}), ("lw 7.5", {"-lw": 7.5}),
            ("beam 1e-40", {"-beam": 1e-40}), ("beam 1e-56", {"-beam": 1e-56})]
SKIP = 77


def fail_setup(msg, status=2):
    print("listen: " + msg, file=sys.stderr)
    sys.exit(status)


def load_dict():
    """cmudict as pocketsphinx ships it: word -> its lines (alternates "word(2)" included)."""
    d = defaultdict(list)
    with open(os.path.join(MODEL, "cmudict-en-us.dict"), encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.split(" ", 1)[0]
            d[re.sub(r"\(\d+\)$", "", w)].append(line.rstrip("\n"))
    return d


def words(text, cmudict):
    """The spoken form as the decoder's words: lower case, hyphens and dashes as spaces, the
    punctuation around words off ("a.m." kept when the dictionary has it)."""
    out = []
    for t in re.split(r"[\s\-\u2013\u2014]+", text.lower().replace("\u2019", "'")):
        t = t.strip("\"'()[],;:!?\u201c\u201d\u2018")
        core = t.rstrip(".")
        if not core:
            continue
        out.append(core + "." if core not in cmudict and core + "." in cmudict else core)
    return out


def cases(tsv, per_class, cmudict):
    """(class, input, reference words) for the first per_class cases of each chosen class whose
    input the normalizer changes and whose words are all in the dictionary (the decoder cannot
    hear a word it has no pronunciation for). The first ones, because the others add cases at
    the end of a class."""
    chosen, cls, n = [], None, 0
    for line in open(tsv, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r"# (\d+) ([A-Z][A-Z ]*[A-Z])", line)
        if m:
            name = m.group(2)
            cls = name if name in CLASSES or "RANGE" in name else None
            n = 0
            continue
        if cls is None or line.startswith("#") or "\t" not in line or n >= per_class:
            continue
        src, want = line.split("\t", 1)
        ref = words(want, cmudict)
        if src == want or not ref or any(w not in cmudict for w in ref):
            continue
        chosen.append((cls, src, ref))
        n += 1
    return chosen


def write_lm(sentences, path):
    """A bigram ARPA model of the sentences, absolute discounting (D = 0.5) backing off to
    unigrams, which have a floor so every word of the vocabulary can follow any other."""
    D = 0.5
    uni, bi = Counter(), Counter()
    for s in sentences:
        toks = ["<s>"] + s + ["</s>"]
        uni.update(toks)
        bi.update(zip(toks, toks[1:]))
    vocab = sorted(uni)
    total = sum(c for w, c in uni.items() if w != "<s>")
    # Unigrams: counts plus one, so rare words are not starved; <s> is never predicted.
    p1 = {w: (uni[w] + 1) / (total + len(vocab)) for w in vocab if w != "<s>"}
    norm = sum(p1.values())
    p1 = {w: p / norm for w, p in p1.items()}
    hist = Counter()
    follow = defaultdict(list)
    for (a, b), c in bi.items():
        hist[a] += c
        follow[a].append(b)
    p2, bow = {}, {}
    for a in hist:
        for b in follow[a]:
            p2[(a, b)] = (bi[(a, b)] - D) / hist[a]
        left = D * len(follow[a]) / hist[a]
        seen = sum(p1.get(b, 0.0) for b in follow[a])
        bow[a] = left / max(1e-9, 1.0 - seen)
    lg = math.log10
    with open(path, "w", encoding="utf-8") as f:
        f.write("\\data\\\nngram 1=%d\nngram 2=%d\n\n\\1-grams:\n" % (len(vocab), len(p2)))
        for w in vocab:
            f.write("%.4f %s %.4f\n" % (-99.0 if w == "<s>" else lg(p1[w]), w,
                                         lg(bow[w]) if w in bow else 0.0))
        f.write("\n\\2-grams:\n")
        for (a, b), p in sorted(p2.items()):
            f.write("%.4f %s %s\n" % (lg(p), a, b))
        f.write("\n\\end\\\n")


def wer_edits(ref, hyp):
    """Word-level Levenshtein distance: substitutions + deletions + insertions."""
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i]
        for j, h in enumerate(hyp, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h)))
        prev = cur
    return prev[-1]


def pcm16(path):
    """An audio file as 16 kHz mono signed 16-bit PCM, through ffmpeg."""
    return subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-ar", str(RATE), "-ac", "1",
                           "-f", "s16le", "-"], check=True, stdout=subprocess.PIPE).stdout


def silences(path, min_s):
    """The [start, end) of each silence of at least min_s seconds, as ffmpeg's silencedetect
    finds them."""
    err = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", path, "-af",
                          "silencedetect=n=-45dB:d=%g" % min_s, "-f", "null", "-"],
                         stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, check=True).stderr.decode()
    out, start = [], None
    for line in err.splitlines():
        m = re.search(r"silence_start: (-?[\d.]+)", line)
        if m:
            start = max(0.0, float(m.group(1)))
        m = re.search(r"silence_end: ([\d.]+)", line)
        if m and start is not None:
            out.append((start, float(m.group(1))))
            start = None
    if start is not None:
        out.append((start, float("inf")))
    return out


def newscast_audio(newscast, texts, raw, tmp):
    """newscast's reading of each text: one article (a headline, then each text a paragraph),
    one `newscast speak`, cut at its paragraph pauses (600 ms, more than any pause within a
    sentence). With raw, --no-normalize: the proof that the check fails when the reading is wrong."""
    art = os.path.join(tmp, "article.txt")
    with open(art, "w", encoding="utf-8") as f:
        f.write("Numbers\n\n" + "\n\n".join(texts) + "\n")
    wav = os.path.join(tmp, "newscast.wav")
    cmd = [newscast, "speak", "-q", "-j", "1", "--keep-boilerplate", "--sample-rate", str(RATE),
           "-o", wav, art]
    if raw:
        cmd.insert(2, "--no-normalize")
    r = subprocess.run(cmd, stderr=subprocess.PIPE)
    if r.returncode != 0:
        fail_setup("%s failed: %s" % (" ".join(cmd), r.stderr.decode().strip()))
    pcm = pcm16(wav)
    gaps = [s for s in silences(wav, 0.5)]
    # Speech runs between the gaps: the headline, then one run per text.
    runs, t = [], 0.0
    for s, e in gaps:
        if s - t > 0.05:
            runs.append((t, s))
        t = e
    if t != float("inf") and len(pcm) / 2 / RATE - t > 0.05:
        runs.append((t, len(pcm) / 2 / RATE))
    if len(runs) != len(texts) + 1:
        fail_setup("newscast's audio has %d runs of speech between pauses, not %d (a headline and "
                   "one a sentence)" % (len(runs), len(texts) + 1))
    pad = 0.15
    return [pcm[2 * int(max(0, s - pad) * RATE):2 * int((e + pad) * RATE)] for s, e in runs[1:]]


def espeak_audio(texts, tmp):
    """espeak-ng's reading of each raw text, with the default profile's voice."""
    out = []
    for i, t in enumerate(texts):
        wav = os.path.join(tmp, "espeak%d.wav" % i)
        subprocess.run(ESPEAK_RAW + ["-w", wav, t], check=True)
        out.append(pcm16(wav))
    return out


def decoder(ps, lm, dic, settings):
    config = ps.Decoder.default_config()
    config.set_string("-hmm", os.path.join(MODEL, "en-us"))
    config.set_string("-lm", lm)
    config.set_string("-dict", dic)
    config.set_string("-logfn", os.devnull)
    for k, v in settings.items():
        config.set_float(k, v)
    return ps.Decoder(config)


def decode(dec, pcm):
    dec.start_utt()
    dec.process_raw(pcm, False, True)
    dec.end_utt()
    h = dec.hyp()
    return [re.sub(r"\(\d+\)$", "", w) for w in (h.hypstr.split() if h else [])]


def score(dec, items, audio):
    """Word errors and reference words per class, and the hypotheses."""
    errs, refs, hyps = Counter(), Counter(), []
    for (cls, _src, ref), pcm in zip(items, audio):
        hyp = decode(dec, pcm)
        hyps.append(hyp)
        errs[cls] += wer_edits(ref, hyp)
        refs[cls] += len(ref)
    return errs, refs, hyps


def rate(errs, refs, cls=None):
    e = errs[cls] if cls else sum(errs.values())
    n = refs[cls] if cls else sum(refs.values())
    return 100.0 * e / n if n else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("newscast")
    ap.add_argument("tsv")
    ap.add_argument("--per-class", type=int, default=4, help="cases of each class (default 4)")
    ap.add_argument("--margin", type=float, default=10.0,
                    help="newscast's WER must be this many points below raw espeak-ng's")
    ap.add_argument("--ceiling", type=float, default=35.0, help="newscast's WER must be at most this")
    ap.add_argument("--no-normalize", action="store_true",
                    help="newscast reads with --no-normalize (the check must then fail)")
    ap.add_argument("--noise", action="store_true", help="also decode with small changes of settings")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each sentence's hypotheses")
    a = ap.parse_args()

    try:
        from pocketsphinx import pocketsphinx as ps
    except ImportError:
        fail_setup("no pocketsphinx for Python (Debian: python3-pocketsphinx)", SKIP)
    if not os.path.exists(os.path.join(MODEL, "en-us", "mdef")):
        fail_setup("no US English model in %s (Debian: pocketsphinx-en-us)" % MODEL, SKIP)

    t0 = time.process_time()
    cmudict = load_dict()
    items = cases(a.tsv, a.per_class, cmudict)
    if not items:
        fail_setup("no cases found in " + a.tsv)
    with tempfile.TemporaryDirectory(prefix="listen.") as tmp:
        lm, dic = os.path.join(tmp, "ref.lm"), os.path.join(tmp, "ref.dict")
        write_lm([ref for _c, _s, ref in items], lm)
        with open(dic, "w", encoding="utf-8") as f:
            for w in sorted({w for _c, _s, ref in items for w in ref}):
                f.write("\n".join(cmudict[w]) + "\n")
        texts = [src for _c, src, _r in items]
        readers = [("newscast" + (" --no-normalize" if a.no_normalize else ""),
                    newscast_audio(a.newscast, texts, a.no_normalize, tmp)),
                   ("espeak-ng raw", espeak_audio(texts, tmp))]
        runs = [("default", BASE)] + ([(n, dict(BASE, **v)) for n, v in VARIANTS] if a.noise else [])
        results = {}
        for rname, settings in runs:
            dec = decoder(ps, lm, dic, settings)
            for name, audio in readers:
                results[(rname, name)] = score(dec, items, audio)

    classes = list(dict.fromkeys(c for c, _s, _r in items))
    nc, raw = readers[0][0], readers[1][0]
    print("# %d sentences, %d words; word error rate (%%), decoder beam %g lw %g" %
          (len(items), sum(len(r) for _c, _s, r in items), BASE["-beam"], BASE["-lw"]))
    print("# %-12s %5s %16s %14s" % ("class", "words", nc, raw))
    en, rn = results[("default", nc)], results[("default", raw)]
    for c in classes:
        print("# %-12s %5d %16.1f %14.1f" % (c, en[1][c], rate(en[0], en[1], c), rate(rn[0], rn[1], c)))
    wn, wr = rate(en[0], en[1]), rate(rn[0], rn[1])
    print("# %-12s %5d %16.1f %14.1f" % ("all", sum(en[1].values()), wn, wr))
    if a.verbose:
        for i, (cls, src, ref) in enumerate(items):
            print("# [%s] %s\n#   want: %s\n#   %s: %s\n#   %s: %s" %
                  (cls, src, " ".join(ref), nc, " ".join(en[2][i]), raw, " ".join(rn[2][i])))
    if a.noise:
        print("# noise: the overall WER with each change of the decoder's settings")
        spread = {nc: [], raw: [], "gap": []}
        for rname, _s in runs:
            x, y = rate(*results[(rname, nc)][:2]), rate(*results[(rname, raw)][:2])
            spread[nc].append(x)
            spread[raw].append(y)
            spread["gap"].append(y - x)
            print("# %-20s %s %5.1f   %s %5.1f   gap %5.1f" % (rname, nc, x, raw, y, y - x))
        for k, v in spread.items():
            print("# spread of %-16s %.1f points (%.1f to %.1f)" % (k, max(v) - min(v), min(v), max(v)))
    print("# CPU %.1f s in listen.py (decoding), children %.1f s" %
          (time.process_time() - t0, sum(os.times()[2:4])))
    ok = wn <= a.ceiling and wr - wn >= a.margin
    print("# %s: newscast %.1f %% (ceiling %.1f), espeak-ng raw %.1f %%, gap %.1f (margin %.1f)" %
          ("PASS" if ok else "FAIL", wn, a.ceiling, wr, wr - wn, a.margin))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
