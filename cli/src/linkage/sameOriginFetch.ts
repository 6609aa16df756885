import { UsageError } from "../errors";

/**
 * Requests to the API that carry the key (`x-sym-key`) go to the API's origin only. `fetch` follows
 * redirects itself and keeps custom headers across origins, so a server (or anyone able to answer
 * for it) could send the key elsewhere with a 307 or a `Location`; here redirects are followed by
 * hand, and only within the origin of the `--api` URL.
 */

/** Most redirects followed for one request. */
export const MAX_REDIRECTS = 5;

/** The URL a response points at, resolved against `from`, refused if it leaves `origin`. */
export function sameOriginUrl(target: string, from: string, origin: string, what: string): string {
  let url: URL;
  try {
    url = new URL(target, from);
  } catch {
    throw new UsageError(`the API sent ${what} that is not a URL: ${JSON.stringify(target.slice(0, 100))}`);
  }
  if (url.origin !== origin) {
    throw new UsageError(
      `the API sent ${what} on another origin (${url.origin.slice(0, 100)}, not ${origin}): refused, the API key is only sent to --api`,
    );
  }
  return url.toString();
}

/**
 * `fetch` with redirects followed only within `origin` (at most {@link MAX_REDIRECTS}); a 303
 * becomes a GET without a body, as browsers do.
 */
export async function fetchSameOrigin(fetchFunction: typeof fetch, url: string, init: RequestInit, origin: string): Promise<Response> {
  let current = url;
  let request: RequestInit = { ...init, redirect: "manual" };
  for (let hop = 0; ; hop++) {
    const response = await fetchFunction(current, request);
    if (response.status < 300 || response.status > 399 || response.status === 304) return response;
    const location = response.headers.get("location");
    if (location === null) return response;
    if (hop >= MAX_REDIRECTS) throw new UsageError(`the API redirected more than ${MAX_REDIRECTS} times from ${url}`);
    current = sameOriginUrl(location, current, origin, `a redirect (${response.status})`);
    if (response.status === 303) request = { ...request, method: "GET", body: undefined };
  }
}
