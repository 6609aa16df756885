import * as React from "react";
import { Button, Field, Textarea } from "@fluentui/react-components";
import type { Strings } from "../i18n/strings";
import { reportText, type CheckLine } from "../install/installationCheck";

export interface InstallationPanelProps {
  readonly strings: Strings;
  /** Runs every check (see install/installationCheck); never throws. */
  readonly onCheck: () => Promise<CheckLine[]>;
}

const MARKS: Record<string, string> = { true: "✔", false: "✖", null: "–" };

/**
 * "Check this installation", for the analyst or IT person who sideloads the add-in: one line per
 * check, each marked, and the same lines as text to copy into a support request.
 */
export function InstallationPanel({ strings, onCheck }: InstallationPanelProps): React.ReactElement {
  const [lines, setLines] = React.useState<CheckLine[] | null>(null);
  const [running, setRunning] = React.useState(false);
  const [copied, setCopied] = React.useState(false);
  const text = lines ? reportText(lines) : "";

  const run = async () => {
    setRunning(true);
    setCopied(false);
    try {
      setLines(await onCheck());
    } finally {
      setRunning(false);
    }
  };

  const copy = async () => {
    // The clipboard API can be refused inside an Office web view: the text stays selectable.
    await navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <section aria-labelledby="install-heading" className="sym-section">
      <h2 id="install-heading">{strings.installHeading}</h2>
      <p>{strings.installIntro}</p>
      <div className="sym-actions">
        <Button onClick={() => void run()} disabled={running} data-testid="install-check">
          {running ? strings.installRunning : strings.installRun}
        </Button>
      </div>
      {lines ? (
        <>
          <ul data-testid="install-lines">
            {lines.map((line) => (
              <li key={line.label} data-testid="install-line" data-ok={String(line.ok)}>
                <span aria-hidden="true">{MARKS[String(line.ok)]} </span>
                <strong>{line.label}</strong>: {line.detail}
              </li>
            ))}
          </ul>
          <Field label={strings.installReport}>
            <Textarea readOnly value={text} rows={lines.length} data-testid="install-report" />
          </Field>
          <div className="sym-actions">
            <Button onClick={() => void copy()} data-testid="install-copy">
              {strings.installCopy}
            </Button>
            {copied ? <span role="status">{strings.installCopied}</span> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
