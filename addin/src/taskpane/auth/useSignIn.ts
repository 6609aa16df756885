import * as React from "react";
import { createMsalClient, SignInSession, type MsalClient, type SignedInAccount } from "./msalSession";
import { builtSignInConfiguration, type SignInConfiguration, type SignInSettings } from "./signInSettings";
import type { TokenSource } from "./tokenSource";

/** What the pane knows about sign-in, and what it can do. */
export interface SignInState {
  /** `off`: this build has no sign-in settings, so the API features are off. */
  readonly status: "off" | "starting" | "signed-out" | "signing-in" | "signed-in";
  readonly account: SignedInAccount | null;
  /** Why sign-in is off, or why the last attempt failed. */
  readonly problem: string | null;
  /** Access tokens for the API, only while someone is signed in. */
  readonly tokens: TokenSource | null;
  signIn(): void;
  signOut(): void;
}

export interface UseSignInOptions {
  /** Default: the settings this build was made with. */
  readonly configuration?: SignInConfiguration;
  /** Default: MSAL (nested app authentication, then the standard client). */
  readonly createClient?: (settings: SignInSettings) => Promise<MsalClient>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Starts MSAL once, picks up an account already signed in, and offers sign-in and sign-out. */
export function useSignIn(options: UseSignInOptions = {}): SignInState {
  const [configuration] = React.useState(() => options.configuration ?? builtSignInConfiguration());
  const [session, setSession] = React.useState<SignInSession | null>(null);
  const [status, setStatus] = React.useState<SignInState["status"]>(configuration.configured ? "starting" : "off");
  const [account, setAccount] = React.useState<SignedInAccount | null>(null);
  const [problem, setProblem] = React.useState<string | null>(configuration.configured ? null : configuration.reason);

  React.useEffect(() => {
    if (!configuration.configured) return;
    let live = true;
    const create = options.createClient ?? createMsalClient;
    create(configuration.settings).then(
      (client) => {
        if (!live) return;
        const started = new SignInSession(client, configuration.settings.scope);
        const known = started.account();
        setSession(started);
        setAccount(known);
        setStatus(known ? "signed-in" : "signed-out");
      },
      (error) => {
        if (!live) return;
        setProblem(`Sign-in could not start: ${message(error)}`);
        setStatus("signed-out");
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the pane opens
  }, []);

  const signIn = React.useCallback(() => {
    if (!session) return;
    setStatus("signing-in");
    setProblem(null);
    session.signIn().then(
      (signedIn) => {
        setAccount(signedIn);
        setStatus("signed-in");
      },
      (error) => {
        setProblem(`Sign-in failed: ${message(error)}`);
        setStatus("signed-out");
      },
    );
  }, [session]);

  const signOut = React.useCallback(() => {
    if (!session) return;
    session.signOut().then(
      () => {
        setAccount(null);
        setStatus("signed-out");
      },
      (error) => setProblem(`Sign-out failed: ${message(error)}`),
    );
  }, [session]);

  return {
    status,
    account,
    problem,
    tokens: status === "signed-in" ? session : null,
    signIn,
    signOut,
  };
}
