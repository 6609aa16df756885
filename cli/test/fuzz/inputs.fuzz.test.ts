import fc from "fast-check";
import JSZip from "jszip";
import { SymError, mappingFromXml } from "@symmetry/engine";
import { MAX_MAPPING_PART_CHARACTERS } from "@symmetry/engine/model/mappingXml";
import { UsageError } from "../../src/errors";
import { defaultLimits, readCheckedWorkbook } from "../../src/workbook/inputLimits";
import { runCli, scratchDirectory } from "../support/cli";

/**
 * Fuzzing of what the CLI reads: CSV files, options, xlsx archives and mapping parts. Fixed seeds
 * and bounded runs (fast-check prints the seed and the shrunk counterexample on a failure). The
 * properties: no crash or stack trace, a clear error (exit 1 or 2, at most a few hundred
 * characters, no data row echoed) or the right result, and bounded memory.
 */
jest.setTimeout(60_000);
const scratch = scratchDirectory();
afterAll(() => scratch.remove());
let counter = 0;
const write = (content: string | Buffer, extension = "csv") => scratch.write(`fuzz-${counter++}.${extension}`, content);

const customers = write(
  [
    "unit,recognition_1,physical_1,nps",
    ...Array.from({ length: 20 }, (_, index) => `A,${1 + (index % 5)},${1 + ((index * 2) % 5)},${index % 11}`),
  ].join("\n") + "\n",
);

/** A run that failed cleanly: exit 1 or 2, one short message, no stack, nothing on stdout. */
function expectCleanFailureOrSuccess(run: { code: number; stdout: string; stderr: string }): void {
  expect([0, 1, 2]).toContain(run.code);
  expect(run.stderr).not.toMatch(/unexpected error|\n\s+at /);
  if (run.code !== 0) {
    expect(run.stdout).toBe("");
    expect(run.stderr.length).toBeLessThan(1200);
  }
}

describe("CSV reader", () => {
  it("arbitrary bytes, quotes, delimiters and line ends: a clear error or a result, never a crash", async () => {
    const piece = fc.oneof(
      fc.constantFrom('"', '""', ",", ";", "\n", "\r\n", "\r", "NA", "5", "9", "-", "1e3", "27,639", "\u00e9", "\u0000", "\ufeff"),
      fc.string({ maxLength: 6 }),
    );
    const body = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(""));
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (text, withHeader) => {
        const file = write(withHeader ? `unit,recognition_1,physical_1,enps\n${text}` : text);
        expectCleanFailureOrSuccess(await runCli(["barometer", "--employees", file, "--customers", customers, "--json"]));
      }),
      { seed: 1201, numRuns: 120 },
    );
  });

  it("well-formed records written with any quoting, delimiter and line end are all read (n as written)", async () => {
    const record = fc.record({
      unit: fc.constantFrom("North", 'Say "hi"', "a,b", "x;y", "two\nlines"),
      answers: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 2 }),
      enps: fc.integer({ min: 0, max: 10 }),
      quoteNumbers: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 5, maxLength: 30 }),
        fc.constantFrom(",", ";"),
        fc.constantFrom("\n", "\r\n"),
        async (records, delimiter, lineEnd) => {
          const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
          const lines = [
            ["unit", "recognition_1", "physical_1", "enps"].join(delimiter),
            ...records.map((row) =>
              [
                quote(row.unit),
                ...[...row.answers, row.enps].map((value) => (row.quoteNumbers ? quote(String(value)) : String(value))),
              ].join(delimiter),
            ),
          ];
          const run = await runCli(["barometer", "--employees", write(lines.join(lineEnd) + lineEnd), "--customers", customers, "--json"]);
          expect(run.stderr).not.toMatch(/unexpected error/);
          expect(run.code).toBe(0);
          const report = JSON.parse(run.stdout);
          expect(report.employees.n).toBe(records.length);
        },
      ),
      { seed: 1202, numRuns: 40 },
    );
  });
});

describe("options", () => {
  it("arbitrary --threshold, --min-n, --scale and --alpha: exit 0 or a usage error, and only plain decimals are accepted", async () => {
    const option = fc.constantFrom("--threshold", "--min-n", "--scale", "--alpha");
    const value = fc.oneof(
      fc.constantFrom(
        "0x10",
        "0b1",
        "1e1000",
        "Infinity",
        "NaN",
        "-0",
        " 5",
        "5 ",
        "1,5",
        "1-5",
        "1-1e308",
        "",
        "\u0000",
        "99999999999999999999",
      ),
      fc.string({ maxLength: 8 }),
    );
    const employees = write(
      [
        "unit,recognition_1,physical_1,enps",
        ...Array.from({ length: 30 }, (_, index) => `A,${1 + (index % 5)},${1 + ((index * 3) % 5)},${index % 11}`),
      ].join("\n") + "\n",
    );
    await fc.assert(
      fc.asyncProperty(option, value, async (name, text) => {
        const run = await runCli(["barometer", "--employees", employees, "--customers", customers, "--json", name, text]);
        expectCleanFailureOrSuccess(run);
        // Hexadecimal, binary, exponents beyond doubles and non-finite words are never read as numbers.
        if (/^\s*(0x|0b|Infinity|NaN)|1e1000/i.test(text)) expect(run.code).not.toBe(0);
      }),
      { seed: 1203, numRuns: 80 },
    );
  });
});

describe("xlsx guards", () => {
  const minimalWorkbook = async (sheetXml: string): Promise<Buffer> => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    zip.file("xl/worksheets/sheet1.xml", sheetXml);
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  };
  const columnName = (index: number): string =>
    index < 26 ? String.fromCharCode(65 + index) : columnName(Math.floor(index / 26) - 1) + String.fromCharCode(65 + (index % 26));

  it("a merged area written with any quoting, spacing or entities is counted: over the limit it is always refused", async () => {
    const spelling = fc.record({
      quote: fc.constantFrom('"', "'"),
      before: fc.constantFrom("", " ", "\n\t "),
      after: fc.constantFrom("", " ", "\r\n"),
      entityColon: fc.boolean(),
      prefix: fc.constantFrom("", "x:"),
      element: fc.constantFrom("mergeCell", "dataValidation"),
    });
    const area = fc.record({ columns: fc.integer({ min: 1, max: 800 }), rows: fc.integer({ min: 1, max: 20_000 }) });
    await fc.assert(
      fc.asyncProperty(spelling, area, async (how, { columns, rows }) => {
        const reference = `A1${how.entityColon ? "&#58;" : ":"}${columnName(columns - 1)}${rows}`;
        const attribute = how.element === "mergeCell" ? "ref" : "sqref";
        const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><${how.prefix}${how.element} ${attribute}${how.before}=${how.after}${how.quote}${reference}${how.quote}/></worksheet>`;
        const file = write(await minimalWorkbook(xml), "xlsx");
        const cells = columns * rows;
        const outcome = await readCheckedWorkbook(file, defaultLimits()).then(
          () => "read",
          (error: unknown) => error,
        );
        if (cells > 2_000_000) {
          expect(outcome).toBeInstanceOf(SymError);
          expect((outcome as SymError).message).toContain(`over ${cells.toLocaleString("en-GB")} cells`);
        } else expect(outcome).toBe("read");
      }),
      { seed: 1204, numRuns: 60 },
    );
  });

  it("mutated archives (flipped bytes, cut files, size lies) are refused with a SymError, never another exception", async () => {
    const valid = await minimalWorkbook(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
    );
    const mutation = fc.record({
      flips: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ flips, cut }) => {
        const bytes = Buffer.from(valid);
        for (const { at, byte } of flips) bytes[at % bytes.length] = byte;
        const file = write(cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length), "xlsx");
        const before = process.memoryUsage().rss;
        const outcome = await readCheckedWorkbook(file, defaultLimits()).then(
          () => "read",
          (error: unknown) => error,
        );
        if (outcome !== "read") expect(outcome instanceof SymError || outcome instanceof UsageError).toBe(true);
        expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
      }),
      { seed: 1205, numRuns: 150 },
    );
  });
});

describe("mapping-part parser", () => {
  it("arbitrary parts: a mapping or a SymError naming the problem, never another exception", () => {
    const fragment = fc.constantFrom(
      "<mapping",
      "<m:mapping",
      ' xmlns="urn:symmetry-barometer:mapping:1"',
      " xmlns = 'urn:symmetry-barometer:mapping:1'",
      ">",
      "</mapping>",
      "<![CDATA[",
      "]]>",
      "&amp;",
      "&#x110000;",
      "&#233;",
      '{"version":1}',
      "{",
      '"',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 5 })), { maxLength: 40 }), (pieces) => {
        try {
          mappingFromXml(pieces.join(""));
        } catch (error) {
          expect(error).toBeInstanceOf(SymError);
          expect((error as SymError).message.length).toBeLessThan(400);
        }
      }),
      { seed: 1206, numRuns: 500 },
    );
  });

  it("is linear: doubling a hostile part roughly doubles the time (ratio under 3; a quadratic parser gives 4)", () => {
    const hostile = [
      (count: number) => `<mapping xmlns="urn:symmetry-barometer:mapping:1">${"<mapping>".repeat(count)}`,
      (count: number) => `<mapping xmlns="urn:symmetry-barometer:mapping:1"><![CDATA[${"<![CDATA[".repeat(count)}`,
      (count: number) => `<mapping ${"a='1' ".repeat(count)}`,
    ];
    // Best of several runs at each size: the ratio of two minimums is steady on a busy machine.
    const fastest = (text: string) => {
      let best = Infinity;
      for (let run = 0; run < 7; run++) {
        const started = process.hrtime.bigint();
        try {
          mappingFromXml(text);
        } catch {
          // the refusal is expected: only its cost is measured
        }
        best = Math.min(best, Number(process.hrtime.bigint() - started));
      }
      return best;
    };
    for (const make of hostile) {
      const small = make(20_000);
      const large = make(40_000);
      expect(large.length).toBeLessThan(MAX_MAPPING_PART_CHARACTERS);
      fastest(small); // warm up the compiled code
      const ratio = fastest(large) / fastest(small);
      expect(ratio).toBeLessThan(3);
    }
  });
});
