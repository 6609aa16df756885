import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import type { Mapping } from "@symmetry/engine";
import type { Strings } from "../i18n/strings";

type Units = NonNullable<Mapping["units"]>;
type UnitsColumnKey = "unitColumn" | "headcountColumn" | "leaversColumn" | "salaryColumn" | "attributeColumn";

export interface UnitsMappingProps {
  readonly strings: Strings;
  readonly headers: readonly string[];
  readonly units: Units;
  readonly onChange: (units: Units) => void;
}

/** The optional Units data: which column holds the unit, headcount, leavers, salary and front office / support. */
export function UnitsMapping({ strings, headers, units, onChange }: UnitsMappingProps): React.ReactElement {
  const fields: [UnitsColumnKey, string][] = [
    ["unitColumn", strings.unitColumn],
    ["headcountColumn", strings.headcountColumn],
    ["leaversColumn", strings.leaversColumn],
    ["salaryColumn", strings.salaryColumn],
    ["attributeColumn", strings.attributeColumn],
  ];
  return (
    <section aria-labelledby="units-heading" className="sym-section">
      <h3 id="units-heading">{strings.unitsSource}</h3>
      {fields.map(([key, label]) => (
        <Field key={key} label={label}>
          <Select
            value={units[key] ?? ""}
            onChange={(_, data) => {
              const next: Units = { ...units };
              if (data.value) next[key] = data.value;
              else if (key !== "unitColumn") delete next[key];
              onChange(next);
            }}
          >
            {key === "unitColumn" ? null : <option value="">{strings.none}</option>}
            {headers.map((header) => (
              <option key={header} value={header}>
                {header}
              </option>
            ))}
          </Select>
        </Field>
      ))}
    </section>
  );
}
