import { MappingSchema, ScaleSchema, UnitRowSchema, checkScale, respondentScore } from "@symmetry/engine";
import { runCli, scratchDirectory } from "../support/cli";

/**
 * Names that drive the terminal, and magnitudes that overflow doubles: each case reproduces an
 * input that used to be printed raw or to give r = 0, p = 1 or every answer missing with exit 0.
 */
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const ESCAPE_NAME = "\u001b]0;pwned\u0007North\u001b[2J";
const RTL_NAME = "South\u202eevil\u2066";
const employees = scratch.write(
  "employees.csv",
  [
    "unit,recognition_1,physical_1,enps",
    ...Array.from(
      { length: 40 },
      (_, index) => `${index % 2 === 0 ? ESCAPE_NAME : RTL_NAME},${1 + (index % 5)},${1 + ((index * 3) % 5)},${index % 11}`,
    ),
  ].join("\n") + "\n",
);
const customers = scratch.write(
  "customers.csv",
  [
    "unit,recognition_1,physical_1,nps",
    ...Array.from({ length: 20 }, (_, index) => `A,${1 + (index % 5)},${1 + ((index * 2) % 5)},${index % 11}`),
  ].join("\n") + "\n",
);
/** Control characters a terminal acts on (C0 but tab and line feed, DEL, C1) and the bidirectional controls. */
const CONTROL_CODES = [
  ...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => code !== 0x09 && code !== 0x0a),
  ...Array.from({ length: 0x21 }, (_, offset) => 0x7f + offset),
  0x061c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
];
const controlsIn = (text: string): number[] =>
  [...text].map((character) => character.charCodeAt(0)).filter((code) => CONTROL_CODES.includes(code));

describe("terminal-safe output", () => {
  it("prints escape sequences and right-to-left controls from unit names as visible \\u escapes", async () => {
    const run = await runCli(["barometer", "--employees", employees, "--customers", customers]);
    expect(run.code).toBe(0);
    expect(controlsIn(run.stdout)).toEqual([]);
    expect(run.stdout).toContain("\\u001b]0;pwned\\u0007North\\u001b[2J");
    expect(run.stdout).toContain("South\\u202eevil\\u2066");
  });

  it("keeps --json exact: the escapes are JSON escapes of the same characters", async () => {
    const run = await runCli(["barometer", "--employees", employees, "--customers", customers, "--json"]);
    expect(run.code).toBe(0);
    expect(controlsIn(run.stdout)).toEqual([]);
    const names = (JSON.parse(run.stdout).units as { unit: string }[]).map((unit) => unit.unit).sort();
    expect(names).toEqual([ESCAPE_NAME, RTL_NAME].sort());
  });

  it("escapes the same characters in error messages", async () => {
    const bad = scratch.write("bad.csv", `unit,recognition_1,physical_1,enps\n${ESCAPE_NAME},9,3,5\n`);
    const run = await runCli(["barometer", "--employees", bad, "--customers", customers]);
    expect(run.code).toBe(1);
    expect(controlsIn(run.stderr)).toEqual([]);
  });
});

describe("magnitudes that cannot be computed safely are refused", () => {
  it("sym link refuses metrics near 1e160 instead of giving r = 0 and p = 1", async () => {
    const units = scratch.write(
      "huge.csv",
      [
        "unit,employees_n,enps,nps",
        ...Array.from({ length: 10 }, (_, index) => `U${index},20,${(index + 1) * 1e159},${index * 7 - 20}`),
      ].join("\n") + "\n",
    );
    const run = await runCli(["link", "--units", units, "--x", "enps", "--y", "nps", "--bootstrap", "0"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("too large to compute safely");
  });

  it("the unit row schema refuses a metric, headcount or salary beyond 1e12", () => {
    const row = { unit: "A", employeesN: 20, metrics: { enps: 10 } };
    expect(UnitRowSchema.safeParse(row).success).toBe(true);
    expect(UnitRowSchema.safeParse({ ...row, metrics: { enps: 1e160 } }).success).toBe(false);
    expect(UnitRowSchema.safeParse({ ...row, metrics: { enps: -1e13 } }).success).toBe(false);
    expect(UnitRowSchema.safeParse({ ...row, headcount: 1e300 }).success).toBe(false);
    expect(UnitRowSchema.safeParse({ ...row, salary: 1e13 }).success).toBe(false);
  });

  it("a mapping scale of ±1e308 is refused instead of turning every answer into a missing value", () => {
    // (1e308 − −1e308) overflows to Infinity: every normalised answer was NaN, read as missing.
    expect(ScaleSchema.safeParse({ min: -1e308, max: 1e308 }).error?.issues[0].message).toContain(
      "a scale bound must lie within ±1,000,000",
    );
    const mapping = {
      version: 1,
      language: "en",
      employees: { sheet: "E", columns: [{ header: "culture_1", role: "item", dimension: "culture" }] },
      customers: { sheet: "C", columns: [{ header: "culture_1", role: "item", dimension: "culture" }] },
      scales: { employees: { min: -1e308, max: 1e308 }, customers: { min: 1, max: 5 } },
    };
    const parsed = MappingSchema.safeParse(mapping);
    expect(parsed.success).toBe(false);
    expect(() => checkScale({ min: -1e308, max: 1e308 }, "SCORE")).toThrow(/scale bounds within/);
    expect(() => respondentScore([3], { min: -1e308, max: 1e308 })).toThrow(/scale bounds within/);
  });
});
