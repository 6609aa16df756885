#!/usr/bin/env python3
"""Reference for respondent-level key drivers (docs/domain.md#respondent-drivers), independent of the engine.

Writes respondent_drivers.json next to this script: seeded respondents (dimension scores 0-100 from
1-5 items, some missing, an eNPS answer 0-10) and the relative weights (Johnson 2000) of the scores on
the answer, listwise, computed with numpy: standardise, Rxx = Q diag(l) Q^T (numpy.linalg.eigh),
Lambda^1/2 = Q diag(sqrt l) Q^T, beta = Lambda^-1/2 r_xy, raw weight_j = sum_k (Lambda^1/2)_jk^2 beta_k^2.
R^2 is checked against an ordinary least-squares fit (numpy.linalg.lstsq) of the standardised data.

    /usr/bin/python3 shared/test/priorities/reference/make_respondent_drivers.py
"""
import json
import os

import numpy as np

rng = np.random.default_rng(20261129)
RESPONDENTS = 180
DIMENSIONS = ["culture", "recognition", "information", "autonomy"]

items = rng.integers(1, 6, size=(RESPONDENTS, len(DIMENSIONS), 3)).astype(float)
# A shared lift per respondent so the scores correlate, as survey dimensions do.
lift = rng.normal(0, 0.8, size=(RESPONDENTS, 1, 1))
items = np.clip(np.round(items * 0.6 + 1.2 + lift), 1, 5)
scores = (items.mean(axis=2) - 1) / 4 * 100
recommendation = np.clip(np.round(0.05 * scores[:, 1] + 0.03 * scores[:, 0] + 0.01 * scores[:, 3] + rng.normal(2, 1.8, RESPONDENTS)), 0, 10)
# Missing values: a few dimension scores and a few eNPS answers (listwise deletion leaves them out).
scores[rng.choice(RESPONDENTS, 9, replace=False), rng.integers(0, len(DIMENSIONS), 9)] = np.nan
recommendation[rng.choice(RESPONDENTS, 6, replace=False)] = np.nan

data = np.column_stack([scores, recommendation])
complete = data[~np.isnan(data).any(axis=1)]
z = (complete - complete.mean(axis=0)) / complete.std(axis=0, ddof=1)
x, y = z[:, :-1], z[:, -1]
n = len(z)
rxx = x.T @ x / (n - 1)
rxy = x.T @ y / (n - 1)
eigenvalues, vectors = np.linalg.eigh(rxx)
root = vectors @ np.diag(np.sqrt(eigenvalues)) @ vectors.T
beta = np.linalg.solve(root, rxy)
weights = (root ** 2) @ (beta ** 2)
coefficients = np.linalg.lstsq(x, y, rcond=None)[0]
r_squared = 1 - np.sum((y - x @ coefficients) ** 2) / np.sum(y ** 2)
assert abs(weights.sum() - r_squared) < 1e-12, (weights.sum(), r_squared)

out = {
    "provenance": "shared/test/priorities/reference/make_respondent_drivers.py, numpy " + np.__version__,
    "dimensions": DIMENSIONS,
    "rows": [[None if np.isnan(value) else float(value) for value in row] for row in data],
    "complete": int(n),
    "rSquared": float(r_squared),
    "shares": {dimension: float(weight / r_squared) for dimension, weight in zip(DIMENSIONS, weights)},
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "respondent_drivers.json"), "w") as handle:
    json.dump(out, handle, indent=1)
    handle.write("\n")
print(n, r_squared, out["shares"])
