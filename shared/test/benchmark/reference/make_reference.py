#!/usr/bin/env python3
"""Reference values for shared/test/benchmark (benchmark pool percentiles and percentile ranks).

Independent tool: numpy (Debian python3-numpy), run with /usr/bin/python3:
- the pool's published percentiles (docs/api.md, "Pool privacy"): over the n sorted values, the
  mean of the 5 from index clip(floor(p*(n-1) + 0.5) - 2, 0, n - 5), rounded with floor(x + 0.5),
  computed with numpy.sort, numpy.clip, numpy.mean and numpy.floor;
- numpy.interp(value, [p10, p25, p50, p75, p90], [10, 25, 50, 75, 90]) for percentile ranks of
  values inside strictly increasing percentiles.

    /usr/bin/python3 shared/test/benchmark/reference/make_reference.py > shared/test/benchmark/reference/benchmark.json
"""
import json
import numpy as np

PERCENTS = [10, 25, 50, 75, 90]
WINDOW = 5

# Twelve organisations; "tools" is given by nine only (under the minimum of ten), one eNPS is missing.
organisations = [
    {"culture": 61.2, "recognition": 48.0, "tools": 70.0, "enps": 12.0, "nps": 31.0},
    {"culture": 55.0, "recognition": 52.5, "tools": 64.1, "enps": -8.0, "nps": 22.5},
    {"culture": 72.4, "recognition": 60.1, "tools": None, "enps": 25.0, "nps": 40.0},
    {"culture": 58.8, "recognition": 41.7, "tools": 59.9, "enps": None, "nps": 18.0},
    {"culture": 66.0, "recognition": 57.3, "tools": None, "enps": 3.0, "nps": 35.5},
    {"culture": 49.5, "recognition": 45.2, "tools": 71.3, "enps": -15.0, "nps": 12.0},
    {"culture": 69.9, "recognition": 63.8, "tools": None, "enps": 30.0, "nps": 44.0},
    {"culture": 44.1, "recognition": 39.9, "tools": 52.2, "enps": -21.0, "nps": 5.5},
    {"culture": 77.6, "recognition": 70.4, "tools": 80.8, "enps": 41.0, "nps": 52.0},
    {"culture": 63.3, "recognition": 55.5, "tools": 66.6, "enps": 9.0, "nps": 28.0},
    {"culture": 52.7, "recognition": 50.2, "tools": 61.0, "enps": -2.5, "nps": 16.5},
    {"culture": 81.9, "recognition": 66.7, "tools": 75.4, "enps": 36.0, "nps": 47.5},
]


def percentiles(values):
    values = np.sort(np.array([value for value in values if value is not None], dtype=float))
    n = len(values)
    result = {"organisations": n}
    for percent in PERCENTS:
        start = int(np.clip(np.floor(percent / 100 * (n - 1) + 0.5) - WINDOW // 2, 0, n - WINDOW))
        result[f"p{percent}"] = float(np.floor(np.mean(values[start : start + WINDOW]) + 0.5))
    return result


pool = {
    "organisations": organisations,
    "expected": {
        "culture": percentiles([o["culture"] for o in organisations]),
        "recognition": percentiles([o["recognition"] for o in organisations]),
        "enps": percentiles([o["enps"] for o in organisations]),
        "nps": percentiles([o["nps"] for o in organisations]),
    },
}

summary = pool["expected"]["culture"]
knots = [summary[f"p{percent}"] for percent in PERCENTS]
assert all(a < b for a, b in zip(knots, knots[1:])), knots
values = [knots[0], *(a + (b - a) * f for a, b in zip(knots, knots[1:]) for f in (0.3, 0.8)), knots[4]]
ranks = [{"value": float(value), "rank": float(np.interp(value, knots, PERCENTS))} for value in values]

print(json.dumps({"tool": f"numpy {np.__version__}", "pool": pool, "ranks": {"percentiles": summary, "cases": ranks}}, indent=1))
