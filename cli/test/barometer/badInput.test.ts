import { EN_CUSTOMERS, EN_EMPLOYEES, runCli, scratchDirectory } from "../support/cli";

/**
 * Every kind of bad input (text, off-scale numbers, broken files): the run exits non-zero, says where (file, data row and file line,
 * column header) and what (the value), and prints nothing on stdout.
 */
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const HEADER = "unit,recognition_1,recognition_2,physical_1,enps";
const GOOD_ROWS = ["A,4,5,3,9", "A,3,4,2,7", "B,5,5,4,10", "B,2,3,3,4", "B,4,4,4,8", "A,4,3,5,6"];

function employeesWith(row: string, position = 3): string {
  const rows = [...GOOD_ROWS];
  rows.splice(position - 1, 0, row);
  return scratch.write(`employees-${Math.random().toString(36).slice(2)}.csv`, [HEADER, ...rows].join("\n") + "\n");
}

const customers = scratch.write(
  "customers.csv",
  ["unit,recognition_1,physical_1,nps", "A,4,4,9", "A,5,3,10", "B,3,4,6", "B,4,4,8", "A,5,5,9", "B,4,2,7"].join("\n") + "\n",
);

async function barometer(employees: string, ...extra: string[]) {
  return runCli(["barometer", "--employees", employees, "--customers", customers, "--json", ...extra]);
}

describe("sym barometer refuses bad values (exit 1, nothing on stdout)", () => {
  it.each([
    ["an answer outside the scale", "A,7,4,3,8", "recognition_1", "7", "outside the scale 1–5"],
    ["a negative answer", "A,4,-1,3,8", "recognition_2", "-1", "outside the scale 1–5"],
    ["a recommendation that is not an integer", "A,4,4,3,8.5", "enps", "8.5", "not an integer from 0 to 10"],
    ["a recommendation above 10", "A,4,4,3,11", "enps", "11", "not an integer from 0 to 10"],
    ["text that is not a declared non-answer", "A,4,4,good,8", "physical_1", '"good"', "not a number nor a declared non-answer"],
  ])("%s", async (_, row, column, value, reason) => {
    const run = await barometer(employeesWith(row, 3));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("employees-");
    expect(run.stderr).toContain("data row 3 (file line 4)");
    expect(run.stderr).toContain(`column "${column}"`);
    expect(run.stderr).toContain(`value ${value}`);
    expect(run.stderr).toContain(reason);
  });

  it("reports the file line of a row after a quoted line break", async () => {
    const file = scratch.write("multiline.csv", `${HEADER}\n"A\nsecond line",4,4,3,8\nB,4,9,3,8\n`);
    const run = await barometer(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("data row 2 (file line 4)");
    expect(run.stderr).toContain('column "recognition_2", value 9');
  });

  it("refuses a row with a missing field", async () => {
    const run = await barometer(employeesWith("A,4,4,3", 2));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("data row 2 (file line 3)");
    expect(run.stderr).toContain("record has 4 fields but the header has 5");
  });

  it("refuses a bad value in the customers' file too, deep in the file, after a valid employees' file", async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => `B,${1 + (index % 5)},3,${index % 11}`);
    rows[4321] = "B,4,3,12";
    const file = scratch.write("customers-bad.csv", ["unit,recognition_1,physical_1,nps", ...rows].join("\n"));
    const run = await runCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('customers-bad.csv, data row 4322 (file line 4323), column "nps", value 12');
  });

  it("refuses a file where no column maps to the model", async () => {
    const file = scratch.write("nothing.csv", "name,age\nx,3\n");
    const run = await barometer(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("no column of");
    expect(run.stderr).toContain("name, age");
  });
});

describe("sym barometer accepts missing answers", () => {
  it("takes blanks, NA, N/A and NSP as missing, not as errors", async () => {
    const file = employeesWith("A,NA,,N/A,NSP", 1);
    const run = await barometer(file);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.employees.n).toBe(GOOD_ROWS.length + 1);
    expect(result.employees.enps.n).toBe(GOOD_ROWS.length);
    const recognition = result.dimensions.find((dimension: { id: string }) => dimension.id === "recognition");
    expect(recognition.employee.n).toBe(GOOD_ROWS.length);
  });

  it("reads a UTF-8 BOM, CRLF line ends and quoted fields", async () => {
    const body = `\uFEFF${HEADER}\r\n${GOOD_ROWS.map((row) => row.replace(/^(\w)/, '"$1"')).join("\r\n")}\r\n`;
    const run = await barometer(scratch.write("bom.csv", body));
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.employees.n).toBe(GOOD_ROWS.length);
    expect(result.unmapped.employees).toEqual([]);
    expect(result.units.map((unit: { unit: string }) => unit.unit)).toEqual(["A", "B"]);
  });
});

describe("sym usage errors (exit 2, nothing on stdout)", () => {
  it.each([
    ["a missing file", ["--employees", "no/such/file.csv", "--customers", EN_CUSTOMERS], "file not found: no/such/file.csv"],
    [
      "bad --scale syntax",
      ["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--scale", "one to five"],
      '--scale expects MIN-MAX such as 1-5, got "one to five"',
    ],
    [
      "an inverted --scale",
      ["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--scale", "5-1"],
      "--scale needs a maximum above its minimum",
    ],
    [
      "a --min-n of 0",
      ["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--min-n", "0"],
      "--min-n cannot be below the confidentiality threshold of 5",
    ],
    [
      "a --threshold over 100",
      ["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--threshold", "120"],
      "--threshold expects a number from 0 to 100",
    ],
    [
      "an --alpha of 1",
      ["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--alpha", "1"],
      "--alpha expects a number strictly between 0 and 1",
    ],
    ["an unknown --lang", ["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--lang", "de"], '--lang expects fr or en, got "de"'],
    [
      "a --by column the file lacks",
      ["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--by", "region"],
      '--by names the column "region"',
    ],
    ["a missing --customers", ["--employees", EN_EMPLOYEES], "required option '--customers <file>' not specified"],
    ["an unknown option", ["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--colour"], "unknown option '--colour'"],
  ])("%s", async (_, args, message) => {
    const run = await runCli(["barometer", ...args, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
  });

  it("an unknown command and no command at all", async () => {
    const unknown = await runCli(["baromter"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe("");
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: sym");
  });

  it("--help prints the usage and exits 0", async () => {
    const help = await runCli(["barometer", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--employees <file>");
    expect(help.stdout).toContain("--min-n <n>");
  });
});
