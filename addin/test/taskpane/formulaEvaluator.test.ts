import { parseFormula } from "../../test-doubles/formula/parse";
import { MemoryWorkbook } from "../../test-doubles/memoryWorkbook";
import { symFunctions } from "../support/fixtureWorkbook";

/** Excel behaviours the evaluator must reproduce (checked against LibreOffice/Excel semantics: blank = "" and 0). */
async function evaluate(formula: string, data: (string | number | null)[][] = []) {
  const workbook = new MemoryWorkbook(symFunctions());
  workbook.loadSheet("Data", data);
  workbook.loadSheet("Out", []);
  await workbook.writeFormulas("Out", "A1", [[formula]]);
  return { workbook, value: (await workbook.readRange("Out", "A1"))[0][0], detailed: workbook.readDetailed("Out", "A1")[0][0] };
}

describe("formula evaluator for the generated subset", () => {
  it("parses sheet-qualified absolute references and function names with dots", () => {
    expect(parseFormula("='My sheet'!$B$2:$C$9<>\"\"")).toMatchObject({
      type: "binary",
      operator: "<>",
      left: { type: "reference", sheet: "My sheet", range: { top: 1, left: 1, bottom: 8, right: 2 } },
    });
    expect(parseFormula("=SYM.SCORE(A1:A3,1,5)")).toMatchObject({ type: "call", name: "SYM.SCORE" });
  });

  it("refuses what it does not know, naming the position", () => {
    expect(() => parseFormula("=A1^2")).toThrow(/expected the end of the formula at character 4/);
    expect(() => parseFormula("=VLOOKUP")).toThrow(/expected "\(" after VLOOKUP/);
  });

  it("keeps arithmetic precedence", async () => {
    expect((await evaluate("=1+2*3-4/2")).value).toBe(5);
    expect((await evaluate('="a"&1+1')).value).toBe("a2");
  });

  it("FILTER passes blanks as 0, as Excel does, unless they are filtered out", async () => {
    const data = [[4], [null], [2]];
    const { workbook } = await evaluate('=FILTER(Data!A1:A3,Data!A1:A3<>"")', data);
    expect(await workbook.readRange("Out", "A1:A2")).toEqual([[4], [2]]);
    const unfiltered = await evaluate("=FILTER(Data!A1:A3,Data!A1:A3=Data!A1:A3)", data);
    expect(await unfiltered.workbook.readRange("Out", "A1:A3")).toEqual([[4], [0], [2]]);
  });

  it('IF over a range turns blanks into "" only when asked, and reflects reversed answers', async () => {
    const data = [
      [5, null],
      [1, 2],
    ];
    const { workbook } = await evaluate('=IF(Data!A1:B2="","",IF(ISNUMBER(Data!A1:B2),6-Data!A1:B2,Data!A1:B2))', data);
    expect(await workbook.readRange("Out", "A1:B2")).toEqual([
      [1, ""],
      [5, 4],
    ]);
  });

  it("spills arrays into empty cells and gives #SPILL! when a cell is taken", async () => {
    const data = [[9], [10], [3], [7], [8], [10]];
    const { workbook } = await evaluate("=SYM.NPSCI(Data!A1:A6)", data);
    const [row] = await workbook.readRange("Out", "A1:D1");
    expect(row[3]).toBe(6);
    await workbook.writeValues("Out", "C1", [["mine"]]);
    expect((await workbook.readRange("Out", "A1"))[0][0]).toBe("#SPILL!");
  });

  it("hands a repeating parameter's arguments to the function as one array, as Excel does (SYM.HEATMAP's answers)", async () => {
    const data: (string | number | null)[][] = [
      ["A", 5, 1, 9],
      ["A", 4, 2, 10],
      ["A", 3, 3, 8],
      ["A", 5, 1, 9],
      ["A", 4, 2, 3],
      ["B", 1, 5, 7],
      ["B", 2, 4, 9],
      ["B", 1, 5, 10],
      ["B", 2, 4, 6],
      ["B", 1, 5, 9],
    ];
    // Two answer ranges: two score columns after group, n and eNPS (A: culture 5,4,3,5,4 → 80; recognition 1,2,3,1,2 → 20).
    const { workbook } = await evaluate('=SYM.HEATMAP("unit",Data!A1:A10,,,Data!D1:D10,5,1,5,Data!B1:B10,Data!C1:C10)', data);
    const rows = await workbook.readRange("Out", "A1:E2");
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ["A", 5],
      ["B", 5],
    ]);
    expect(rows[0][3]).toBeCloseTo(80, 12);
    expect(rows[0][4]).toBeCloseTo(20, 12);
    // Spread one by one (the mistake Excel does not make), the second range would land in the wrong parameter.
    const spread = symFunctions().heatmap as unknown as (...args: unknown[]) => unknown;
    expect(() => spread("unit", [["A"]], null, null, null, 5, 1, 5, [[4]], [[3]])).toThrow();
  });

  it("turns a SYM function's error into the Excel error value with its message", async () => {
    const { value, detailed } = await evaluate("=SYM.ENPS(Data!A1:A3)", [[9], [10], [3]]);
    expect(value).toBe("#N/A");
    expect(String((detailed as { message: string }).message)).toMatch(/fewer than 5/);
  });

  it("INDEX, CHOOSE(SEQUENCE), COUNT, ROWS and NA behave as in Excel 2021, and HSTACK is unknown there", async () => {
    const data = [
      [1, "x"],
      [null, 3],
    ];
    expect((await evaluate("=INDEX(CHOOSE(SEQUENCE(1,2),Data!A1:A2,Data!B1:B2),2,2)", data)).value).toBe(3);
    expect((await evaluate("=INDEX(CHOOSE(SEQUENCE(1,2),Data!B1:B2,Data!A1:A2),1,2)", data)).value).toBe(1);
    expect((await evaluate("=INDEX(HSTACK(Data!A1:A2,Data!B1:B2),2,2)", data)).value).toBe("#NAME?");
    expect((await evaluate("=COUNT(Data!A1:B2)", data)).value).toBe(2);
    expect((await evaluate("=ROWS(Data!A1:B2)", data)).value).toBe(2);
    expect((await evaluate("=IF(COUNT(Data!A1:A2)>=5,1,NA())", data)).value).toBe("#N/A");
  });

  it("reads array constants as Excel does in en-US syntax: , between columns, ; between rows", async () => {
    // Expected shapes from Microsoft's "Use array constants in array formulas": {1,2;3,4} is two rows of two.
    expect(parseFormula('={1,-2.5;"a",TRUE}')).toEqual({
      type: "array",
      rows: [
        [1, -2.5],
        ["a", true],
      ],
    });
    const { workbook } = await evaluate("={1,2;3,4}");
    expect(await workbook.readRange("Out", "A1:B2")).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect((await evaluate("=COUNT({1,2,3;4,5,6})")).value).toBe(6);
    // eNPS of 10, 9, 8, 3, 10: three promoters and one detractor out of five answers.
    expect((await evaluate("=SYM.ENPS({10,9,8,3,10})")).value).toBe(40);
  });

  it("refuses array constants Excel refuses: ragged rows, references, formulas, nesting", () => {
    expect(() => parseFormula("={1,2;3}")).toThrow(/rows of 2 items in the array constant/);
    expect(() => parseFormula("={A1,2}")).toThrow(/a number, a text or TRUE\/FALSE in the array constant/);
    expect(() => parseFormula("={1+1,2}")).toThrow(/expected "}"/);
    expect(() => parseFormula("={{1},2}")).toThrow(/in the array constant/);
    expect(() => parseFormula("={1,2")).toThrow(/expected "}"/);
  });

  it("a formula above a spill reads the spilled cells' values, as Excel does, whatever the order of evaluation", async () => {
    const workbook = new MemoryWorkbook(symFunctions());
    workbook.loadSheet("Out", []);
    // A1 reads B3:C3, which only the array constant anchored at A3 fills.
    await workbook.writeFormulas("Out", "A1", [["=COUNT(B3:C3)"]]);
    await workbook.writeFormulas("Out", "A3", [["={1,2,3}"]]);
    expect(await workbook.readRange("Out", "A1:C3")).toEqual([
      [2, null, null],
      [null, null, null],
      [1, 2, 3],
    ]);
  });
});
