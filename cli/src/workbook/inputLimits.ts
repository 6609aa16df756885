import * as fs from "node:fs";
import JSZip from "jszip";
import { SymError } from "@symmetry/engine/errors";

/**
 * Defences of `sym report` against hostile or broken files, checked before exceljs sees a byte:
 * the file size, the zip signature (an .xlsx is a zip archive), the number of entries and their
 * total uncompressed size as declared in the zip's central directory (a zip bomb declares a huge
 * entry), then the same total counted while actually inflating every entry with a cap (a bomb
 * whose headers lie is stopped as soon as it exceeds the budget), and the spreadsheet areas exceljs
 * expands cell by cell on load (data validations, merged cells).
 */

export interface InputLimits {
  /** Largest file accepted, bytes (default 50 MB; `--max-size` raises it). */
  readonly maxFileBytes: number;
  /** Most entries in the archive (default 10,000). */
  readonly maxEntries: number;
  /** Largest total uncompressed size, bytes (default 20 × the file limit, 1 GB for 50 MB). */
  readonly maxUncompressedBytes: number;
  /** Most cells covered by data validations and merged cells (exceljs expands them one by one). */
  readonly maxExpandedCells: number;
}

export const DEFAULT_MAX_FILE_MEGABYTES = 50;

export function defaultLimits(maxFileMegabytes = DEFAULT_MAX_FILE_MEGABYTES): InputLimits {
  const maxFileBytes = Math.round(maxFileMegabytes * 1024 * 1024);
  return { maxFileBytes, maxEntries: 10_000, maxUncompressedBytes: 20 * maxFileBytes, maxExpandedCells: 2_000_000 };
}

/** A file refused before it is read (exit 1, reported per file in a batch). */
function refuse(file: string, reason: string): SymError {
  return new SymError("invalid-argument", `${file}: ${reason}`, { file });
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Text (no byte below 9 before the last line break) with a comma or semicolon on a line that ends. */
function looksLikeDelimitedText(head: string): boolean {
  let end = 0;
  while (end < head.length && head.charCodeAt(end) > 8) end++;
  const text = head.slice(0, end);
  const lastBreak = text.lastIndexOf("\n");
  return lastBreak !== -1 && /[,;]/.test(text.slice(0, lastBreak));
}

function describeSignature(bytes: Buffer): string {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0)
    return "it is an old-format .xls or a password-protected workbook: save it as .xlsx (Excel Workbook) without a password";
  const head = bytes.subarray(0, 64).toString("utf8");
  if (/^\s*</.test(head)) return "it is an XML or HTML file, not an .xlsx workbook";
  if (looksLikeDelimitedText(head)) return "it looks like a CSV file: use sym barometer --employees … --customers … for CSV files";
  return "it is not an .xlsx workbook (an .xlsx file is a zip archive starting with PK)";
}

interface EntryMetadata {
  readonly _data?: { readonly uncompressedSize?: number };
}

interface JSZipStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): JSZipStream;
  on(event: "error", listener: (error: Error) => void): JSZipStream;
  on(event: "end", listener: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

/** Inflates one entry, counting bytes, and stops as soon as the budget is exceeded. */
function inflateCounting(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = 0;
    let stopped = false;
    // internalStream is public JSZip API (documented) that its type definitions omit.
    const stream = (entry as unknown as { internalStream(type: "uint8array"): JSZipStream }).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        if (stopped) return;
        total += chunk.length;
        if (total > budget) {
          stopped = true;
          stream.pause();
          resolve(total);
        }
      })
      .on("error", (error: Error) => {
        if (!stopped) reject(error);
      })
      .on("end", () => {
        if (!stopped) resolve(total);
      })
      .resume();
  });
}

/** Cells covered by a space-separated list of A1 ranges (`A1:C10 E5`). */
function areaOf(sqref: string): number {
  let cells = 0;
  for (const part of sqref.trim().split(/\s+/)) {
    const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(part);
    if (!match) continue;
    const column = (letters: string) => [...letters.toUpperCase()].reduce((value, letter) => value * 26 + letter.charCodeAt(0) - 64, 0);
    const [, c1, r1, c2, r2] = match;
    const width = c2 ? Math.abs(column(c2) - column(c1)) + 1 : 1;
    const height = r2 ? Math.abs(Number(r2) - Number(r1)) + 1 : 1;
    cells += width * height;
  }
  return cells;
}

const AREA_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?(dataValidation|mergeCell)(?=[\s/>])/g;
const ATTRIBUTE = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const SQREF_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?sqref>([^<]*)</g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Attribute values as an XML parser reads them: entities and character references decoded. */
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (_whole, entity: string) => {
    if (entity in ENTITIES) return ENTITIES[entity];
    const code = entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/**
 * Cells covered by the data validations and merged cells of a sheet part. Attributes are read as
 * XML defines them (either quote, spaces around `=`, entities, any namespace prefix, a `>` inside
 * a quoted value), so `<mergeCell ref='A100:ZZ100000'/>` counts like its double-quoted spelling.
 * One pass: a global search for the elements, a sticky scan of each one's attributes.
 */
export function expandedCells(xml: string): number {
  let cells = 0;
  AREA_ELEMENT.lastIndex = 0;
  for (let element = AREA_ELEMENT.exec(xml); element; element = AREA_ELEMENT.exec(xml)) {
    const wanted = element[1] === "mergeCell" ? "ref" : "sqref";
    let offset = element.index + element[0].length;
    for (;;) {
      ATTRIBUTE.lastIndex = offset;
      const attribute = ATTRIBUTE.exec(xml);
      if (!attribute) break;
      offset = ATTRIBUTE.lastIndex;
      if (attribute[1].replace(/^.*:/, "") === wanted) cells += areaOf(decodeAttribute(attribute[2] ?? attribute[3]));
    }
    AREA_ELEMENT.lastIndex = Math.max(offset, AREA_ELEMENT.lastIndex);
  }
  // Excel 2010 validations (`x14:dataValidation` in an extension list) hold their area as an element.
  for (const element of xml.matchAll(SQREF_ELEMENT)) cells += areaOf(decodeAttribute(element[1]));
  return cells;
}

export interface CheckedWorkbook {
  readonly buffer: Buffer;
  readonly zip: JSZip;
}

/**
 * Reads a workbook file and checks it against the limits.
 *
 * @throws SymError (`invalid-argument`) whose message names the file and the reason: too large,
 *   not an .xlsx, corrupt archive, too many entries, too large once uncompressed, no workbook part,
 *   validation or merged areas too large
 */
export async function readCheckedWorkbook(file: string, limits: InputLimits): Promise<CheckedWorkbook> {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw refuse(file, "is a directory, not an .xlsx file");
    size = stat.size;
  } catch (error) {
    if (error instanceof SymError) throw error;
    throw refuse(
      file,
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `cannot be read (${(error as Error).message})`,
    );
  }
  if (size > limits.maxFileBytes) {
    throw refuse(
      file,
      `is ${megabytes(size)}, over the ${megabytes(limits.maxFileBytes)} limit (raise it with --max-size <MB> if the file is trusted)`,
    );
  }
  const buffer = fs.readFileSync(file);
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw refuse(file, describeSignature(buffer));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw refuse(file, `is a corrupt .xlsx (the zip archive cannot be read: ${(error as Error).message})`);
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > limits.maxEntries)
    throw refuse(file, `has ${entries.length} parts in its archive, over the limit of ${limits.maxEntries} (not a plain workbook)`);
  const declared = entries.reduce((total, entry) => total + ((entry as unknown as EntryMetadata)._data?.uncompressedSize ?? 0), 0);
  if (declared > limits.maxUncompressedBytes) {
    throw refuse(
      file,
      `would expand to ${megabytes(declared)} once uncompressed, over the ${megabytes(limits.maxUncompressedBytes)} limit (a zip bomb or an abnormally large workbook)`,
    );
  }
  let inflated = 0;
  for (const entry of entries) {
    try {
      inflated += await inflateCounting(entry, limits.maxUncompressedBytes - inflated);
    } catch (error) {
      throw refuse(file, `is a corrupt .xlsx (part ${entry.name} cannot be uncompressed: ${(error as Error).message})`);
    }
    if (inflated > limits.maxUncompressedBytes) {
      throw refuse(
        file,
        `expands past the ${megabytes(limits.maxUncompressedBytes)} limit once uncompressed (its archive understates its size: a zip bomb)`,
      );
    }
  }
  if (!zip.file("xl/workbook.xml") || !zip.file("[Content_Types].xml")) {
    throw refuse(file, "is a zip archive but not an Excel workbook (no xl/workbook.xml): save it as .xlsx from Excel or LibreOffice");
  }
  for (const entry of entries.filter((candidate) => /^xl\/worksheets\/[^/]+\.xml$/.test(candidate.name))) {
    const xml = await entry.async("string");
    const cells = expandedCells(xml);
    if (cells > limits.maxExpandedCells) {
      throw refuse(
        file,
        `sheet part ${entry.name} declares data validations or merged cells over ${cells.toLocaleString("en-GB")} cells (limit ${limits.maxExpandedCells.toLocaleString("en-GB")}): remove them from the data sheets`,
      );
    }
  }
  return { buffer, zip };
}
