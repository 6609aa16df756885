import {
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type AccountInfo,
  type Configuration,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { SignInSettings } from "./signInSettings";
import { SignInRequiredError, type TokenSource } from "./tokenSource";

/**
 * Sign-in with MSAL.js. Inside Office the pane uses nested app authentication (NAA): Office signs
 * the user in and MSAL asks it for tokens, so there is no popup when the account is already known.
 * Where NAA is not supported (older Office, the browser preview) the standard client is used:
 * silent renewal first, then an MSAL popup that lands on `auth-redirect.html`.
 *
 * The order (nestable client, then the standard one; `acquireTokenSilent`, then
 * `acquireTokenPopup`) follows Microsoft's "Enable single sign-on in an Office Add-in with nested
 * app authentication" (learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in)
 * and its sample OfficeDev/Office-Add-in-samples, Samples/auth/Office-Add-in-SSO-NAA.
 * Tokens stay in MSAL's session storage cache, never in the pane's settings.
 */

/** The part of MSAL's client the session uses (a fake in the hook's unit tests). */
export type MsalClient = Pick<
  IPublicClientApplication,
  "getActiveAccount" | "setActiveAccount" | "getAllAccounts" | "acquireTokenSilent" | "acquireTokenPopup" | "clearCache"
>;

export function msalConfiguration(settings: SignInSettings, pageOrigin: string): Configuration {
  return {
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      redirectUri: settings.redirectUri ?? `${pageOrigin}/auth-redirect.html`,
      // An issuer other than Entra ID (OIDC mode) is trusted by host name, not by Microsoft's instance discovery.
      ...(settings.protocol === "OIDC" ? { knownAuthorities: [new URL(settings.authority).host] } : {}),
    },
    cache: { cacheLocation: "sessionStorage" },
    system: { protocolMode: settings.protocol },
  };
}

/** The nestable client first; the standard one when creating it fails (no NAA bridge and no fallback inside MSAL). */
export async function createMsalClient(settings: SignInSettings): Promise<MsalClient> {
  const configuration = msalConfiguration(settings, window.location.origin);
  try {
    return await createNestablePublicClientApplication(configuration);
  } catch {
    return createStandardPublicClientApplication(configuration);
  }
}

/** The signed-in user as the pane shows them. */
export interface SignedInAccount {
  readonly name: string;
  readonly username: string;
}

function shown(account: AccountInfo): SignedInAccount {
  return { name: account.name || account.username, username: account.username };
}

/** One MSAL client and the API scope: sign in and out, and the access tokens for the API. */
export class SignInSession implements TokenSource {
  constructor(
    private readonly client: MsalClient,
    private readonly scope: string,
  ) {}

  private current(): AccountInfo | null {
    return this.client.getActiveAccount() ?? this.client.getAllAccounts()[0] ?? null;
  }

  /** The account already signed in (Office's account through NAA, or MSAL's session cache). */
  account(): SignedInAccount | null {
    const account = this.current();
    return account ? shown(account) : null;
  }

  /** Interactive sign-in (an Office dialog through NAA, an MSAL popup otherwise). */
  async signIn(): Promise<SignedInAccount> {
    const result = await this.client.acquireTokenPopup({ scopes: [this.scope] });
    this.client.setActiveAccount(result.account);
    return shown(result.account);
  }

  /** Forgets the account and its tokens in this pane. */
  async signOut(): Promise<void> {
    const account = this.current();
    await this.client.clearCache(account ? { account } : {});
    this.client.setActiveAccount(null);
  }

  private async acquire(forceRefresh: boolean): Promise<string> {
    const account = this.current();
    if (!account) throw new SignInRequiredError("Nobody is signed in: sign in (Model section) to use the API");
    try {
      return (await this.client.acquireTokenSilent({ scopes: [this.scope], account, forceRefresh })).accessToken;
    } catch {
      // Consent, an expired session or a refused refresh: ask the user.
      const result = await this.client.acquireTokenPopup({ scopes: [this.scope], account });
      this.client.setActiveAccount(result.account);
      return result.accessToken;
    }
  }

  token(): Promise<string> {
    return this.acquire(false);
  }

  fresh(): Promise<string> {
    return this.acquire(true);
  }
}
