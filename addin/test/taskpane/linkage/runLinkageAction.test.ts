/**
 * The Linkage action on the in-memory workbook with the English samples (40 units): unit
 * aggregation through the engine, the request, the worker protocol, and the Linkage sheet. The
 * sheet's figures must equal `runLinkage` on the same unit rows (the engine's statistics are
 * checked against scipy/numpy in shared/test/linkage); a rerun updates in place.
 */
import { DEFAULT_MODEL, runLinkage, unitRowsFromAggregates } from "@symmetry/engine";
import { readUnitAttributes } from "../../../src/taskpane/linkage/unitsSheet";
import { aggregateUnits } from "../../../src/taskpane/linkage/aggregateUnits";
import {
  DEFAULT_LINKAGE_CHOICES,
  linkageMetrics,
  linkageRequestOf,
  type LinkageChoices,
} from "../../../src/taskpane/linkage/linkageRequest";
import { DRIVERS_CHART, LINKAGE_AREA_NAME, SCATTER_CHART, significanceMark } from "../../../src/taskpane/linkage/layout";
import { runLinkageAction } from "../../../src/taskpane/linkage/runLinkageAction";
import { AREA_NAME } from "../../../src/taskpane/barometer/layout";
import { buildBarometer } from "../../../src/taskpane/barometer/buildBarometer";
import { rangeText } from "../../../src/taskpane/workbook/a1";
import { inProcessWorker, sampleMapping, sampleRows, sampleWorkbook } from "./support";

const HOSTILE = '=HYPERLINK("http://example.invalid","x")';

const choices: LinkageChoices = {
  ...DEFAULT_LINKAGE_CHOICES,
  x: ["enps", "symmetry", "culture", "recognition", "information", "autonomy"],
  y: ["nps", "turnover"],
  method: "both",
  bootstrap: 200,
  seed: 42,
  costRatio: 0.3,
};

describe("Linkage action on the in-memory workbook", () => {
  it("aggregates units through the engine: unit rows equal unitRowsFromAggregates of the scans and the Units data", async () => {
    const workbook = sampleWorkbook();
    const mapping = await sampleMapping(workbook);
    expect(mapping.units).toMatchObject({
      unitColumn: "unit",
      headcountColumn: "headcount",
      leaversColumn: "leavers",
      salaryColumn: "average_salary",
      attributeColumn: "attribute",
    });
    const aggregation = await aggregateUnits(workbook, mapping, DEFAULT_MODEL);
    const attributes = await readUnitAttributes(workbook, mapping.units!);
    expect(attributes).toHaveLength(40);
    expect(aggregation.units).toEqual(
      unitRowsFromAggregates(aggregation.employees.aggregate, aggregation.customers.aggregate, DEFAULT_MODEL, attributes),
    );
    expect(aggregation.units).toHaveLength(40);
    const [, , headcount, leavers, salary] = sampleRows("units").find((row) => row[0] === "Lyon Part-Dieu")! as [
      string,
      string,
      number,
      number,
      number,
    ];
    const lyon = aggregation.units.find((unit) => unit.unit === "Lyon Part-Dieu")!;
    expect(lyon).toMatchObject({ headcount, leavers, salary });
    expect(lyon.metrics.turnover).toBeCloseTo(leavers / headcount, 12);
    const metrics = linkageMetrics(mapping, DEFAULT_MODEL, "en");
    expect(metrics.x.map((option) => option.id).slice(0, 3)).toEqual(["enps", "symmetry", "culture"]);
    expect(metrics.y.map((option) => option.id)).toEqual(expect.arrayContaining(["nps", "customer_culture", "turnover"]));
  });

  it("writes the Linkage sheet with the engine's figures, and a rerun updates it in place", async () => {
    const workbook = sampleWorkbook({ "Lyon Part-Dieu": HOSTILE });
    const mapping = await sampleMapping(workbook);
    await buildBarometer(workbook, mapping, DEFAULT_MODEL, "en");
    const progress: string[] = [];
    const outcome = await runLinkageAction(workbook, mapping, DEFAULT_MODEL, "en", choices, {
      createWorker: () => inProcessWorker(),
      onProgress: (step) => progress.push(step.stage),
    });
    expect(progress).toEqual(expect.arrayContaining(["employees", "customers", "units", "analysis", "writing"]));
    const expected = runLinkage(linkageRequestOf(outcome.units, choices, mapping, DEFAULT_MODEL, "en").request);
    expect(outcome.result).toEqual(expected);
    expect(expected.drivers.length).toBeGreaterThan(0);
    expect(expected.turnover).not.toBeNull();

    const sheet = outcome.layout.sheetName;
    expect(sheet).toBe("Linkage");
    const correlations = await workbook.readRange(sheet, rangeText(outcome.layout.anchors.correlations));
    expect(correlations).toHaveLength(expected.correlations.length); // 6 x × 2 y × 2 methods
    expected.correlations.forEach((entry, index) => {
      const [, , method, r, low, high, p, q, mark, n, bootLow, bootHigh] = correlations[index];
      expect([method, r, low, high, p, q, mark, n, bootLow, bootHigh]).toEqual([
        entry.method,
        entry.r,
        entry.low,
        entry.high,
        entry.p,
        entry.q,
        significanceMark(entry.q),
        entry.n,
        entry.bootLow,
        entry.bootHigh,
      ]);
    });
    const drivers = await workbook.readRange(sheet, rangeText(outcome.layout.anchors.drivers!));
    expect(drivers.map((row) => row[3])).toEqual(expected.drivers.map((entry) => entry.share));
    const money = await workbook.readRange(sheet, rangeText(outcome.layout.anchors.turnover!));
    expect(money.map((row) => row[1])).toEqual([0.21, 0.5, 1.5, 0.3]);
    expect(money.map((row) => row[2])).toEqual([
      ...expected.turnover!.presets.map((preset) => preset.valuePerPoint),
      expected.turnover!.valuePerPoint,
    ]);

    // Scatter: units at or above the threshold only, names written as text (no formula).
    const scatter = outcome.layout.anchors.scatter!;
    const points = await workbook.readRange(sheet, rangeText(scatter));
    const shown = outcome.units.filter((unit) => unit.employeesN >= 5 && unit.metrics.enps !== null && unit.metrics.nps !== null);
    expect(points.map((row) => row[0])).toEqual(shown.map((unit) => unit.unit));
    expect(points.map((row) => row[1])).toEqual(shown.map((unit) => unit.metrics.enps));
    const hostileRow = points.findIndex((row) => row[0] === HOSTILE);
    expect(hostileRow).toBeGreaterThanOrEqual(0);
    expect(workbook.formulaAt(sheet, `A${scatter.top + hostileRow + 1}`)).toBeUndefined();
    expect(await workbook.listCharts(sheet)).toEqual([SCATTER_CHART, DRIVERS_CHART]);
    expect(workbook.chart(sheet, SCATTER_CHART)).toMatchObject({
      kind: "scatter",
      categories: `B${scatter.top + 1}:B${scatter.bottom + 1}`,
    });

    // The user's own cell next to the area survives; a rerun (other seed, French) renames and rewrites in place.
    await workbook.writeValues(sheet, "N45", [["my note"]]);
    const sheetsBefore = (await workbook.listSheets()).map((entry) => entry.name);
    const again = await runLinkageAction(
      workbook,
      mapping,
      DEFAULT_MODEL,
      "fr",
      { ...choices, seed: 43 },
      { createWorker: () => inProcessWorker() },
    );
    expect(again.layout.sheetName).toBe("Liaison");
    const sheetsAfter = (await workbook.listSheets()).map((entry) => entry.name);
    expect(sheetsAfter).toEqual(sheetsBefore.map((name) => (name === "Linkage" ? "Liaison" : name)));
    expect(await workbook.listCharts("Liaison")).toEqual([SCATTER_CHART, DRIVERS_CHART]);
    expect(await workbook.readRange("Liaison", "N45")).toEqual([["my note"]]);
    expect(await workbook.getNamedRange(LINKAGE_AREA_NAME)).toEqual({ sheet: "Liaison", address: again.area.address });
    expect((await workbook.getNamedRange(AREA_NAME))!.sheet).toBe("Barometer");
    const rerun = await workbook.readRange("Liaison", rangeText(again.layout.anchors.correlations));
    expect(rerun.map((row) => row[3])).toEqual(correlations.map((row) => row[3])); // r does not depend on the seed
    expect(rerun.map((row) => row[10])).not.toEqual(correlations.map((row) => row[10])); // the bootstrap does
  });

  it("leaves key drivers out with a note when fewer than two dimensions are picked, and says why on the sheet", async () => {
    const workbook = sampleWorkbook();
    const mapping = await sampleMapping(workbook);
    const outcome = await runLinkageAction(
      workbook,
      mapping,
      DEFAULT_MODEL,
      "en",
      { ...choices, x: ["enps"], y: ["nps"], bootstrap: 0 },
      { createWorker: () => inProcessWorker() },
    );
    expect(outcome.result.drivers).toEqual([]);
    expect(outcome.layout.anchors.drivers).toBeUndefined();
    const column = (await workbook.readRange("Linkage", `A1:A${outcome.layout.area.bottom + 1}`)).map((row) => row[0]);
    expect(column).toContain("Key drivers: pick at least two employee dimensions as x.");
    expect(await workbook.listCharts("Linkage")).toEqual([SCATTER_CHART]);
  });
});
