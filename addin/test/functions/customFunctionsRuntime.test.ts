/**
 * Inside Excel the functions throw (and BYGROUP returns) `CustomFunctions.Error` values, and
 * GAPTEST's status follows Office's display language. The runtime only exists inside Office, so a
 * stand-in with the documented constructor `(code, message?)` is installed on `globalThis`.
 */
import * as sym from "../../src/functions/functions";
import reference from "./fixtures/reference.json";

class RuntimeError {
  readonly code: string;
  readonly message?: string;
  readonly argumentCount: number;
  constructor(code: string, message?: string) {
    this.code = code;
    this.message = message;
    this.argumentCount = arguments.length;
  }
}

const five = (values: unknown[]) => values.map((value) => [value]);
const globals = globalThis as Record<string, unknown>;

function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

describe("with a CustomFunctions global", () => {
  beforeEach(() => {
    globals.CustomFunctions = {
      Error: RuntimeError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
    };
  });
  afterEach(() => {
    delete globals.CustomFunctions;
    delete globals.Office;
  });

  it("throws CustomFunctions.Error #VALUE! with the message naming value and cell", () => {
    const error = thrownBy(() =>
      sym.score(
        [
          [4, 5],
          [2, 9],
          [5, 5],
          [3, 3],
          [1, 2],
        ],
        1,
        5,
      ),
    ) as RuntimeError;
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("answer 9");
    expect(error.message).toContain("row 2, column 2");
  });

  it('throws CustomFunctions.Error #N/A with "fewer than 5 answers"', () => {
    const error = thrownBy(() => sym.enps(five([9, 10]))) as RuntimeError;
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("fewer than 5 answers");
  });

  it("builds #DIV/0! without a message, which Excel does not accept for that code", () => {
    const error = thrownBy(() => sym.turnover(2, 0)) as RuntimeError;
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error.code).toBe("#DIV/0!");
    expect(error.argumentCount).toBe(1);
  });

  it("BYGROUP puts CustomFunctions.Error #N/A values in hidden cells", () => {
    const rows = sym.bygroup(reference.bygroup.groups, reference.bygroup.enpsAnswers);
    const hidden = rows.filter((row) => row[2] instanceof RuntimeError);
    expect(hidden.map((row) => row[0])).toEqual(["Bravo", "Charlie"]);
    for (const row of hidden) {
      expect((row[1] as RuntimeError).code).toBe("#N/A");
      expect((row[2] as RuntimeError).code).toBe("#N/A");
    }
  });

  it("GAPCHANGE status is French when Office displays French", () => {
    const { gapchange } = reference;
    globals.Office = { context: { displayLanguage: "fr-FR" } };
    expect(sym.gapchange(gapchange.employees1, gapchange.customers1, gapchange.employees2, gapchange.customers2)[0][4]).toBe("réduit");
    expect(sym.gapchange(gapchange.employees1, gapchange.customers1, gapchange.employees1, gapchange.customers1)[0][4]).toBe("stable");
    globals.Office = { context: { displayLanguage: "en-GB" } };
    expect(sym.gapchange(gapchange.employees1, gapchange.customers1, gapchange.employees2, gapchange.customers2)[0][4]).toBe("narrowed");
  });

  it("GAPTEST status is French when Office displays French", () => {
    const { gaptest } = reference;
    globals.Office = { context: { displayLanguage: "fr-FR" } };
    expect(sym.gaptest(gaptest.employees, gaptest.customers)[0][5]).toBe("alerte");
    expect(sym.gaptest(gaptest.smallEmployees, gaptest.smallCustomers)[0][5]).toBe("vigilance");
    globals.Office = { context: { displayLanguage: "en-GB" } };
    expect(sym.gaptest(gaptest.smallEmployees, gaptest.smallCustomers)[0][5]).toBe("watch");
  });

  it("falls back to English when Office.context is not ready", () => {
    globals.Office = {
      get context(): never {
        throw new Error("Office.js has not fully loaded");
      },
    };
    expect(sym.gaptest(reference.gaptest.employees, reference.gaptest.customers)[0][5]).toBe("alert");
  });
});

describe("without a CustomFunctions global", () => {
  it("throws a plain Error carrying the same code", () => {
    expect(globals.CustomFunctions).toBeUndefined();
    const error = thrownBy(() => sym.enps(five([9, 10]))) as Error & { code: string };
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("fewer than 5 answers");
  });
});
