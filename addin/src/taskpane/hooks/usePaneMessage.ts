import * as React from "react";
import type { Language } from "@symmetry/engine";
import { stringsFor } from "../i18n/strings";
import { describeFailure } from "../messages";
import type { PaneMessage } from "../components/ErrorBar";

export interface PaneMessageState {
  readonly message: PaneMessage | null;
  readonly setMessage: (message: PaneMessage | null) => void;
  /** Shows a failure in the message bar, in the pane's language, with what to do about it. */
  readonly fail: (error: unknown) => void;
}

/** The pane's single message bar: every step reports through it, so nothing is swallowed. */
export function usePaneMessage(language: Language): PaneMessageState {
  const [message, setMessage] = React.useState<PaneMessage | null>(null);
  const fail = React.useCallback((error: unknown) => setMessage(describeFailure(error, stringsFor(language), language)), [language]);
  return { message, setMessage, fail };
}
