/**
 * Where API calls get the signed-in user's access token: `token()` the cached one (renewed
 * silently when it expires), `fresh()` a new one after the API refused the last (silently first,
 * then interactively). Both reject when the user cannot be signed in.
 */
export interface TokenSource {
  token(): Promise<string>;
  fresh(): Promise<string>;
}

/** The API cannot be called: nobody is signed in, or sign-in is not configured in this build. */
export class SignInRequiredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignInRequiredError";
  }
}
