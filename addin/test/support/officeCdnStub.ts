import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ResourceLoader, type AbortablePromise, type FetchOptions } from "jsdom";
import { OFFICE_CDN, OFFICE_STAND_IN } from "../e2e/previewServer";

/**
 * jsdom's resource loader for pages that load the Office CDN's office.js (taskpane.html): that one
 * URL is answered with the offline stand-in (`Office.onReady` resolves with `host: null`, as the
 * real library does outside Office), files of the page's own origin come from `localFiles`, and
 * every other URL is refused and recorded, so a test can assert that nothing went to the network.
 * `offline: true` makes the CDN fail as it does without network (the page's fallback then runs).
 */
export class OfficeCdnStub extends ResourceLoader {
  /** URLs answered, in order. */
  readonly served: string[] = [];
  /** URLs refused: anything outside the CDN stub and the local files. */
  readonly refused: string[] = [];

  constructor(
    private readonly origin: string,
    private readonly localFiles: Readonly<Record<string, string>> = {},
    private readonly offline = false,
  ) {
    super();
  }

  override fetch(url: string, options: FetchOptions): AbortablePromise<Buffer> | null {
    void options;
    const local = url.startsWith(`${this.origin}/`) ? this.localFiles[url.slice(this.origin.length + 1)] : undefined;
    if ((url === OFFICE_CDN && !this.offline) || local) {
      this.served.push(url);
      return answered(readFileSync(url === OFFICE_CDN ? OFFICE_STAND_IN : local!));
    }
    this.refused.push(url);
    return answered(Promise.reject(new Error(`no network in tests: ${url}`)));
  }
}

/** jsdom expects the promise to carry an abort() (its own loader's requests do). */
function answered(content: Buffer | Promise<Buffer>): AbortablePromise<Buffer> {
  return Object.assign(Promise.resolve(content), { abort: () => undefined });
}

export { OFFICE_CDN, OFFICE_STAND_IN };
export const TASKPANE_TEMPLATE = join(__dirname, "..", "..", "src", "taskpane", "taskpane.html");
