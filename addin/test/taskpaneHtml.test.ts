import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { JSDOM, VirtualConsole } from "jsdom";
import { OFFICE_CDN, OfficeCdnStub, OFFICE_STAND_IN, TASKPANE_TEMPLATE } from "./support/officeCdnStub";

/**
 * taskpane.html in jsdom, with its scripts run: office.js comes from the Office CDN, which the
 * tests stub (OfficeCdnStub), so nothing goes to the network; development builds fall back to the
 * stand-in when the CDN is out of reach, which keeps the offline preview working; production
 * builds have no fallback.
 */

const ORIGIN = "https://localhost:3000";

/** The template as html-webpack-plugin renders it: with lodash's template, the plugin's own engine. */
function renderTemplate(officeFallback: boolean): string {
  const { template } = createRequire(require.resolve("html-webpack-plugin"))("lodash") as {
    template: (text: string) => (data: object) => string;
  };
  return template(readFileSync(TASKPANE_TEMPLATE, "utf8"))({ htmlWebpackPlugin: { options: { officeFallback } } });
}

async function load(officeFallback: boolean, offline = false) {
  const loader = new OfficeCdnStub(ORIGIN, { "office-outside-excel.js": OFFICE_STAND_IN }, offline);
  const errors: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (error) => errors.push(error.message));
  const dom = new JSDOM(renderTemplate(officeFallback), {
    url: `${ORIGIN}/taskpane.html`,
    runScripts: "dangerously",
    resources: loader,
    virtualConsole,
  });
  await new Promise<void>((resolve) => dom.window.addEventListener("load", () => resolve()));
  const office = (dom.window as unknown as { Office?: { onReady: () => Promise<{ host: unknown }> } }).Office;
  const ready = office ? await office.onReady() : null;
  dom.window.close();
  return { loader, ready, errors };
}

describe("taskpane.html and the Office CDN", () => {
  it("loads office.js from the CDN only, answered by the stub: nothing else is fetched, Office.onReady says outside Office", async () => {
    const { loader, ready, errors } = await load(true);
    expect(loader.served).toEqual([OFFICE_CDN]);
    expect(loader.refused).toEqual([]);
    expect(ready).toEqual({ host: null, platform: null });
    expect(errors).toEqual([]);
  });

  it("a development page falls back to the local stand-in when the CDN is out of reach (the offline preview)", async () => {
    const { loader, ready } = await load(true, true);
    expect(loader.refused).toEqual([OFFICE_CDN]);
    expect(loader.served).toEqual([`${ORIGIN}/office-outside-excel.js`]);
    expect(ready).toEqual({ host: null, platform: null });
  });

  it("a production page has no fallback: without the CDN there is no Office at all", async () => {
    const { loader, ready } = await load(false, true);
    expect(loader.refused).toEqual([OFFICE_CDN]);
    expect(loader.served).toEqual([]);
    expect(ready).toBeNull();
  });
});
