import * as React from "react";
import { Button, Field, ProgressBar } from "@fluentui/react-components";
import type { BuildProgress } from "../barometer/buildBarometer";
import { format, type Strings } from "../i18n/strings";

export interface BuildPanelProps {
  readonly strings: Strings;
  readonly canBuild: boolean;
  readonly progress: BuildProgress | null;
  readonly onBuild: () => void;
  readonly onCancel: () => void;
  readonly onSave: () => void;
}

/** Step 3: build (or refresh) the Barometer sheet, with a progress bar and a Cancel button while reading. */
export function BuildPanel({ strings, canBuild, progress, onBuild, onCancel, onSave }: BuildPanelProps): React.ReactElement {
  const running = progress !== null;
  const label = !progress
    ? ""
    : progress.stage === "writing"
      ? strings.building
      : format(strings.reading, {
          population: progress.stage === "employees" ? strings.employees : strings.customers,
          done: progress.rowsRead.toLocaleString(),
          total: progress.totalRows.toLocaleString(),
        });
  return (
    <section aria-labelledby="build-heading" className="sym-section">
      <h2 id="build-heading">{strings.buildHeading}</h2>
      <div className="sym-actions">
        <Button onClick={onSave} disabled={!canBuild || running} data-testid="save-mapping">
          {strings.saveMapping}
        </Button>
        <Button appearance="primary" onClick={onBuild} disabled={!canBuild || running} data-testid="build">
          {strings.build}
        </Button>
        {running ? (
          <Button onClick={onCancel} data-testid="cancel">
            {strings.cancel}
          </Button>
        ) : null}
      </div>
      {progress ? (
        <Field label={label} validationState="none">
          <ProgressBar value={progress.totalRows > 0 ? progress.rowsRead / progress.totalRows : undefined} aria-label={label} />
        </Field>
      ) : null}
    </section>
  );
}
