/* eslint-disable office-addins/no-context-sync-in-loop, office-addins/call-sync-before-read, office-addins/load-object-before-read -- these tests break Office.js rules on purpose to see the stand-in refuse */
import { ExcelRuleError, PAYLOAD_LIMIT_BYTES } from "../../test-doubles/excelRules";
import { strictExcel } from "../../test-doubles/strictOfficeMock";

/**
 * The strict layer around office-addin-mock refuses what Excel refuses (PLATFORM.md): each rule is
 * broken here on purpose, and the refusal carries Excel's error code.
 */

type Context = Excel.RequestContext & { workbook: any };

function model(values: unknown[][] = [[1, 2]]) {
  return {
    // A tree object (office-addin-mock's own load/sync state) and an object returned by a method.
    sheet: { range: { values, address: "Data!A1:B1" } },
    getRange: (address: string) => ({ address, values, isNullObject: false }),
  };
}

async function inRun<T>(excel: ReturnType<typeof strictExcel>, batch: (context: Context) => Promise<T>): Promise<T> {
  return excel.run((context) => batch(context as Context));
}

describe("strict layer around office-addin-mock", () => {
  it("throws PropertyNotLoaded for a property read before load, or loaded but not synced", async () => {
    for (const pick of [(context: Context) => context.workbook.sheet.range, (context: Context) => context.workbook.getRange("A1:B1")]) {
      const excel = strictExcel(model());
      await inRun(excel, async (context) => {
        const range = pick(context);
        expect(() => range.values).toThrow(ExcelRuleError);
        expect(() => range.values).toThrow(/PropertyNotLoaded/);
        range.load("values");
        expect(() => range.values).toThrow(/PropertyNotLoaded/);
        await context.sync();
        expect(range.values).toEqual([[1, 2]]);
        expect(() => range.address).toThrow(/PropertyNotLoaded: "address"/);
      });
    }
  });

  it("throws PropertyNotLoaded for isNullObject read before a sync", async () => {
    const excel = strictExcel(model());
    await inRun(excel, async (context) => {
      const range = context.workbook.getRange("A1");
      expect(() => range.isNullObject).toThrow(/PropertyNotLoaded: isNullObject/);
      await context.sync();
      expect(range.isNullObject).toBe(false);
    });
  });

  it("refuses a request over 5 MB once serialised, and accepts it cut in two syncs", async () => {
    const half = Array.from({ length: 1_500 }, () => ["é".repeat(1_000)]); // ≈ 3 MB in UTF-8
    const excel = strictExcel(model());
    await expect(
      inRun(excel, async (context) => {
        context.workbook.getRange("A1:A1500").values = half;
        context.workbook.getRange("A1501:A3000").values = half;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    const cut = strictExcel(model());
    await inRun(cut, async (context) => {
      context.workbook.getRange("A1:A1500").values = half;
      await context.sync();
      context.workbook.getRange("A1501:A3000").values = half;
      await context.sync();
    });
    expect(cut.ledger.largestRequest).toBeGreaterThan(3_000_000);
    expect(cut.ledger.largestRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });

  it("refuses a response over 5 MB", async () => {
    const excel = strictExcel(model(Array.from({ length: 6_000 }, () => ["x".repeat(1_000)])));
    await expect(
      inRun(excel, async (context) => {
        context.workbook.getRange("A1:A6000").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("counts runs and syncs, syncs once more what a run leaves queued, and refuses a run over its ceiling", async () => {
    const excel = strictExcel(model());
    await inRun(excel, async (context) => {
      await context.sync();
      context.workbook.getRange("A1").values = [[3]];
    });
    expect(excel.ledger).toMatchObject({ runs: 1, syncsPerRun: [2] });
    const capped = strictExcel(model(), { maxSyncsPerRun: 2 });
    await expect(
      inRun(capped, async (context) => {
        for (let step = 0; step < 3; step++) await context.sync();
      }),
    ).rejects.toThrow(/synced 3 times, more than the 2 allowed/);
  });
});
