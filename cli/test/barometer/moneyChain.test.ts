import * as fs from "node:fs";
import * as path from "node:path";
import { EN_CUSTOMERS, EN_EMPLOYEES, FR_CUSTOMERS, FR_EMPLOYEES, SAMPLES, runCli, scratchDirectory } from "../support/cli";

/**
 * The money value of closing each alert on the samples, against pandas + statsmodels
 * (fixtures/make_samples_money_chain_reference.py wrote fixtures/samples-money-chain-reference.json
 * from its own scores: OLS of the eNPS contribution, OLS of unit turnover on unit eNPS, a numpy
 * Monte Carlo of 2,000,000 draws).
 */
interface ReferenceAlert {
  id: string;
  points: number;
  enpsPerPoint: { estimate: number; low: number; high: number };
  enps: number;
  leavers: number;
  costPerLeaver: number;
  value: number;
  low: number;
  high: number;
}
const reference = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "samples-money-chain-reference.json"), "utf8")) as {
  regression: { n: number; rSquared: number };
  turnover: { units: number; slope: number; headcount: number; meanSalary: number };
  alerts: ReferenceAlert[];
};
const EN_UNITS = path.join(SAMPLES, "en", "units.csv");
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

it("values each alert link by link as pandas + statsmodels do, labelled an estimate", async () => {
  const run = await runCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--units", EN_UNITS, "--json"]);
  expect(run.stderr).toBe("");
  const chain = JSON.parse(run.stdout).moneyChain;
  expect(chain.estimate).toBe(true);
  expect(chain.costRatio).toBe(0.21);
  expect(chain.regression.n).toBe(reference.regression.n);
  expect(relative(chain.regression.rSquared, reference.regression.rSquared)).toBeLessThan(1e-9);
  expect(chain.turnover.units).toBe(reference.turnover.units);
  expect(relative(chain.turnover.slope, reference.turnover.slope)).toBeLessThan(1e-9);
  expect(chain.turnover.headcount).toBe(reference.turnover.headcount);
  expect(chain.alerts.map((entry: { id: string }) => entry.id)).toEqual(reference.alerts.map((entry) => entry.id));
  chain.alerts.forEach(
    (
      entry: {
        points: { estimate: number };
        enpsPerPoint: { estimate: number; low: number; high: number };
        enps: number;
        leavers: number;
        costPerLeaver: number;
        value: { estimate: number; low: number; high: number };
      },
      index: number,
    ) => {
      const expected = reference.alerts[index];
      expect(relative(entry.points.estimate, expected.points)).toBeLessThan(1e-9);
      for (const key of ["estimate", "low", "high"] as const) {
        expect(relative(entry.enpsPerPoint[key], expected.enpsPerPoint[key])).toBeLessThan(1e-8);
      }
      expect(relative(entry.enps, expected.enps)).toBeLessThan(1e-8);
      expect(relative(entry.leavers, expected.leavers)).toBeLessThan(1e-8);
      expect(relative(entry.costPerLeaver, expected.costPerLeaver)).toBeLessThan(1e-12);
      expect(relative(entry.value.estimate, expected.value)).toBeLessThan(1e-8);
      // 10,000 seeded draws against numpy's 2,000,000: the ends agree within Monte Carlo error.
      const width = expected.high - expected.low;
      expect(Math.abs(entry.value.low - expected.low) / width).toBeLessThan(0.03);
      expect(Math.abs(entry.value.high - expected.high) / width).toBeLessThan(0.03);
    },
  );
});

it("says in the French table that the value is an estimate, with each link's interval", async () => {
  const run = await runCli([
    "barometer",
    "--employees",
    FR_EMPLOYEES,
    "--customers",
    FR_CUSTOMERS,
    "--units",
    path.join(SAMPLES, "fr", "units.csv"),
    "--lang",
    "fr",
    "--cost-ratio",
    "0.5",
  ]);
  expect(run.stdout).toContain(
    "coût d’un départ 50 % du salaire (une estimation : des associations entre répondants et unités, pas des causes)",
  );
  expect(run.stdout).toMatch(/Reconnaissance et valorisation +20,2 +0,28 \[-0,03; \+0,58\]/);
});

it("gives no chain without money figures and says which link is missing with too few units", async () => {
  const [header, ...rows] = fs.readFileSync(EN_UNITS, "utf8").trimEnd().split("\n");
  const attributesOnly = scratch.write(
    "attributes.csv",
    [header.split(",").slice(0, 2).join(","), ...rows.map((row) => row.split(",").slice(0, 2).join(","))].join("\n"),
  );
  const plain = JSON.parse(
    (await runCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--units", attributesOnly, "--json"])).stdout,
  );
  expect(plain.moneyChain).toBeUndefined();
  expect(plain.moneyChainSkipped).toBeUndefined();
  const twoUnits = scratch.write("two-units.csv", [header, ...rows.slice(0, 2)].join("\n"));
  const few = await runCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--units", twoUnits]);
  expect(few.stdout).toContain("the leavers link needs at least 3 units with headcount, leavers, salary");
});
