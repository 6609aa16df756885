/**
 * `sym link` applies the engine's work limits (shared/src/linkage/limits.ts) before any work, as
 * the API does: too many pairs, replicates or driver predictors is a usage error (exit 2) naming
 * the limit and the options; too many unit rows in the file is a data error (exit 1).
 */
import { runCli, scratchDirectory } from "./support/cli";

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const metrics = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

/** A units CSV with `rows` units and the given metric columns (values vary with the unit). */
function unitsFile(name: string, rows: number, columns: string[]): string {
  const lines = [["unit", "employees_n", ...columns].join(",")];
  for (let row = 0; row < rows; row++) lines.push([`U${row}`, 10, ...columns.map((_, position) => (row * 7 + position) % 13)].join(","));
  return scratch.write(name, `${lines.join("\n")}\n`);
}

describe("sym link refuses work over the limits", () => {
  const x = metrics("e", 40);
  const y = metrics("c", 20);
  const wide = unitsFile("wide.csv", 30, [...x, ...y]);

  it("40 x × 20 y × 2 methods = 1,600 pairs: exit 2, naming the 512-pair limit and the options", async () => {
    const started = Date.now();
    const run = await runCli([
      "link",
      "--units",
      wide,
      "--x",
      x.join(","),
      "--y",
      y.join(","),
      "--method",
      "both",
      "--bootstrap",
      "100000",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/1,600, over the limit of 512/);
    expect(run.stderr).toContain("--x, --y, --method");
    expect(run.stdout).toBe("");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("pairs × B over 25.6 million: exit 2 naming --bootstrap", async () => {
    const run = await runCli([
      "link",
      "--units",
      wide,
      "--x",
      x.slice(0, 16).join(","),
      "--y",
      y.slice(0, 16).join(","),
      "--method",
      "both",
      "--bootstrap",
      "100000",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/51,200,000, over the limit of 25,600,000.*--bootstrap/);
  });

  it("--drivers with 33 predictors: exit 2 naming the 32-predictor limit", async () => {
    const run = await runCli(["link", "--units", wide, "--x", x.slice(0, 33).join(","), "--y", "c0", "--drivers", "--bootstrap", "10"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/key-driver predictors is 33, over the limit of 32/);
  });

  it("--drivers over predictors × y × B: exit 2 naming the 2,000,000 limit", async () => {
    const run = await runCli([
      "link",
      "--units",
      wide,
      "--x",
      x.slice(0, 10).join(","),
      "--y",
      y.slice(0, 3).join(","),
      "--drivers",
      "--bootstrap",
      "70000",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/2,100,000, over the limit of 2,000,000/);
  });

  it("20,001 unit rows in the file: exit 1 naming the 20,000 limit", async () => {
    const many = unitsFile("many.csv", 20_001, ["enps", "nps"]);
    const run = await runCli(["link", "--units", many, "--x", "enps", "--y", "nps", "--bootstrap", "0"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unit rows is 20,001, over the limit of 20,000/);
  });
});
