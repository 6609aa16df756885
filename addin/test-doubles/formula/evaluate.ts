import type { RangeAddress } from "../../src/taskpane/workbook/a1";
import type { BinaryOperator, FormulaNode } from "./parse";
import {
  FormulaError,
  asMatrix,
  asScalar,
  isFormulaError,
  isMatrix,
  toBoolean,
  toNumber,
  type FormulaValue,
  type Matrix,
  type Scalar,
} from "./values";

/**
 * Evaluates the formula subset the task pane generates, with Excel's semantics where they matter
 * for correctness: a blank cell reads as "" in comparisons and as 0 in arithmetic, and IF/FILTER
 * return 0 for a blank they pass through (which is why generated formulas filter blanks out
 * before a SYM function sees them). SYM.* calls go to the real custom functions.
 */

/** A custom function as exported by addin/src/functions/functions.ts. */
export type CustomFunction = (...args: never[]) => unknown;

export interface EvaluationContext {
  /** Values of a rectangle of `sheet` (the formula's own sheet when undefined), blanks as null. */
  readRange(sheet: string | undefined, range: RangeAddress): Matrix;
  /** Custom functions by lower-case name (`score` for SYM.SCORE). */
  readonly customFunctions: Readonly<Record<string, CustomFunction>>;
}

const CUSTOM_NAMESPACE = "SYM.";

export function evaluateFormula(node: FormulaNode, context: EvaluationContext): FormulaValue {
  switch (node.type) {
    case "number":
    case "string":
    case "boolean":
      return node.value;
    case "missing":
      return null;
    case "array":
      return node.rows.map((row) => [...row]);
    case "reference":
      return context.readRange(node.sheet, node.range);
    case "unary":
      return elementwise([evaluateFormula(node.operand, context)], (values) => negate(values[0]));
    case "binary":
      // Index access, not destructuring: this runs once per cell of 200 000-row ranges.
      return elementwise([evaluateFormula(node.left, context), evaluateFormula(node.right, context)], (values) =>
        applyOperator(node.operator, values[0], values[1]),
      );
    case "call":
      return callFunction(node.name, node.args, context);
  }
}

function negate(value: Scalar): Scalar {
  const number = toNumber(value);
  return isFormulaError(number) ? number : -number;
}

/**
 * Applies `operation` cell by cell; a 1×1 or scalar operand is repeated across the other's shape.
 * Written as plain loops without per-cell allocation: generated formulas run it over
 * 200 000-row ranges.
 */
function elementwise(operands: readonly FormulaValue[], operation: (values: Scalar[]) => Scalar): FormulaValue {
  const isSpread = (operand: FormulaValue): operand is Matrix => isMatrix(operand) && !(operand.length === 1 && operand[0]?.length === 1);
  const matrices = operands.filter(isSpread);
  if (matrices.length === 0) return operation(operands.map(asScalar));
  const rows = matrices[0].length;
  const columns = matrices[0][0]?.length ?? 0;
  if (matrices.some((matrix) => matrix.length !== rows || (matrix[0]?.length ?? 0) !== columns)) {
    return new FormulaError("#VALUE!", "ranges of different sizes were combined");
  }
  const spread = operands.map(isSpread);
  const scalars = operands.map((operand) => (isSpread(operand) ? null : asScalar(operand)));
  const arguments_: Scalar[] = new Array(operands.length);
  const result: Matrix = new Array(rows);
  for (let row = 0; row < rows; row++) {
    const line: Scalar[] = new Array(columns);
    for (let column = 0; column < columns; column++) {
      for (let index = 0; index < operands.length; index++) {
        arguments_[index] = spread[index] ? (operands[index] as Matrix)[row][column] : scalars[index];
      }
      line[column] = operation(arguments_);
    }
    result[row] = line;
  }
  return result;
}

function compareScalars(left: Scalar, right: Scalar): number {
  // Excel: blank compares as "" with text and as 0 with numbers; numbers sort before text, text before booleans.
  const rank = (value: Exclude<Scalar, FormulaError>) => (typeof value === "number" ? 0 : typeof value === "string" ? 1 : 2);
  let a = left as Exclude<Scalar, FormulaError>;
  let b = right as Exclude<Scalar, FormulaError>;
  if (a === null) a = typeof b === "number" ? 0 : typeof b === "boolean" ? false : "";
  if (b === null) b = typeof a === "number" ? 0 : typeof a === "boolean" ? false : "";
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string") return a.toLowerCase().localeCompare((b as string).toLowerCase());
  return Number(a) - Number(b);
}

function applyOperator(operator: BinaryOperator, left: Scalar, right: Scalar): Scalar {
  // Fast path of the generated blank tests (r="", r<>""): a number is never blank, a blank always is.
  if ((operator === "=" || operator === "<>") && right === "") {
    if (typeof left === "number") return operator === "<>";
    if (left === null) return operator === "=";
  }
  if (isFormulaError(left)) return left;
  if (isFormulaError(right)) return right;
  switch (operator) {
    case "&":
      return `${left ?? ""}${right ?? ""}`;
    case "=":
      return compareScalars(left, right) === 0;
    case "<>":
      return compareScalars(left, right) !== 0;
    case "<":
      return compareScalars(left, right) < 0;
    case ">":
      return compareScalars(left, right) > 0;
    case "<=":
      return compareScalars(left, right) <= 0;
    case ">=":
      return compareScalars(left, right) >= 0;
  }
  const a = toNumber(left);
  const b = toNumber(right);
  if (isFormulaError(a)) return a;
  if (isFormulaError(b)) return b;
  switch (operator) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? new FormulaError("#DIV/0!", "division by zero") : a / b;
  }
}

/** What IF and FILTER hand on: a blank cell becomes 0, as in Excel. */
function blankAsZero(value: Scalar): Scalar {
  return value === null ? 0 : value;
}

type BuiltIn = (args: readonly FormulaNode[], context: EvaluationContext) => FormulaValue;

const BUILT_INS: Record<string, BuiltIn> = {
  IF(args, context) {
    const condition = evaluateFormula(args[0], context);
    const whenTrue = () => (args[1] ? evaluateFormula(args[1], context) : true);
    const whenFalse = () => (args[2] ? evaluateFormula(args[2], context) : false);
    if (!isMatrix(condition) || (condition.length === 1 && condition[0].length === 1)) {
      const test = toBoolean(asScalar(condition));
      if (isFormulaError(test)) return test;
      const chosen = test ? whenTrue() : whenFalse();
      return isMatrix(chosen) ? chosen.map((row) => row.map(blankAsZero)) : blankAsZero(chosen);
    }
    return elementwise([condition, whenTrue(), whenFalse()], (values) => {
      const test = values[0];
      const truth = typeof test === "boolean" ? test : toBoolean(test);
      if (isFormulaError(truth)) return truth;
      return blankAsZero(truth ? values[1] : values[2]);
    });
  },
  ISNUMBER(args, context) {
    return elementwise([evaluateFormula(args[0], context)], (values) => typeof values[0] === "number");
  },
  NA() {
    return new FormulaError("#N/A", "NA()");
  },
  COUNT(args, context) {
    let count = 0;
    for (const arg of args) {
      for (const row of asMatrix(evaluateFormula(arg, context))) for (const value of row) if (typeof value === "number") count += 1;
    }
    return count;
  },
  ROWS(args, context) {
    return asMatrix(evaluateFormula(args[0], context)).length;
  },
  FILTER(args, context) {
    const array = asMatrix(evaluateFormula(args[0], context));
    const include = asMatrix(evaluateFormula(args[1], context));
    if (include.length !== array.length || include.some((row) => row.length !== 1)) {
      return new FormulaError("#VALUE!", "FILTER's include must be one column as tall as the array");
    }
    const kept: Matrix = [];
    for (let row = 0; row < array.length; row++) {
      const test = include[row][0];
      if (isFormulaError(test)) return test;
      const truth = toBoolean(test);
      if (isFormulaError(truth)) return truth;
      if (truth) kept.push(array[row].map(blankAsZero));
    }
    if (kept.length > 0) return kept;
    return args[2] ? evaluateFormula(args[2], context) : new FormulaError("#CALC!", "FILTER found no value");
  },
  INDEX(args, context) {
    const raw = evaluateFormula(args[0], context);
    if (isFormulaError(raw)) return raw; // an error in the array argument is INDEX's result
    const array = asMatrix(raw);
    const row = toNumber(asScalar(evaluateFormula(args[1], context)));
    const column = args[2] && args[2].type !== "missing" ? toNumber(asScalar(evaluateFormula(args[2], context))) : 1;
    if (isFormulaError(row)) return row;
    if (isFormulaError(column)) return column;
    const value = array[row - 1]?.[column - 1];
    return value === undefined ? new FormulaError("#REF!", `INDEX(${row}, ${column}) is outside the array`) : blankAsZero(value);
  },
  SEQUENCE(args, context) {
    const rows = toNumber(asScalar(evaluateFormula(args[0], context)));
    const columns = args[1] ? toNumber(asScalar(evaluateFormula(args[1], context))) : 1;
    if (isFormulaError(rows)) return rows;
    if (isFormulaError(columns)) return columns;
    return Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => row * columns + column + 1));
  },
  /**
   * CHOOSE(index, v1, v2, …). With a one-row array of indexes and one-column values (the
   * generated `CHOOSE(SEQUENCE(1,k),c1,…,ck)`), Excel lifts it into a rows × k array: the
   * Excel 2021 way to put columns side by side, HSTACK being Microsoft 365 / Excel 2024 only.
   */
  CHOOSE(args, context) {
    const index = asMatrix(evaluateFormula(args[0], context));
    const choices = args.slice(1).map((arg) => asMatrix(evaluateFormula(arg, context)));
    if (index.length !== 1) return new FormulaError("#VALUE!", "CHOOSE's index must be one row in the generated formulas");
    const rows = Math.max(...choices.map((choice) => choice.length));
    const result: Matrix = [];
    for (let row = 0; row < rows; row++) {
      const line: Scalar[] = [];
      for (const chosen of index[0]) {
        const position = toNumber(chosen);
        if (isFormulaError(position)) return position;
        const choice = choices[position - 1];
        if (!choice) return new FormulaError("#VALUE!", `CHOOSE index ${position} has no value`);
        if (choice[0].length !== 1) return new FormulaError("#VALUE!", "CHOOSE's values must be single columns in the generated formulas");
        line.push(choice.length === 1 ? choice[0][0] : (choice[row]?.[0] ?? new FormulaError("#N/A", "CHOOSE padding")));
      }
      result.push(line);
    }
    return result;
  },
};

function callFunction(name: string, args: readonly FormulaNode[], context: EvaluationContext): FormulaValue {
  if (name.startsWith(CUSTOM_NAMESPACE)) return callCustomFunction(name, args, context);
  const builtIn = BUILT_INS[name];
  if (!builtIn) return new FormulaError("#NAME?", `${name} is not a function of the generated formulas`);
  return builtIn(args, context);
}

function callCustomFunction(name: string, args: readonly FormulaNode[], context: EvaluationContext): FormulaValue {
  const implementation = context.customFunctions[name.slice(CUSTOM_NAMESPACE.length).toLowerCase()];
  if (!implementation) return new FormulaError("#NAME?", `${name} is not a SYM function`);
  const values: unknown[] = [];
  for (const arg of args) {
    if (arg.type === "missing") {
      values.push(undefined);
      continue;
    }
    const value = evaluateFormula(arg, context);
    const single = isMatrix(value) && value.length === 1 && value[0].length === 1 && arg.type !== "reference" ? value[0][0] : value;
    if (isFormulaError(single)) return single;
    values.push(single);
  }
  while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
  const repeating = (implementation as { repeatingParameter?: number }).repeatingParameter;
  if (repeating !== undefined) {
    // As Excel does: the repeated arguments arrive as one array of ranges in the last parameter.
    const repeated = values.splice(repeating).map((value) => (isMatrix(value as FormulaValue) ? value : [[value]]));
    while (values.length < repeating) values.push(undefined);
    values.push(repeated);
  }
  try {
    return fromCustomResult(implementation(...(values as never[])));
  } catch (error) {
    return toFormulaError(error);
  }
}

function fromCustomResult(result: unknown): FormulaValue {
  if (Array.isArray(result)) return (result as unknown[][]).map((row) => row.map((value) => fromCustomResult(value) as Scalar));
  if (result === undefined) return null;
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean" || result === null) return result;
  if (result instanceof Error || isFormulaError(result)) return toFormulaError(result);
  return new FormulaError("#VALUE!", `unexpected result ${String(result)}`);
}

function toFormulaError(error: unknown): FormulaError {
  if (isFormulaError(error)) return error;
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new FormulaError(typeof code === "string" && code.startsWith("#") ? code : excelCode(code), message);
}

/** CustomFunctions.Error codes are names ("NotAvailable"); Node's stand-in carries the "#N/A" text. */
function excelCode(code: unknown): string {
  const byName: Record<string, string> = {
    NotAvailable: "#N/A",
    InvalidValue: "#VALUE!",
    DivisionByZero: "#DIV/0!",
    InvalidNumber: "#NUM!",
    NullReference: "#NULL!",
    InvalidName: "#NAME?",
    InvalidReference: "#REF!",
  };
  return typeof code === "string" && byName[code] ? byName[code] : "#VALUE!";
}
