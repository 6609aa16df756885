#!/usr/bin/env python3
"""Reference values for shared/test/benchmark (benchmark pool percentiles and percentile ranks).

Independent tool: numpy (Debian python3-numpy), run with /usr/bin/python3:
- numpy.percentile(values, [10, 25, 50, 75, 90]) with its default linear interpolation
  (Hyndman & Fan type 7) for the pool's percentiles;
- numpy.interp(value, [p10, p25, p50, p75, p90], [10, 25, 50, 75, 90]) for percentile ranks of
  values inside strictly increasing percentiles.

    /usr/bin/python3 shared/test/benchmark/reference/make_reference.py > shared/test/benchmark/reference/benchmark.json
"""
import json
import numpy as np

PERCENTS = [10, 25, 50, 75, 90]

# Seven organisations; "tools" is given by four only (under the minimum of five), one eNPS is missing.
organisations = [
    {"culture": 61.2, "recognition": 48.0, "tools": 70.0, "enps": 12.0, "nps": 31.0},
    {"culture": 55.0, "recognition": 52.5, "tools": 64.1, "enps": -8.0, "nps": 22.5},
    {"culture": 72.4, "recognition": 60.1, "tools": None, "enps": 25.0, "nps": 40.0},
    {"culture": 58.8, "recognition": 41.7, "tools": 59.9, "enps": None, "nps": 18.0},
    {"culture": 66.0, "recognition": 57.3, "tools": None, "enps": 3.0, "nps": 35.5},
    {"culture": 49.5, "recognition": 45.2, "tools": 71.3, "enps": -15.0, "nps": 12.0},
    {"culture": 69.9, "recognition": 63.8, "tools": None, "enps": 30.0, "nps": 44.0},
]


def percentiles(values):
    values = [value for value in values if value is not None]
    result = np.percentile(np.array(values, dtype=float), PERCENTS)
    return {"organisations": len(values), **{f"p{percent}": float(value) for percent, value in zip(PERCENTS, result)}}


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
values = [knots[0], 52.0, 57.5, 60.0, knots[2], 64.2, 68.0, knots[4]]
ranks = [{"value": value, "rank": float(np.interp(value, knots, PERCENTS))} for value in values]

print(json.dumps({"tool": f"numpy {np.__version__}", "pool": pool, "ranks": {"percentiles": summary, "cases": ranks}}, indent=1))
