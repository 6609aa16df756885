import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from "@fluentui/react-components";
import type { BenchmarkContributionInput } from "@symmetry/engine";
import { format, type Strings } from "../i18n/strings";

export interface BenchmarkPanelProps {
  readonly strings: Strings;
  readonly sector: string;
  readonly wave: string;
  readonly onChange: (next: { sector: string; wave: string }) => void;
  /** What would be sent (after a build), or null. */
  readonly contribution: BenchmarkContributionInput | null;
  readonly canContribute: boolean;
  readonly onContribute: () => void;
}

/** The benchmark pool: the sector (percentile ranks on the Barometer) and "Contribute to benchmark", which shows exactly what is sent and asks first. */
export function BenchmarkPanel({
  strings,
  sector,
  wave,
  onChange,
  contribution,
  canContribute,
  onContribute,
}: BenchmarkPanelProps): React.ReactElement {
  const [confirming, setConfirming] = React.useState(false);
  const shown = (value: number | null | undefined) => (value === null || value === undefined ? "–" : value.toFixed(1));
  return (
    <section aria-labelledby="benchmark-heading" className="sym-section">
      <h2 id="benchmark-heading">{strings.benchmarkHeading}</h2>
      <p>{strings.benchmarkIntro}</p>
      <Field label={strings.benchmarkSector}>
        <Input
          value={sector}
          data-testid="benchmark-sector"
          onChange={(_, data) => onChange({ sector: data.value, wave })}
          placeholder="retail"
        />
      </Field>
      <Field label={strings.benchmarkWave}>
        <Input
          value={wave}
          data-testid="benchmark-wave"
          onChange={(_, data) => onChange({ sector, wave: data.value })}
          placeholder="2025"
        />
      </Field>
      <div className="sym-actions">
        <Button onClick={() => setConfirming(true)} disabled={!canContribute || !contribution} data-testid="contribute">
          {strings.contribute}
        </Button>
      </div>
      {!contribution ? <p>{strings.benchmarkNeedsBuild}</p> : null}
      <Dialog open={confirming && contribution !== null} onOpenChange={(_, data) => setConfirming(data.open)}>
        <DialogSurface aria-describedby="contribute-body">
          <DialogBody>
            <DialogTitle>{strings.contributeTitle}</DialogTitle>
            <DialogContent id="contribute-body" data-testid="contribute-body">
              {contribution
                ? format(strings.contributeBody, {
                    sector: contribution.sector,
                    wave: contribution.wave,
                    n: contribution.n,
                    enps: shown(contribution.enps),
                    nps: shown(contribution.nps),
                    dimensions: Object.keys(contribution.dimensions).length,
                  })
                : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>{strings.cancel}</Button>
              <Button
                appearance="primary"
                data-testid="contribute-confirm"
                onClick={() => {
                  setConfirming(false);
                  onContribute();
                }}
              >
                {strings.contributeConfirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
