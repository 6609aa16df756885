import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPOSITORY, SAMPLES, runCli } from "../support/cli";

/**
 * `sym trend` on the bundled two-wave samples (samples/generate.js writes samples/{en,fr}/waves),
 * against pandas + scipy values from cli/test/fixtures/make_samples_trend_reference.py, and the
 * changes the generator builds in: an alert that closes (information), a gap that widens
 * (recognition), support units that improve.
 */
interface ReferenceDimension {
  id: string;
  gapFrom: number;
  gapTo: number;
  gapChange: number;
  low: number;
  high: number;
  df: number;
  p: number;
  status: string;
  closed: boolean;
  employeeChange: { change: number; low: number; high: number; p: number };
  customerChange: { change: number; low: number; high: number; p: number };
}
interface Reference {
  waves: {
    wave: string;
    employees: { n: number };
    customers: { n: number };
    alerts: number;
    symmetryIndex: number;
    dimensions: {
      id: string;
      employee: { score: number; n: number };
      customer: { score: number; n: number };
      gap: number;
      status: string;
    }[];
    supportUnits: { recognition: number; information: number };
  }[];
  change: {
    from: string;
    to: string;
    enps: { change: number; z: number; p: number };
    nps: { change: number; z: number; p: number };
    dimensions: ReferenceDimension[];
  };
}
const reference = JSON.parse(
  readFileSync(path.join(REPOSITORY, "cli", "test", "fixtures", "samples-trend-reference.json"), "utf8"),
) as Reference;

function close(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(1e-9, relative * Math.abs(expected)));
}

async function trendJson(language: "en" | "fr") {
  const directory = path.join(SAMPLES, language, "waves");
  const run = await runCli([
    "trend",
    "--employees",
    path.join(directory, "employees.csv"),
    "--customers",
    path.join(directory, "customers.csv"),
    "--json",
    "--lang",
    language,
  ]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("sym trend on the two-wave samples", () => {
  let english: any;
  let french: any;
  beforeAll(async () => {
    english = await trendJson("en");
    french = await trendJson("fr");
  });

  it("finds both waves in date order with the respondent counts and per-wave gaps of pandas", () => {
    expect(english.waves.map((wave: { wave: string }) => wave.wave)).toEqual(["2025", "2026"]);
    reference.waves.forEach((expected, index) => {
      const wave = english.waves[index];
      expect(wave.employees.n).toBe(expected.employees.n);
      expect(wave.customers.n).toBe(expected.customers.n);
      expect(wave.alerts).toBe(expected.alerts);
      close(wave.symmetryIndex, expected.symmetryIndex);
      expected.dimensions.forEach((dimension, at) => {
        expect(wave.dimensions[at].id).toBe(dimension.id);
        close(wave.dimensions[at].employee.score, dimension.employee.score);
        close(wave.dimensions[at].customer.score, dimension.customer.score);
        close(wave.dimensions[at].gap, dimension.gap);
        expect(wave.dimensions[at].status).toBe(dimension.status);
      });
    });
  });

  it("gives each gap's change as the four-sample Welch test of the reference", () => {
    const [change] = english.changes;
    expect([change.from, change.to]).toEqual([reference.change.from, reference.change.to]);
    reference.change.dimensions.forEach((expected, index) => {
      const actual = change.dimensions[index];
      expect(actual.id).toBe(expected.id);
      for (const key of ["gapFrom", "gapTo", "gapChange", "low", "high", "df"] as const) close(actual[key], expected[key]);
      close(actual.p, expected.p, 1e-6);
      expect([actual.status, actual.closed]).toEqual([expected.status, expected.closed]);
      for (const side of ["employeeChange", "customerChange"] as const) {
        for (const key of ["change", "low", "high"] as const) close(actual[side][key], expected[side][key]);
        close(actual[side].p, expected[side].p, 1e-6);
      }
    });
    for (const score of ["enps", "nps"] as const) {
      close(change[score].change, reference.change[score].change);
      close(change[score].z, reference.change[score].z);
      close(change[score].p, reference.change[score].p, 1e-6);
    }
  });

  it("shows the built-in changes: information's alert closes, recognition widens, support units improve", () => {
    const byId = (id: string) => english.changes[0].dimensions.find((dimension: { id: string }) => dimension.id === id);
    expect(english.waves[0].dimensions.find((d: { id: string }) => d.id === "information").status).toBe("alert");
    expect(byId("information")).toMatchObject({ status: "narrowed", closed: true });
    expect(byId("recognition")).toMatchObject({ status: "widened", closed: false });
    expect(english.waves[1].dimensions.find((d: { id: string }) => d.id === "recognition").status).toBe("alert");
    const [before, after] = reference.waves;
    expect(after.supportUnits.recognition).toBeGreaterThan(before.supportUnits.recognition);
    expect(after.supportUnits.information).toBeGreaterThan(before.supportUnits.information);
  });

  it("gives the same figures from the French files", () => {
    expect(french.waves.map((wave: { wave: string }) => wave.wave)).toEqual(["2025", "2026"]);
    english.changes[0].dimensions.forEach((dimension: ReferenceDimension, index: number) => {
      const other = french.changes[0].dimensions[index];
      expect(other.id).toBe(dimension.id);
      close(other.gapChange, dimension.gapChange, 1e-12);
      close(other.p, dimension.p, 1e-9);
      expect(other.status).toBe(dimension.status);
    });
  });

  it("has a 2026 wave equal to the main sample, so sym barometer and sym trend agree", async () => {
    const run = await runCli([
      "barometer",
      "--employees",
      path.join(SAMPLES, "en", "employees.csv"),
      "--customers",
      path.join(SAMPLES, "en", "customers.csv"),
      "--json",
    ]);
    const barometer = JSON.parse(run.stdout);
    close(english.waves[1].symmetryIndex, barometer.symmetryIndex, 1e-12);
    barometer.dimensions.forEach((dimension: { id: string; gap: number }, index: number) => {
      expect(english.waves[1].dimensions[index].id).toBe(dimension.id);
      close(english.waves[1].dimensions[index].gap, dimension.gap, 1e-12);
    });
  });
});
