import type { Model, UnitAttributes } from "@symmetry/engine";
import { SymError, describeList } from "@symmetry/engine/errors";
import { canonicalLabel } from "@symmetry/engine/_lib/groupLabels";
import { normaliseHeader } from "@symmetry/engine/model/headers";
import { parseNumericText } from "@symmetry/engine/scale/answers";
import { readCsvFile } from "../csv/csvFile";
import { ColumnKind } from "../csv/recordParser";
import { attributeIndex } from "./attributeIndex";

/**
 * The units file (`--units`): one row a unit with its attribute (front office / support, as the article on recognising support staff asks:
 * support units must be visible), headcount, leavers and average salary. Headers are recognised
 * in English and French (`unit`/`unité`, `attribute`/`type`, `headcount`/`effectif`,
 * `leavers`/`départs`, `average_salary`/`salaire_annuel_moyen`…); other columns are ignored.
 */
const HEADER_NAMES: Record<"unit" | "attribute" | "headcount" | "leavers" | "salary", readonly string[]> = {
  unit: ["unit", "unite", "unit id", "store", "magasin", "team", "equipe"],
  attribute: ["attribute", "type", "kind", "category", "categorie", "unit type", "type d'unite"],
  headcount: ["headcount", "effectif", "staff", "employees", "salaries"],
  leavers: ["leavers", "departs", "exits", "departures"],
  salary: [
    "salary",
    "average salary",
    "average_salary",
    "salaire",
    "salaire moyen",
    "salaire_moyen",
    "salaire_annuel_moyen",
    "salaire annuel moyen",
  ],
};

export interface UnitsRead {
  readonly units: UnitAttributes[];
  readonly unmapped: string[];
}

export function readUnitsFile(file: string, model: Model): UnitsRead {
  const units: UnitAttributes[] = [];
  const attributes = attributeIndex(model);
  let unmapped: string[] = [];
  readCsvFile(file, (headers) => {
    const column = (role: keyof typeof HEADER_NAMES) =>
      headers.findIndex((header) => {
        const name = normaliseHeader(header);
        return HEADER_NAMES[role].includes(name) || HEADER_NAMES[role].includes(name.replace(/_/g, " "));
      });
    const positions = {
      unit: column("unit"),
      attribute: column("attribute"),
      headcount: column("headcount"),
      leavers: column("leavers"),
      salary: column("salary"),
    };
    if (positions.unit < 0)
      throw new SymError("invalid-argument", `${file} has no unit column (unit, unité…); its columns are ${describeList(headers)}`, {
        file,
      });
    const used = new Set(Object.values(positions).filter((index) => index >= 0));
    unmapped = headers.filter((_, index) => !used.has(index));
    const kinds = new Uint8Array(headers.length);
    kinds[positions.unit] = ColumnKind.Text;
    if (positions.attribute >= 0) kinds[positions.attribute] = ColumnKind.Text;
    for (const numeric of [positions.headcount, positions.leavers, positions.salary]) if (numeric >= 0) kinds[numeric] = ColumnKind.Numeric;
    return {
      kinds,
      readSlowNumber: (text) => readQuantity(text.replace(/[\s\u00a0\u202f]/g, "")),
      record(values, texts) {
        const unit = canonicalLabel(texts[positions.unit].trim());
        if (unit === "") return;
        const entry: { -readonly [K in keyof UnitAttributes]: UnitAttributes[K] } = { unit };
        if (positions.attribute >= 0) {
          const raw = texts[positions.attribute].trim();
          if (raw !== "") entry.attribute = attributes.get(normaliseHeader(raw)) ?? raw;
        }
        for (const [key, index] of [
          ["headcount", positions.headcount],
          ["leavers", positions.leavers],
          ["salary", positions.salary],
        ] as const) {
          if (index < 0 || Number.isNaN(values[index])) continue;
          if (values[index] < 0)
            throw new SymError("invalid-argument", `${key} ${values[index]} is negative`, { column: index + 1, value: values[index] });
          entry[key] = values[index];
        }
        if (entry.leavers !== undefined && entry.headcount !== undefined && entry.leavers > entry.headcount) {
          throw new SymError("invalid-argument", `leavers ${entry.leavers} exceed the headcount ${entry.headcount}`, {
            column: positions.leavers + 1,
            value: entry.leavers,
          });
        }
        units.push(entry);
      },
    };
  });
  return { units, unmapped };
}

/** A count or an amount: blank is missing, "1 250,50" and "1250.50" are numbers, anything else is an error. */
function readQuantity(text: string): number {
  if (text === "") return Number.NaN;
  const number = parseNumericText(text);
  if (number === undefined) throw new SymError("invalid-answer", `${JSON.stringify(text)} is not a number`, { value: text });
  return number;
}
