import * as React from "react";
import { Button, Checkbox, Field, Input, ProgressBar, Select } from "@fluentui/react-components";
import { format, type Strings } from "../i18n/strings";
import type { LinkageChoices, MethodChoice, MetricOption } from "../linkage/linkageRequest";

export interface LinkagePanelProps {
  readonly strings: Strings;
  readonly metrics: { readonly x: readonly MetricOption[]; readonly y: readonly MetricOption[] };
  readonly choices: LinkageChoices;
  readonly onChange: (choices: LinkageChoices) => void;
  /** The configured API URL: offers to run the analysis there. */
  readonly apiUrl?: string;
  readonly onApi: boolean;
  readonly onApiChange: (onApi: boolean) => void;
  readonly disabled: boolean;
  /** Progress text and share (0–1, undefined = indeterminate) while running. */
  readonly progress: { readonly label: string; readonly value?: number } | null;
  readonly onRun: () => void;
  readonly onCancel: () => void;
}

function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...list.filter((entry) => entry !== id), id] : list.filter((entry) => entry !== id);
}

/** Step 4: pick employee metrics and outcomes, method, bootstrap and seed, then run the linkage (worker or API). */
export function LinkagePanel(props: LinkagePanelProps): React.ReactElement {
  const { strings, metrics, choices, onChange, progress } = props;
  const running = progress !== null;
  const number = (value: string, fallback: number) => (value.trim() === "" || !Number.isFinite(Number(value)) ? fallback : Number(value));
  const group = (legend: string, options: readonly MetricOption[], selected: readonly string[], key: "x" | "y") => (
    <fieldset className="sym-fieldset">
      <legend>{legend}</legend>
      {options.map((option) => (
        <Checkbox
          key={option.id}
          label={option.label}
          checked={selected.includes(option.id)}
          data-testid={`linkage-${key}-${option.id}`}
          onChange={(_, data) => onChange({ ...choices, [key]: toggle(choices[key], option.id, Boolean(data.checked)) })}
        />
      ))}
    </fieldset>
  );
  const canRun = choices.x.length > 0 && choices.y.length > 0 && !props.disabled && !running;
  return (
    <section aria-labelledby="linkage-heading" className="sym-section">
      <h2 id="linkage-heading">{strings.linkageHeading}</h2>
      <p>{strings.linkageIntro}</p>
      {group(strings.linkageXChoice, metrics.x, choices.x, "x")}
      {group(strings.linkageYChoice, metrics.y, choices.y, "y")}
      {choices.x.length === 0 || choices.y.length === 0 ? <p role="status">{strings.linkagePickBoth}</p> : null}
      <Field label={strings.linkageMethodChoice}>
        <Select
          value={choices.method}
          data-testid="linkage-method"
          onChange={(_, data) => onChange({ ...choices, method: data.value as MethodChoice })}
        >
          <option value="pearson">{strings.methodPearson}</option>
          <option value="spearman">{strings.methodSpearman}</option>
          <option value="both">{strings.methodBoth}</option>
        </Select>
      </Field>
      <Field label={strings.linkageBootstrapChoice}>
        <Input
          type="number"
          min={0}
          max={100000}
          value={String(choices.bootstrap)}
          data-testid="linkage-bootstrap"
          onChange={(_, data) => onChange({ ...choices, bootstrap: Math.max(0, Math.round(number(data.value, 0))) })}
        />
      </Field>
      <Field label={strings.linkageSeedChoice}>
        <Input
          type="number"
          min={0}
          value={String(choices.seed)}
          data-testid="linkage-seed"
          onChange={(_, data) => onChange({ ...choices, seed: Math.max(0, Math.round(number(data.value, 1))) })}
        />
      </Field>
      <Field label={strings.linkageCostChoice}>
        <Input
          type="number"
          min={0}
          step={0.01}
          value={String(choices.costRatio)}
          data-testid="linkage-cost"
          onChange={(_, data) => onChange({ ...choices, costRatio: Math.max(0, number(data.value, 0.21)) })}
        />
      </Field>
      <Field label={strings.linkageDeltaChoice}>
        <Input
          type="number"
          value={String(choices.deltaPoints)}
          data-testid="linkage-delta"
          onChange={(_, data) => onChange({ ...choices, deltaPoints: number(data.value, 1) })}
        />
      </Field>
      {props.apiUrl ? (
        <Checkbox
          label={format(strings.linkageRunOnApi, { url: props.apiUrl })}
          checked={props.onApi}
          data-testid="linkage-on-api"
          onChange={(_, data) => props.onApiChange(Boolean(data.checked))}
        />
      ) : null}
      <div className="sym-actions">
        <Button appearance="primary" onClick={props.onRun} disabled={!canRun} data-testid="linkage-run">
          {strings.linkageRun}
        </Button>
        {running ? (
          <Button onClick={props.onCancel} data-testid="linkage-cancel">
            {strings.cancel}
          </Button>
        ) : null}
      </div>
      {progress ? (
        <Field label={progress.label} validationState="none">
          <ProgressBar value={progress.value} aria-label={progress.label} data-testid="linkage-progress" />
        </Field>
      ) : null}
    </section>
  );
}
