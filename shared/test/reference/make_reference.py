#!/usr/bin/python3
"""Reference values for the engine tests, computed independently of the TypeScript engine.

Run with Debian's Python (scipy, numpy and pandas come from the python3-scipy, python3-numpy and
python3-pandas packages):

    /usr/bin/python3 shared/test/reference/make_reference.py

It writes one JSON fixture per concept next to this file. Every fixture carries a `provenance`
block naming the tool versions and the calls that produced its expected values. The input data are
drawn from a seeded generator and stored in the fixtures, so the tests never regenerate them.

Where the installed scipy (1.10) has no ready-made call, the value is computed with numpy from the
published formula and the script says so (Welch interval: scipy 1.10's ttest_ind result has no
confidence_interval(); Benjamini-Hochberg: scipy.stats.false_discovery_control appeared in 1.11).
Those values are cross-checked inside this script against the scipy calls that do exist (the
Welch p from the same df, Pearson's Fisher interval from pearsonr(...).confidence_interval()).
"""

import json
import math
import os
import platform
import warnings

import numpy as np
import pandas as pd
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(20240603)
# scipy warns about "precision loss" when a group is constant (its variance is exactly 0 here).
warnings.filterwarnings("ignore", message="Precision loss occurred")
Z95 = float(stats.norm.ppf(0.975))

TOOLS = (
    f"python {platform.python_version()}, scipy {scipy.__version__}, "
    f"numpy {np.__version__}, pandas {pd.__version__}"
)


def provenance(calls):
    return {"tool": TOOLS, "script": "shared/test/reference/make_reference.py", "calls": calls}


def write(name, payload):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, indent=1, allow_nan=False)
        handle.write("\n")
    print("wrote", path)


def nan_to_none(values):
    return [None if (isinstance(v, float) and math.isnan(v)) else v for v in values]


def close(a, b, tolerance=1e-12):
    return abs(a - b) <= tolerance * max(1.0, abs(a), abs(b))


# ---------------------------------------------------------------------------------------------
# Welch gap test, Hedges' g
# ---------------------------------------------------------------------------------------------


def welch_reference(employees, customers, confidence=0.95):
    a = np.asarray(employees, dtype=float)
    b = np.asarray(customers, dtype=float)
    result = stats.ttest_ind(a, b, equal_var=False)
    n1, n2 = len(a), len(b)
    v1, v2 = a.var(ddof=1), b.var(ddof=1)
    share1, share2 = v1 / n1, v2 / n2
    se = math.sqrt(share1 + share2)
    # Welch-Satterthwaite degrees of freedom (scipy 1.10 computes the same df internally).
    df = (share1 + share2) ** 2 / (share1**2 / (n1 - 1) + share2**2 / (n2 - 1))
    gap = float(a.mean() - b.mean())
    critical = stats.t.ppf(1 - (1 - confidence) / 2, df)
    # Consistency: scipy's own p must equal the two-sided p of t on that df.
    assert close(result.statistic, gap / se, 1e-10), (result.statistic, gap / se)
    assert close(result.pvalue, 2 * stats.t.sf(abs(gap / se), df), 1e-9), (result.pvalue,)
    # Hedges' g: Cohen's d with the pooled SD (n1+n2-2), times J = 1 - 3/(4(n1+n2-2) - 1)
    # (Hedges & Olkin 1985).
    pooled_df = n1 + n2 - 2
    pooled_sd = math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / pooled_df)
    correction = 1 - 3 / (4 * pooled_df - 1)
    return {
        "gap": gap,
        "low": float(gap - critical * se),
        "high": float(gap + critical * se),
        "t": float(result.statistic),
        "degreesOfFreedom": float(df),
        "p": float(result.pvalue),
        "hedgesG": float(correction * gap / pooled_sd) if pooled_sd > 0 else None,
    }


def likert_scores(n, items, probabilities):
    """Respondent scores as docs/domain.md defines them: mean of items normalised from 1-5 to 0-100."""
    answers = RNG.choice([1, 2, 3, 4, 5], size=(n, items), p=probabilities)
    return list(np.round((answers - 1) / 4 * 100, 12).mean(axis=1))


def make_welch():
    cases = []

    def add(name, employees, customers, confidence=0.95):
        employees = [float(x) for x in employees]
        customers = [float(x) for x in customers]
        cases.append(
            {
                "name": name,
                "employees": employees,
                "customers": customers,
                "confidence": confidence,
                "expected": welch_reference(employees, customers, confidence),
            }
        )

    add("typical groups of 30 and 45", likert_scores(30, 3, [0.05, 0.1, 0.3, 0.35, 0.2]), likert_scores(45, 3, [0.1, 0.2, 0.3, 0.25, 0.15]))
    add("small groups of 2 and 3", [50, 75], [25, 100, 0])
    add("unbalanced groups of 5 and 200 with ties", [75, 75, 100, 50, 75], likert_scores(200, 2, [0.2, 0.2, 0.2, 0.2, 0.2]))
    add("one constant group", [60, 60, 60, 60], [10, 40, 35, 80, 55, 20])
    add("a very large gap with a tiny p", likert_scores(400, 3, [0, 0, 0.05, 0.35, 0.6]), likert_scores(400, 3, [0.6, 0.35, 0.05, 0, 0]))
    add("negative gap at 90 % confidence", likert_scores(25, 4, [0.2, 0.3, 0.3, 0.1, 0.1]), likert_scores(60, 2, [0.05, 0.1, 0.25, 0.3, 0.3]), 0.9)
    add("identical means", [10, 20, 30], [0, 20, 40])
    return {
        "provenance": provenance(
            {
                "t, p": "scipy.stats.ttest_ind(employees, customers, equal_var=False)",
                "degreesOfFreedom": "Welch-Satterthwaite with numpy var(ddof=1); checked: scipy p == 2*scipy.stats.t.sf(|t|, df)",
                "low, high": "gap -/+ scipy.stats.t.ppf(1-(1-confidence)/2, df) * sqrt(v1/n1 + v2/n2) (scipy 1.10 ttest_ind has no confidence_interval())",
                "hedgesG": "numpy: (mean1-mean2)/pooled SD (n1+n2-2 df) * J, J = 1 - 3/(4(n1+n2-2)-1) (Hedges & Olkin 1985)",
            }
        ),
        "cases": cases,
    }


# ---------------------------------------------------------------------------------------------
# NPS / eNPS, adjusted Wald, two-NPS z test
# ---------------------------------------------------------------------------------------------


def nps_reference(promoters, passives, detractors, confidence=0.95):
    n = promoters + passives + detractors
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    p_p, p_d = promoters / n, detractors / n
    # Rocks (2016) adjusted Wald as docs/domain.md states it: n' = n + 3, 0.75 promoter and 0.75 detractor added.
    n_adj = n + 3
    pp_adj, pd_adj = (promoters + 0.75) / n_adj, (detractors + 0.75) / n_adj
    nps_adj = pp_adj - pd_adj
    var_adj = pp_adj + pd_adj - nps_adj**2
    margin = z * math.sqrt(var_adj / n_adj)
    # Cross-check of the variance formula: the variance (ddof=0) of +1/0/-1 respondent scores.
    scores = np.array([1] * promoters + [0] * passives + [-1] * detractors, dtype=float)
    assert close(scores.var(), p_p + p_d - (p_p - p_d) ** 2, 1e-12)
    return {
        "value": 100 * (promoters - detractors) / n,
        "standardError": 100 * math.sqrt(scores.var() / n),
        "adjusted": 100 * nps_adj,
        "unclippedLow": 100 * (nps_adj - margin),
        "unclippedHigh": 100 * (nps_adj + margin),
        # The engine clips the interval to the range an NPS can take, [-100, 100].
        "low": max(-100.0, 100 * (nps_adj - margin)),
        "high": min(100.0, 100 * (nps_adj + margin)),
        "n": n,
    }


def nps_difference_reference(first, second):
    def adjusted(counts):
        promoters, passives, detractors = counts
        n_adj = promoters + passives + detractors + 3
        pp_adj, pd_adj = (promoters + 0.75) / n_adj, (detractors + 0.75) / n_adj
        return pp_adj - pd_adj, pp_adj + pd_adj - (pp_adj - pd_adj) ** 2, n_adj

    a, va, na = adjusted(first)
    b, vb, nb = adjusted(second)
    z = (a - b) / math.sqrt(va / na + vb / nb)
    plain = lambda c: 100 * (c[0] - c[2]) / sum(c)  # noqa: E731
    return {"difference": plain(first) - plain(second), "z": z, "p": float(2 * stats.norm.sf(abs(z)))}


def make_nps():
    raw_answers = [int(x) for x in RNG.integers(0, 11, size=157)]
    answer_counts = (
        sum(1 for a in raw_answers if a >= 9),
        sum(1 for a in raw_answers if 7 <= a <= 8),
        sum(1 for a in raw_answers if a <= 6),
    )
    count_sets = [
        ("textbook 50/30/20", (50, 30, 20), 0.95),
        ("all detractors, 5 answers", (0, 0, 5), 0.95),
        ("all promoters, 5 answers (interval clipped at 100)", (5, 0, 0), 0.95),
        ("a single promoter", (1, 0, 0), 0.95),
        ("only passives", (0, 12, 0), 0.95),
        ("unbalanced 123/45/67 at 90 %", (123, 45, 67), 0.9),
        ("large panel 612/250/138 at 99 %", (612, 250, 138), 0.99),
        ("from 157 raw answers", answer_counts, 0.95),
    ]
    intervals = [
        {
            "name": name,
            "counts": {"promoters": c[0], "passives": c[1], "detractors": c[2]},
            "confidence": confidence,
            "expected": nps_reference(*c, confidence),
        }
        for name, c, confidence in count_sets
    ]
    differences = []
    for name, first, second in [
        ("unit A versus unit B", (40, 30, 30), (25, 35, 40)),
        ("small versus large", (4, 1, 0), (300, 400, 300)),
        ("equal counts", (10, 5, 5), (10, 5, 5)),
        ("large opposite panels", (700, 200, 100), (100, 200, 700)),
    ]:
        differences.append(
            {
                "name": name,
                "first": {"promoters": first[0], "passives": first[1], "detractors": first[2]},
                "second": {"promoters": second[0], "passives": second[1], "detractors": second[2]},
                "expected": nps_difference_reference(first, second),
            }
        )
    return {
        "provenance": provenance(
            {
                "value, standardError": "numpy: 100*(P-D)/n; 100*sqrt(numpy.var(+1/0/-1 scores)/n)",
                "low, high": "numpy from Rocks (2016) adjusted Wald as docs/domain.md gives it, z = scipy.stats.norm.ppf(1-(1-confidence)/2); clipped to [-100, 100]",
                "z, p": "numpy (NPS'1-NPS'2)/sqrt(var'1/n'1+var'2/n'2); p = 2*scipy.stats.norm.sf(|z|)",
            }
        ),
        "rawAnswers": {"answers": raw_answers, "counts": {"promoters": answer_counts[0], "passives": answer_counts[1], "detractors": answer_counts[2]}},
        "intervals": intervals,
        "differences": differences,
    }


# ---------------------------------------------------------------------------------------------
# Cronbach's alpha
# ---------------------------------------------------------------------------------------------


def alpha_reference(rows):
    frame = pd.DataFrame(rows, dtype=float).dropna()  # listwise deletion
    k = frame.shape[1]
    item_variances = frame.var(ddof=1)
    total_variance = frame.sum(axis=1).var(ddof=1)
    alpha = k / (k - 1) * (1 - item_variances.sum() / total_variance)
    # Closed formula cross-check: alpha = k*c / (v + (k-1)*c), c = mean inter-item covariance,
    # v = mean item variance.
    covariance = frame.cov(ddof=1).to_numpy()
    mean_variance = np.trace(covariance) / k
    mean_covariance = (covariance.sum() - np.trace(covariance)) / (k * (k - 1))
    closed = k * mean_covariance / (mean_variance + (k - 1) * mean_covariance)
    assert close(alpha, closed, 1e-10), (alpha, closed)
    return float(alpha), int(frame.shape[0])


def make_reliability():
    cases = []

    def add(name, rows):
        rows = [[float(v) for v in row] for row in rows]
        alpha, complete = alpha_reference(rows)
        cases.append({"name": name, "rows": [nan_to_none(r) for r in rows], "expected": {"alpha": alpha, "completeRows": complete}})

    latent = RNG.normal(size=60)
    three = np.clip(np.round(3 + latent[:, None] + RNG.normal(scale=0.9, size=(60, 3))), 1, 5)
    add("three consistent items, 60 rows", three)
    with_missing = three.copy()
    for r, c in [(2, 0), (7, 1), (7, 2), (19, 2), (33, 0), (58, 1)]:
        with_missing[r, c] = np.nan
    add("the same items with missing answers (listwise)", with_missing)
    add("two items, small n", [[1, 2], [2, 2], [4, 5], [5, 4], [3, 3]])
    four = np.clip(np.round(3 + latent[:40, None] * 0.5 + RNG.normal(scale=1.2, size=(40, 4))), 1, 5)
    add("four weakly related items", four)
    add("items that disagree (negative alpha)", [[1, 5], [2, 4], [3, 3], [4, 2], [5, 2], [1, 4]])
    add("ties on normalised 0-100 values", [[0, 25, 25], [25, 25, 50], [100, 75, 100], [50, 50, 50], [75, 100, 75], [25, 0, 25]])
    return {
        "provenance": provenance(
            {
                "alpha": "pandas: DataFrame.dropna() (listwise), k/(k-1)*(1 - sum(var(ddof=1) of items)/var(ddof=1) of row sums)",
                "cross-check": "closed formula k*c/(v+(k-1)*c) from DataFrame.cov(ddof=1), asserted equal to 1e-10",
            }
        ),
        "cases": cases,
    }


# ---------------------------------------------------------------------------------------------
# Correlation, Fisher interval, Benjamini-Hochberg
# ---------------------------------------------------------------------------------------------


def fisher(r, n, confidence=0.95):
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    centre = math.atanh(r)
    margin = z / math.sqrt(n - 3)
    return math.tanh(centre - margin), math.tanh(centre + margin)


def make_correlation():
    cases = []

    def add(name, x, y, confidence=0.95):
        x = [float(v) for v in x]
        y = [float(v) for v in y]
        pearson = stats.pearsonr(x, y)
        spearman = stats.spearmanr(x, y)
        low, high = fisher(pearson.statistic, len(x), confidence)
        check = pearson.confidence_interval(confidence)
        assert close(low, check.low, 1e-10) and close(high, check.high, 1e-10), (low, high, check)
        s_low, s_high = fisher(spearman.correlation, len(x), confidence)
        cases.append(
            {
                "name": name,
                "x": x,
                "y": y,
                "confidence": confidence,
                "ranksX": [float(v) for v in stats.rankdata(x)],
                "pearson": {"r": float(pearson.statistic), "p": float(pearson.pvalue), "low": low, "high": high},
                "spearman": {"r": float(spearman.correlation), "p": float(spearman.pvalue), "low": s_low, "high": s_high},
            }
        )

    units = 24
    employee = RNG.normal(60, 10, size=units)
    customer = 0.4 * (employee - 60) + RNG.normal(70, 8, size=units)
    add("24 units, moderate positive link", np.round(employee, 3), np.round(customer, 3))
    add("ties in both variables", [1, 2, 2, 3, 3, 3, 4, 5, 5, 6], [2, 1, 3, 3, 5, 4, 4, 6, 6, 5])
    add("four pairs, negative", [10, 20, 30, 40], [9, 7, 8, 1])
    add("eNPS against turnover at 90 %", [-20, 5, 10, 35, 12, -5, 40, 18], [0.31, 0.22, 0.25, 0.12, 0.2, 0.27, 0.1, 0.18], 0.9)

    p_values = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.3, 0.9]
    shuffled = list(np.array(p_values)[RNG.permutation(len(p_values))])

    def bh(p):
        # Benjamini & Hochberg (1995) step-up, as scipy 1.11's false_discovery_control computes it:
        # sort, p*m/rank, running minimum from the largest rank down, cap at 1, back to input order.
        p = np.asarray(p, dtype=float)
        m = len(p)
        order = np.argsort(p)
        scaled = p[order] * m / np.arange(1, m + 1)
        adjusted_sorted = np.minimum(1, np.minimum.accumulate(scaled[::-1])[::-1])
        adjusted = np.empty(m)
        adjusted[order] = adjusted_sorted
        return [float(v) for v in adjusted]

    return {
        "provenance": provenance(
            {
                "pearson r, p": "scipy.stats.pearsonr(x, y)",
                "spearman r, p": "scipy.stats.spearmanr(x, y)",
                "ranksX": "scipy.stats.rankdata(x) (average ranks)",
                "low, high": "numpy tanh(atanh r -/+ norm.ppf(1-(1-confidence)/2)/sqrt(n-3)); Pearson's checked against pearsonr(...).confidence_interval(confidence)",
                "benjaminiHochberg": "numpy step-up (scipy 1.10 lacks false_discovery_control): running minimum of p*m/rank from the top, capped at 1",
            }
        ),
        "cases": cases,
        "benjaminiHochberg": [
            {"name": "twelve dimensions, sorted", "p": p_values, "q": bh(p_values)},
            {"name": "the same, shuffled", "p": [float(v) for v in shuffled], "q": bh(shuffled)},
            {"name": "ties and a p of 1", "p": [0.02, 0.02, 0.5, 1.0, 0.01], "q": bh([0.02, 0.02, 0.5, 1.0, 0.01])},
        ],
    }


# ---------------------------------------------------------------------------------------------
# Scale normalisation, favourable %, symmetry index, turnover
# ---------------------------------------------------------------------------------------------


def make_scale():
    normalisations = []
    for lo, hi in [(1, 5), (0, 10), (1, 7), (-2, 2), (1, 4)]:
        for x in np.unique(np.concatenate([np.arange(lo, hi + 1), [lo + (hi - lo) / 3]])):
            for reversed_ in (False, True):
                value = 100 * (hi - x) / (hi - lo) if reversed_ else 100 * (x - lo) / (hi - lo)
                normalisations.append({"value": float(x), "scale": {"min": lo, "max": hi}, "reversed": reversed_, "expected": float(value)})

    favourable = []

    def add_favourable(name, answers, lo, hi, reversed_=False):
        series = pd.Series(answers, dtype=float).dropna()
        # Top-2-box: the two highest points of the scale, hi-1 and hi (lo and lo+1 for a reversed item).
        top_two = series.isin([lo, lo + 1]) if reversed_ else series.isin([hi - 1, hi])
        favourable.append(
            {
                "name": name,
                "answers": nan_to_none([float(a) for a in answers]),
                "scale": {"min": lo, "max": hi},
                "reversed": reversed_,
                "expected": {"share": float(100 * top_two.mean()), "n": int(series.size)},
            }
        )

    add_favourable("1-5 with missing answers", [5, 4, 3, 2, 1, 4, float("nan"), 5, 2], 1, 5)
    add_favourable("1-5 reversed item", [1, 2, 3, 4, 5, 1, 1], 1, 5, True)
    add_favourable("0-10 scale", [int(v) for v in RNG.integers(0, 11, size=50)], 0, 10)
    add_favourable("1-7 scale, no favourable answer", [1, 2, 3, 4, 5, 3], 1, 7)

    respondents = []
    for answers, lo, hi, reversed_ in [
        ([4, float("nan"), 5], 1, 5, [False, False, False]),
        ([4, 2, 5], 1, 5, [False, True, False]),
        ([float("nan"), float("nan")], 1, 5, [False, False]),
        ([0, 10, 7, 3], 0, 10, [False, False, True, False]),
    ]:
        frame = pd.Series(answers, dtype=float)
        rev = pd.Series(reversed_)
        normalised = np.where(rev, 100 * (hi - frame) / (hi - lo), 100 * (frame - lo) / (hi - lo))
        score = pd.Series(normalised).mean(skipna=True)
        respondents.append(
            {"answers": nan_to_none([float(a) for a in answers]), "scale": {"min": lo, "max": hi}, "reversed": reversed_, "expected": None if math.isnan(score) else float(score)}
        )

    return {
        "provenance": provenance(
            {
                "normalisations": "numpy: 100*(x-lo)/(hi-lo), reversed 100*(hi-x)/(hi-lo) (docs/domain.md)",
                "favourable": "pandas: Series.dropna().isin([hi-1, hi]).mean()*100 (reversed: [lo, lo+1])",
                "respondents": "pandas: Series(normalised).mean(skipna=True)",
            }
        ),
        "normalisations": normalisations,
        "favourable": favourable,
        "respondents": respondents,
    }


def make_symmetry_and_turnover():
    indices = []
    for name, gaps, weights in [
        ("two gaps, equal weights", [10, -20], None),
        ("eleven gaps, equal weights", [float(v) for v in np.round(RNG.normal(0, 12, size=11), 6)], None),
        ("weighted", [5, -15, 30, 0], [1, 2, 0.5, 1]),
        ("a zero weight ignores a gap", [50, 10], [0, 1]),
        ("no gap", [0, 0, 0], None),
    ]:
        expected = 100 - np.average(np.abs(gaps), weights=weights)
        indices.append({"name": name, "gaps": [float(g) for g in gaps], "weights": weights, "expected": float(expected)})
    turnover = []
    for leavers, headcount, salary, ratio in [(12, 80, 30000, 0.21), (0, 15, 42000, 0.5), (7, 23.5, 28500.5, 1.5), (3, 11, 51000, 0.33)]:
        turnover.append(
            {
                "leavers": leavers,
                "averageHeadcount": headcount,
                "annualSalary": salary,
                "costRatio": ratio,
                "expected": {"rate": leavers / headcount, "cost": float(np.prod([leavers, salary, ratio]))},
            }
        )
    return {
        "provenance": provenance(
            {
                "symmetryIndex": "numpy: 100 - numpy.average(abs(gaps), weights=weights) (docs/domain.md)",
                "turnover": "rate = leavers/average headcount; cost = numpy.prod([leavers, salary, ratio]) (docs/domain.md)",
            }
        ),
        "symmetryIndex": indices,
        "turnover": turnover,
    }


# ---------------------------------------------------------------------------------------------
# The barometer, end to end on a small synthetic data set
# ---------------------------------------------------------------------------------------------

NON_ANSWERS = {"", "NA", "N/A", "NSP"}


def read_cell(cell):
    if cell is None:
        return float("nan")
    if isinstance(cell, str):
        if cell.strip().upper() in NON_ANSWERS:
            return float("nan")
        return float(cell.replace(",", "."))
    return float(cell)


def suppress(groups, threshold):
    """Primary suppression under the threshold, then complementary suppression of the smallest
    visible groups until the hidden set holds two or more groups and at least `threshold` people
    (or every group is hidden), so subtraction from the total recovers no single small group."""
    hidden = {name for name, n in groups if n < threshold}
    while hidden and len(hidden) < len(groups) and (len(hidden) == 1 or sum(n for name, n in groups if name in hidden) < threshold):
        visible = sorted(((n, index, name) for index, (name, n) in enumerate(groups) if name not in hidden))
        hidden.add(visible[0][2])
    return hidden


def make_barometer():
    scale = (1, 5)
    minimum = 5
    gap_threshold = 10
    alpha_level = 0.05
    # Employee columns: three dimensions with 2-3 items (one reversed), one dimension mapped for
    # employees only, eNPS, unit, manager.
    employee_columns = [
        ("recognition", False),
        ("recognition", False),
        ("recognition", True),
        ("information", False),
        ("information", False),
        ("ethics", False),
        ("ethics", False),
        ("ethics", False),
        ("development", False),
        ("development", False),
        ("horizon", False),
    ]
    customer_columns = [
        ("recognition", False),
        ("recognition", False),
        ("information", False),
        ("information", True),
        ("ethics", False),
        ("ethics", False),
        ("development", False),
    ]
    units = ["Lyon"] * 9 + ["Paris"] * 12 + ["Support"] * 3 + ["Nantes"] * 6
    managers = ["M1" if i % 3 else "M2" for i in range(len(units))]

    def answers(n, columns, means):
        rows = []
        for i in range(n):
            row = []
            # One latent attitude per respondent and dimension, so items of a dimension correlate.
            latent = {dimension: RNG.normal(scale=0.8) for dimension in means}
            for dimension, reversed_ in columns:
                centre = means[dimension] + latent[dimension]
                value = int(np.clip(np.round(centre + RNG.normal(scale=0.7)), 1, 5))
                if reversed_:
                    value = 6 - value
                row.append(value)
            rows.append(row)
        return rows

    employee_rows = answers(len(units), employee_columns, {"recognition": 2.3, "information": 3.4, "ethics": 3.0, "development": 3.2, "horizon": 3.0})
    customer_rows = answers(40, customer_columns, {"recognition": 3.6, "information": 3.5, "ethics": 2.6, "development": 3.0})
    # Development: only seven employees answered, so a large gap may stay short of significance.
    for r in range(len(employee_rows)):
        if r % 4 != 1:
            employee_rows[r][8] = "NSP"
            employee_rows[r][9] = None
    # Sprinkle missing answers in every declared spelling, and one respondent with a fully missing dimension.
    spellings = ["NA", "", None, "N/A", "NSP", " na "]
    for index, (r, c) in enumerate([(0, 1), (4, 3), (5, 4), (10, 0), (13, 6), (20, 10), (27, 2)]):
        employee_rows[r][c] = spellings[index % len(spellings)]
    employee_rows[8][3] = "NA"
    employee_rows[8][4] = None
    for index, (r, c) in enumerate([(1, 2), (6, 5), (22, 0), (30, 3)]):
        customer_rows[r][c] = spellings[(index + 2) % len(spellings)]
    customer_rows[3][2] = "3,0"  # numeric text with a decimal comma
    enps = [int(v) for v in RNG.choice(range(11), size=len(units), p=[0.02] * 5 + [0.1, 0.1, 0.15, 0.15, 0.2, 0.2])]
    enps[2] = "NSP"
    nps = [int(v) for v in RNG.choice(range(11), size=40, p=[0.02] * 6 + [0.08, 0.15, 0.2, 0.25, 0.2])]
    nps[7] = None

    def numeric(rows):
        return np.array([[read_cell(c) for c in row] for row in rows], dtype=float)

    def normalised(matrix, columns):
        out = np.empty_like(matrix)
        lo, hi = scale
        for j, (_, reversed_) in enumerate(columns):
            out[:, j] = 100 * (hi - matrix[:, j]) / (hi - lo) if reversed_ else 100 * (matrix[:, j] - lo) / (hi - lo)
        return out

    def dimension_scores(matrix, columns):
        norm = normalised(matrix, columns)
        result = {}
        for dimension in dict.fromkeys(d for d, _ in columns):
            indices = [j for j, (d, _) in enumerate(columns) if d == dimension]
            frame = pd.DataFrame(norm[:, indices])
            scores = frame.mean(axis=1, skipna=True)  # respondent score: mean of present items
            alpha = None
            if len(indices) > 1:
                alpha, _ = alpha_reference(frame.to_numpy())
            result[dimension] = (scores, alpha)
        return result

    employee_scores = dimension_scores(numeric(employee_rows), employee_columns)
    customer_scores = dimension_scores(numeric(customer_rows), customer_columns)

    def counts(answers_):
        present = [read_cell(a) for a in answers_]
        present = [a for a in present if not math.isnan(a)]
        return (sum(a >= 9 for a in present), sum(7 <= a <= 8 for a in present), sum(a <= 6 for a in present))

    dimensions = []
    gaps, weights = [], []
    for dimension in ["recognition", "information", "development", "ethics"]:  # model order among the paired ones
        e_scores, e_alpha = employee_scores[dimension]
        c_scores, c_alpha = customer_scores[dimension]
        e = e_scores.dropna().to_numpy()
        c = c_scores.dropna().to_numpy()
        test = welch_reference(list(e), list(c))
        status = "ok" if abs(test["gap"]) < gap_threshold else ("alert" if test["p"] < alpha_level else "watch")
        gaps.append(test["gap"])
        weights.append(1)
        dimensions.append(
            {
                "id": dimension,
                "employee": {"score": float(e.mean()), "n": int(e.size), "alpha": e_alpha},
                "customer": {"score": float(c.mean()), "n": int(c.size), "alpha": c_alpha},
                "gap": test["gap"],
                "low": test["low"],
                "high": test["high"],
                "p": test["p"],
                "hedgesG": test["hedgesG"],
                "status": status,
            }
        )

    employee_counts = counts(enps)
    customer_counts = counts(nps)
    unit_names = sorted(set(units))
    unit_counts = {u: counts([a for a, unit in zip(enps, units) if unit == u]) for u in unit_names}
    hidden = suppress([(u, sum(unit_counts[u])) for u in unit_names], minimum)
    unit_results = []
    for u in unit_names:
        p, _, d = unit_counts[u]
        n_answers = sum(unit_counts[u])
        unit_results.append(
            {
                "unit": u,
                "n": units.count(u),
                "enps": None if u in hidden else 100 * (p - d) / n_answers,
                "suppressed": u in hidden,
            }
        )
    manager_names = sorted(set(managers))
    manager_counts = {m: counts([a for a, man in zip(enps, managers) if man == m]) for m in manager_names}
    manager_hidden = suppress([(m, sum(manager_counts[m])) for m in manager_names], minimum)
    manager_results = [
        {
            "unit": m,
            "n": managers.count(m),
            "enps": None if m in manager_hidden else 100 * (manager_counts[m][0] - manager_counts[m][2]) / sum(manager_counts[m]),
            "suppressed": m in manager_hidden,
        }
        for m in manager_names
    ]

    def interval(c):
        ref = nps_reference(*c)
        return {"value": ref["value"], "low": ref["low"], "high": ref["high"], "n": ref["n"]}

    return {
        "provenance": provenance(
            {
                "scores": "pandas: normalise 100*(x-lo)/(hi-lo) (reversed 100*(hi-x)/(hi-lo)), DataFrame.mean(axis=1, skipna=True) per respondent, mean over respondents with a score",
                "gap, low, high, p, hedgesG": "as welch.json: scipy.stats.ttest_ind(equal_var=False), scipy.stats.t.ppf, numpy Hedges' g",
                "alpha": "as reliability.json: pandas listwise on normalised items",
                "status": "alert when |gap| >= 10 and p < 0.05, watch when |gap| >= 10, else ok (docs/domain.md)",
                "symmetryIndex": "100 - numpy.average(abs(gaps)) (equal weights)",
                "enps, nps": "as nps.json (adjusted Wald, clipped)",
                "units, managers": "eNPS per group; hidden under 5 answers, plus complementary suppression of the smallest visible groups until the hidden set has 2+ groups and 5+ answers",
            }
        ),
        "scale": {"min": scale[0], "max": scale[1]},
        "minGroupSize": minimum,
        "employees": {"columns": [{"dimension": d, "reversed": r} for d, r in employee_columns], "rows": employee_rows, "enps": enps, "units": units, "managers": managers},
        "customers": {"columns": [{"dimension": d, "reversed": r} for d, r in customer_columns], "rows": customer_rows, "nps": nps},
        "expected": {
            "employees": {"n": len(units), "enps": interval(employee_counts)},
            "customers": {"n": len(customer_rows), "nps": interval(customer_counts)},
            "dimensions": dimensions,
            "symmetryIndex": float(100 - np.average(np.abs(gaps), weights=weights)),
            "units": unit_results,
            "managers": manager_results,
            "unpairedDimensions": [{"id": "horizon", "population": "employees"}],
        },
    }


if __name__ == "__main__":
    write("welch.json", make_welch())
    write("nps.json", make_nps())
    write("reliability.json", make_reliability())
    write("correlation.json", make_correlation())
    write("scale.json", make_scale())
    write("symmetry-turnover.json", make_symmetry_and_turnover())
    write("barometer.json", make_barometer())
