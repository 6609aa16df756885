/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, fireEvent, render, renderHook, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { AccountInfo, AuthenticationResult } from "@azure/msal-browser";
import { useSignIn } from "../../../src/taskpane/auth/useSignIn";
import { SignInControl } from "../../../src/taskpane/auth/SignInControl";
import type { MsalClient } from "../../../src/taskpane/auth/msalSession";
import { signInConfigurationFrom, type SignInConfiguration } from "../../../src/taskpane/auth/signInSettings";
import { stringsFor } from "../../../src/taskpane/i18n/strings";

/**
 * The sign-in hook and control on a fake MSAL client (the real MSAL runs in the Chromium
 * end-to-end test against a local issuer). The fake records every call the session makes.
 */

// jsdom has no ResizeObserver; Fluent's message bar only needs it to exist.
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const SCOPE = "api://11111111-2222-3333-4444-555555555555/access_as_user";
const CONFIGURED: SignInConfiguration = signInConfigurationFrom({ ADDIN_AUTH_CLIENT_ID: "11111111-2222-3333-4444-555555555555" });

const ALICE = {
  homeAccountId: "a",
  environment: "e",
  tenantId: "t",
  username: "alice@contoso.test",
  localAccountId: "a",
  name: "Alice",
} as AccountInfo;

class FakeMsal implements MsalClient {
  active: AccountInfo | null = null;
  cached: AccountInfo[] = [];
  calls: string[] = [];
  silentFails = false;
  popupFails = false;
  issued = 0;
  private result(account: AccountInfo): AuthenticationResult {
    return { account, accessToken: `token-${++this.issued}` } as AuthenticationResult;
  }
  getActiveAccount = () => this.active;
  setActiveAccount = (account: AccountInfo | null) => {
    this.active = account;
  };
  getAllAccounts = () => this.cached;
  acquireTokenSilent = (async (request: { scopes: string[]; forceRefresh?: boolean }) => {
    this.calls.push(`silent ${request.scopes.join(" ")}${request.forceRefresh ? " force" : ""}`);
    if (this.silentFails) throw new Error("interaction_required");
    return this.result(this.active!);
  }) as MsalClient["acquireTokenSilent"];
  acquireTokenPopup = (async (request: { scopes: string[] }) => {
    this.calls.push(`popup ${request.scopes.join(" ")}`);
    if (this.popupFails) throw new Error("user_cancelled: the user closed the window");
    this.cached = [ALICE];
    return this.result(ALICE);
  }) as MsalClient["acquireTokenPopup"];
  clearCache = (async () => {
    this.calls.push("clearCache");
    this.cached = [];
  }) as MsalClient["clearCache"];
}

function started(fake: FakeMsal, configuration = CONFIGURED) {
  const created: string[] = [];
  const hook = renderHook(() =>
    useSignIn({
      configuration,
      createClient: async (settings) => {
        created.push(`${settings.clientId} ${settings.authority} ${settings.scope}`);
        return fake;
      },
    }),
  );
  return { hook, created };
}

describe("sign-in settings", () => {
  it("derives the scope and the multi-tenant authority from the client id, and refuses what MSAL would", () => {
    expect(CONFIGURED).toEqual({
      configured: true,
      settings: {
        clientId: "11111111-2222-3333-4444-555555555555",
        authority: "https://login.microsoftonline.com/organizations",
        scope: SCOPE,
        protocol: "AAD",
      },
    });
    expect(signInConfigurationFrom({})).toEqual({
      configured: false,
      reason: "ADDIN_AUTH_CLIENT_ID was not set when the add-in was built",
    });
    expect(signInConfigurationFrom({ ADDIN_AUTH_CLIENT_ID: "x", ADDIN_AUTH_AUTHORITY: "http://127.0.0.1:9/t" })).toEqual({
      configured: false,
      reason: 'ADDIN_AUTH_AUTHORITY must be an https URL: "http://127.0.0.1:9/t"',
    });
    expect(signInConfigurationFrom({ ADDIN_AUTH_CLIENT_ID: "x", ADDIN_AUTH_PROTOCOL: "SAML" })).toMatchObject({ configured: false });
  });
});

describe("useSignIn on a fake MSAL client", () => {
  it("is off without settings: no client, no tokens, and the control says the API features are off", async () => {
    const fake = new FakeMsal();
    const { hook, created } = started(fake, signInConfigurationFrom({}));
    expect(hook.result.current.status).toBe("off");
    expect(hook.result.current.tokens).toBeNull();
    expect(created).toEqual([]);
    render(
      <FluentProvider theme={webLightTheme}>
        <SignInControl strings={stringsFor("fr")} signIn={hook.result.current} />
      </FluentProvider>,
    );
    expect(screen.getByTestId("sign-in-off").textContent).toMatch(
      /La connexion n'est pas configurée .*ADDIN_AUTH_CLIENT_ID.*les fonctions qui utilisent l'API sont désactivées/,
    );
  });

  it("signs in with the API scope, gets tokens silently, renews on demand, falls back to the popup, and signs out", async () => {
    const fake = new FakeMsal();
    const { hook, created } = started(fake);
    await waitFor(() => expect(hook.result.current.status).toBe("signed-out"));
    expect(created).toEqual([`11111111-2222-3333-4444-555555555555 https://login.microsoftonline.com/organizations ${SCOPE}`]);
    expect(hook.result.current.tokens).toBeNull();

    await act(async () => hook.result.current.signIn());
    await waitFor(() => expect(hook.result.current.status).toBe("signed-in"));
    expect(hook.result.current.account).toEqual({ name: "Alice", username: "alice@contoso.test" });
    const tokens = hook.result.current.tokens!;
    expect(await tokens.token()).toBe("token-2");
    expect(await tokens.fresh()).toBe("token-3");
    fake.silentFails = true;
    expect(await tokens.token()).toBe("token-4");
    expect(fake.calls).toEqual([`popup ${SCOPE}`, `silent ${SCOPE}`, `silent ${SCOPE} force`, `silent ${SCOPE}`, `popup ${SCOPE}`]);

    await act(async () => hook.result.current.signOut());
    await waitFor(() => expect(hook.result.current.status).toBe("signed-out"));
    expect(fake.calls[fake.calls.length - 1]).toBe("clearCache");
    expect(hook.result.current.tokens).toBeNull();
    await expect(tokens.token()).rejects.toThrow(/Nobody is signed in/);
  });

  it("picks up an account already signed in (MSAL's session cache, or Office through NAA)", async () => {
    const fake = new FakeMsal();
    fake.cached = [ALICE];
    const { hook } = started(fake);
    await waitFor(() => expect(hook.result.current.status).toBe("signed-in"));
    expect(hook.result.current.account?.username).toBe("alice@contoso.test");
    expect(fake.calls).toEqual([]);
  });

  it("shows why a sign-in failed, and the control offers to sign in again", async () => {
    const fake = new FakeMsal();
    fake.popupFails = true;
    const { hook } = started(fake);
    await waitFor(() => expect(hook.result.current.status).toBe("signed-out"));
    await act(async () => hook.result.current.signIn());
    await waitFor(() => expect(hook.result.current.problem).toMatch(/^Sign-in failed: user_cancelled/));
    expect(hook.result.current.tokens).toBeNull();
    function Harness() {
      const signIn = useSignIn({ configuration: CONFIGURED, createClient: async () => fake });
      return <SignInControl strings={stringsFor("en")} signIn={signIn} />;
    }
    render(
      <FluentProvider theme={webLightTheme}>
        <Harness />
      </FluentProvider>,
    );
    const button = await screen.findByTestId("sign-in-button");
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(button));
    expect((await screen.findByTestId("sign-in-problem")).textContent).toMatch(/Sign-in failed: user_cancelled/);
    fake.popupFails = false;
    await act(async () => fireEvent.click(screen.getByTestId("sign-in-button")));
    await waitFor(() => expect(screen.getByTestId("sign-in-status").textContent).toBe("Signed in as Alice (alice@contoso.test)"));
    expect(screen.queryByTestId("sign-in-problem")).toBeNull();
  });
});
