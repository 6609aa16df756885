#!/usr/bin/env python3
"""The barometer computed with pandas + scipy, independently of the TypeScript engine.

Used twice:
- by bench/run.js, to time an equivalent pandas+scipy pipeline on the same CSV files;
- by cli/test/fixtures/make_samples_reference.py, to produce reference values for the CLI tests.

Formulas (docs/domain.md): normalisation 100*(x-lo)/(hi-lo) (reversed 100*(hi-x)/(hi-lo)); respondent
dimension score = mean of its present items; group score = mean over respondents; gap = employee -
customer; Welch t test (scipy.stats.ttest_ind(equal_var=False)), CI gap +/- t.ppf(0.975, df)*se with
the Welch-Satterthwaite df; Hedges' g = J * gap / pooled sd, J = 1 - 3/(4(n1+n2-2)-1); NPS =
100*(P-D)/n with the adjusted-Wald interval (Rocks 2016); Cronbach's alpha listwise; symmetry index =
100 - mean |gap|.

Usage: barometer_pandas.py EMPLOYEES.csv CUSTOMERS.csv [--scale 1-5] [--min-n 5] [--threshold 10] [--alpha 0.05]
Prints one JSON object: the results and the time of each phase.
"""
import json
import re
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

DIMENSIONS = ["culture", "recognition", "information", "autonomy", "physical", "relationship",
              "development", "alignment", "wellbeing", "ethics", "horizon"]
NON_ANSWERS = ["", "NA", "N/A", "NSP", "#N/A"]
HEADER = re.compile(r"^(?P<dimension>[a-z]+)[ _.\-#:]*\(?(?P<item>\d{1,3})\)?(?P<reversed>~r)?$")


def read_population(path):
    with open(path, encoding="utf-8-sig") as handle:
        header = handle.readline()
    separator = ";" if header.count(";") > header.count(",") else ","
    return pd.read_csv(path, sep=separator, decimal="," if separator == ";" else ".", encoding="utf-8-sig",
                       na_values=NON_ANSWERS, keep_default_na=False, low_memory=False,
                       dtype={"unit": str, "manager": str})


def dimension_scores(frame, lo, hi):
    """Respondent dimension scores (DataFrame, one column a dimension)."""
    columns = {}
    for header in frame.columns:
        match = HEADER.match(str(header).strip().lower())
        if match and match.group("dimension") in DIMENSIONS:
            columns.setdefault(match.group("dimension"), []).append((header, bool(match.group("reversed"))))
    scores = {}
    items = {}
    for dimension, headers in columns.items():
        normalised = []
        for header, reversed_item in headers:
            values = frame[header].astype(float)
            normalised.append(100 * (hi - values) / (hi - lo) if reversed_item else 100 * (values - lo) / (hi - lo))
        block = pd.concat(normalised, axis=1)
        items[dimension] = block
        scores[dimension] = block.mean(axis=1, skipna=True)
    return pd.DataFrame(scores), items


def cronbach_alpha(block):
    complete = block.dropna()
    k = block.shape[1]
    if k < 2 or len(complete) < 2:
        return None
    total_variance = complete.sum(axis=1).var(ddof=1)
    if not total_variance > 0:
        return None
    return float(k / (k - 1) * (1 - complete.var(ddof=1).sum() / total_variance))


def nps(answers, confidence=0.95):
    answers = answers.dropna()
    n = len(answers)
    if n == 0:
        return None
    promoters = int((answers >= 9).sum())
    detractors = int((answers <= 6).sum())
    adjusted_n = n + 3
    p_promoters = (promoters + 0.75) / adjusted_n
    p_detractors = (detractors + 0.75) / adjusted_n
    adjusted = p_promoters - p_detractors
    variance = p_promoters + p_detractors - adjusted ** 2
    margin = stats.norm.ppf(0.5 + confidence / 2) * np.sqrt(variance / adjusted_n)
    return {"value": 100 * (promoters - detractors) / n, "low": max(-100.0, 100 * (adjusted - margin)),
            "high": min(100.0, 100 * (adjusted + margin)), "n": n}


def welch(employee, customer, confidence=0.95):
    employee = employee.dropna().to_numpy()
    customer = customer.dropna().to_numpy()
    n1, n2 = len(employee), len(customer)
    v1, v2 = employee.var(ddof=1), customer.var(ddof=1)
    se = np.sqrt(v1 / n1 + v2 / n2)
    df = (v1 / n1 + v2 / n2) ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
    t, p = stats.ttest_ind(employee, customer, equal_var=False)
    gap = employee.mean() - customer.mean()
    margin = stats.t.ppf(0.5 + confidence / 2, df) * se
    pooled_df = n1 + n2 - 2
    pooled_sd = np.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / pooled_df)
    correction = 1 - 3 / (4 * pooled_df - 1)
    return {"gap": float(gap), "low": float(gap - margin), "high": float(gap + margin), "t": float(t), "df": float(df),
            "p": float(p), "hedgesG": float(correction * gap / pooled_sd)}


def unit_enps(frame, column, min_n):
    """eNPS per unit; units under min_n answers are marked suppressed (primary suppression only)."""
    if column not in frame.columns or "enps" not in frame.columns:
        return []
    answers = frame[["enps", column]].dropna(subset=[column])
    results = []
    for unit, group in answers.groupby(column, sort=True):
        valid = group["enps"].dropna()
        n_answers = len(valid)
        value = 100 * ((valid >= 9).sum() - (valid <= 6).sum()) / n_answers if n_answers else None
        results.append({"unit": str(unit), "n": int(len(group)), "answers": n_answers,
                        "enps": None if n_answers < min_n else float(value), "belowThreshold": n_answers < min_n})
    return results


def compute(employees, customers, lo, hi, min_n, threshold, alpha):
    employee_scores, employee_items = dimension_scores(employees, lo, hi)
    customer_scores, customer_items = dimension_scores(customers, lo, hi)
    dimensions = []
    gaps = []
    for dimension in DIMENSIONS:
        if dimension not in employee_scores or dimension not in customer_scores:
            continue
        test = welch(employee_scores[dimension], customer_scores[dimension])
        status = "ok" if abs(test["gap"]) < threshold else ("alert" if test["p"] < alpha else "watch")
        dimensions.append({
            "id": dimension,
            "employee": {"score": float(employee_scores[dimension].mean()), "n": int(employee_scores[dimension].count()),
                         "alpha": cronbach_alpha(employee_items[dimension])},
            "customer": {"score": float(customer_scores[dimension].mean()), "n": int(customer_scores[dimension].count()),
                         "alpha": cronbach_alpha(customer_items[dimension])},
            **test,
            "status": status,
        })
        gaps.append(abs(test["gap"]))
    return {
        "employees": {"n": len(employees), "enps": nps(employees["enps"]) if "enps" in employees else None},
        "customers": {"n": len(customers), "nps": nps(customers["nps"]) if "nps" in customers else None},
        "dimensions": dimensions,
        "symmetryIndex": 100 - float(np.mean(gaps)) if gaps else None,
        "units": unit_enps(employees, "unit", min_n),
    }


def barometer(employees_path, customers_path, lo=1.0, hi=5.0, min_n=5, threshold=10.0, alpha=0.05):
    timings = {}
    start = time.perf_counter()
    employees = read_population(employees_path)
    customers = read_population(customers_path)
    timings["read"] = time.perf_counter() - start

    # Small sizes are timed best of five, as the engine is, so neither side pays a first-call cost.
    repeats = 5 if len(employees) + len(customers) <= 400_000 else 1
    timings["compute"] = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        cpu_start = time.process_time()
        result = compute(employees, customers, lo, hi, min_n, threshold, alpha)
        elapsed = time.perf_counter() - start
        if elapsed < timings["compute"]:
            timings["compute"] = elapsed
            timings["compute_cpu"] = time.process_time() - cpu_start
    return result, timings


def main(argv):
    arguments = {"--scale": "1-5", "--min-n": "5", "--threshold": "10", "--alpha": "0.05"}
    paths = []
    index = 0
    while index < len(argv):
        if argv[index] in arguments:
            arguments[argv[index]] = argv[index + 1]
            index += 2
        else:
            paths.append(argv[index])
            index += 1
    lo, hi = (float(part) for part in arguments["--scale"].split("-"))
    result, timings = barometer(paths[0], paths[1], lo, hi, int(arguments["--min-n"]), float(arguments["--threshold"]),
                                float(arguments["--alpha"]))
    json.dump({"result": result, "timings": timings}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
