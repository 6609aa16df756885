#!/usr/bin/env python3
"""Reference for the money chain (docs/domain.md#money-chain), independent of the engine.

Writes money_chain.json next to this script from seeded data:
- employees (dimension scores 0-100, an eNPS answer 0-10, a unit) and customers (scores);
- units with headcount, leavers and salary, whose turnover falls with their employees' eNPS.

Each link is computed with scipy / statsmodels:
- gap of each dimension: statsmodels CompareMeans, Welch (usevar="unequal"), with its interval;
- eNPS points per score point: statsmodels OLS of the respondent's eNPS contribution
  (+100 promoter, 0 passive, -100 detractor) on the dimension scores, with an intercept;
- turnover per eNPS point: statsmodels OLS of unit leavers / headcount on unit eNPS;
- the chain's interval: the Monte Carlo method (MacKinnon, Lockwood & Williams 2004), 2,000,000
  normal draws with numpy of each estimate, percentiles of the product.

    /usr/bin/python3 shared/test/priorities/reference/make_money_chain.py
"""
import json
import os

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

rng = np.random.default_rng(20261130)
DIMENSIONS = ["culture", "recognition", "information"]
UNITS = 30
PER_UNIT = 12
COST_RATIO = 0.21
CONFIDENCE = 0.95

unit_quality = rng.normal(0, 12, UNITS)
unit_of = np.repeat(np.arange(UNITS), PER_UNIT)
n = len(unit_of)
base = 55 + unit_quality[unit_of][:, None] + rng.normal(0, 14, (n, len(DIMENSIONS)))
base[:, 1] -= 14  # recognition: employees well below customers (an alert)
employee_scores = np.clip(np.round(base / 6.25) * 6.25, 0, 100)
answer = np.clip(np.round(0.04 * employee_scores[:, 0] + 0.06 * employee_scores[:, 1] + 0.02 * employee_scores[:, 2] + rng.normal(1.5, 1.6, n)), 0, 10)
customer_scores = np.clip(np.round(rng.normal(60, 16, (400, len(DIMENSIONS))) / 6.25) * 6.25, 0, 100)
customer_scores[:, 2] -= 12  # information: employees above customers (not valued by the chain)

contribution = np.where(answer >= 9, 100.0, np.where(answer >= 7, 0.0, -100.0))

gaps = []
for index, dimension in enumerate(DIMENSIONS):
    compare = CompareMeans(DescrStatsW(employee_scores[:, index]), DescrStatsW(customer_scores[:, index]))
    _, p_value, df = compare.ttest_ind(usevar="unequal")
    low, high = compare.tconfint_diff(alpha=1 - CONFIDENCE, usevar="unequal")
    gaps.append(
        {
            "id": dimension,
            "gap": float(employee_scores[:, index].mean() - customer_scores[:, index].mean()),
            "low": float(low),
            "high": float(high),
            "df": float(df),
            "p": float(p_value),
        }
    )

fit = sm.OLS(contribution, sm.add_constant(employee_scores)).fit()
conf = fit.conf_int(1 - CONFIDENCE)
regression = {
    "n": int(n),
    "df": float(fit.df_resid),
    "rSquared": float(fit.rsquared),
    "coefficients": {
        dimension: {
            "estimate": float(fit.params[index + 1]),
            "standardError": float(fit.bse[index + 1]),
            "low": float(conf[index + 1][0]),
            "high": float(conf[index + 1][1]),
            "p": float(fit.pvalues[index + 1]),
        }
        for index, dimension in enumerate(DIMENSIONS)
    },
}

units = []
for unit in range(UNITS):
    answers = answer[unit_of == unit]
    enps = 100 * (np.sum(answers >= 9) - np.sum(answers <= 6)) / len(answers)
    headcount = int(rng.integers(20, 90))
    rate = np.clip(0.22 - 0.0015 * enps + rng.normal(0, 0.04), 0.0, 0.9)
    units.append(
        {
            "unit": f"U{unit + 1:02d}",
            "promoters": int(np.sum(answers >= 9)),
            "passives": int(np.sum((answers >= 7) & (answers <= 8))),
            "detractors": int(np.sum(answers <= 6)),
            "enps": float(enps),
            "headcount": headcount,
            "leavers": int(round(rate * headcount)),
            "salary": float(round(rng.normal(32000, 4000), 2)),
        }
    )
unit_enps = np.array([unit["enps"] for unit in units])
rates = np.array([unit["leavers"] / unit["headcount"] for unit in units])
turnover_fit = sm.OLS(rates, sm.add_constant(unit_enps)).fit()
turnover_conf = turnover_fit.conf_int(1 - CONFIDENCE)
headcount = sum(unit["headcount"] for unit in units)
mean_salary = sum(unit["salary"] * unit["headcount"] for unit in units) / headcount
turnover = {
    "units": UNITS,
    "slope": float(turnover_fit.params[1]),
    "low": float(turnover_conf[1][0]),
    "high": float(turnover_conf[1][1]),
    "standardError": float(turnover_fit.bse[1]),
    "p": float(turnover_fit.pvalues[1]),
    "headcount": headcount,
    "meanSalary": float(mean_salary),
}

DRAWS = 2_000_000
chain = {}
for gap in gaps:
    if gap["gap"] >= 0:
        continue
    coefficient = regression["coefficients"][gap["id"]]
    points = -gap["gap"]
    gap_error = (gap["high"] - gap["low"]) / (2 * stats.t.ppf(1 - (1 - CONFIDENCE) / 2, gap["df"]))
    cost_per_leaver = mean_salary * COST_RATIO
    drawn = (
        (points + gap_error * rng.standard_normal(DRAWS))
        * (coefficient["estimate"] + coefficient["standardError"] * rng.standard_normal(DRAWS))
        * -(turnover["slope"] + turnover["standardError"] * rng.standard_normal(DRAWS))
        * headcount
        * cost_per_leaver
    )
    enps_gain = points * coefficient["estimate"]
    leavers = enps_gain * -turnover["slope"] * headcount
    chain[gap["id"]] = {
        "points": points,
        "enps": enps_gain,
        "leavers": leavers,
        "costPerLeaver": cost_per_leaver,
        "value": leavers * cost_per_leaver,
        "low": float(np.percentile(drawn, 100 * (1 - CONFIDENCE) / 2)),
        "high": float(np.percentile(drawn, 100 * (1 + CONFIDENCE) / 2)),
    }

reference = {
    "source": "make_money_chain.py: statsmodels CompareMeans (Welch), statsmodels OLS, numpy Monte Carlo (2,000,000 draws)",
    "dimensions": DIMENSIONS,
    "costRatio": COST_RATIO,
    "confidence": CONFIDENCE,
    "employees": {
        "scores": employee_scores.tolist(),
        "answers": answer.tolist(),
        "units": [units[index]["unit"] for index in unit_of],
    },
    "gaps": gaps,
    "regression": regression,
    "units": units,
    "turnover": turnover,
    "chain": chain,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "money_chain.json"), "w") as handle:
    json.dump(reference, handle, indent=1)
    handle.write("\n")
print(json.dumps({key: value for key, value in reference.items() if key in ("gaps", "regression", "turnover", "chain")}, indent=1))
