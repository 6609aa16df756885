/**
 * The in-memory workbook refuses what Excel refuses (PLATFORM.md): each test breaks one rule and
 * expects the Office.js error code Excel would answer with.
 */
import { MemoryWorkbook } from "../../test-doubles/memoryWorkbook";
import { ExcelRuleError, PAYLOAD_LIMIT_BYTES, payloadBytes } from "../../test-doubles/excelRules";

function refusal(code: string, detail: RegExp) {
  return expect.objectContaining({ name: "ExcelRuleError", code, message: expect.stringMatching(detail) });
}

describe("MemoryWorkbook is as strict as Excel", () => {
  it("refuses a ragged values or formulas array (InvalidArgument), accepts a rectangle", async () => {
    const workbook = new MemoryWorkbook();
    workbook.loadSheet("Sheet1", []);
    await expect(workbook.writeValues("Sheet1", "A4", [["Indicator", "Value", "Low"], ["Symmetry index"]])).rejects.toEqual(
      refusal("InvalidArgument", /doesn't match the size/),
    );
    await expect(workbook.writeFormulas("Sheet1", "A1", [["=1"], ["=2", null]])).rejects.toBeInstanceOf(ExcelRuleError);
    await expect(workbook.writeValues("Sheet1", "A1", [])).rejects.toEqual(refusal("InvalidArgument", /empty array/));
    await workbook.writeValues("Sheet1", "A4", [
      ["Indicator", "Value"],
      ["Symmetry index", null],
    ]);
    expect(await workbook.readRange("Sheet1", "A4:B5")).toEqual([
      ["Indicator", "Value"],
      ["Symmetry index", null],
    ]);
  });

  it("refuses a read or a write over 5 MB once serialised, and records the largest payload", async () => {
    const workbook = new MemoryWorkbook();
    const row = Array.from({ length: 20 }, () => "x".repeat(1000)); // ~20 kB per row
    const rows = Array.from({ length: 300 }, () => row); // ~6 MB
    expect(payloadBytes(rows)).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    workbook.loadSheet("Data", rows);
    await expect(workbook.readRange("Data", "A1:T300")).rejects.toEqual(
      refusal("ResponsePayloadSizeLimitExceeded", /over Excel on the web's limit/),
    );
    await workbook.readRange("Data", "A1:T200");
    expect(workbook.largestPayload).toBeGreaterThan(4_000_000);
    expect(workbook.largestPayload).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    await expect(workbook.writeValues("Data", "A1", rows)).rejects.toEqual(
      refusal("RequestPayloadSizeLimitExceeded", /request is \d+ bytes/),
    );
    // multi-byte text counts in bytes, not characters: 2 M "é" = 4 MB of UTF-8 in 2 M characters
    expect(payloadBytes([["é".repeat(2_000_000)]])).toBe(4_000_006);
  });

  it("refuses bad sheet names, over-long cells and cells outside the grid", async () => {
    const workbook = new MemoryWorkbook();
    for (const name of ["a".repeat(32), "Q1/Q2", "What?", "[x]", "a:b", "star*", "back\\slash", "", "'quoted'"]) {
      await expect(workbook.ensureSheet(name)).rejects.toEqual(refusal("InvalidArgument", /not a valid sheet name/));
      expect(() => workbook.loadSheet(name, [])).toThrow(ExcelRuleError);
    }
    await workbook.ensureSheet("B".repeat(31));
    await expect(workbook.writeValues("B".repeat(31), "A1", [["x".repeat(32768)]])).rejects.toEqual(
      refusal("InvalidArgument", /32768 characters, more than Excel's 32767/),
    );
    await workbook.writeValues("B".repeat(31), "A1", [["x".repeat(32767)]]);
    await expect(workbook.writeValues("B".repeat(31), "XFD1", [[1, 2]])).rejects.toEqual(
      refusal("InvalidArgument", /outside Excel's grid/),
    );
    await expect(workbook.writeValues("B".repeat(31), "A1048576", [[1], [2]])).rejects.toEqual(
      refusal("InvalidArgument", /outside Excel's grid/),
    );
  });

  it("counts the round trips an Office.js adapter would make: one per port call", async () => {
    const workbook = new MemoryWorkbook();
    workbook.loadSheet("Sheet1", [[1]]);
    const before = workbook.requests;
    await workbook.readRange("Sheet1", "A1");
    await workbook.writeValues("Sheet1", "B1", [[2]]);
    await workbook.listSheets();
    expect(workbook.requests - before).toBe(3);
  });
});
