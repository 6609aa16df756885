/**
 * The task pane's sign-in settings, fixed when the add-in is built (webpack replaces the
 * `process.env.ADDIN_AUTH_*` reads below with the values of the build's environment):
 *
 * - `ADDIN_AUTH_CLIENT_ID`: the application (client) id of the app registration (required);
 * - `ADDIN_AUTH_AUTHORITY`: where people sign in, default `https://login.microsoftonline.com/organizations`
 *   (any work account; a tenant id or `https://login.microsoftonline.com/<tenant>` for one organisation);
 * - `ADDIN_AUTH_SCOPE`: the API's delegated scope, default `api://<client id>/access_as_user`;
 * - `ADDIN_AUTH_REDIRECT_URI`: the popup's redirect page, default `<pane origin>/auth-redirect.html`;
 * - `ADDIN_AUTH_PROTOCOL`: `AAD` (Entra ID, default) or `OIDC` for another OpenID Connect issuer
 *   (the local issuer of the end-to-end test), whose host is then trusted as a known authority.
 *
 * Without a client id sign-in is off, and so is every feature that calls the API: the pane says so
 * rather than sending anything unauthenticated (docs/taskpane.md#sign-in).
 */

export interface SignInSettings {
  readonly clientId: string;
  readonly authority: string;
  readonly scope: string;
  readonly redirectUri?: string;
  readonly protocol: "AAD" | "OIDC";
}

export type SignInConfiguration =
  { readonly configured: true; readonly settings: SignInSettings } | { readonly configured: false; readonly reason: string };

export const DEFAULT_AUTHORITY = "https://login.microsoftonline.com/organizations";

export type SignInEnvironment = Partial<
  Record<"ADDIN_AUTH_CLIENT_ID" | "ADDIN_AUTH_AUTHORITY" | "ADDIN_AUTH_SCOPE" | "ADDIN_AUTH_REDIRECT_URI" | "ADDIN_AUTH_PROTOCOL", string>
>;

/** Reads the settings; a bad value is refused with the setting's name, never guessed around. */
export function signInConfigurationFrom(environment: SignInEnvironment): SignInConfiguration {
  const value = (name: keyof SignInEnvironment) => environment[name]?.trim() || undefined;
  const clientId = value("ADDIN_AUTH_CLIENT_ID");
  if (!clientId) return { configured: false, reason: "ADDIN_AUTH_CLIENT_ID was not set when the add-in was built" };
  const authority = (value("ADDIN_AUTH_AUTHORITY") ?? DEFAULT_AUTHORITY).replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(authority);
  } catch {
    return { configured: false, reason: `ADDIN_AUTH_AUTHORITY is not a URL: "${authority}"` };
  }
  // MSAL refuses an authority that is not HTTPS; say it here, with the setting's name.
  if (parsed.protocol !== "https:") return { configured: false, reason: `ADDIN_AUTH_AUTHORITY must be an https URL: "${authority}"` };
  const protocol = value("ADDIN_AUTH_PROTOCOL") ?? "AAD";
  if (protocol !== "AAD" && protocol !== "OIDC") {
    return { configured: false, reason: `ADDIN_AUTH_PROTOCOL must be AAD or OIDC, not "${protocol}"` };
  }
  const redirectUri = value("ADDIN_AUTH_REDIRECT_URI");
  return {
    configured: true,
    settings: {
      clientId,
      authority,
      scope: value("ADDIN_AUTH_SCOPE") ?? `api://${clientId}/access_as_user`,
      protocol,
      ...(redirectUri ? { redirectUri } : {}),
    },
  };
}

/** The settings this build was made with. */
export function builtSignInConfiguration(): SignInConfiguration {
  // Each read is spelled out so that webpack's DefinePlugin can replace it (no `process` in the browser).
  return signInConfigurationFrom({
    ADDIN_AUTH_CLIENT_ID: process.env.ADDIN_AUTH_CLIENT_ID,
    ADDIN_AUTH_AUTHORITY: process.env.ADDIN_AUTH_AUTHORITY,
    ADDIN_AUTH_SCOPE: process.env.ADDIN_AUTH_SCOPE,
    ADDIN_AUTH_REDIRECT_URI: process.env.ADDIN_AUTH_REDIRECT_URI,
    ADDIN_AUTH_PROTOCOL: process.env.ADDIN_AUTH_PROTOCOL,
  });
}
