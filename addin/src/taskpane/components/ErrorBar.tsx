import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface PaneMessage {
  readonly intent: "error" | "warning" | "success" | "info";
  readonly title?: string;
  /** What happened. */
  readonly text: string;
  /** What to do about it. */
  readonly action?: string;
}

export interface ErrorBarProps {
  readonly message: PaneMessage | null;
  readonly dismissLabel: string;
  readonly onDismiss: () => void;
}

/** The pane's message bar: every failure lands here with what happened and what to do; nothing is swallowed. */
export function ErrorBar({ message, dismissLabel, onDismiss }: ErrorBarProps): React.ReactElement | null {
  if (!message) return null;
  return (
    <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"} data-testid="message-bar">
      <MessageBarBody>
        {message.title ? <MessageBarTitle>{message.title}</MessageBarTitle> : null}
        {message.text}
        {message.action ? ` ${message.action}` : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="transparent" onClick={onDismiss} aria-label={dismissLabel}>
          {dismissLabel}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
