#!/usr/bin/python3
"""Reference values for the linkage engine tests, computed independently of the TypeScript engine.

Run with Debian's Python (python3-numpy, python3-scipy, python3-pandas, python3-statsmodels):

    /usr/bin/python3 shared/test/linkage/reference/make_reference.py

It writes shared/test/linkage/reference/linkage.json. The input data are drawn from a seeded numpy
generator and stored in the fixture, so the tests never regenerate them. Every section carries a
`provenance` string naming the calls that produced its expected values.

Where scipy 1.10 (Debian 12) has no ready-made call, another independent tool is used and the
script says so: Benjamini-Hochberg from statsmodels.stats.multitest.multipletests(method="fdr_bh")
(scipy.stats.false_discovery_control appeared in scipy 1.11, with the same definition), the Welch
interval of a difference from statsmodels CompareMeans.tconfint_diff(usevar="unequal") (scipy 1.10's
ttest_ind result has no confidence_interval()). Relative weights (Johnson 2000) have no scipy call:
they are computed here with numpy from the paper's definition, then cross-checked (a) against the
R^2 of numpy.linalg.lstsq, (b) on orthogonal predictors, where each weight is the squared
correlation, and (c) against a published worked example: the README of the R package rwa
(github.com/martinctc/rwa, Tonidandel & LeBreton 2015 method) prints the weights of
mpg ~ cyl + disp + hp + gear on R's mtcars data (Henderson & Velleman 1981).
"""

import json
import math
import os
import platform
import re

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(20240607)
TOOLS = (
    f"python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
    f"pandas {pd.__version__}, statsmodels {statsmodels.__version__}"
)


def close(a, b, tolerance=1e-10):
    return abs(a - b) <= tolerance * max(1.0, abs(a), abs(b))


def number(value):
    """JSON-safe float: NaN becomes null."""
    value = float(value)
    return None if math.isnan(value) else value


def fisher_interval(r, n, confidence):
    """Fisher-z interval tanh(atanh r +- z/sqrt(n-3)), as scipy.stats.pearsonr(...).confidence_interval()."""
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    return math.tanh(math.atanh(r) - z / math.sqrt(n - 3)), math.tanh(math.atanh(r) + z / math.sqrt(n - 3))


def correlation(x, y, method, confidence):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if method == "pearson":
        result = stats.pearsonr(x, y)
        interval = result.confidence_interval(confidence_level=confidence)
        low, high = fisher_interval(result.statistic, len(x), confidence)
        assert close(low, interval.low) and close(high, interval.high), "Fisher interval differs from scipy's"
        return {"r": float(result.statistic), "p": float(result.pvalue), "low": float(interval.low), "high": float(interval.high), "n": len(x)}
    result = stats.spearmanr(x, y)
    # Spearman = Pearson on average ranks (scipy.stats.rankdata), checked here.
    assert close(result.correlation, stats.pearsonr(stats.rankdata(x), stats.rankdata(y)).statistic)
    low, high = fisher_interval(result.correlation, len(x), confidence)
    return {"r": float(result.correlation), "p": float(result.pvalue), "low": low, "high": high, "n": len(x)}


def bh(p_values):
    """Benjamini-Hochberg q: statsmodels multipletests(method="fdr_bh"), checked against the formula."""
    p_values = np.asarray(p_values, dtype=float)
    q = multipletests(p_values, method="fdr_bh")[1]
    m = len(p_values)
    order = np.argsort(p_values)
    by_formula = np.minimum.accumulate((p_values[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    manual = np.empty(m)
    manual[order] = np.minimum(by_formula, 1)
    assert np.allclose(q, manual, rtol=1e-14, atol=0)
    return [float(v) for v in q]


def johnson_weights(predictor_correlations, outcome_correlations):
    """Relative weights, Johnson (2000): Rxx = Q L Q', Lambda = Q L^1/2 Q', beta = Lambda^-1 rxy,
    epsilon_j = sum_k Lambda_jk^2 beta_k^2."""
    eigenvalues, vectors = np.linalg.eigh(np.asarray(predictor_correlations))
    root = vectors @ np.diag(np.sqrt(eigenvalues)) @ vectors.T
    beta = np.linalg.solve(root, np.asarray(outcome_correlations))
    return (root ** 2) @ (beta ** 2)


def ols_r_squared(predictors, outcome):
    design = np.column_stack([np.ones(len(outcome)), predictors])
    coefficients, *_ = np.linalg.lstsq(design, outcome, rcond=None)
    residuals = outcome - design @ coefficients
    return 1 - residuals @ residuals / ((outcome - outcome.mean()) @ (outcome - outcome.mean()))


def relative_weights_case(name, predictors, outcome, names, provenance):
    predictors = np.asarray(predictors, dtype=float)
    outcome = np.asarray(outcome, dtype=float)
    matrix = np.corrcoef(np.column_stack([predictors, outcome]).T)
    p = predictors.shape[1]
    weights = johnson_weights(matrix[:p, :p], matrix[:p, p])
    r_squared = ols_r_squared(predictors, outcome)
    assert close(weights.sum(), r_squared, 1e-12), (name, weights.sum(), r_squared)
    return {
        "name": name,
        "provenance": provenance,
        "names": names,
        "predictors": predictors.tolist(),
        "outcome": outcome.tolist(),
        "predictorCorrelations": matrix[:p, :p].tolist(),
        "outcomeCorrelations": matrix[:p, p].tolist(),
        "weights": weights.tolist(),
        "rSquared": float(r_squared),
    }


def relative_weight_cases():
    cases = []
    # Correlated predictors (a shared factor), n = 60.
    factor = RNG.normal(size=60)
    predictors = np.column_stack([factor + RNG.normal(scale=s, size=60) for s in (0.5, 0.8, 1.2, 2.0)])
    outcome = predictors @ np.array([0.6, 0.3, 0.0, 0.2]) + RNG.normal(scale=1.5, size=60)
    cases.append(relative_weights_case("correlated predictors, n = 60", predictors, outcome, ["a", "b", "c", "d"],
                                       "numpy Johnson (2000); sum checked against numpy.linalg.lstsq R^2"))

    # Orthogonal predictors: centred, then orthogonalised by QR, so Rxx = I and weight_j = r_jy^2.
    raw = RNG.normal(size=(40, 3))
    raw -= raw.mean(axis=0)
    orthogonal, _ = np.linalg.qr(raw)
    orthogonal *= 10
    outcome = orthogonal @ np.array([3.0, -2.0, 1.0]) + RNG.normal(size=40)
    case = relative_weights_case("orthogonal predictors", orthogonal, outcome, ["a", "b", "c"],
                                 "numpy Johnson (2000); orthogonal predictors: weights equal squared correlations (numpy.corrcoef)")
    squared = [np.corrcoef(orthogonal[:, j], outcome)[0, 1] ** 2 for j in range(3)]
    assert np.allclose(case["weights"], squared, rtol=1e-12), (case["weights"], squared)
    case["squaredCorrelations"] = [float(v) for v in squared]
    cases.append(case)

    # Published worked example: rwa README, mtcars %>% rwa(outcome = "mpg", predictors = c("cyl", "disp", "hp", "gear")).
    mtcars = np.array([  # mpg, cyl, disp, hp, gear (R datasets::mtcars, 32 cars)
        [21, 6, 160, 110, 4], [21, 6, 160, 110, 4], [22.8, 4, 108, 93, 4], [21.4, 6, 258, 110, 3],
        [18.7, 8, 360, 175, 3], [18.1, 6, 225, 105, 3], [14.3, 8, 360, 245, 3], [24.4, 4, 146.7, 62, 4],
        [22.8, 4, 140.8, 95, 4], [19.2, 6, 167.6, 123, 4], [17.8, 6, 167.6, 123, 4], [16.4, 8, 275.8, 180, 3],
        [17.3, 8, 275.8, 180, 3], [15.2, 8, 275.8, 180, 3], [10.4, 8, 472, 205, 3], [10.4, 8, 460, 215, 3],
        [14.7, 8, 440, 230, 3], [32.4, 4, 78.7, 66, 4], [30.4, 4, 75.7, 52, 4], [33.9, 4, 71.1, 65, 4],
        [21.5, 4, 120.1, 97, 3], [15.5, 8, 318, 150, 3], [15.2, 8, 304, 150, 3], [13.3, 8, 350, 245, 3],
        [19.2, 8, 400, 175, 3], [27.3, 4, 79, 66, 4], [26, 4, 120.3, 91, 5], [30.4, 4, 95.1, 113, 5],
        [15.8, 8, 351, 264, 5], [19.7, 6, 145, 175, 5], [15, 8, 301, 335, 5], [21.4, 4, 121, 109, 4],
    ])
    case = relative_weights_case("mtcars: mpg ~ cyl + disp + hp + gear (rwa README)", mtcars[:, 1:], mtcars[:, 0],
                                 ["cyl", "disp", "hp", "gear"],
                                 "rwa README (github.com/martinctc/rwa) printed raw weights and R^2 (7 significant digits); numpy Johnson (2000) reproduces them")
    case["published"] = {"rSquared": 0.7791896, "weights": [0.2284797, 0.2221469, 0.2321744, 0.0963886],
                         "rescaledPercent": [29.32274, 28.50999, 29.79691, 12.37037]}
    assert all(abs(a - b) < 1e-7 for a, b in zip(case["weights"], case["published"]["weights"])), case["weights"]
    assert abs(case["rSquared"] - 0.7791896) < 1e-7
    cases.append(case)
    return cases


def correlation_cases():
    cases = []
    base = RNG.normal(size=40)
    cases.append(("rounded scores with ties, n = 40", np.round(50 + 10 * base), np.round(20 + 4 * (0.5 * base + RNG.normal(size=40))), 0.95))
    x = RNG.normal(size=25)
    cases.append(("negative, n = 25, 90 %", x * 3, -0.7 * x + RNG.normal(scale=0.8, size=25), 0.9))
    cases.append(("small, n = 6", np.array([3.0, 1, 4, 1, 5, 9]), np.array([2.0, 7, 1, 8, 2, 8]), 0.95))
    x = RNG.normal(size=200)
    cases.append(("strong, n = 200, tiny p", x, x + RNG.normal(scale=0.3, size=200), 0.99))
    out = []
    for name, x, y, confidence in cases:
        out.append({"name": name, "x": x.tolist(), "y": y.tolist(), "confidence": confidence,
                    "pearson": correlation(x, y, "pearson", confidence), "spearman": correlation(x, y, "spearman", confidence)})
    return out


def regression_cases():
    out = []
    x = RNG.uniform(-30, 60, size=30)
    y = 0.25 - 0.002 * x + RNG.normal(scale=0.05, size=30)
    data = [("turnover on eNPS, n = 30", x, y, 0.95), ("n = 5, 90 %", np.array([1.0, 2, 4, 7, 8]), np.array([2.0, 1, 5, 6, 9]), 0.9)]
    for name, x, y, confidence in data:
        result = stats.linregress(x, y)
        margin = stats.t.ppf(1 - (1 - confidence) / 2, len(x) - 2) * result.stderr
        out.append({"name": name, "x": x.tolist(), "y": y.tolist(), "confidence": confidence,
                    "slope": result.slope, "intercept": result.intercept, "standardError": result.stderr, "p": result.pvalue,
                    "low": result.slope - margin, "high": result.slope + margin})
    return out


def percentile_cases():
    values = RNG.normal(size=101).tolist()
    values[7] = float("nan")
    values[50] = float("nan")
    probabilities = [0, 0.025, 0.05, 0.25, 0.5, 0.975, 1]
    cases = [{"values": [number(v) for v in values], "probabilities": probabilities,
              "expected": [float(np.nanpercentile(values, 100 * p, method="linear")) for p in probabilities]}]
    small = [4.0, 1.0, 3.0]
    cases.append({"values": small, "probabilities": [0.1, 0.5, 0.9],
                  "expected": [float(np.percentile(small, 100 * p, method="linear")) for p in [0.1, 0.5, 0.9]]})
    return cases


def resample_cases():
    """Count-weighted statistics against scipy on the explicit resample (numpy.repeat)."""
    x = np.round(RNG.normal(50, 10, size=15) / 5) * 5  # ties
    y = np.round(0.5 * x + RNG.normal(0, 5, size=15))
    out = []
    for _ in range(4):
        counts = RNG.multinomial(15, np.full(15, 1 / 15))
        xs, ys = np.repeat(x, counts), np.repeat(y, counts)
        out.append({"counts": counts.tolist(), "pearson": float(stats.pearsonr(xs, ys).statistic),
                    "spearman": float(stats.spearmanr(xs, ys).correlation)})
    return {"x": x.tolist(), "y": y.tolist(), "replicates": out}


def quartile(frame, x, y, confidence):
    """Top versus bottom quartile of units by x (ties broken by unit label): Welch difference."""
    data = frame[["unit", x, y]].dropna().sort_values([x, "unit"], kind="mergesort")
    size = len(data) // 4
    bottom, top = data[y].to_numpy()[:size], data[y].to_numpy()[-size:]
    low, high = CompareMeans(DescrStatsW(top), DescrStatsW(bottom)).tconfint_diff(alpha=1 - confidence, usevar="unequal")
    welch = stats.ttest_ind(top, bottom, equal_var=False)
    return {"x": x, "y": y, "unitsPerQuartile": size, "top": top.mean(), "bottom": bottom.mean(),
            "difference": top.mean() - bottom.mean(), "low": low, "high": high, "p": welch.pvalue}


def unit_rows(frame, x_names, y_names):
    rows = []
    for record in frame.to_dict("records"):
        metrics = {name: number(record[name]) for name in x_names + y_names if name != "turnover"}
        row = {"unit": record["unit"], "employeesN": int(record["employeesN"]), "metrics": metrics}
        for key in ("headcount", "leavers", "salary"):
            if not math.isnan(record[key]):
                row[key] = float(record[key])
        rows.append(row)
    return rows


def request_case():
    """A whole linkage request: 44 units, 4 under the threshold of 5, a few missing values."""
    units = 44
    labels = [f"U{i:02d}" for i in range(1, units + 1)]
    engagement = RNG.normal(size=units)
    frame = pd.DataFrame({
        "unit": labels,
        "employeesN": RNG.integers(5, 40, size=units),
        "enps": np.round(20 + 25 * engagement, 1),
        "recognition": np.round(60 + 10 * (0.6 * engagement + 0.8 * RNG.normal(size=units))),
        "autonomy": np.round(55 + 12 * (0.4 * engagement + RNG.normal(size=units)), 1),
        "headcount": RNG.integers(12, 90, size=units).astype(float),
        "salary": np.round(RNG.uniform(26000, 42000, size=units), -2),
    })
    frame.loc[[3, 17, 28, 40], "employeesN"] = [4, 2, 3, 4]
    frame["nps"] = np.round(10 + 0.3 * frame["enps"] + 0.2 * frame["recognition"] + RNG.normal(0, 8, size=units), 1)
    frame["customer_recognition"] = np.round(58 + 0.3 * (frame["recognition"] - 60) + RNG.normal(0, 6, size=units), 1)
    rate = np.clip(0.3 - 0.002 * frame["enps"] + RNG.normal(0, 0.05, size=units), 0.02, None)
    frame["leavers"] = np.round(rate * frame["headcount"])
    frame.loc[[5, 30], "nps"] = np.nan
    frame.loc[[11], "recognition"] = np.nan
    frame.loc[[21], "salary"] = np.nan

    x_names, y_names = ["enps", "recognition", "autonomy"], ["nps", "customer_recognition", "turnover"]
    options = {"methods": ["pearson", "spearman"], "bootstrap": 200, "seed": 7, "minN": 5, "confidence": 0.95,
               "drivers": {"predictors": x_names}, "turnover": {"x": "enps", "costRatio": 0.3, "deltaPoints": 5}}
    kept = frame[frame["employeesN"] >= options["minN"]].copy()
    kept["turnover"] = kept["leavers"] / kept["headcount"]

    correlations = []
    for method in options["methods"]:
        rows = []
        for x in x_names:
            for y in y_names:
                data = kept[[x, y]].dropna()
                rows.append({"x": x, "y": y, "method": method, **correlation(data[x], data[y], method, options["confidence"])})
        for row, q in zip(rows, bh([row["p"] for row in rows])):
            row["q"] = q
        correlations.extend(rows)

    quartiles = [quartile(kept, x, y, options["confidence"]) for x in x_names for y in y_names]

    drivers = []
    for y in y_names:
        data = kept[x_names + [y]].dropna()
        matrix = np.corrcoef(data.to_numpy().T)
        weights = johnson_weights(matrix[:3, :3], matrix[:3, 3])
        r_squared = ols_r_squared(data[x_names].to_numpy(), data[y].to_numpy())
        assert close(weights.sum(), r_squared, 1e-12)
        for name, weight in zip(x_names, weights):
            drivers.append({"y": y, "id": name, "weight": weight, "share": weight / r_squared, "rSquared": r_squared, "n": len(data)})

    money = kept[["enps", "headcount", "leavers", "salary"]].dropna()
    money = money[money["headcount"] > 0]
    regression = stats.linregress(money["enps"], money["leavers"] / money["headcount"])
    margin = stats.t.ppf(0.975, len(money) - 2) * regression.stderr
    headcount = money["headcount"].sum()
    mean_salary = (money["salary"] * money["headcount"]).sum() / headcount
    value_at = lambda ratio: -regression.slope * headcount * mean_salary * ratio
    turnover = {"n": len(money), "slope": regression.slope, "intercept": regression.intercept, "p": regression.pvalue,
                "low": regression.slope - margin, "high": regression.slope + margin, "headcount": headcount, "meanSalary": mean_salary,
                "avoidedLeavers": -regression.slope * headcount * 5, "valuePerPoint": value_at(0.3), "valueOfDelta": value_at(0.3) * 5,
                "presets": {str(ratio): value_at(ratio) for ratio in (0.21, 0.5, 1.5)}}

    return {
        "provenance": "pandas filter employeesN >= minN and dropna per pair; scipy.stats.pearsonr (+ confidence_interval), "
                      "spearmanr (Fisher-z interval by numpy), statsmodels multipletests fdr_bh per method; quartiles: pandas "
                      "sort by (x, unit), statsmodels CompareMeans.tconfint_diff(usevar='unequal'), scipy ttest_ind(equal_var=False); "
                      "drivers: numpy Johnson (2000) checked against numpy.linalg.lstsq R^2; turnover: scipy.stats.linregress, "
                      "CI slope +- scipy.stats.t.ppf(0.975, n-2) * stderr, value = -slope * sum(headcount) * salary weighted by headcount * ratio",
        "request": {"units": unit_rows(frame, x_names, y_names), "x": x_names, "y": y_names, **options},
        "expected": {"units": len(kept), "excluded": int((frame["employeesN"] < options["minN"]).sum()), "correlations": correlations,
                     "quartiles": quartiles, "drivers": drivers, "turnover": turnover},
    }


def natural_key(wave):
    """Waves as the engine orders them: digit runs by value, the rest by code point."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", wave) if part != ""]


def lag_case(waves, name):
    """Employee metrics of wave t against outcomes of wave t+1 of the same unit (pandas merge)."""
    units = [f"S{i:02d}" for i in range(1, 15)]
    records = []
    for wave in waves:
        for unit in units:
            records.append({"unit": unit, "wave": wave, "employeesN": int(RNG.integers(3, 30)),
                            "enps": round(float(RNG.normal(15, 20)), 1), "nps": round(float(RNG.normal(30, 15)), 1)})
    frame = pd.DataFrame(records)
    order = sorted(waves, key=natural_key)
    frame["position"] = frame["wave"].map({wave: index for index, wave in enumerate(order)})
    kept = frame[frame["employeesN"] >= 5]
    employees = kept[["unit", "position", "enps"]]
    outcomes = kept[["unit", "position", "nps"]].assign(position=lambda f: f["position"] - 1)
    pairs = employees.merge(outcomes, on=["unit", "position"]).sort_values(["position", "unit"])
    shuffled = frame.sample(frac=1, random_state=3)  # the engine must not rely on the input order
    return {
        "name": name,
        "provenance": "pandas: keep employeesN >= 5, merge wave t employee rows with wave t+1 outcome rows on unit; scipy.stats.pearsonr",
        "request": {"units": [{"unit": r["unit"], "wave": r["wave"], "employeesN": r["employeesN"], "metrics": {"enps": r["enps"], "nps": r["nps"]}}
                              for r in shuffled.to_dict("records")],
                    "x": ["enps"], "y": ["nps"], "lag": True, "bootstrap": 0, "minN": 5},
        "waveOrder": order,
        "expected": {"observations": len(pairs), "units": int(pairs["unit"].nunique()),
                     "excluded": int(frame.loc[frame["employeesN"] < 5, "unit"].nunique()),
                     "pairs": [f"{u}|{order[p]}" for u, p in zip(pairs["unit"], pairs["position"])],
                     "pearson": correlation(pairs["enps"], pairs["nps"], "pearson", 0.95)},
    }


def aggregation_case():
    """Unit metrics from respondent rows, by an independent pandas groupby.

    Employees answer on 1..5 and customers on 1..7: culture (2 items, the second reversed) and
    recognition (2 items); recommendation 0..10. Missing answers are NaN. Symmetry index uses the
    model weights culture 2, recognition 1 (docs/domain.md#symmetry-index: 100 - weighted mean |gap|).
    """
    def respondents(count, low, high, units, waves):
        frame = pd.DataFrame({
            "unit": RNG.choice(units, size=count), "wave": RNG.choice(waves, size=count),
            "culture_1": RNG.integers(low, high + 1, size=count).astype(float),
            "culture_2": RNG.integers(low, high + 1, size=count).astype(float),
            "recognition_1": RNG.integers(low, high + 1, size=count).astype(float),
            "recognition_2": RNG.integers(low, high + 1, size=count).astype(float),
            "recommend": RNG.integers(0, 11, size=count).astype(float),
        })
        for column in ("culture_1", "recognition_2", "recommend"):
            frame.loc[RNG.random(count) < 0.08, column] = np.nan
        frame.loc[0, ["culture_1", "culture_2"]] = np.nan  # a respondent without any culture answer
        return frame

    units, waves = ["north", "south", "east"], ["2024", "2025"]
    employees = respondents(90, 1, 5, units, waves)
    customers = respondents(140, 1, 7, units[:2], waves)  # "east" has no customers

    def scores(frame, low, high):
        span = high - low
        culture = pd.concat([100 * (frame["culture_1"] - low) / span, 100 * (high - frame["culture_2"]) / span], axis=1).mean(axis=1)
        recognition = pd.concat([100 * (frame["recognition_1"] - low) / span, 100 * (frame["recognition_2"] - low) / span], axis=1).mean(axis=1)
        recommend = frame["recommend"]
        nps_part = np.where(recommend.isna(), np.nan, np.where(recommend >= 9, 1.0, np.where(recommend <= 6, -1.0, 0.0)))
        return frame.assign(culture=culture, recognition=recognition, promoter_score=nps_part)

    employee_scores = scores(employees, 1, 5).groupby(["wave", "unit"])
    customer_scores = scores(customers, 1, 7).groupby(["wave", "unit"])
    attributes = [{"unit": "north", "headcount": 40, "leavers": 6, "salary": 30000},
                  {"unit": "south", "wave": "2025", "headcount": 25, "leavers": 5}]
    expected = []
    for (wave, unit), group in employee_scores:
        metrics = {"culture": group["culture"].mean(), "recognition": group["recognition"].mean(),
                   "enps": 100 * group["promoter_score"].mean()}
        n = {"employeesN": len(group)}
        if (wave, unit) in customer_scores.groups:
            customer = customer_scores.get_group((wave, unit))
            metrics.update({"customer_culture": customer["culture"].mean(), "customer_recognition": customer["recognition"].mean(),
                            "nps": 100 * customer["promoter_score"].mean(), "customer_n": len(customer)})
            gaps = [metrics["culture"] - metrics["customer_culture"], metrics["recognition"] - metrics["customer_recognition"]]
            metrics["symmetry"] = 100 - (2 * abs(gaps[0]) + abs(gaps[1])) / 3
        else:
            metrics.update({"customer_n": 0, "nps": None, "symmetry": None})
        attribute = next((a for a in attributes if a["unit"] == unit and a.get("wave") == wave), None) or \
            next((a for a in attributes if a["unit"] == unit and "wave" not in a), None)
        if attribute:
            metrics["turnover"] = attribute["leavers"] / attribute["headcount"]
        expected.append({"unit": unit, "wave": wave, **n, "metrics": {k: (None if v is None else float(v)) for k, v in metrics.items()},
                         **({k: attribute[k] for k in ("headcount", "leavers", "salary") if k in attribute} if attribute else {})})

    def rows(frame):
        columns = ["culture_1", "culture_2", "recognition_1", "recognition_2", "recommend"]
        return [{"unit": r["unit"], "wave": r["wave"], "values": [number(r[c]) for c in columns]} for r in frame.to_dict("records")]

    return {
        "provenance": "pandas groupby(['wave', 'unit']) means of per-respondent dimension scores (mean of normalised items, NaN skipped), "
                      "eNPS/NPS = 100 * mean of +1/0/-1, symmetry = 100 - (2|gap culture| + |gap recognition|)/3",
        "columns": ["culture_1", "culture_2 (reversed)", "recognition_1", "recognition_2", "recommend"],
        "employees": rows(employees), "customers": rows(customers), "attributes": attributes, "expected": expected,
    }


def main():
    payload = {
        "provenance": {"tool": TOOLS, "script": "shared/test/linkage/reference/make_reference.py"},
        "correlations": {"provenance": "scipy.stats.pearsonr (+ .confidence_interval()), scipy.stats.spearmanr; Spearman's Fisher-z interval by numpy", "cases": correlation_cases()},
        "benjaminiHochberg": {"provenance": "statsmodels.stats.multitest.multipletests(method='fdr_bh'), checked against the BH formula",
                              "cases": [{"p": p, "q": bh(p)} for p in ([0.01, 0.04, 0.03, 0.2, 0.5, 0.04, 0.001, 1.0], [0.3], list(RNG.uniform(0, 0.2, size=12)))]},
        "regression": {"provenance": "scipy.stats.linregress; CI slope +- scipy.stats.t.ppf(1 - (1-c)/2, n-2) * stderr", "cases": regression_cases()},
        "relativeWeights": {"cases": relative_weight_cases()},
        "percentile": {"provenance": "numpy.nanpercentile / numpy.percentile, method='linear'", "cases": percentile_cases()},
        "resample": {"provenance": "numpy.repeat(values, counts) then scipy.stats.pearsonr / spearmanr; counts from numpy multinomial", **resample_cases()},
        "request": request_case(),
        "lag": [lag_case(["1", "2", "10"], "numeric waves 1, 2, 10"), lag_case(["wave 9", "wave 10", "wave 11"], "text waves with numbers")],
        "aggregation": aggregation_case(),
    }
    path = os.path.join(HERE, "linkage.json")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, indent=1, allow_nan=False, default=float)
        handle.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
