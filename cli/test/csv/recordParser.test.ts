import fc from "fast-check";
import { NON_ANSWERS, readAnswer } from "@symmetry/engine";
import { detectDelimiter } from "../../src/csv/delimiter";
import { findHeaderEnd, splitHeaderLine } from "../../src/csv/headerLine";
import { ColumnKind, FieldError, RecordParser, RecordShapeError } from "../../src/csv/recordParser";

interface Parsed {
  values: number[][];
  texts: string[][];
}

/** Parses a CSV body fed in the given chunk sizes, as the file reader does (tail kept, more appended). */
function parseBody(body: string, kinds: number[], delimiter: "," | ";" = ",", chunkSize = Number.MAX_SAFE_INTEGER): Parsed {
  const bytes = Buffer.from(body, "utf8");
  const parsed: Parsed = { values: [], texts: [] };
  const parser = new RecordParser(
    delimiter,
    Uint8Array.from(kinds),
    { record: (values, texts) => (parsed.values.push([...values]), parsed.texts.push([...texts])) },
    readAnswer,
    2,
  );
  let buffer = Buffer.alloc(0);
  let offset = 0;
  for (;;) {
    const next = bytes.subarray(offset, offset + chunkSize);
    offset += next.length;
    buffer = Buffer.concat([buffer, next]);
    const final = offset >= bytes.length;
    const consumed = parser.parse(buffer, 0, buffer.length, final);
    if (final) break;
    buffer = buffer.subarray(consumed);
  }
  return parsed;
}

const N = ColumnKind.Numeric;
const T = ColumnKind.Text;
const S = ColumnKind.Skip;

describe("byte-level CSV records", () => {
  it("reads numbers, blanks and declared non-answers (NA, N/A, NSP) as numbers and NaN", () => {
    const parsed = parseBody("1,2.5,,NA\n3, 4 ,N/A,nsp\n", [N, N, N, N]);
    expect(parsed.values).toEqual([
      [1, 2.5, NaN, NaN],
      [3, 4, NaN, NaN],
    ]);
  });

  it("follows RFC 4180: quoted delimiters, doubled quotes and line breaks inside quotes", () => {
    const parsed = parseBody('"Lyon, Part-Dieu","say ""hi""",5\r\n"two\nlines",x,"4"\r\n', [T, T, N]);
    expect(parsed.texts.map((row) => row.slice(0, 2))).toEqual([
      ["Lyon, Part-Dieu", 'say "hi"'],
      ["two\nlines", "x"],
    ]);
    expect(parsed.values.map((row) => row[2])).toEqual([5, 4]);
  });

  it("reads decimal commas when the delimiter is a semicolon", () => {
    const parsed = parseBody("3,5;4;Paris\n2;1,25;Lyon\n", [N, N, T], ";");
    expect(parsed.values.map((row) => row.slice(0, 2))).toEqual([
      [3.5, 4],
      [2, 1.25],
    ]);
    expect(parsed.texts.map((row) => row[2])).toEqual(["Paris", "Lyon"]);
  });

  it("skips blank lines and accepts a last record without a line break", () => {
    expect(parseBody("1,2\n\n\r\n3,4", [N, N]).values).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("gives the same records whatever the chunk boundaries", () => {
    const body = 'a,"q,""x""",1,2.25\r\nUnité é,"multi\nline",3,NSP\nb,,10,-1.5\n';
    const kinds = [T, T, N, N];
    const whole = parseBody(body, kinds);
    for (let chunk = 1; chunk < 12; chunk++) expect(parseBody(body, kinds, ",", chunk)).toEqual(whole);
  });

  it("parses plain decimal text to the same double as Number(text)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 5 }), (integer, decimals) => {
        const text = (integer / 10 ** decimals).toFixed(decimals);
        expect(parseBody(`${text}\n`, [N]).values[0][0]).toBe(Number(text));
      }),
    );
  });

  it("does not decode skipped columns and reports text that is not an answer with its position", () => {
    expect(parseBody("whatever,1\n", [S, N]).values[0][1]).toBe(1);
    try {
      parseBody("1,2\n3,abc\n", [N, N]);
      throw new Error("expected a FieldError");
    } catch (error) {
      expect(error).toBeInstanceOf(FieldError);
      const fieldError = error as FieldError;
      expect(fieldError.column).toBe(1);
      expect(fieldError.rawValue).toBe("abc");
      expect(fieldError.position).toEqual({ dataRow: 2, line: 3 });
    }
  });

  it("reads declared non-answers as missing without decoding them, in any case, and still refuses other text", () => {
    const read: number[][] = [];
    const parser = new RecordParser(
      ",",
      Uint8Array.from([N, N, N, N]),
      { record: (values) => void read.push([...values]) },
      readAnswer,
      2,
      NON_ANSWERS,
    );
    const body = Buffer.from("na,NSP,n/a,#N/A\n1, nsp ,NA,2\n");
    parser.parse(body, 0, body.length, true);
    expect(read).toEqual([
      [NaN, NaN, NaN, NaN],
      [1, NaN, NaN, 2],
    ]);
    const bad = Buffer.from("NAX,1,1,1\n");
    expect(() =>
      new RecordParser(",", Uint8Array.from([N, N, N, N]), { record: () => undefined }, readAnswer, 2, NON_ANSWERS).parse(
        bad,
        0,
        bad.length,
        true,
      ),
    ).toThrow(FieldError);
  });

  it("refuses a record whose field count differs from the header's", () => {
    expect(() => parseBody("1,2\n3\n", [N, N])).toThrow(RecordShapeError);
    expect(() => parseBody("1,2,3\n", [N, N])).toThrow("record has 3 fields but the header has 2");
  });
});

describe("header line", () => {
  it("detects ; from a French header and , otherwise, ignoring quoted delimiters", () => {
    expect(detectDelimiter(Buffer.from("unité;Reconnaissance 1;Information 1"))).toBe(";");
    expect(detectDelimiter(Buffer.from('"a;b;c",unit,enps'))).toBe(",");
  });

  it("splits quoted header names and finds the header's end outside quotes", () => {
    expect(splitHeaderLine(' unit ,"recognition, 1","say ""x"""', ",")).toEqual(["unit", "recognition, 1", 'say "x"']);
    const bytes = Buffer.from('"a\nb",c\r\n1,2');
    expect(findHeaderEnd(bytes, 0, bytes.length)).toBe(7); // the \r after c, not the \n inside quotes
  });
});
