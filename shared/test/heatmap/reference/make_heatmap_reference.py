"""Reference values for the heat map and the support-versus-front-office block, computed with
pandas and scipy on the English samples (samples/en/employees.csv, customers.csv, units.csv).

Independent of the engine: pandas reads the files, to_numeric turns the declared non-answers
(blank, NA, N/A, NSP, #N/A) into NaN, items are normalised 100*(x-1)/4 (reversed `~r`
100*(5-x)/4), a respondent's dimension score is the mean of the present items, and group scores
are pandas groupby means. Support versus front office: scipy.stats.ttest_ind(equal_var=False)
(Welch), interval from the t distribution with Welch-Satterthwaite degrees of freedom.

Run from the repository root: /usr/bin/python3 shared/test/heatmap/reference/make_heatmap_reference.py
It writes shared/test/heatmap/reference/heatmap.json.
"""
import json
import os
import platform

import numpy as np
import pandas as pd
import scipy
from scipy import stats

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
SAMPLES = os.path.join(ROOT, "samples", "en")
OUT = os.path.join(os.path.dirname(__file__), "heatmap.json")
DIMENSIONS = ["culture", "recognition", "information", "autonomy", "physical", "relationship",
              "development", "alignment", "wellbeing", "ethics", "horizon"]


def dimension_scores(frame):
    scores = pd.DataFrame(index=frame.index)
    for dimension in DIMENSIONS:
        columns = [column for column in frame.columns if column.split("_")[0] == dimension]
        normalised = []
        for column in columns:
            values = pd.to_numeric(frame[column], errors="coerce")
            normalised.append(100 * (5 - values) / 4 if column.endswith("~r") else 100 * (values - 1) / 4)
        scores[dimension] = pd.concat(normalised, axis=1).mean(axis=1, skipna=True)
    return scores


def none_if_nan(value):
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value)


def main():
    employees = pd.read_csv(os.path.join(SAMPLES, "employees.csv"), dtype=str, keep_default_na=False)
    customers = pd.read_csv(os.path.join(SAMPLES, "customers.csv"), dtype=str, keep_default_na=False)
    units = pd.read_csv(os.path.join(SAMPLES, "units.csv"), dtype=str, keep_default_na=False)
    type_of = dict(zip(units["unit"], units["attribute"]))
    employee_scores = dimension_scores(employees)
    customer_scores = dimension_scores(customers)
    employee_scores["unit"] = employees["unit"]
    employee_scores["manager"] = employees["manager"]
    employee_scores["type"] = employees["unit"].map(type_of)
    customer_scores["unit"] = customers["unit"]
    customer_scores["type"] = customers["unit"].map(type_of)

    groupings = {}
    for by in ["unit", "manager", "type"]:
        rows = []
        grouped = employee_scores.groupby(by)
        customer_grouped = customer_scores.groupby(by) if by in customer_scores else None
        for group, frame in grouped:
            entry = {"group": group, "n": int(len(frame)), "employee": {}, "employeeN": {}, "customer": {}, "customerN": {}}
            for dimension in DIMENSIONS:
                entry["employee"][dimension] = none_if_nan(frame[dimension].mean())
                entry["employeeN"][dimension] = int(frame[dimension].notna().sum())
                if customer_grouped is not None and group in customer_grouped.groups:
                    customer_frame = customer_grouped.get_group(group)
                    entry["customer"][dimension] = none_if_nan(customer_frame[dimension].mean())
                    entry["customerN"][dimension] = int(customer_frame[dimension].notna().sum())
            rows.append(entry)
        groupings[by] = rows

    support = []
    for dimension in DIMENSIONS:
        front_scores = employee_scores.loc[employee_scores["type"] == "front-office", dimension].dropna()
        support_scores = employee_scores.loc[employee_scores["type"] == "support", dimension].dropna()
        test = stats.ttest_ind(support_scores, front_scores, equal_var=False)
        share_support = support_scores.var(ddof=1) / len(support_scores)
        share_front = front_scores.var(ddof=1) / len(front_scores)
        df = (share_support + share_front) ** 2 / (share_support ** 2 / (len(support_scores) - 1) + share_front ** 2 / (len(front_scores) - 1))
        difference = support_scores.mean() - front_scores.mean()
        margin = stats.t.ppf(0.975, df) * np.sqrt(share_support + share_front)
        support.append({
            "id": dimension,
            "front": {"score": float(front_scores.mean()), "n": int((employee_scores["type"] == "front-office").sum())},
            "support": {"score": float(support_scores.mean()), "n": int((employee_scores["type"] == "support").sum())},
            "difference": float(difference),
            "low": float(difference - margin),
            "high": float(difference + margin),
            "p": float(test.pvalue),
        })

    payload = {
        "provenance": {
            "script": "shared/test/heatmap/reference/make_heatmap_reference.py",
            "tools": f"python {platform.python_version()}, pandas {pd.__version__}, numpy {np.__version__}, scipy {scipy.__version__}",
            "calls": "pandas groupby mean; scipy.stats.ttest_ind(equal_var=False); scipy.stats.t.ppf",
        },
        "groupings": groupings,
        "support": support,
    }
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, indent=1, ensure_ascii=False)
        handle.write("\n")


if __name__ == "__main__":
    main()
