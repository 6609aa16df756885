import { parseRange, splitSheet, type RangeAddress } from "../../src/taskpane/workbook/a1";

/**
 * Parser for exactly the formula language the task pane generates (see docs/taskpane.md):
 * numbers, "text", TRUE/FALSE, A1 references with an optional sheet, the operators
 * `+ - * / & = <> < > <= >=`, parentheses, function calls (`SYM.SCORE(...)`, `FILTER(...)`) and array
 * constants (`{10,9;8,3}`).
 * Anything else is a FormulaSyntaxError naming the position, so an unsupported formula fails
 * loudly in tests instead of showing a wrong value in the preview.
 */

export type FormulaNode =
  | { readonly type: "number"; readonly value: number }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "missing" }
  | { readonly type: "array"; readonly rows: readonly (readonly ArrayConstantItem[])[] }
  | { readonly type: "reference"; readonly sheet?: string; readonly range: RangeAddress }
  | { readonly type: "call"; readonly name: string; readonly args: readonly FormulaNode[] }
  | { readonly type: "unary"; readonly operator: "-"; readonly operand: FormulaNode }
  | { readonly type: "binary"; readonly operator: BinaryOperator; readonly left: FormulaNode; readonly right: FormulaNode };

/** What an array constant may hold: numbers, text and logical values, no references or formulas. */
export type ArrayConstantItem = number | string | boolean;

export type BinaryOperator = "+" | "-" | "*" | "/" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export class FormulaSyntaxError extends Error {
  constructor(formula: string, position: number, expected: string) {
    super(`formula ${JSON.stringify(formula)}: expected ${expected} at character ${position + 1}`);
    this.name = "FormulaSyntaxError";
  }
}

const REFERENCE = /^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/;
const NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;
const OPERATORS = ["<>", "<=", ">=", "=", "<", ">", "+", "-", "*", "/", "&"] as const;

const PRECEDENCE: Record<BinaryOperator, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
};

class Parser {
  private position = 0;

  constructor(private readonly formula: string) {}

  parse(): FormulaNode {
    if (this.formula[0] !== "=") throw new FormulaSyntaxError(this.formula, 0, '"="');
    this.position = 1;
    const node = this.expression(0);
    this.skipSpaces();
    if (this.position < this.formula.length) throw new FormulaSyntaxError(this.formula, this.position, "the end of the formula");
    return node;
  }

  private rest(): string {
    return this.formula.slice(this.position);
  }

  private skipSpaces(): void {
    while (this.formula[this.position] === " ") this.position += 1;
  }

  private expression(minimumPrecedence: number): FormulaNode {
    let left = this.unary();
    for (;;) {
      this.skipSpaces();
      const operator = OPERATORS.find((candidate) => this.rest().startsWith(candidate));
      if (!operator || PRECEDENCE[operator] < minimumPrecedence) return left;
      this.position += operator.length;
      const right = this.expression(PRECEDENCE[operator] + 1);
      left = { type: "binary", operator, left, right };
    }
  }

  private unary(): FormulaNode {
    this.skipSpaces();
    if (this.formula[this.position] === "-") {
      this.position += 1;
      return { type: "unary", operator: "-", operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    this.skipSpaces();
    const rest = this.rest();
    if (rest.startsWith("(")) {
      this.position += 1;
      const inner = this.expression(0);
      this.expect(")");
      return inner;
    }
    if (rest.startsWith('"')) return this.string();
    if (rest.startsWith("{")) return this.arrayConstant();
    const number = NUMBER.exec(rest);
    if (number) {
      this.position += number[0].length;
      return { type: "number", value: Number(number[0]) };
    }
    const reference = REFERENCE.exec(rest);
    if (reference && rest[reference[0].length] !== "(") {
      this.position += reference[0].length;
      const { sheet } = splitSheet(reference[0]);
      return { type: "reference", ...(sheet === undefined ? {} : { sheet }), range: parseRange(reference[0]) };
    }
    const name = NAME.exec(rest);
    if (name) {
      this.position += name[0].length;
      const upper = name[0].toUpperCase();
      if (this.formula[this.position] === "(") return this.call(upper);
      if (upper === "TRUE" || upper === "FALSE") return { type: "boolean", value: upper === "TRUE" };
      throw new FormulaSyntaxError(this.formula, this.position, `"(" after ${name[0]}`);
    }
    throw new FormulaSyntaxError(this.formula, this.position, "a value, a reference or a function");
  }

  private call(name: string): FormulaNode {
    this.expect("(");
    const args: FormulaNode[] = [];
    this.skipSpaces();
    if (this.formula[this.position] === ")") {
      this.position += 1;
      return { type: "call", name, args };
    }
    for (;;) {
      this.skipSpaces();
      const next = this.formula[this.position];
      args.push(next === "," || next === ")" ? { type: "missing" } : this.expression(0));
      this.skipSpaces();
      if (this.formula[this.position] === ",") {
        this.position += 1;
        continue;
      }
      this.expect(")");
      return { type: "call", name, args };
    }
  }

  /**
   * An array constant as Excel reads it in en-US formula syntax (the syntax of `range.formulas`):
   * `,` separates columns, `;` separates rows, every row has the same number of items, and the
   * items are numbers (optionally negative), "text" or TRUE/FALSE — never references, formulas or
   * nested braces ("Use array constants in array formulas", Microsoft Support,
   * https://support.microsoft.com/office/477443ea-5e71-4242-877d-fcd4ba1eb5a2). Excel refuses
   * anything else when the formula is entered, so this does too.
   */
  private arrayConstant(): FormulaNode {
    this.expect("{");
    const rows: ArrayConstantItem[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.arrayItem());
      this.skipSpaces();
      const separator = this.formula[this.position];
      if (separator === ",") {
        this.position += 1;
      } else if (separator === ";") {
        this.position += 1;
        rows.push([]);
      } else {
        this.expect("}");
        break;
      }
    }
    if (rows.some((row) => row.length !== rows[0].length)) {
      throw new FormulaSyntaxError(this.formula, this.position - 1, `rows of ${rows[0].length} items in the array constant`);
    }
    return { type: "array", rows };
  }

  private arrayItem(): ArrayConstantItem {
    this.skipSpaces();
    const rest = this.rest();
    if (rest.startsWith('"')) return (this.string() as { value: string }).value;
    const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
    if (number) {
      this.position += number[0].length;
      return Number(number[0]);
    }
    const logical = /^(?:TRUE|FALSE)(?![A-Za-z0-9_.(])/i.exec(rest);
    if (logical) {
      this.position += logical[0].length;
      return logical[0].toUpperCase() === "TRUE";
    }
    throw new FormulaSyntaxError(this.formula, this.position, "a number, a text or TRUE/FALSE in the array constant");
  }

  private string(): FormulaNode {
    let value = "";
    let index = this.position + 1;
    for (;;) {
      if (index >= this.formula.length) throw new FormulaSyntaxError(this.formula, index, 'a closing "');
      if (this.formula[index] === '"') {
        if (this.formula[index + 1] === '"') {
          value += '"';
          index += 2;
          continue;
        }
        break;
      }
      value += this.formula[index];
      index += 1;
    }
    this.position = index + 1;
    return { type: "string", value };
  }

  private expect(text: string): void {
    this.skipSpaces();
    if (!this.rest().startsWith(text)) throw new FormulaSyntaxError(this.formula, this.position, `"${text}"`);
    this.position += text.length;
  }
}

/** Parses one formula ("=..."). */
export function parseFormula(formula: string): FormulaNode {
  return new Parser(formula).parse();
}
