#!/usr/bin/python3
# scripts/bench-profile.py: where speak's CPU goes, from `perf record` runs of it: each stage's CPU-seconds per minute
# of speech, and the share of the run each core was busy. Run by scripts/bench.
#
# Usage: bench-profile.py SPEECH_SECONDS PERF_DATA...  (each a run of `perf record -e cpu-clock -c 1000000
# --sample-cpu --call-graph dwarf,8192` of speak and all its processes, so each sample is one millisecond of
# CPU on a known core). Medians over the runs.
import os
import re
import statistics
import subprocess
import sys

# The stage a frame belongs to, by its shared object or newscast's own function; a sample goes to the first frame,
# from where the CPU was, that names one (so time in libc or the kernel counts for the stage that asked for it).
STAGES = ("synthesis", "resampling", "loudness", "limiter", "encoding", "joining", "text", "other")
BY_DSO = (("libespeak-ng", "synthesis"), ("libsoxr", "resampling"), ("libebur128", "loudness"),
          ("libmp3lame", "encoding"), ("libsndfile", "encoding"), ("libicu", "text"))
BY_SYM = (("synth_", "synthesis"),
          ("audio_chain", "resampling"),	# the loop that applies the gain as it feeds soxr
          ("soxr_", "resampling"),
          ("audio_measure", "loudness"), ("audio_meter", "loudness"), ("audio_plan", "loudness"),
          ("audio_limiter", "limiter"), ("audio_emit", "limiter"), ("audio_peak", "limiter"), ("audio_true", "limiter"),
          ("audio_resample", "resampling"), ("audio_gain", "resampling"), ("audio_loud", "loudness"),
          ("audio_split", "joining"), ("audio_find_split", "joining"),	# where the parts begin
          ("encode_join", "joining"), ("encode_crc16", "joining"), ("encode_walk_frames", "joining"),
          ("encode_patch_info", "joining"), ("encode_part_offset", "joining"), ("assemble", "joining"),
          ("encode", "encoding"), ("render_", "encoding"),
          ("norm", "text"), ("clean", "text"), ("input_", "text"), ("script_", "text"), ("article_", "text"),
          ("segment", "text"), ("lexicon", "text"), ("document_", "text"), ("extract_", "text"))
HEAD = re.compile(r"^\s*(\S.*?)\s+(\d+)\s+\[(\d+)\]\s+([\d.]+):")
FRAME = re.compile(r"^\s+[0-9a-f]+\s+(.*?)\s+\((.*)\)$")


UNSORTED = {}	# newscast's own functions no rule names, and the samples of which they are the leaf


def stage_of(frames):
    if frames and os.path.basename(frames[0][1]) == "newscast" and \
            not any(frames[0][0].startswith(p) for p, _ in BY_SYM):
        UNSORTED[frames[0][0]] = UNSORTED.get(frames[0][0], 0) + 1
    for sym, dso in frames:
        base = os.path.basename(dso)
        if base == "newscast":
            for prefix, stage in BY_SYM:
                if sym.startswith(prefix):
                    return stage
        for name, stage in BY_DSO:
            if base.startswith(name):
                return stage
    return "other"


def samples(path):
    """Yields (cpu, time, stage) for each sample of one perf.data."""
    out = subprocess.run(["perf", "script", "-i", path, "-F", "comm,tid,cpu,time,ip,sym,dso"],
                         capture_output=True, text=True, check=True).stdout
    head, frames = None, []
    for line in out.splitlines() + [""]:
        m = HEAD.match(line)
        if m and not line.startswith(("\t", " " * 8)):
            head, frames = (int(m.group(3)), float(m.group(4))), []
        elif line.strip() and head:
            f = FRAME.match(line)
            if f:
                frames.append((re.sub(r"\+0x[0-9a-f]+$", "", f.group(1)), f.group(2)))
        elif head:
            yield head[0], head[1], stage_of(frames)
            head = None


def profile(path, ncpu):
    per_stage = dict.fromkeys(STAGES, 0)
    per_cpu = [0] * ncpu
    bins = {}	# 10 ms bins: samples (ms) on each core
    t_min, t_max = None, None
    for cpu, t, stage in samples(path):
        per_stage[stage] += 1
        per_cpu[cpu] += 1
        b = bins.setdefault(int(t * 100), [0] * ncpu)
        b[cpu] += 1
        t_min = t if t_min is None else min(t_min, t)
        t_max = t if t_max is None else max(t_max, t)
    span = (t_max - t_min) if t_min is not None else 0.0
    nbins = max(1, int(t_max * 100) - int(t_min * 100) + 1) if t_min is not None else 1
    both = sum(min(min(b), 10) for b in bins.values()) / 10 / nbins if ncpu > 1 else 0.0
    return per_stage, per_cpu, span, both


def main():
    speech = float(sys.argv[1])
    ncpu = os.cpu_count()
    runs = [profile(p, ncpu) for p in sys.argv[2:]]
    minutes = speech / 60
    med = {s: statistics.median(r[0][s] for r in runs) / 1000 for s in STAGES}
    total = statistics.median(sum(r[0].values()) for r in runs) / 1000
    outside = statistics.median((sum(r[0].values()) - r[0]["encoding"]) for r in runs) / 1000
    print(f"speak, CPU-seconds per minute of speech by stage (perf, all its processes, median of {len(runs)} runs):")
    for s in STAGES:
        what = {"text": "text (clean-up, normalization)", "other": "other (start-up, libc, kernel)"}.get(s, s)
        print(f"  {what:32s} {med[s] / minutes:6.3f}   ({med[s]:.2f} CPU-s)")
    print(f"  {'total outside LAME':32s} {outside / minutes:6.3f}   (goal at most 0.15)")
    print(f"  {'total':32s} {total / minutes:6.3f}   ({total:.2f} CPU-s for {speech:.0f} s of speech)")
    # a function added since the rules were written: name it, so that the rules can learn where it belongs
    total_samples = sum(sum(r[0].values()) for r in runs)
    for sym, n in sorted(UNSORTED.items(), key=lambda kv: -kv[1]):
        if n > total_samples / 200:
            print(f"  note: newscast's {sym} ({100 * n / total_samples:.1f} % of the samples) has no stage: "
                  "add it to scripts/bench-profile.py")
    span = statistics.median(r[2] for r in runs)
    busy = [statistics.median(r[1][c] / 1000 / r[2] * 100 if r[2] else 0 for r in runs) for c in range(ncpu)]
    both = statistics.median(r[3] for r in runs) * 100
    print(f"speak, cores over its {span:.2f} s (first to last sample): "
          + ", ".join(f"core {c} busy {b:.0f} %" for c, b in enumerate(busy))
          + f"; both at once {both:.0f} % (goal: every core busy)")


main()
