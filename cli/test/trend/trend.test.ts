import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPOSITORY, runCli, scratchDirectory } from "../support/cli";

/**
 * `sym trend` end to end on CSV files written from the respondents of
 * shared/test/reference/trend.json (scipy, statsmodels, pandas: make_trend_reference.py), read on
 * a 0–100 scale so each column is the respondent's dimension score; and its bad inputs.
 */
type Row = { wave: string; recommendation: number } & Record<string, number>;
const reference = JSON.parse(readFileSync(path.join(REPOSITORY, "shared", "test", "reference", "trend.json"), "utf8")) as {
  trend: {
    rows: { employees: Row[]; customers: Row[] };
    expected: {
      waves: { wave: string; symmetryIndex: number; dimensions: { id: string; gap: number; status: string }[] }[];
      dimensions: { id: string; gapChange: number; p: number; df: number; status: string; closed: boolean }[];
      enpsChange: { change: number; p: number };
    };
  };
};
const DIMENSIONS = ["culture", "recognition", "information"];
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

function csv(rows: readonly Row[], recommendation: string, waveOf: (row: Row) => string = (row) => row.wave): string {
  return (
    [
      ["wave", ...DIMENSIONS, recommendation].join(","),
      ...rows.map((row) => [waveOf(row), ...DIMENSIONS.map((id) => String(row[id])), String(row.recommendation)].join(",")),
    ].join("\n") + "\n"
  );
}

const employees = scratch.write("employees.csv", csv(reference.trend.rows.employees, "enps"));
const customers = scratch.write("customers.csv", csv(reference.trend.rows.customers, "nps"));

async function trend(...extra: string[]) {
  return runCli(["trend", "--employees", employees, "--customers", customers, "--scale", "0-100", ...extra]);
}

describe("sym trend", () => {
  it("prints each wave and the change of each gap in the JSON shape, equal to the reference", async () => {
    const run = await trend("--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const expected = reference.trend.expected;
    expect(report.waves.map((wave: { wave: string }) => wave.wave)).toEqual(["2025", "2026"]);
    report.waves.forEach(
      (
        wave: {
          symmetryIndex: number;
          alerts: number;
          dimensions: { id: string; gap: number; status: string; employee: { score: number; n: number } }[];
        },
        index: number,
      ) => {
        // The CLI's index covers the three dimensions of these files, as the reference's does.
        expect(wave.symmetryIndex).toBeCloseTo(expected.waves[index].symmetryIndex, 9);
        expect(wave.alerts).toBe(expected.waves[index].dimensions.filter((dimension) => dimension.status === "alert").length);
        for (const dimension of expected.waves[index].dimensions) {
          const actual = wave.dimensions.find((entry) => entry.id === dimension.id)!;
          expect(actual.gap).toBeCloseTo(dimension.gap, 9);
          expect(actual.status).toBe(dimension.status);
          expect(Object.keys(actual.employee).sort()).toEqual(["n", "score"]);
        }
      },
    );
    // Priorities of the last wave: alerts first (recognition widened into an alert); no units here, so equal impacts.
    expect(report.drivers.source).toBe("equal");
    expect(report.priorities[0]).toMatchObject({ rank: 1, id: "recognition", status: "alert" });
    expect(report.changes).toHaveLength(1);
    const [change] = report.changes;
    expect([change.from, change.to]).toEqual(["2025", "2026"]);
    expect(change.enps.change).toBeCloseTo(expected.enpsChange.change, 9);
    for (const dimension of expected.dimensions) {
      const actual = change.dimensions.find((entry: { id: string }) => entry.id === dimension.id);
      expect(Object.keys(actual).sort()).toEqual(
        [
          "closed",
          "customerChange",
          "df",
          "employeeChange",
          "gapChange",
          "gapFrom",
          "gapTo",
          "high",
          "id",
          "label",
          "low",
          "p",
          "status",
        ].sort(),
      );
      expect(actual.gapChange).toBeCloseTo(dimension.gapChange, 9);
      expect(actual.df).toBeCloseTo(dimension.df, 6);
      expect(Math.abs(actual.p - dimension.p) / dimension.p).toBeLessThan(1e-6);
      expect(actual.status).toBe(dimension.status);
      expect(actual.closed).toBe(dimension.closed);
    }
  });

  it("prints a table by default with the headline and the status words", async () => {
    const run = await trend();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^2025: Employees 90 respondents, eNPS [-+\d.]+ · Customers 140 respondents, NPS [-+\d.]+ · symmetry index [\d.]+ \/ 100 · 1 alert · largest gap Customer culture and values \+34\.8$/m,
    );
    expect(run.stdout).toContain("Change 2025 → 2026");
    expect(run.stdout).toMatch(/Customer culture and values .* narrowed, alert closed/);
    expect(run.stdout).toMatch(/Recognition .* WIDENED/);
    const french = await trend("--lang", "fr");
    expect(french.stdout).toContain("Évolution 2025 → 2026");
    expect(french.stdout).toMatch(/réduit, alerte levée/);
  });

  it("compares --from with --to, and names the waves found for an unknown one", async () => {
    const run = await trend("--json", "--from", "2026", "--to", "2025");
    expect(run.code).toBe(0);
    const [change] = JSON.parse(run.stdout).changes;
    expect([change.from, change.to]).toEqual(["2026", "2025"]);
    expect(change.dimensions.find((dimension: { id: string }) => dimension.id === "recognition").status).toBe("narrowed");
    const unknown = await trend("--from", "2024");
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toBe('sym: the wave "2024" is not in the data; waves found: "2025", "2026"\n');
  });

  it("says clearly when the files hold a single wave", async () => {
    const single = scratch.write(
      "single.csv",
      csv(reference.trend.rows.employees, "enps", () => "2025"),
    );
    const run = await runCli([
      "trend",
      "--employees",
      single,
      "--customers",
      scratch.write(
        "single-c.csv",
        csv(reference.trend.rows.customers, "nps", () => "2025"),
      ),
      "--scale",
      "0-100",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('a trend needs at least two waves, got one ("2025")');
  });

  it("asks for an order when dates and labels are mixed, and follows --waves", async () => {
    const mixed = scratch.write(
      "mixed.csv",
      csv(reference.trend.rows.employees, "enps", (row) => (row.wave === "2025" ? "pilot" : "2026")),
    );
    const mixedCustomers = scratch.write(
      "mixed-c.csv",
      csv(reference.trend.rows.customers, "nps", (row) => (row.wave === "2025" ? "pilot" : "2026")),
    );
    const run = await runCli(["trend", "--employees", mixed, "--customers", mixedCustomers, "--scale", "0-100"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the waves mix dates ("2026") and labels ("pilot"): give their order, e.g. --waves');
    const ordered = await runCli([
      "trend",
      "--employees",
      mixed,
      "--customers",
      mixedCustomers,
      "--scale",
      "0-100",
      "--waves",
      "pilot,2026",
      "--json",
    ]);
    expect(ordered.code).toBe(0);
    expect(JSON.parse(ordered.stdout).changes[0].from).toBe("pilot");
  });

  it("shows the employee side of a wave without customers, its gaps not computable", async () => {
    const only2025 = scratch.write(
      "c2025.csv",
      csv(
        reference.trend.rows.customers.filter((row) => row.wave === "2025"),
        "nps",
      ),
    );
    const run = await runCli(["trend", "--employees", employees, "--customers", only2025, "--scale", "0-100", "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const wave = report.waves[1];
    expect(wave.customers.nps).toBeNull();
    expect(
      wave.dimensions.every(
        (dimension: { status: string; employee: { score: number | null } }) =>
          dimension.status === "not-computable" && dimension.employee.score !== null,
      ),
    ).toBe(true);
  });

  it("reads a wave column named by --wave-column and refuses files without one", async () => {
    const renamed = (file: string) => scratch.write(`round-${path.basename(file)}`, readFileSync(file, "utf8").replace(/^wave,/, "round,"));
    const run = await runCli([
      "trend",
      "--employees",
      renamed(employees),
      "--customers",
      renamed(customers),
      "--scale",
      "0-100",
      "--wave-column",
      "round",
      "--json",
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).waves).toHaveLength(2);
    const none = await runCli(["trend", "--employees", renamed(employees), "--customers", renamed(customers), "--scale", "0-100"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("sym trend needs a column wave");
  });
});

describe("sym barometer on files with waves", () => {
  it("says how many waves it pooled and points to sym trend, with the headline next to the index", async () => {
    const run = await runCli(["barometer", "--employees", employees, "--customers", customers, "--scale", "0-100"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("These files hold 2 waves (2025, 2026), pooled here: sym trend compares them wave by wave.");
    expect(run.stdout).toMatch(/^Symmetry index: [\d.]+ \/ 100 \(100 = perfect symmetry\) · \d+ alerts? · largest gap /m);
    const json = JSON.parse(
      (await runCli(["barometer", "--employees", employees, "--customers", customers, "--scale", "0-100", "--json"])).stdout,
    );
    expect(json.pooledWaves).toEqual(["2025", "2026"]);
    const alerts = json.dimensions.filter((dimension: { status: string }) => dimension.status === "alert").length;
    expect(json.alerts).toBe(alerts);
    const largest = [...json.dimensions].sort((a: { gap: number }, b: { gap: number }) => Math.abs(b.gap) - Math.abs(a.gap))[0];
    expect(json.largestGap).toEqual({ id: largest.id, gap: largest.gap });
  });
});
