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
with --noise, decodes again with another draw of the dither (see dithered) and with small
changes of beam and language weight, and prints the spread; with --prove, listens to newscast --no-normalize too, and the
check must fail on it. Prints TAP lines for the check (and the proof). Exits 0 when newscast's
overall rate is at most --ceiling and below espeak-ng's raw reading by at least --margin (and
the proof holds), 1 when not, 2 on a usage or set-up error, 77 when pocketsphinx or its model is missing (the message on standard error). The model is
looked for in $POCKETSPHINX_MODEL, else where Debian's pocketsphinx-en-us puts it.
"""
import argparse
import array
import math
import os
import random
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
# The decoder's defaults, and the small changes the noise measurement makes to them: the seed of
# the dither (another draw of the same faint noise: the input heard again), beam and language weight.
BASE = {"-beam": 1e-48, "-lw": 6.5}
SEED = 1
VARIANTS = [("same input again", SEED, {}), ("dither seed 2", 2, {}), ("dither seed 3", 3, {}),
            ("lw 5.5", SEED, {"-lw": 5.5}), ("lw 7.5", SEED, {"-lw": 7.5}),
            ("beam 1e-40", SEED, {"-beam": 1e-40}), ("beam 1e-56", SEED, {"-beam": 1e-56})]
# The dither's amplitude, in 16-bit steps (about -60 dBFS): espeak-ng's pauses are digital zeros,
# whose log energy throws the decoder's features off (plain espeak-ng speech of the table's
# spoken forms: 37 % word errors undithered, 7 % dithered).
DITHER = 32
PAD = 0.3
# The check: newscast's word error rate at most CEILING, and at least MARGIN points below
# espeak-ng's reading of the raw text. Measured on main of 2026-12-01 (README, "Tests"): newscast
# 10.3 %, raw 26.3 %, gap 16.0; the noise moves newscast by up to 4.6 points and the gap by up to
# 2.7; newscast with --no-normalize is at 26.7 %, gap -0.4, so it fails both.
CEILING = 15.0
MARGIN = 8.0
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
    one `newscast speak`, cut at its paragraph pauses (the profile's 600 ms on top of espeak-ng's
    own: 0.62 s and more as silencedetect measures them, where a pause within a paragraph, at a
    comma, a colon or a sentence's end, stays under 0.4 s). With raw, --no-normalize: the proof that the check fails when the reading is wrong."""
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
    gaps = silences(wav, 0.5)
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


def dithered(pcm, seed):
    """pcm with PAD seconds of silence either side and faint white noise throughout, drawn from
    seed: the same seed, the same samples."""
    pad = bytes(2 * int(PAD * RATE))
    x = array.array("h", pad + pcm + pad)
    noise = random.Random(seed).randbytes(len(x))
    for i in range(len(x)):
        x[i] = max(-32768, min(32767, x[i] + (noise[i] * 2 * DITHER // 256) - DITHER))
    return x.tobytes()


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


def score(dec, items, audio, seed):
    """Word errors and reference words per class, and the hypotheses."""
    errs, refs, hyps = Counter(), Counter(), []
    for i, ((cls, _src, ref), pcm) in enumerate(zip(items, audio)):
        hyp = decode(dec, dithered(pcm, seed * 1000 + i))
        hyps.append(hyp)
        errs[cls] += wer_edits(ref, hyp)
        refs[cls] += len(ref)
    return errs, refs, hyps


def rate(errs, refs, cls=None):
    e = errs[cls] if cls else sum(errs.values())
    n = refs[cls] if cls else sum(refs.values())
    return 100.0 * e / n if n else 0.0


def passes(a, wn, wr):
    return wn <= a.ceiling and wr - wn >= a.margin


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("newscast")
    ap.add_argument("tsv")
    ap.add_argument("--per-class", type=int, default=4, help="cases of each class (default 4)")
    ap.add_argument("--margin", type=float, default=MARGIN,
                    help="newscast's WER must be this many points below raw espeak-ng's")
    ap.add_argument("--ceiling", type=float, default=CEILING, help="newscast's WER must be at most this")
    ap.add_argument("--prove", action="store_true",
                    help="also listen to newscast --no-normalize, which must fail the check")
    ap.add_argument("--noise", action="store_true",
                    help="also decode with another dither and small changes of the decoder's settings")
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
    nc, raw, nn = "newscast", "espeak-ng raw", "--no-normalize"
    with tempfile.TemporaryDirectory(prefix="listen.") as tmp:
        lm, dic = os.path.join(tmp, "ref.lm"), os.path.join(tmp, "ref.dict")
        write_lm([ref for _c, _s, ref in items], lm)
        with open(dic, "w", encoding="utf-8") as f:
            for w in sorted({w for _c, _s, ref in items for w in ref}):
                f.write("\n".join(cmudict[w]) + "\n")
        texts = [src for _c, src, _r in items]
        readers = [(nc, newscast_audio(a.newscast, texts, False, tmp)), (raw, espeak_audio(texts, tmp))]
        if a.prove:
            readers.append((nn, newscast_audio(a.newscast, texts, True, tmp)))
        runs = [("default", SEED, BASE)]
        if a.noise:
            runs += [(n, seed, dict(BASE, **v)) for n, seed, v in VARIANTS]
        results = {}
        for rname, seed, settings in runs:
            dec = decoder(ps, lm, dic, settings)
            for name, audio in readers:
                results[(rname, name)] = score(dec, items, audio, seed)

    names = [n for n, _a in readers]
    res = {n: results[("default", n)] for n in names}
    classes = list(dict.fromkeys(c for c, _s, _r in items))
    print("# %d sentences, %d words; word error rate (%%), decoder beam %g lw %g, dither %d" %
          (len(items), sum(len(r) for _c, _s, r in items), BASE["-beam"], BASE["-lw"], DITHER))
    print("# %-12s %5s" % ("class", "words") + "".join(" %14s" % n for n in names))
    for c in classes + [None]:
        print("# %-12s %5d" % (c or "all", res[nc][1][c] if c else sum(res[nc][1].values())) +
              "".join(" %14.1f" % rate(res[n][0], res[n][1], c) for n in names))
    if a.verbose:
        for i, (cls, src, ref) in enumerate(items):
            print("# [%s] %s\n#   want: %s" % (cls, src, " ".join(ref)) +
                  "".join("\n#   %s: %s" % (n, " ".join(res[n][2][i])) for n in names))
    if a.noise:
        print("# noise: the overall WER with another draw of the dither, and with each change of "
              "the decoder's settings")
        spread = defaultdict(list)
        for rname, _seed, _s in runs:
            w = {n: rate(*results[(rname, n)][:2]) for n in names}
            for n in names:
                spread[n].append(w[n])
            spread["gap"].append(w[raw] - w[nc])
            print("# %-18s" % rname + "".join("  %s %5.1f" % (n, w[n]) for n in names) +
                  "  gap %5.1f" % (w[raw] - w[nc]))
        for k, v in spread.items():
            print("# spread of %-14s %4.1f points (%.1f to %.1f)" % (k, max(v) - min(v), min(v), max(v)))
    print("# CPU %.1f s in listen.py (decoding), %.1f s in the programs it ran" %
          (time.process_time() - t0, sum(os.times()[2:4])))

    wn, wr = rate(*res[nc][:2]), rate(*res[raw][:2])
    ok = passes(a, wn, wr)
    print("%s - pocketsphinx hears newscast's numbers: WER %.1f %% (ceiling %.1f), espeak-ng raw "
          "%.1f %%, gap %.1f (margin %.1f)" % ("ok" if ok else "not ok", wn, a.ceiling, wr, wr - wn, a.margin))
    if a.prove:
        wx = rate(*res[nn][:2])
        ok_x = not passes(a, wx, wr)
        ok = ok and ok_x
        print("%s - the check fails when newscast reads with --no-normalize: WER %.1f %%, gap %.1f" %
              ("ok" if ok_x else "not ok", wx, wr - wx))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
