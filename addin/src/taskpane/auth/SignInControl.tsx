import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { format, type Strings } from "../i18n/strings";
import type { SignInState } from "./useSignIn";

/** Who is signed in, with Sign in / Sign out; or why sign-in, and with it the API, is off. */
export function SignInControl({ strings, signIn }: { readonly strings: Strings; readonly signIn: SignInState }): React.ReactElement {
  if (signIn.status === "off") {
    return (
      <MessageBar intent="info" data-testid="sign-in-off">
        <MessageBarBody>{format(strings.signInOff, { reason: signIn.problem ?? "" })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className="sym-actions" data-testid="sign-in">
      <Text as="p" data-testid="sign-in-status">
        {signIn.status === "signed-in" && signIn.account
          ? format(strings.signedInAs, { name: signIn.account.name, username: signIn.account.username })
          : signIn.status === "signed-out"
            ? strings.signedOut
            : strings.signingIn}
      </Text>
      {signIn.status === "signed-in" ? (
        <Button onClick={signIn.signOut} data-testid="sign-out">
          {strings.signOut}
        </Button>
      ) : (
        <Button appearance="primary" onClick={signIn.signIn} disabled={signIn.status !== "signed-out"} data-testid="sign-in-button">
          {strings.signIn}
        </Button>
      )}
      {signIn.problem ? (
        <MessageBar intent="error" data-testid="sign-in-problem">
          <MessageBarBody>{signIn.problem}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
