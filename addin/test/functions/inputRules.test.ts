/**
 * The input rules of the SYM.* functions, one by one, in plain Node (no CustomFunctions global):
 * errors are `Error`s carrying the Excel `code` and a message naming the value and its cell.
 * Expected figures are hand arithmetic on the tiny ranges written next to them.
 */
import * as sym from "../../src/functions/functions";

function thrownBy(call: () => unknown): { code?: string; message: string } {
  try {
    call();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("expected the call to throw");
}

function expectExcelError(call: () => unknown, code: string, ...messageParts: string[]): void {
  const error = thrownBy(call);
  expect(error).toBeInstanceOf(Error);
  expect(error.code).toBe(code);
  for (const part of messageParts) expect(error.message).toContain(part);
}

const five = (values: unknown[]) => values.map((value) => [value]);

describe("blanks", () => {
  it('null and "" are missing, as are declared non-answers (NSP, N/A)', () => {
    // 10, 10, 9, 3, 7 → P = 3, D = 1 → 100 · 2 / 5 = 40
    expect(sym.enps(five([10, null, 10, "", 9, "NSP", 3, "N/A", 7]))).toBeCloseTo(40, 12);
    // rows 4,5 / 2,– / 5,5 / 3,3 / 1,– → 87.5, 25, 100, 50, 0 → 52.5
    expect(
      sym.score(
        [
          [4, 5],
          [2, null],
          [5, 5],
          [3, ""],
          [1, "NSP"],
        ],
        1,
        5,
      ),
    ).toBeCloseTo((87.5 + 25 + 100 + 50 + 0) / 5, 12);
  });

  it("a row left blank does not count as a respondent", () => {
    expectExcelError(() => sym.score([[4], [null], [""], [5], [3], [2]], 1, 5), "#N/A", "fewer than 5 answers");
  });

  it("numeric text is read as a number, with a comma decimal", () => {
    expect(sym.score(five(["4", "2", "3,5", 5, 1]), 1, 5)).toBeCloseTo((75 + 25 + 62.5 + 100 + 0) / 5, 12);
  });
});

describe("desktop blanks arriving as 0 are answers, never dropped", () => {
  it("ENPS counts a 0 as a detractor", () => {
    // 10 ×5 and one 0: 100 · (5 − 1) / 6
    expect(sym.enps(five([10, 10, 10, 10, 10, 0]))).toBeCloseTo(200 / 3, 12);
  });

  it("on a 1–5 scale a 0 is out of scale: #VALUE! naming the cell", () => {
    expectExcelError(
      () =>
        sym.score(
          [
            [4, 5],
            [0, 3],
            [5, 5],
            [3, 3],
            [1, 2],
          ],
          1,
          5,
        ),
      "#VALUE!",
      "answer 0",
      "1–5",
      "row 2, column 1",
    );
    expectExcelError(
      () => sym.symgap(five([4, 5, 3, 4, 2]), five([3, 3, 0, 4, 2])),
      "#VALUE!",
      "answer 0",
      "customer_answers",
      "row 3, column 1",
    );
    expectExcelError(
      () => sym.gaptest(five([4, 5, 3, 4, 0]), five([3, 3, 2, 4, 2])),
      "#VALUE!",
      "answer 0",
      "employee_answers",
      "row 5, column 1",
    );
  });

  it('the FILTER(r, r<>"") form the task pane writes removes them, so the same data computes', () => {
    // what FILTER returns for the column [4, "", 5, 3, 4, 2]: the blanks gone, not zeros
    expect(sym.score(five([4, 5, 3, 4, 2]), 1, 5)).toBeCloseTo((75 + 100 + 50 + 75 + 25) / 5, 12);
  });
});

describe("invalid answers give #VALUE! with the value and its position", () => {
  it("out of scale", () => {
    expectExcelError(
      () =>
        sym.favorable(
          [
            [4, 5],
            [2, 6],
            [5, 5],
            [3, 3],
            [1, 2],
          ],
          1,
          5,
        ),
      "#VALUE!",
      "answer 6",
      "row 2, column 2",
    );
  });

  it("non-integer or out-of-range recommendation answers", () => {
    expectExcelError(() => sym.enps(five([9, 10, 7.5, 3, 8, 2])), "#VALUE!", "7.5", "not an integer from 0 to 10", "row 3, column 1");
    expectExcelError(() => sym.nps(five([9, 10, 11, 3, 8, 2])), "#VALUE!", "11", "row 3, column 1");
    expectExcelError(() => sym.npsdiff(five([9, 10, 1, 3, 8]), five([9, 10, -1, 3, 8])), "#VALUE!", "-1", "b at row 3");
  });

  it("text that is not a declared non-answer", () => {
    expectExcelError(() => sym.enps(five([9, 10, "ten", 3, 8, 2])), "#VALUE!", '"ten"', "row 3, column 1");
    expectExcelError(
      () =>
        sym.alpha([
          [1, 2],
          [2, "n/c"],
          [3, 3],
          [4, 4],
          [5, 4],
        ]),
      "#VALUE!",
      '"n/c"',
      "row 2, column 2",
    );
    expectExcelError(() => sym.corr(five([1, 2, 3, 4]), five([2, 1, "x", 3])), "#VALUE!", '"x"', "y at row 3, column 1");
  });

  it("booleans are not answers", () => {
    expectExcelError(() => sym.score(five([4, true, 3, 4, 2]), 1, 5), "#VALUE!", "true", "row 2, column 1");
  });
});

describe("shapes", () => {
  it("ENPS takes one column, not a block", () => {
    expectExcelError(
      () =>
        sym.enps([
          [9, 10],
          [3, 4],
          [8, 8],
        ]),
      "#VALUE!",
      "one column",
      "3 rows × 2 columns",
    );
  });

  it("a ragged range is refused", () => {
    expectExcelError(() => sym.score([[4, 5], [3], [5, 5], [3, 3], [1, 2]], 1, 5), "#VALUE!", "rectangular", "row 2");
  });

  it("weights, pairs and groups must align", () => {
    expectExcelError(() => sym.symindex(five([10, -5, 3]), five([1, 1])), "#VALUE!", "gaps (3 × 1)", "weights (2 × 1)");
    expectExcelError(() => sym.corr(five([1, 2, 3, 4, 5]), five([1, 2, 3, 4])), "#VALUE!", "same shape");
    expectExcelError(() => sym.bygroup(five(["A", "A", "B"]), five([9, 10, 3, 4])), "#VALUE!", "groups", "one row per row of answers");
  });
});

describe("too few values and zero denominators", () => {
  it("ENPS under the confidentiality threshold: #N/A fewer than 5 answers", () => {
    expectExcelError(() => sym.enps(five([9, 10, 3, 7])), "#N/A", "fewer than 5 answers");
    const error = thrownBy(() => sym.enps(five([9, 10, 3, 7])));
    expect(error.message).not.toMatch(/\b4\b/); // the count of a small group is itself not shown
  });

  it("ENPS honours min_n, which may raise the threshold of 5 but never lower it", () => {
    expect(sym.enps(five([9, 10, 3, 9, 9, 9]), 6)).toBeCloseTo(200 / 3, 12); // P = 5, D = 1 of 6
    // A threshold of 1 would show a single employee's answer; 4 a group the floor hides.
    for (const low of [1, 2, 4]) {
      expectExcelError(() => sym.enps(five([9, 10, 3, 9, 9, 9]), low), "#VALUE!", "cannot be below 5", String(low));
      expectExcelError(
        () => sym.bygroup(five(["A", "A", "A", "A", "A", "A"]), five([9, 10, 3, 9, 9, 9]), "enps", low),
        "#VALUE!",
        "cannot be below 5",
      );
    }
    expectExcelError(() => sym.enps(five([9, 10, 3, 9, 9, 9]), 10), "#N/A", "fewer than 10 answers");
    expectExcelError(() => sym.enps(five([9, 10, 3]), 0), "#VALUE!", "threshold", "0");
  });

  it("every group-level figure respects the threshold", () => {
    const four = five([4, 5, 3, 4]);
    expectExcelError(() => sym.nps(five([9, 10, 3])), "#N/A", "fewer than 5 answers");
    expectExcelError(() => sym.npsci(five([9, 10, 3])), "#N/A", "fewer than 5 answers");
    expectExcelError(() => sym.score(four, 1, 5), "#N/A", "fewer than 5 answers");
    expectExcelError(() => sym.favorable(four, 1, 5), "#N/A", "fewer than 5 answers");
    expectExcelError(() => sym.symgap(four, five([4, 5, 3, 4, 3])), "#N/A", "fewer than 5 answers");
    expectExcelError(() => sym.gaptest(five([4, 5, 3, 4, 3]), four), "#N/A", "fewer than 5 answers");
  });

  it("statistics needing more data: #N/A", () => {
    expectExcelError(() => sym.corrtest(five([1, 2, 3]), five([2, 1, 3])), "#N/A", "at least four pairs");
    expectExcelError(() => sym.alpha(five([1, 2, 3, 4, 5])), "#N/A", "at least two item columns");
    expectExcelError(() => sym.symindex(five([null, ""])), "#N/A", "at least one gap");
  });

  it("constant data and zero denominators: #DIV/0!", () => {
    expectExcelError(() => sym.gaptest(five([4, 4, 4, 4, 4]), five([3, 3, 3, 3, 3])), "#DIV/0!", "vary");
    expectExcelError(() => sym.corr(five([2, 2, 2, 2]), five([1, 2, 3, 4])), "#DIV/0!");
    expectExcelError(() => sym.turnover(3, 0), "#DIV/0!", "headcount");
  });
});

describe("invalid arguments give #VALUE!", () => {
  it("scales, levels, methods and metrics", () => {
    expectExcelError(() => sym.score(five([4, 5, 3, 4, 2]), 5, 1), "#VALUE!", "max is greater than its min");
    expectExcelError(() => sym.npsci(five([9, 10, 3, 8, 7]), 95), "#VALUE!", "confidence", "95");
    expectExcelError(() => sym.gaptest(five([4, 5, 3, 4, 2]), five([3, 3, 2, 4, 2]), 1, 5, 10, 5), "#VALUE!", "alpha", "5");
    expectExcelError(() => sym.corr(five([1, 2, 3, 4]), five([2, 1, 4, 3]), "kendall"), "#VALUE!", '"kendall"');
    expectExcelError(() => sym.bygroup(five(["A", "A", "A", "A", "A"]), five([9, 10, 3, 4, 8]), "mean"), "#VALUE!", '"mean"');
    expectExcelError(() => sym.turnovercost(-1, 30000), "#VALUE!", "-1");
  });

  it("omitted optional arguments arrive from Excel as null and take their defaults", () => {
    const employees = five([4, 5, 3, 4, 2, 5]);
    const customers = five([3, 3, 2, 4, 2, 1]);
    expect(sym.symgap(employees, customers, null as never, null as never, null as never, null as never)).toBeCloseTo(
      sym.symgap(employees, customers, 1, 5, 1, 5),
      12,
    );
    expect(sym.turnovercost(10, 30000, null as never)).toBeCloseTo(63000, 6);
  });
});

describe("BYGROUP confidentiality", () => {
  it("hidden groups show #N/A errors, never a number, and give their reason", () => {
    // A: 6 answers, B: 6, C: 2 → C below 5, then the smallest visible (A or B, first by label) hidden too
    const groups = five(["A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B", "B", "C", "C"]);
    const answers = five([10, 9, 8, 3, 10, 10, 2, 3, 9, 9, 7, 1, 10, 0]);
    const rows = sym.bygroup(groups, answers);
    expect(rows.map((row) => row[0])).toEqual(["A", "B", "C"]);
    const [a, b, c] = rows;
    expect(a[1]).toBeInstanceOf(Error);
    expect((a[2] as { code: string }).code).toBe("#N/A");
    expect((a[2] as Error).message).toContain("cannot be recovered by subtraction");
    expect(b).toEqual(["B", 6, (100 * (2 - 3)) / 6]);
    expect((c[2] as { code: string }).code).toBe("#N/A");
    expect((c[2] as Error).message).toBe("fewer than 5 answers");
    for (const row of [a, c]) for (const cell of row.slice(1)) expect(typeof cell).not.toBe("number");
  });

  it("respondents without a group belong to none", () => {
    const rows = sym.bygroup(five(["A", "A", "", null, "A", "A", "A"]), five([10, 10, 0, 0, 10, 10, 10]));
    expect(rows).toEqual([["A", 5, 100]]);
  });
});

describe("GAPCHANGE", () => {
  const wave = [
    [4, 5],
    [3, 4],
    [5, 5],
    [2, 3],
    [4, 4],
    [5, 4],
  ];
  const other = [
    [3, 3],
    [2, 4],
    [4, 3],
    [3, 2],
    [2, 3],
    [3, 4],
  ];

  it("needs the threshold in each of the four ranges: #N/A fewer than 5 answers", () => {
    expectExcelError(() => sym.gapchange(wave, other, wave.slice(0, 4), other), "#N/A", "fewer than 5 answers");
  });

  it("names the range and cell of an answer off the scale: #VALUE!", () => {
    expectExcelError(() => sym.gapchange(wave, other, wave, [...other, [3, 9]]), "#VALUE!", "customer_answers_2", "9");
  });

  it("refuses an alpha outside (0, 1)", () => {
    expectExcelError(() => sym.gapchange(wave, other, wave, other, 1, 5, 5), "#VALUE!", "alpha");
  });
});
