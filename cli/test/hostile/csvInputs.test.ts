import { runCli, scratchDirectory } from "../support/cli";

/**
 * Hostile CSV files and options: each case reproduces an attack that used to give a wrong result
 * with exit code 0, a crash, or a message full of respondent data.
 */
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

const HEADER = "unit,recognition_1,recognition_2,physical_1,enps";
/** 600 valid respondents in two units. */
const ROWS = Array.from(
  { length: 600 },
  (_, index) => `${index % 2 === 0 ? "A" : "B"},${1 + (index % 5)},${1 + ((index * 3) % 5)},${1 + ((index * 7) % 5)},${index % 11}`,
);
const customers = scratch.write(
  "customers.csv",
  [
    "unit,recognition_1,physical_1,nps",
    ...Array.from({ length: 40 }, (_, index) => `${index % 2 === 0 ? "A" : "B"},${1 + (index % 5)},${1 + ((index * 2) % 5)},${index % 11}`),
  ].join("\n") + "\n",
);
let counter = 0;
const file = (content: string, name = "employees") => scratch.write(`${name}-${counter++}.csv`, content);

async function barometer(employees: string, ...extra: string[]) {
  return runCli(["barometer", "--employees", employees, "--customers", customers, "--json", ...extra]);
}

describe("quotes", () => {
  it("refuses a quote never closed before the end of the file, naming the line where it opened", async () => {
    // Row 6's last field opens a quote: it used to swallow the 594 rows after it (n = 6, exit 0).
    const rows = [...ROWS];
    rows[5] = `${rows[5].slice(0, rows[5].lastIndexOf(",") + 1)}"9`;
    const run = await barometer(file([HEADER, ...rows].join("\n") + "\n"));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("the quote opened on line 7 is never closed before the end of the file");
  });

  it('refuses text after a closing quote ("5"junk is not 5)', async () => {
    const rows = [...ROWS];
    rows[2] = 'A,"5"junk,4,3,8';
    const run = await barometer(file([HEADER, ...rows].join("\n") + "\n"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("data row 3 (file line 4)");
    expect(run.stderr).toContain("text follows the closing quote");
  });

  it("still reads a quoted answer followed by its delimiter", async () => {
    const rows = [...ROWS];
    rows[2] = 'A,"5",4,3,8';
    const run = await barometer(file([HEADER, ...rows].join("\n") + "\n"));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).employees.n).toBe(600);
  });
});

describe("numbers", () => {
  it("refuses a quoted number with a comma in a comma-delimited file, naming the cell", async () => {
    const units = file(
      ["unit,attribute,headcount,leavers,average_salary", 'A,front-office,40,4,"27,639"', "B,support,30,2,31000"].join("\n") + "\n",
      "units",
    );
    const run = await barometer(file([HEADER, ...ROWS].join("\n") + "\n"), "--units", units);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('data row 1 (file line 2), column "average_salary", value "27,639"');
    expect(run.stderr).toContain("ambiguous");
  });

  it("reads a decimal comma in a semicolon-delimited file, as French exports write it", async () => {
    const units = file(
      ["unit;attribute;headcount;leavers;average_salary", "A;front-office;40;4;27639,50", "B;support;30;2;31000"].join("\n") + "\n",
      "units",
    );
    const run = await barometer(file([HEADER, ...ROWS].join("\n") + "\n"), "--units", units);
    expect(run.code).toBe(0);
  });

  it("refuses leavers greater than the headcount", async () => {
    const units = file(["unit,attribute,headcount,leavers,average_salary", "A,front-office,40,41,27000"].join("\n") + "\n", "units");
    const run = await barometer(file([HEADER, ...ROWS].join("\n") + "\n"), "--units", units);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('column "leavers"');
    expect(run.stderr).toContain("leavers 41 exceed the headcount 40");
  });

  it.each([["0x10"], ["0b1"], ["Infinity"], ["1e1000"]])("refuses --threshold %s instead of reading it as a number", async (text) => {
    const run = await barometer(file([HEADER, ...ROWS].join("\n") + "\n"), "--threshold", text);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--threshold expects a number from 0 to 100");
  });
});

describe("sizes", () => {
  it("refuses a header line over 1 MB without holding or echoing the file", async () => {
    // 2 MB of respondent-like text and no line break: the whole file used to be the "header".
    const secret = "respondent-secret-";
    const run = await barometer(file(Array.from({ length: 120_000 }, (_, index) => `${secret}${index}`).join(",")));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the header line is longer than 1 MB");
    expect(run.stderr).not.toContain(secret);
    expect(run.stderr.length).toBeLessThan(500);
  });

  it("refuses a header whose quote never closes, without echoing the data rows", async () => {
    const run = await barometer(
      file([`"unit,recognition_1,recognition_2,physical_1,enps`, ...ROWS.map((row) => `secret-${row}`)].join("\n") + "\n"),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("a quote in the header line (line 1) is never closed");
    expect(run.stderr).not.toContain("secret-");
  });

  it("cuts the list of headers in an error message", async () => {
    const headers = Array.from({ length: 5000 }, (_, index) => `column_${index}`);
    const run = await barometer(file([headers.join(","), headers.map(() => "1").join(",")].join("\n") + "\n"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("no column of");
    expect(run.stderr).toContain("more)");
    expect(run.stderr.length).toBeLessThan(600);
  });

  it("refuses more than 50,000 distinct units, naming the limit", async () => {
    const rows = Array.from({ length: 50_001 }, (_, index) => `U${index},3,3,3,7`);
    const run = await barometer(file([HEADER, ...rows].join("\n") + "\n"), "--threads", "off");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("more than 50,000 distinct units (limit 50,000)");
    expect(run.stderr).toContain("data row 50001");
  });
});

describe("oddities that used to pass silently", () => {
  it("refuses two headers for the same item", async () => {
    const run = await barometer(file(["unit,recognition_1,Recognition 1,physical_1,enps", ...ROWS].join("\n") + "\n"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('columns "recognition_1" and "Recognition 1" are both item 1 of recognition');
  });

  it("counts the NFC and NFD spellings of one unit as one unit", async () => {
    const nfc = "\u00c9quipe Nord"; // É as one code point
    const nfd = "E\u0301quipe Nord"; // E + combining acute accent
    const rows = Array.from({ length: 12 }, (_, index) => `${index % 2 === 0 ? nfc : nfd},4,4,4,${index % 11}`);
    const run = await barometer(file([HEADER, ...rows].join("\n") + "\n"));
    expect(run.code).toBe(0);
    const units = JSON.parse(run.stdout).units as { unit: string; n: number }[];
    expect(units).toEqual([expect.objectContaining({ unit: nfc, n: 12 })]);
  });

  it("refuses a metric column named __proto__ with a clear message", async () => {
    const units = file(
      ["unit,employees_n,__proto__,nps", ...Array.from({ length: 8 }, (_, index) => `U${index},20,${index * 3},${index * 5 - 10}`)].join(
        "\n",
      ) + "\n",
      "link-units",
    );
    const run = await runCli(["link", "--units", units, "--x", "__proto__", "--y", "nps", "--bootstrap", "0"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the column "__proto__" has a name JavaScript objects reserve');
  });

  it.each([["1"], ["4"]])("refuses --min-n %s: the confidentiality threshold cannot go below 5", async (value) => {
    const run = await barometer(file([HEADER, ...ROWS].join("\n") + "\n"), "--min-n", value);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--min-n cannot be below the confidentiality threshold of 5");
    const link = await runCli(["link", "--units", customers, "--x", "a", "--y", "b", "--min-n", value]);
    expect(link.code).toBe(2);
    expect(link.stderr).toContain("--min-n cannot be below the confidentiality threshold of 5");
  });
});
