import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EN_CUSTOMERS, EN_EMPLOYEES, FR_CUSTOMERS, FR_EMPLOYEES, runCli } from "../support/cli";
import { expectClose } from "../../../shared/test/streaming/expectClose";
import { barometerDirectly } from "../support/engineDirect";

/**
 * `sym barometer` end to end on the bundled samples (samples/generate.js, seed in manifest.json),
 * run in-process through the same `main` as the binary.
 */

interface Reference {
  minN5: {
    employees: { n: number; enps: { value: number; low: number; high: number; n: number } };
    customers: { n: number; nps: { value: number; low: number; high: number; n: number } };
    dimensions: {
      id: string;
      employee: { score: number; n: number; alpha: number };
      customer: { score: number; n: number; alpha: number };
      gap: number;
      low: number;
      high: number;
      p: number;
      hedgesG: number;
      status: string;
    }[];
    symmetryIndex: number;
    units: { unit: string; n: number; answers: number; enps: number | null; belowThreshold: boolean }[];
  };
  minN40Units: { unit: string; enps: number | null; belowThreshold: boolean }[];
}

// Reference values: pandas 1.5.3 + scipy 1.10.1 (Debian /usr/bin/python3), produced by
// cli/test/fixtures/make_samples_reference.py (which runs bench/barometer_pandas.py).
const reference = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "samples-reference.json"), "utf8")) as Reference;

async function barometerJson(args: string[]) {
  const run = await runCli(["barometer", ...args, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("sym barometer --json on the English samples", () => {
  let result: any;
  beforeAll(async () => {
    result = await barometerJson(["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS]);
  });

  it("prints the shape docs/cli.md specifies", () => {
    expect(result).toMatchObject({
      employees: {
        n: expect.any(Number),
        enps: { value: expect.any(Number), low: expect.any(Number), high: expect.any(Number), n: expect.any(Number) },
      },
      customers: {
        n: expect.any(Number),
        nps: { value: expect.any(Number), low: expect.any(Number), high: expect.any(Number), n: expect.any(Number) },
      },
      symmetryIndex: expect.any(Number),
    });
    expect(result.dimensions).toHaveLength(11);
    for (const dimension of result.dimensions) {
      expect(dimension).toMatchObject({
        id: expect.any(String),
        employee: { score: expect.any(Number), n: expect.any(Number) },
        customer: { score: expect.any(Number), n: expect.any(Number) },
        gap: expect.any(Number),
        low: expect.any(Number),
        high: expect.any(Number),
        p: expect.any(Number),
        hedgesG: expect.any(Number),
      });
      expect(["alert", "watch", "ok"]).toContain(dimension.status);
    }
    for (const unit of result.units) {
      expect(Object.keys(unit).sort()).toEqual(["enps", "n", "suppressed", "unit"]);
      expect(typeof unit.suppressed).toBe("boolean");
    }
  });

  it("equals the engine's reference accumulator run directly on the same rows", () => {
    const direct = barometerDirectly(EN_EMPLOYEES, EN_CUSTOMERS);
    for (const key of ["employees", "customers", "dimensions", "symmetryIndex", "units", "managers", "unpairedDimensions"] as const) {
      expectClose(result[key], JSON.parse(JSON.stringify(direct[key])), 1e-10, key);
    }
  });

  it("agrees with pandas + scipy", () => {
    const expected = reference.minN5;
    expect(result.employees.n).toBe(expected.employees.n);
    expect(result.customers.n).toBe(expected.customers.n);
    for (const key of ["value", "low", "high"] as const) {
      expect(result.employees.enps[key]).toBeCloseTo(expected.employees.enps[key], 9);
      expect(result.customers.nps[key]).toBeCloseTo(expected.customers.nps[key], 9);
    }
    expect(result.employees.enps.n).toBe(expected.employees.enps.n);
    expect(result.symmetryIndex).toBeCloseTo(expected.symmetryIndex, 9);
    expect(result.dimensions.map((dimension: { id: string }) => dimension.id)).toEqual(
      expected.dimensions.map((dimension) => dimension.id),
    );
    result.dimensions.forEach((dimension: any, index: number) => {
      const want = expected.dimensions[index];
      expect(dimension.employee.n).toBe(want.employee.n);
      expect(dimension.customer.n).toBe(want.customer.n);
      expect(dimension.employee.score).toBeCloseTo(want.employee.score, 9);
      expect(dimension.customer.score).toBeCloseTo(want.customer.score, 9);
      expect(dimension.employee.alpha).toBeCloseTo(want.employee.alpha, 9);
      expect(dimension.customer.alpha).toBeCloseTo(want.customer.alpha, 9);
      expect(dimension.gap).toBeCloseTo(want.gap, 9);
      expect(dimension.low).toBeCloseTo(want.low, 9);
      expect(dimension.high).toBeCloseTo(want.high, 9);
      expect(dimension.hedgesG).toBeCloseTo(want.hedgesG, 9);
      // p spans hundreds of orders of magnitude: compare relatively.
      expect(Math.abs(dimension.p - want.p)).toBeLessThanOrEqual(1e-9 * Math.max(want.p, 1e-300) + 1e-300);
      expect(dimension.status).toBe(want.status);
    });
    const shown = result.units.filter((unit: { suppressed: boolean }) => !unit.suppressed);
    for (const unit of shown) {
      const want = expected.units.find((candidate) => candidate.unit === unit.unit)!;
      expect(unit.n).toBe(want.n);
      expect(unit.enps).toBeCloseTo(want.enps!, 9);
    }
    // Every unit pandas finds under the threshold is hidden by the CLI (plus complementary ones).
    for (const want of expected.units.filter((unit) => unit.belowThreshold)) {
      expect(result.units.find((unit: { unit: string }) => unit.unit === want.unit)).toMatchObject({ enps: null, suppressed: true });
    }
  });

  it("finds the gaps built into the samples: recognition and physical environment on alert", () => {
    const alerts = result.dimensions
      .filter((dimension: { status: string }) => dimension.status === "alert")
      .map((dimension: { id: string }) => dimension.id);
    expect(alerts.sort()).toEqual(["physical", "recognition"]);
  });

  it("lists the columns no rule recognised, without failing", () => {
    expect(result.unmapped).toEqual({
      employees: ["respondent_id", "tenure_years"],
      customers: ["respondent_id", "visit_date", "channel"],
    });
  });

  it("never shows an eNPS about fewer than 5 answers", () => {
    const reference5 = new Map(reference.minN5.units.map((unit) => [unit.unit, unit.answers]));
    for (const group of result.units) if (reference5.get(group.unit)! < 5) expect(group).toMatchObject({ enps: null, suppressed: true });
    expect(result.units.some((unit: { suppressed: boolean }) => unit.suppressed)).toBe(true);
  });
});

describe("sym barometer options", () => {
  it("reads the French files (; delimiter, decimal commas, French headers, NSP) to the same figures", async () => {
    const english = await barometerJson(["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS]);
    const french = await barometerJson(["--employees", FR_EMPLOYEES, "--customers", FR_CUSTOMERS, "--lang", "fr"]);
    expect(french.employees).toEqual(english.employees);
    expect(french.customers).toEqual(english.customers);
    expect(french.symmetryIndex).toBe(english.symmetryIndex);
    expect(french.dimensions.map(({ label: _label, ...rest }: { label: string }) => rest)).toEqual(
      english.dimensions.map(({ label: _label, ...rest }: { label: string }) => rest),
    );
    expect(french.dimensions.find((dimension: { id: string }) => dimension.id === "recognition").label).toBe(
      "Reconnaissance et valorisation",
    );
    // Units are named in each language (support units), so compare their figures in name order of the English set.
    const figures = (units: { n: number; enps: number | null; suppressed: boolean }[]) =>
      units.map(({ n, enps, suppressed }) => `${n}/${enps}/${suppressed}`).sort();
    expect(figures(french.units)).toEqual(figures(english.units));
    expect(french.unmapped.employees).toEqual(["id_répondant", "ancienneté_années"]);
  });

  it("--min-n raises the confidentiality threshold for scores, eNPS and units", async () => {
    const strict = await barometerJson(["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--min-n", "40"]);
    expect(strict.minGroupSize).toBe(40);
    for (const unit of strict.units) {
      const want = reference.minN40Units.find((candidate) => candidate.unit === unit.unit)!;
      // Under 40 eNPS answers: no eNPS; the unit itself is hidden (n null) when it has under 40 people.
      if (want.belowThreshold) expect(unit.enps).toBeNull();
      if (unit.suppressed) expect(unit.n).toBeNull();
      if (unit.enps !== null) expect(unit.enps).toBeCloseTo(want.enps!, 9);
    }
    // Every unit under the threshold is without eNPS, and covers hide some that reach it.
    const withoutEnps = strict.units.filter((unit: { enps: number | null }) => unit.enps === null).length;
    expect(withoutEnps).toBeGreaterThan(reference.minN40Units.filter((unit) => unit.belowThreshold).length - 1);
    const huge = await barometerJson(["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--min-n", "5000"]);
    expect(huge.employees.enps).toBeNull();
    expect(huge.symmetryIndex).toBeNull();
    expect(
      huge.dimensions.every(
        (dimension: any) => dimension.employee.score === null && dimension.gap === null && dimension.status === "suppressed",
      ),
    ).toBe(true);
  });

  it("--by manager adds a heat map by manager, suppressed with the units (customers carry no manager: no customer score)", async () => {
    const byManager = await barometerJson(["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--by", "manager"]);
    expect(byManager.heatmap).toHaveLength(1);
    const [entry] = byManager.heatmap;
    expect(entry.by).toBe("manager");
    expect(entry.groups.map((group: { group: string }) => group.group)).toContain("M01-1");
    expect(entry.groups.length).toBeGreaterThan(100);
    expect(entry.groups.every((group: any) => group.dimensions.every((cell: any) => cell.customer === null && cell.gap === null))).toBe(
      true,
    );
    // The same managers, hidden the same way, as the eNPS list of the same output.
    expect(entry.groups.map((group: any) => [group.group, group.n, group.suppressed])).toEqual(
      byManager.managers.map((manager: any) => [manager.unit, manager.n, manager.suppressed]),
    );
  });

  it("--threshold and --alpha change the statuses", async () => {
    const loose = await barometerJson(["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--threshold", "2"]);
    const expected = reference.minN5.dimensions
      .filter((dimension) => Math.abs(dimension.gap) >= 2 && dimension.p < 0.05)
      .map((dimension) => dimension.id);
    expect(expected.length).toBeGreaterThan(2);
    expect(
      loose.dimensions
        .filter((dimension: { status: string }) => dimension.status === "alert")
        .map((dimension: { id: string }) => dimension.id),
    ).toEqual(expected);
    const tiny = await barometerJson(["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--threshold", "2", "--alpha", "1e-300"]);
    expect(
      tiny.dimensions
        .filter((dimension: { status: string }) => dimension.status === "watch")
        .map((dimension: { id: string }) => dimension.id),
    ).toEqual(
      reference.minN5.dimensions
        .filter((dimension) => Math.abs(dimension.gap) >= 2 && dimension.p >= 1e-300)
        .map((dimension) => dimension.id),
    );
  });

  it("--scale changes the normalisation (same answers on 1–7 score lower)", async () => {
    const wide = await barometerJson(["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--scale", "1-7"]);
    const normal = await barometerJson(["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS]);
    // 100·(x−1)/6 = (4/6)·100·(x−1)/4 for every answer, so every mean scales by 2/3.
    expect(wide.dimensions[0].employee.score).toBeCloseTo((normal.dimensions[0].employee.score * 4) / 6, 9);
  });
});

describe("sym barometer --units", () => {
  const EN_UNITS = path.join(__dirname, "..", "..", "..", "samples", "en", "units.csv");
  const FR_UNITS = path.join(__dirname, "..", "..", "..", "samples", "fr", "units.csv");

  it("marks each unit front office or support, from English and French units files alike", async () => {
    const english = await barometerJson(["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--units", EN_UNITS]);
    const french = await barometerJson(["--employees", FR_EMPLOYEES, "--customers", FR_CUSTOMERS, "--units", FR_UNITS, "--lang", "fr"]);
    const unitsFile = fs
      .readFileSync(EN_UNITS, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","));
    const kindOf = new Map(unitsFile.map(([unit, attribute]) => [unit, attribute]));
    for (const unit of english.units) expect(unit.attribute).toBe(kindOf.get(unit.unit));
    expect(
      english.units.filter((unit: { attribute: string }) => unit.attribute === "support").map((unit: { unit: string }) => unit.unit),
    ).toContain("Payroll");
    const count = (units: { attribute: string }[], kind: string) => units.filter((unit) => unit.attribute === kind).length;
    expect(count(french.units, "support")).toBe(10);
    expect(count(french.units, "front-office")).toBe(30);
    expect(french.unitAttributes.support).toBe("Support et back-office");
    expect(english.unmapped.units).toEqual([]);
  });

  it("shows the type in the table", async () => {
    const run = await runCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--units", EN_UNITS]);
    expect(run.stdout).toMatch(/Payroll\s+Support and back office\s+\d+\s+[-+]?\d/);
  });

  it("refuses a units file with a bad number, and a missing one", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sym-units-")), "units.csv");
    fs.writeFileSync(file, "unit,attribute,headcount,leavers\nLyon Part-Dieu,front-office,40,7\nPayroll,support,many,2\n");
    const bad = await runCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--units", file, "--json"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain('units.csv, data row 2 (file line 3), column "headcount", value "many"');
    const missing = await runCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--units", `${file}.nope`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("file not found");
  });
});

describe("sym barometer readable table", () => {
  // The figures expected in the table are samples-reference.json's pandas/scipy values, rounded
  // as the table prints them.
  const recognition = reference.minN5.dimensions.find((dimension) => dimension.id === "recognition")!;
  const printed = (value: number, digits: number, comma = false) => {
    const text = `${value > 0 ? "+" : ""}${value.toFixed(digits)}`;
    return (comma ? text.replace(".", ",") : text).replace(/[+.]/g, (character) => `\\${character}`);
  };
  const plain = (value: number, comma = false) => printed(value, 1, comma).replace(/^\\\+/, "");

  it("prints English labels, flagged gaps, intervals and hidden units, and lists unmapped columns on stderr", async () => {
    const run = await runCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS]);
    expect(run.code).toBe(0);
    const row = `Recognition\\s+${plain(recognition.employee.score)}\\s+${plain(recognition.customer.score)}\\s+${printed(recognition.gap, 1)}\\s+\\[${printed(recognition.low, 1)}; ${printed(recognition.high, 1)}\\]\\s+<0\\.001\\s+${printed(recognition.hedgesG, 2)}\\s+ALERT`;
    expect(run.stdout).toMatch(new RegExp(row));
    const enps = reference.minN5.employees.enps;
    expect(run.stdout).toMatch(
      new RegExp(
        `eNPS ${printed(enps.value, 1)} \\(95% CI ${printed(enps.low, 1)} … ${printed(enps.high, 1)}, ${enps.n.toLocaleString("en")} answers\\)`,
      ),
    );
    expect(run.stdout).toMatch(new RegExp(`Symmetry index: ${plain(reference.minN5.symmetryIndex)} / 100`));
    expect(run.stdout).toMatch(/Quality\s+fewer than 5\s+hidden/);
    expect(run.stderr).toContain("unmapped columns in");
    expect(run.stderr).toContain("tenure_years");
  });

  it("prints French labels and decimal commas with --lang fr", async () => {
    const run = await runCli(["barometer", "--employees", FR_EMPLOYEES, "--customers", FR_CUSTOMERS, "--lang", "fr"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Baromètre de la symétrie des attentions");
    const row = `Reconnaissance et valorisation\\s+${plain(recognition.employee.score, true)}\\s+${plain(recognition.customer.score, true)}\\s+${printed(recognition.gap, 1, true)}\\s+\\[${printed(recognition.low, 1, true)}; ${printed(recognition.high, 1, true)}\\]\\s+<0,001\\s+${printed(recognition.hedgesG, 2, true)}\\s+ALERTE`;
    expect(run.stdout).toMatch(new RegExp(row));
    expect(run.stdout).toMatch(/Qualité\s+moins de 5\s+masqué/);
    expect(run.stderr).toContain("colonnes non reconnues");
  });
});
