#!/usr/bin/env python3
"""Reads JMH's JSON results (run with -prof gc) and prints, per objective and size, each
gradient method's time divided by the primal's, and the bytes each call allocates.

Times are the median of the measured iterations, not JMH's mean: on a small shared machine one
iteration that loses the CPU (or its GC threads do) would otherwise move a ratio by several x.

Given several result files (the same suite run more than once), each cell takes the fastest of
the runs' medians: interference from other processes only ever slows a run down.

Usage: table.py results.json [more-results.json ...]
"""
import json
import statistics
import sys
from collections import defaultdict

# Column order and headings; a method that did not run shows "-".
METHODS = [
    ("jgrad", "jgrad"),
    ("jgradPullback", "pullback"),
    ("manual", "hand"),
    ("forward", "forward"),
    ("finiteDifferences", "central FD"),
]
OBJECTIVES = ["llsq", "lse", "gmm", "lstm", "det", "ba"]
SIZES = ["small", "medium"]
# Number of differentiated inputs, for the reader: it decides how forward mode and finite
# differences scale. Kept in step with the *Bench classes.
INPUTS = {
    ("llsq", "small"): 8, ("llsq", "medium"): 128,
    ("lse", "small"): 16, ("lse", "medium"): 1024,
    ("gmm", "small"): 30, ("gmm", "medium"): 330,
    ("lstm", "small"): 266, ("lstm", "medium"): 266,
    ("det", "small"): 16, ("det", "medium"): 64,
    ("ba", "small"): 62, ("ba", "medium"): 55_536,
}


def load(path):
    """Returns {(objective, size, method): (microseconds per call, bytes per call)}."""
    with open(path) as f:
        runs = json.load(f)
    out = {}
    for run in runs:
        cls, method = run["benchmark"].rsplit(".", 2)[-2:]
        objective = cls[: -len("Bench")].lower()
        size = run.get("params", {}).get("size", "-")
        metric = run["primaryMetric"]
        scale = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3, "s/op": 1e6}[metric["scoreUnit"]]
        iterations = [v for fork in metric.get("rawData", []) for v in fork]
        time = statistics.median(iterations) if iterations else metric["score"]
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        out[(objective, size, method)] = (time * scale, alloc)
    return out


def bytes_text(b):
    if b is None:
        return "-"
    if b < 0.5:
        return "0"
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if b >= size:
            return f"{b / size:.1f} {unit}"
    return f"{b:.0f} B"


def merge(paths):
    """The fastest time and the smallest allocation per cell over several result files."""
    merged = {}
    for path in paths:
        for key, (time, alloc) in load(path).items():
            if key in merged:
                old_time, old_alloc = merged[key]
                time = min(time, old_time)
                alloc = alloc if old_alloc is None else old_alloc if alloc is None else min(
                    alloc, old_alloc)
            merged[key] = (time, alloc)
    return merged


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: table.py results.json [more-results.json ...]")
    results = merge(sys.argv[1:])
    keys = sorted({(o, s) for (o, s, _) in results},
                  key=lambda k: (OBJECTIVES.index(k[0]) if k[0] in OBJECTIVES else 99,
                                 SIZES.index(k[1]) if k[1] in SIZES else 9))
    heads = [h for _, h in METHODS]
    print("Gradient time / primal time (lower is better; the primal's own time in us;")
    print("medians of the measured iterations):")
    print(f"{'objective':<10}{'size':<8}{'inputs':>7}{'primal us':>12}"
          + "".join(f"{h:>12}" for h in heads) + f"{'jgrad/hand':>12}")
    for o, s in keys:
        primal = results.get((o, s, "primal"))
        row = f"{o:<10}{s:<8}{INPUTS.get((o, s), '?'):>7}"
        row += f"{primal[0]:>12.2f}" if primal else f"{'-':>12}"
        for method, _ in METHODS:
            r = results.get((o, s, method))
            row += f"{r[0] / primal[0]:>12.2f}" if r and primal else f"{'-':>12}"
        pull, hand = results.get((o, s, "jgradPullback")), results.get((o, s, "manual"))
        row += f"{pull[0] / hand[0]:>12.2f}" if pull and hand else f"{'-':>12}"
        print(row)
    print()
    print("Allocation per call (JMH -prof gc, gc.alloc.rate.norm):")
    print(f"{'objective':<10}{'size':<8}{'primal':>12}" + "".join(f"{h:>12}" for h in heads))
    for o, s in keys:
        row = f"{o:<10}{s:<8}"
        for method in ["primal"] + [m for m, _ in METHODS]:
            r = results.get((o, s, method))
            row += f"{bytes_text(r[1]) if r else '-':>12}"
        print(row)


if __name__ == "__main__":
    main()
