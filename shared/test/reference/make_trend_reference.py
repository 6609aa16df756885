#!/usr/bin/python3
"""Reference values for the barometer over time (waves), computed independently of the engine.

Run with Debian's Python (python3-scipy, python3-numpy, python3-pandas, python3-statsmodels):

    /usr/bin/python3 shared/test/reference/make_trend_reference.py

It writes shared/test/reference/trend.json. Inputs are drawn from a seeded generator and stored in
the fixture, so the tests never regenerate them.

- Change of a score: scipy.stats.ttest_ind(wave2, wave1, equal_var=False) gives t and p; its
  interval (scipy 1.10 has no confidence_interval() on this result) comes from the Welch df and
  scipy.stats.t.ppf, and the df is cross-checked against statsmodels' CompareMeans
  (usevar="unequal"), whose tconfint_diff gives the interval a second time.
- Change of a gap over four samples (docs/domain.md): no library has this test, so the script computes
  it from the published formula with pandas/numpy moments and scipy.stats.t; it is cross-checked
  against the two-sample case, where the same code must give scipy's Welch p.
- eNPS / NPS change: the adjusted-Wald two-NPS z test (Rocks 2016) with scipy.stats.norm.
- Whole trend: respondent scores of two waves, grouped with pandas, per-wave gaps with
  scipy.stats.ttest_ind and the statuses by docs/domain.md's rules.
"""

import json
import math
import os
import platform

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(20261129)
TOOLS = (
    f"python {platform.python_version()}, scipy {scipy.__version__}, numpy {np.__version__}, "
    f"pandas {pd.__version__}, statsmodels {statsmodels.__version__}"
)


def likert_scores(n, items, probabilities):
    """Respondent scores as docs/domain.md defines them: mean of items normalised from 1-5 to 0-100."""
    answers = RNG.choice([1, 2, 3, 4, 5], size=(n, items), p=probabilities)
    return [float(x) for x in np.round((answers - 1) / 4 * 100, 12).mean(axis=1)]


def score_change(first, second, confidence=0.95):
    a = np.asarray(first, dtype=float)
    b = np.asarray(second, dtype=float)
    result = stats.ttest_ind(b, a, equal_var=False)
    compare = CompareMeans(DescrStatsW(b), DescrStatsW(a))
    _, p_sm, df_sm = compare.ttest_ind(usevar="unequal")
    low_sm, high_sm = compare.tconfint_diff(alpha=1 - confidence, usevar="unequal")
    share1, share2 = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    se = math.sqrt(share1 + share2)
    df = (share1 + share2) ** 2 / (share1**2 / (len(a) - 1) + share2**2 / (len(b) - 1))
    change = float(b.mean() - a.mean())
    margin = stats.t.ppf(1 - (1 - confidence) / 2, df) * se
    assert abs(df - df_sm) < 1e-9 * df and abs(result.pvalue - p_sm) < 1e-12
    assert abs(change - margin - low_sm) < 1e-9 and abs(change + margin - high_sm) < 1e-9
    return {"change": change, "low": change - margin, "high": change + margin, "t": float(result.statistic), "df": float(df), "p": float(result.pvalue)}


def linear_welch(samples, signs, confidence=0.95):
    """Welch-Satterthwaite test of sum(sign_i * mean_i) over independent samples."""
    frames = pd.concat([pd.DataFrame({"sample": i, "x": s}) for i, s in enumerate(samples)])
    moments = frames.groupby("sample")["x"].agg(["mean", "var", "count"])
    shares = moments["var"] / moments["count"]
    estimate = float(sum(sign * moments.loc[i, "mean"] for i, sign in enumerate(signs)))
    se = math.sqrt(shares.sum())
    df = float(se**4 / ((shares**2) / (moments["count"] - 1)).sum())
    t = estimate / se
    margin = stats.t.ppf(1 - (1 - confidence) / 2, df) * se
    return {"estimate": estimate, "low": estimate - margin, "high": estimate + margin, "t": t, "df": df, "p": float(2 * stats.t.sf(abs(t), df)), "means": list(moments["mean"])}


def gap_change(e1, c1, e2, c2, confidence=0.95, alpha=0.05):
    result = linear_welch([e1, c1, e2, c2], [-1, 1, 1, -1], confidence)
    g1 = result["means"][0] - result["means"][1]
    g2 = result["means"][2] - result["means"][3]
    if result["p"] < alpha and abs(g2) < abs(g1):
        status = "narrowed"
    elif result["p"] < alpha and abs(g2) > abs(g1):
        status = "widened"
    else:
        status = "stable"
    return {"gapFrom": g1, "gapTo": g2, "gapChange": result["estimate"], "low": result["low"], "high": result["high"], "t": result["t"], "df": result["df"], "p": result["p"], "status": status}


def nps_change(first, second):
    def adjusted(counts):
        n = sum(counts) + 3
        p_p = (counts[0] + 0.75) / n
        p_d = (counts[2] + 0.75) / n
        return p_p - p_d, p_p + p_d - (p_p - p_d) ** 2, n

    a, va, na = adjusted(first)
    b, vb, nb = adjusted(second)
    z = (b - a) / math.sqrt(va / na + vb / nb)
    plain = lambda c: 100 * (c[0] - c[2]) / sum(c)
    return {"change": plain(second) - plain(first), "z": z, "p": float(2 * stats.norm.sf(abs(z)))}


def gap_status(gap, p, threshold=10, alpha=0.05):
    if abs(gap) < threshold:
        return "ok"
    return "alert" if p is not None and p < alpha else "watch"


def make():
    # Cross-check of linear_welch: with two samples it is scipy's Welch test.
    x, y = likert_scores(30, 3, [0.1, 0.2, 0.3, 0.2, 0.2]), likert_scores(50, 3, [0.2, 0.2, 0.2, 0.2, 0.2])
    check = linear_welch([x, y], [1, -1])
    assert abs(check["p"] - stats.ttest_ind(x, y, equal_var=False).pvalue) < 1e-12

    score_cases = []
    for name, first, second, confidence in [
        ("a rise of about ten points", likert_scores(40, 3, [0.1, 0.3, 0.3, 0.2, 0.1]), likert_scores(55, 3, [0.05, 0.15, 0.3, 0.3, 0.2]), 0.95),
        ("small waves of 3 and 4", [50.0, 75.0, 25.0], [100.0, 75.0, 50.0, 75.0], 0.95),
        ("a fall at 90 % confidence", likert_scores(200, 2, [0.05, 0.1, 0.2, 0.4, 0.25]), likert_scores(150, 2, [0.2, 0.3, 0.2, 0.2, 0.1]), 0.90),
    ]:
        score_cases.append({"name": name, "first": first, "second": second, "confidence": confidence, "expected": score_change(first, second, confidence)})

    gap_cases = []
    for name, probabilities, sizes, confidence in [
        (
            "an alert that closes",
            [[0.02, 0.08, 0.2, 0.4, 0.3], [0.2, 0.3, 0.3, 0.15, 0.05], [0.05, 0.15, 0.3, 0.3, 0.2], [0.05, 0.15, 0.3, 0.3, 0.2]],
            [80, 120, 90, 130],
            0.95,
        ),
        (
            "a gap that widens",
            [[0.1, 0.2, 0.3, 0.2, 0.2], [0.1, 0.2, 0.3, 0.25, 0.15], [0.02, 0.08, 0.2, 0.4, 0.3], [0.3, 0.3, 0.2, 0.1, 0.1]],
            [60, 70, 65, 75],
            0.95,
        ),
        ("small stable samples", [[0.2] * 5] * 4, [4, 5, 3, 6], 0.95),
        ("a sign flip at 99 %", [[0.0, 0.1, 0.2, 0.3, 0.4], [0.1, 0.2, 0.3, 0.3, 0.1], [0.3, 0.3, 0.2, 0.1, 0.1], [0.0, 0.1, 0.3, 0.3, 0.3]], [50, 50, 50, 50], 0.99),
    ]:
        samples = [likert_scores(n, 3, p) for n, p in zip(sizes, probabilities)]
        gap_cases.append(
            {
                "name": name,
                "employeesFrom": samples[0],
                "customersFrom": samples[1],
                "employeesTo": samples[2],
                "customersTo": samples[3],
                "confidence": confidence,
                "expected": gap_change(*samples, confidence=confidence, alpha=1 - confidence),
            }
        )

    nps_cases = []
    for first, second in [([30, 40, 30], [45, 35, 20]), ([5, 2, 3], [1, 2, 7]), ([200, 100, 100], [200, 100, 100])]:
        nps_cases.append({"first": first, "second": second, "expected": nps_change(first, second)})

    # A whole trend: three dimensions over two waves. Culture is an alert in 2025 that closes in
    # 2026, recognition widens, information stays where it is; the customers of 2026 are fewer.
    plan = {
        "culture": {"2025": ([0.02, 0.08, 0.2, 0.4, 0.3], [0.2, 0.3, 0.3, 0.15, 0.05]), "2026": ([0.05, 0.15, 0.3, 0.3, 0.2], [0.05, 0.15, 0.3, 0.3, 0.2])},
        "recognition": {"2025": ([0.1, 0.2, 0.3, 0.2, 0.2], [0.1, 0.2, 0.3, 0.25, 0.15]), "2026": ([0.02, 0.08, 0.2, 0.4, 0.3], [0.3, 0.3, 0.2, 0.1, 0.1])},
        "information": {"2025": ([0.1, 0.2, 0.4, 0.2, 0.1], [0.1, 0.2, 0.4, 0.2, 0.1]), "2026": ([0.1, 0.2, 0.4, 0.2, 0.1], [0.1, 0.2, 0.4, 0.2, 0.1])},
    }
    sizes = {"2025": (90, 140), "2026": (100, 110)}
    rows = {"employees": [], "customers": []}
    for wave, (n_employees, n_customers) in sizes.items():
        for population, n, side in (("employees", n_employees, 0), ("customers", n_customers, 1)):
            columns = {dimension: likert_scores(n, 3, plan[dimension][wave][side]) for dimension in plan}
            recommendation = RNG.choice(11, size=n, p=[0.03] * 5 + [0.08, 0.1, 0.15, 0.15, 0.17, 0.2]).tolist()
            for index in range(n):
                rows[population].append({"wave": wave, "recommendation": int(recommendation[index]), **{d: columns[d][index] for d in plan}})
    frames = {population: pd.DataFrame(values) for population, values in rows.items()}
    waves = []
    for wave in ["2025", "2026"]:
        e = frames["employees"][frames["employees"]["wave"] == wave]
        c = frames["customers"][frames["customers"]["wave"] == wave]
        dims = []
        for dimension in plan:
            test = stats.ttest_ind(e[dimension], c[dimension], equal_var=False)
            gap = float(e[dimension].mean() - c[dimension].mean())
            dims.append({"id": dimension, "employee": float(e[dimension].mean()), "customer": float(c[dimension].mean()), "gap": gap, "p": float(test.pvalue), "status": gap_status(gap, test.pvalue)})
        counts = lambda frame: [int((frame["recommendation"] >= 9).sum()), int(frame["recommendation"].between(7, 8).sum()), int((frame["recommendation"] <= 6).sum())]
        waves.append({"wave": wave, "employees": len(e), "customers": len(c), "enpsCounts": counts(e), "npsCounts": counts(c), "dimensions": dims, "symmetryIndex": 100 - float(np.mean([abs(d["gap"]) for d in dims]))})
    changes = []
    for dimension in plan:
        pick = lambda population, wave: list(frames[population][frames[population]["wave"] == wave][dimension])
        result = gap_change(pick("employees", "2025"), pick("customers", "2025"), pick("employees", "2026"), pick("customers", "2026"))
        closed = waves[0]["dimensions"][list(plan).index(dimension)]["status"] == "alert" and waves[1]["dimensions"][list(plan).index(dimension)]["status"] != "alert" and result["status"] == "narrowed"
        changes.append({"id": dimension, **result, "closed": closed, "employeeChange": score_change(pick("employees", "2025"), pick("employees", "2026")), "customerChange": score_change(pick("customers", "2025"), pick("customers", "2026"))})
    trend = {
        "rows": rows,
        "expected": {
            "waves": waves,
            "enpsChange": nps_change(waves[0]["enpsCounts"], waves[1]["enpsCounts"]),
            "npsChange": nps_change(waves[0]["npsCounts"], waves[1]["npsCounts"]),
            "dimensions": changes,
        },
    }
    return {
        "provenance": {
            "tool": TOOLS,
            "script": "shared/test/reference/make_trend_reference.py",
            "calls": {
                "scoreChanges": "scipy.stats.ttest_ind(second, first, equal_var=False); interval from the Welch df and scipy.stats.t.ppf; df, p and interval cross-checked with statsmodels CompareMeans(usevar='unequal')",
                "gapChanges": "pandas groupby moments, four-sample Welch-Satterthwaite df, scipy.stats.t.ppf / t.sf (formula of docs/domain.md; no library has this test)",
                "npsChanges": "adjusted-Wald two-NPS z (Rocks 2016), scipy.stats.norm.sf",
                "trend": "pandas per wave, scipy.stats.ttest_ind(equal_var=False) per gap, statuses by docs/domain.md",
            },
        },
        "scoreChanges": score_cases,
        "gapChanges": gap_cases,
        "npsChanges": nps_cases,
        "trend": trend,
    }


if __name__ == "__main__":
    path = os.path.join(HERE, "trend.json")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(make(), handle, indent=1, allow_nan=False)
        handle.write("\n")
    print("wrote", path)
