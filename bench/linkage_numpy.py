#!/usr/bin/env python3
"""Cross-unit linkage computed with numpy + scipy, vectorised, independently of the TypeScript engine.

Used by bench/linkage.bench.js to time the same analysis on the same units: for every pair
(x = employee metric, y = outcome) and each method, Pearson (scipy.stats.pearsonr, Fisher-z
interval) and Spearman (scipy.stats.spearmanr, average ranks), Benjamini-Hochberg q per method, and
a percentile bootstrap over units. The bootstrap is vectorised over replicates: a batch of resamples
is one index matrix (numpy Generator.integers), the data of the batch one (batch, units, columns)
array, and every x-y correlation of the batch comes from one batched matrix product. Average ranks:
scipy 1.10's rankdata(axis=...) loops over slices (apply_along_axis) and was 4x slower here, so the
same average ranks are computed vectorised (stable argsort, tie blocks by running max/min) and
checked equal to scipy.stats.rankdata on the first resamples of every run. numpy's generator differs from the engine's, so bootstrap
limits agree only up to Monte Carlo error; point estimates agree exactly.

Usage: linkage_numpy.py UNITS.csv --x x1,x2 --y y1,y2 [--bootstrap 10000] [--seed 1]
       [--methods pearson,spearman] [--confidence 0.95] [--batch-mb 8]
UNITS.csv has a header row with the metric columns named in --x and --y (no missing values).
Prints one JSON object: the results, the time of each phase (seconds) and the peak memory (MB).
"""
import argparse
import json
import resource
import time

import numpy as np
from scipy import stats


def fisher_interval(r, n, confidence):
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    return np.tanh(np.arctanh(r) - z / np.sqrt(n - 3)), np.tanh(np.arctanh(r) + z / np.sqrt(n - 3))


def benjamini_hochberg(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p)
    adjusted = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    q = np.empty(m)
    q[order] = np.minimum(adjusted, 1)
    return q


def point_estimates(x, y, method, confidence):
    rows = []
    for i in range(x.shape[1]):
        for j in range(y.shape[1]):
            if method == "pearson":
                result = stats.pearsonr(x[:, i], y[:, j])
                r, p = result.statistic, result.pvalue
            else:
                result = stats.spearmanr(x[:, i], y[:, j])
                r, p = result.correlation, result.pvalue
            low, high = fisher_interval(r, len(x), confidence)
            rows.append({"r": float(r), "p": float(p), "low": float(low), "high": float(high)})
    for row, q in zip(rows, benjamini_hochberg([row["p"] for row in rows])):
        row["q"] = float(q)
    return rows


def average_ranks(values):
    """Average ranks along the last axis (ties share the mean of their positions), as scipy.stats.rankdata."""
    order = np.argsort(values, axis=-1, kind="stable")
    ordered = np.take_along_axis(values, order, -1)
    count = values.shape[-1]
    positions = np.broadcast_to(np.arange(count), ordered.shape)
    starts = np.ones(ordered.shape, dtype=bool)
    starts[..., 1:] = ordered[..., 1:] != ordered[..., :-1]
    ends = np.ones(ordered.shape, dtype=bool)
    ends[..., :-1] = starts[..., 1:]
    first = np.maximum.accumulate(np.where(starts, positions, 0), axis=-1)
    last = np.flip(np.minimum.accumulate(np.flip(np.where(ends, positions, count), -1), axis=-1), -1)
    ranks = np.empty(ordered.shape)
    np.put_along_axis(ranks, order, (first + last) / 2 + 1, -1)
    return ranks


def batched_correlations(resamples, x_count):
    """x-y correlations of every resample in a (columns, batch, units) array: (batch, x, y)."""
    centred = resamples - resamples.mean(axis=-1, keepdims=True)
    x, y = centred[:x_count].transpose(1, 0, 2), centred[x_count:].transpose(1, 2, 0)  # (batch, x, units), (batch, units, y)
    cross = np.matmul(x, y)
    norms = np.sqrt(np.einsum("cbn,cbn->bc", centred, centred))
    with np.errstate(invalid="ignore", divide="ignore"):
        return cross / (norms[:, :x_count, None] * norms[:, None, x_count:])


def bootstrap(data, x_count, methods, replicates, seed, batch_mb):
    units, columns = data.shape
    by_column = np.ascontiguousarray(data.T)  # (columns, units): resamples come out contiguous along units
    generator = np.random.default_rng(seed)
    batch = int(max(1, min(replicates, batch_mb * 1e6 // (units * columns * 8))))
    results = {method: np.empty((replicates, x_count, columns - x_count)) for method in methods}
    timings = {method: 0.0 for method in methods}
    for start in range(0, replicates, batch):
        size = min(batch, replicates - start)
        indices = generator.integers(0, units, size=(size, units))
        resamples = by_column[:, indices]  # (columns, size, units)
        for method in methods:
            began = time.perf_counter()
            values = average_ranks(resamples) if method == "spearman" else resamples
            results[method][start:start + size] = batched_correlations(values, x_count)
            timings[method] += time.perf_counter() - began
        if start == 0 and "spearman" in methods:  # outside the timings: the vectorised ranks are scipy's
            check = resamples[:, :4]
            assert np.array_equal(average_ranks(check), stats.rankdata(check, axis=-1)), "average ranks differ from scipy"
    return results, timings, batch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("units")
    parser.add_argument("--x", required=True)
    parser.add_argument("--y", required=True)
    parser.add_argument("--bootstrap", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--methods", default="pearson,spearman")
    parser.add_argument("--confidence", type=float, default=0.95)
    parser.add_argument("--batch-mb", type=float, default=8)
    args = parser.parse_args()
    x_names, y_names, methods = args.x.split(","), args.y.split(","), args.methods.split(",")

    began = time.perf_counter()
    header = open(args.units, encoding="utf-8").readline().strip().split(",")
    table = np.loadtxt(args.units, delimiter=",", skiprows=1, usecols=[header.index(name) for name in x_names + y_names])
    loaded = time.perf_counter()
    x, y = table[:, :len(x_names)], table[:, len(x_names):]
    points = {method: point_estimates(x, y, method, args.confidence) for method in methods}
    estimated = time.perf_counter()
    replicates, method_seconds, batch = bootstrap(table, len(x_names), methods, args.bootstrap, args.seed, args.batch_mb)
    tail = (1 - args.confidence) / 2
    correlations = []
    for method in methods:
        low, high = np.nanpercentile(replicates[method], [100 * tail, 100 * (1 - tail)], axis=0)
        for index, row in enumerate(points[method]):
            i, j = divmod(index, len(y_names))
            correlations.append({"x": x_names[i], "y": y_names[j], "method": method, **row,
                                 "bootLow": float(low[i, j]), "bootHigh": float(high[i, j])})
    finished = time.perf_counter()
    print(json.dumps({
        "units": len(table),
        "correlations": correlations,
        "seconds": {"load": loaded - began, "points": estimated - loaded, "bootstrapAndIntervals": finished - estimated,
                    "compute": finished - loaded, **{f"bootstrap_{m}": s for m, s in method_seconds.items()}},
        "batch": batch,
        "peakMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()
