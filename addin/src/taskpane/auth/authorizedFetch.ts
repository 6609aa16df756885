import { SignInRequiredError, type TokenSource } from "./tokenSource";

/**
 * Every API call of the pane goes through here: it sends the user's access token as
 * `Authorization: Bearer` (docs/api.md#authentication-and-tenants). When the API answers 401 (the token expired
 * or was revoked in between), it asks for a fresh token once and sends the request again; a second
 * 401 is returned to the caller, which shows it. A request body must therefore be a string (sent twice).
 */
export async function authorizedFetch(
  tokens: TokenSource,
  url: string,
  init: RequestInit & { headers?: Record<string, string>; body?: string } = {},
  fetchFunction: typeof fetch = fetch,
): Promise<Response> {
  const send = (token: string) => fetchFunction(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
  const first = await send(await signedIn(() => tokens.token()));
  if (first.status !== 401) return first;
  // The first answer is dropped: read it so the connection is released.
  await first.arrayBuffer().catch(() => undefined);
  return send(await signedIn(() => tokens.fresh()));
}

/** A token, or a {@link SignInRequiredError} saying why there is none (told apart from network failures). */
async function signedIn(get: () => Promise<string>): Promise<string> {
  try {
    return await get();
  } catch (error) {
    if (error instanceof SignInRequiredError) throw error;
    throw new SignInRequiredError(`No access token for the API: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The sentence added to a 401 or 403 from the API: what the user can do about it. */
export function authorizationHint(status: number): string {
  if (status === 401)
    return " (sign-in was refused by the API: sign out and sign in again, or ask your administrator to check the API's sign-in settings)";
  if (status === 403) return " (your account lacks the role this needs: ask your administrator for it)";
  return "";
}
