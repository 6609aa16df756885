import type { DeckPlan } from "@symmetry/engine/deck/plan";

/**
 * How the pane hands a file to the user, by where it runs:
 * - in a browser (Excel on the web, the preview), a download of a Blob, as any web page;
 * - in Excel on Windows, Mac or iPad, whose webview may refuse downloads (WKWebView on Mac always
 *   does: OfficeDev/office-js#2700, "by design"), through `Office.context.ui.openBrowserWindow`,
 *   which Microsoft documents for exactly this ("open a browser to accomplish tasks that cannot
 *   always be done in the sandboxed webview control … for example, downloading a PDF file":
 *   learn.microsoft.com/javascript/api/requirement-sets/common/open-browser-window-api-requirement-sets,
 *   OpenBrowserWindowApi 1.1, not on the web). It opens the add-in's own deck page in the default
 *   browser with the deck plan in the URL fragment, which a browser never sends to a server; that
 *   page draws the deck and downloads it.
 */
export type HandOverRoute = "download" | "browser-window";

/** The parts of Office.js the choice needs (absent outside Office). */
export interface OfficeHost {
  readonly isSetSupported: (name: string, version: string) => boolean;
  readonly openBrowserWindow: (url: string) => void;
}

/** The route for this host: a browser window when Office offers one (desktop Excel), else a download. */
export function handOverRoute(office: OfficeHost | null): HandOverRoute {
  return office && office.isSetSupported("OpenBrowserWindowApi", "1.1") ? "browser-window" : "download";
}

/** Saves a Blob as a download named `fileName` (an anchor with `download`, as browsers save files). */
export function downloadBlob(blob: Blob, fileName: string, document: Document = globalThis.document): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = "none";
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Longest fragment handed to the browser window; browsers take more, the plan of a deck is tens of kB. */
export const MAX_FRAGMENT_CHARACTERS = 1_500_000;

/** The deck page's fragment for a plan: `#plan=` and the plan's JSON, UTF-8, base64url. */
export function planFragment(plan: DeckPlan, fileName: string): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ fileName, plan }));
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  const fragment = `#plan=${btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
  if (fragment.length > MAX_FRAGMENT_CHARACTERS)
    throw new Error(`the deck is too large to hand to the browser (${fragment.length} characters, at most ${MAX_FRAGMENT_CHARACTERS})`);
  return fragment;
}

/** The plan and file name back from a fragment made by `planFragment`, or null when it holds none. */
export function planFromFragment(fragment: string): { fileName: string; plan: DeckPlan } | null {
  const match = /^#plan=([A-Za-z0-9_-]+)$/.exec(fragment);
  if (!match) return null;
  const binary = atob(match[1].replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { fileName?: unknown; plan?: unknown };
  if (typeof parsed.fileName !== "string" || !/\.pptx$/.test(parsed.fileName) || typeof parsed.plan !== "object" || parsed.plan === null)
    return null;
  return { fileName: parsed.fileName, plan: parsed.plan as DeckPlan };
}
