/** The deck hand-over: the route per host, and the deck plan through the URL fragment and back. */
import { DEFAULT_MODEL, planClientDeck } from "@symmetry/engine";
import { MAX_FRAGMENT_CHARACTERS, handOverRoute, planFragment, planFromFragment } from "../../src/taskpane/deck/handOver";

const plan = planClientDeck({
  language: "fr",
  organisation: "Café « Les Halles » — Lyon",
  barometer: {
    employees: { n: 3, enps: null },
    customers: { n: 2, nps: null },
    dimensions: [],
    symmetryIndex: null,
    minGroupSize: 5,
    units: [],
    thresholds: { gapThreshold: 10, alpha: 0.05 },
  },
  model: DEFAULT_MODEL,
});

describe("handOverRoute", () => {
  it("downloads in a browser and hands to the default browser where Office offers OpenBrowserWindowApi 1.1", () => {
    const openBrowserWindow = () => undefined;
    expect(handOverRoute(null)).toBe("download");
    expect(handOverRoute({ isSetSupported: () => false, openBrowserWindow })).toBe("download");
    const asked: string[] = [];
    const desktop = { isSetSupported: (name: string, version: string) => (asked.push(`${name} ${version}`), true), openBrowserWindow };
    expect(handOverRoute(desktop)).toBe("browser-window");
    expect(asked).toEqual(["OpenBrowserWindowApi 1.1"]);
  });
});

describe("planFragment", () => {
  it("carries the plan and the file name through the fragment unchanged, accents included", () => {
    const fragment = planFragment(plan, "présentation.pptx");
    expect(fragment).toMatch(/^#plan=[A-Za-z0-9_-]+$/);
    expect(planFromFragment(fragment)).toEqual({ fileName: "présentation.pptx", plan });
  });
  it("finds no plan in an empty, foreign or tampered fragment", () => {
    expect(planFromFragment("")).toBeNull();
    expect(planFromFragment("#other=1")).toBeNull();
    // A link made by someone else to save a file that is not a deck.
    expect(planFromFragment(planFragment(plan, "deck.exe"))).toBeNull();
    expect(planFromFragment("#plan=not*base64")).toBeNull();
  });
  it("refuses a plan too large for a URL", () => {
    const huge = { ...plan, title: "x".repeat(MAX_FRAGMENT_CHARACTERS) };
    expect(() => planFragment(huge, "deck.pptx")).toThrow(/too large to hand to the browser/);
  });
});
