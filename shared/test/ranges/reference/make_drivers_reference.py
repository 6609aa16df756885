#!/usr/bin/python3
"""Reference values for SYM.DRIVERS / driversOfRanges, computed independently with numpy.

Run with Debian's /usr/bin/python3 (numpy 1.24):  /usr/bin/python3 shared/test/ranges/reference/make_drivers_reference.py
It writes shared/test/ranges/reference/drivers.json.

- Relative weights: Johnson (2000) as docs/domain.md#key-drivers states it, from numpy.corrcoef and numpy.linalg.eigh:
  Rxx = Q L Q', Lambda = Q L^1/2 Q', beta = Lambda^-1 rxy, raw weight_j = sum_k Lambda_jk^2 beta_k^2.
  The mtcars case is also checked against the weights printed in the README of R's rwa package
  (github.com/martinctc/rwa): mpg ~ cyl + disp + hp + gear, R^2 = 0.7791896.
- Bootstrap: percentile intervals (numpy.percentile, linear) of the shares of R^2 over B unit
  resamples. Each resample is numpy.repeat of the complete units by their draw counts; the counts of
  replicate b come from the documented replicate generator of the engine (murmur3 finaliser of
  (seed, b) as the seed of an MT19937 in init_genrand mode, numpy.random.RandomState(seed); unit
  index = floor(raw / 2^32 * n)), re-implemented here from its description, so the statistic,
  the resampling and the percentiles are computed by numpy only.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
M32 = 0xFFFFFFFF


def imul(a, b):
    return (a * b) & M32


def replicate_seed(seed, replicate):
    value = (imul(seed & M32, 0x9E3779B1) ^ imul(replicate + 1, 0x85EBCA77)) & M32
    value ^= value >> 16
    value = imul(value, 0x85EBCA6B)
    value ^= value >> 13
    value = imul(value, 0xC2B2AE35)
    value ^= value >> 16
    return 1 if value == 0 else value


def resample_counts(seed, replicate, size):
    raw = np.random.RandomState(replicate_seed(seed, replicate))._bit_generator.random_raw(size)
    indices = np.floor(raw.astype(np.float64) / 4294967296.0 * size).astype(int)
    return np.bincount(indices, minlength=size)


def johnson_weights(data):
    """data: units x (p predictors + outcome). Raw weights or None when undefined (constant or collinear)."""
    with np.errstate(all="ignore"):
        matrix = np.corrcoef(data, rowvar=False)
    if not np.all(np.isfinite(matrix)):
        return None
    p = data.shape[1] - 1
    eigenvalues, vectors = np.linalg.eigh(matrix[:p, :p])
    if np.any(eigenvalues <= eigenvalues.max() * 1e-10):
        return None
    root = vectors @ np.diag(np.sqrt(eigenvalues)) @ vectors.T
    beta = np.linalg.solve(root, matrix[:p, p])
    return (root ** 2) @ (beta ** 2)


def case(name, headers, scores, outcome, bootstrap, seed, provenance):
    """scores/outcome may hold None (blank); the function drops incomplete units."""
    rows = [i for i in range(len(outcome)) if outcome[i] is not None and all(v is not None for v in scores[i])]
    data = np.array([[*scores[i], outcome[i]] for i in rows], dtype=float)
    weights = johnson_weights(data)
    r_squared = float(weights.sum())
    shares = weights / r_squared
    replicates = []
    for b in range(bootstrap):
        counts = resample_counts(seed, b, len(rows))
        sample_weights = johnson_weights(np.repeat(data, counts, axis=0))
        replicates.append(np.full(len(weights), np.nan) if sample_weights is None else sample_weights / sample_weights.sum())
    replicates = np.array(replicates)
    intervals = []
    for j in range(len(weights)):
        finite = replicates[:, j][np.isfinite(replicates[:, j])]
        intervals.append([float(np.percentile(finite, 2.5)), float(np.percentile(finite, 97.5))])
    labels = headers if headers else list(range(1, len(scores[0]) + 1))
    return {
        "name": name,
        "provenance": provenance,
        "scores": ([headers] if headers else []) + scores,
        "outcome": ([name] if headers else []) + outcome,
        "bootstrap": bootstrap,
        "seed": seed,
        "units": len(rows),
        "rSquared": r_squared,
        "rows": [[labels[j], float(weights[j]), float(shares[j]), intervals[j][0], intervals[j][1]] for j in range(len(weights))],
    }


MTCARS = [  # mpg, cyl, disp, hp, gear (R datasets::mtcars)
    [21.0, 6, 160.0, 110, 4], [21.0, 6, 160.0, 110, 4], [22.8, 4, 108.0, 93, 4], [21.4, 6, 258.0, 110, 3],
    [18.7, 8, 360.0, 175, 3], [18.1, 6, 225.0, 105, 3], [14.3, 8, 360.0, 245, 3], [24.4, 4, 146.7, 62, 4],
    [22.8, 4, 140.8, 95, 4], [19.2, 6, 167.6, 123, 4], [17.8, 6, 167.6, 123, 4], [16.4, 8, 275.8, 180, 3],
    [17.3, 8, 275.8, 180, 3], [15.2, 8, 275.8, 180, 3], [10.4, 8, 472.0, 205, 3], [10.4, 8, 460.0, 215, 3],
    [14.7, 8, 440.0, 230, 3], [32.4, 4, 78.7, 66, 4], [30.4, 4, 75.7, 52, 4], [33.9, 4, 71.1, 65, 4],
    [21.5, 4, 120.1, 97, 3], [15.5, 8, 318.0, 150, 3], [15.2, 8, 304.0, 150, 3], [13.3, 8, 350.0, 245, 3],
    [19.2, 8, 400.0, 175, 3], [27.3, 4, 79.0, 66, 4], [26.0, 4, 120.3, 91, 5], [30.4, 4, 95.1, 113, 5],
    [15.8, 8, 351.0, 264, 5], [19.7, 6, 145.0, 175, 5], [15.0, 8, 301.0, 335, 5], [21.4, 4, 121.0, 109, 4],
]


def main():
    mtcars = case("mpg", ["cyl", "disp", "hp", "gear"], [row[1:] for row in MTCARS], [row[0] for row in MTCARS], 200, 11,
                  "numpy Johnson (2000) weights, equal to rwa's README to 1e-7; bootstrap over units with numpy.repeat + numpy.percentile")
    published = [0.2284797, 0.2221469, 0.2321744, 0.0963886]
    assert all(abs(row[1] - value) < 1e-7 for row, value in zip(mtcars["rows"], published)), mtcars["rows"]
    assert abs(mtcars["rSquared"] - 0.7791896) < 1e-7

    # 42 synthetic units, four dimension scores on 0-100 with one decimal and a customer NPS, two units
    # incomplete (a blank score, a blank outcome): 40 complete units.
    rng = np.random.default_rng(20240607)
    factor = rng.normal(size=42)
    scores = np.round(np.column_stack([60 + 10 * (0.6 * factor + 0.8 * rng.normal(size=42)) for _ in range(4)]), 1)
    nps = np.round(30 + 20 * (0.5 * factor + 0.85 * rng.normal(size=42)) + 3 * scores[:, 1] / 10, 1)
    score_rows = [[float(v) for v in row] for row in scores]
    outcome = [float(v) for v in nps]
    score_rows[5][2] = None
    outcome[17] = None
    synthetic = case("nps", None, score_rows, outcome, 500, 7,
                     "numpy Johnson (2000) weights; bootstrap over the 40 complete units with numpy.repeat + numpy.percentile")

    payload = {"provenance": "shared/test/ranges/reference/make_drivers_reference.py (numpy " + np.__version__ + ")", "cases": [mtcars, synthetic]}
    with open(os.path.join(HERE, "drivers.json"), "w", encoding="utf-8") as handle:
        json.dump(payload, handle, indent=1)
        handle.write("\n")
    print("wrote drivers.json")


if __name__ == "__main__":
    main()
