import * as React from "react";
import type { Language, Model } from "@symmetry/engine";
import { format, type Strings } from "../i18n/strings";
import type { MappingDraft } from "../mapping/draft";
import type { MappingDraftStep } from "../hooks/useMappingDraft";
import { MappingGrid } from "./MappingGrid";
import { UnitsMapping } from "./UnitsMapping";

export interface MappingPanelProps {
  readonly strings: Strings;
  readonly language: Language;
  readonly model: Model;
  readonly draft: MappingDraft;
  readonly mapping: MappingDraftStep;
  readonly unitsHeaders: readonly string[];
}

/** The mapping: its status, the issues not shown on a grid row, the two column grids and the units columns. */
export function MappingPanel({ strings, language, model, draft, mapping, unitsHeaders }: MappingPanelProps): React.ReactElement {
  const { check, unmapped } = mapping;
  const issueCount = check?.issues.length ?? 0;
  return (
    <section aria-labelledby="mapping-heading" className="sym-section">
      <h2 id="mapping-heading">{strings.mappingHeading}</h2>
      <p role="status" data-testid="mapping-status">
        {issueCount === 0 ? strings.mappingValid : format(strings.mappingInvalid, { count: issueCount })}
      </p>
      {check?.issues
        .filter((issue) => !/^(employees|customers)\.columns\./.test(issue.path))
        .map((issue) => (
          <p key={issue.path + issue.message} role="alert" className="sym-issue">
            {issue.message}
          </p>
        ))}
      {unmapped.length > 0 ? <p>{format(strings.unmapped, { headers: unmapped.join(", ") })}</p> : null}
      {(["employees", "customers"] as const).map((population) => (
        <MappingGrid
          key={population}
          strings={strings}
          language={language}
          model={model}
          population={population}
          columns={draft[population].columns}
          scale={draft.scales[population]}
          issues={check?.issues ?? []}
          onColumnChange={mapping.updateColumn(population)}
          onScaleChange={mapping.updateScale(population)}
        />
      ))}
      {draft.units ? <UnitsMapping strings={strings} headers={unitsHeaders} units={draft.units} onChange={mapping.updateUnits} /> : null}
    </section>
  );
}
