import type { Model } from "@symmetry/engine";
import type { CellValue } from "../taskpane/workbook/WorkbookPort";

/**
 * A deterministic synthetic survey for the preview's scale test (`?rows=200000`) and as a
 * fallback when the bundled samples cannot be fetched: employees and customers answer 3 items
 * per dimension on 1–5 (a few blanks), eNPS/NPS on 0–10, 40 units with 4 managers each.
 * Not statistics: only a data shape, generated with a small linear congruential generator.
 */
export interface SyntheticSurvey {
  readonly employees: CellValue[][];
  readonly customers: CellValue[][];
}

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syntheticSurvey(model: Model, rows: number, seed = 7): SyntheticSurvey {
  const random = generator(seed);
  const items = model.dimensions.flatMap((dimension) => [1, 2, 3].map((item) => `${dimension.id}_${item}`));
  const answer = (centre: number) => {
    if (random() < 0.03) return null;
    return Math.min(5, Math.max(1, Math.round(centre + (random() + random() + random() - 1.5) * 2)));
  };
  const recommendation = (centre: number) =>
    random() < 0.05 ? null : Math.min(10, Math.max(0, Math.round(centre + (random() + random() - 1) * 6)));
  const employees: CellValue[][] = [["respondent_id", "unit", "manager", ...items, "enps"]];
  const customers: CellValue[][] = [["respondent_id", "unit", ...items, "nps"]];
  const centres = model.dimensions.map((_, index) => 2.8 + (index % 4) * 0.35);
  for (let row = 0; row < rows; row++) {
    const unit = `Unit ${String(1 + (row % 40)).padStart(2, "0")}`;
    const line: CellValue[] = [`E${row + 1}`, unit, `${unit}-M${1 + (row % 4)}`];
    for (const centre of centres) for (let item = 0; item < 3; item++) line.push(answer(centre));
    line.push(recommendation(7));
    employees.push(line);
    const customer: CellValue[] = [`C${row + 1}`, unit];
    for (const centre of centres) for (let item = 0; item < 3; item++) customer.push(answer(centre + 0.4));
    customer.push(recommendation(7.5));
    customers.push(customer);
  }
  return { employees, customers };
}
