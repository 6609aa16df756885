import { columnRuns, isAbortError, readInChunks } from "../../src/taskpane/data/readInChunks";
import { PAYLOAD_LIMIT_BYTES, payloadBytes } from "../../test-doubles/excelRules";
import { MemoryWorkbook } from "../../test-doubles/memoryWorkbook";
import type { WorkbookPort } from "../../src/taskpane/workbook/WorkbookPort";

function bigWorkbook(rows: number, columns: number): { workbook: MemoryWorkbook; requests: string[]; port: WorkbookPort } {
  const workbook = new MemoryWorkbook();
  workbook.loadSheet(
    "Data",
    Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => row * columns + column)),
  );
  const requests: string[] = [];
  const port = Object.create(workbook) as WorkbookPort;
  port.readRange = (sheet, address) => {
    requests.push(address);
    return workbook.readRange(sheet, address);
  };
  port.readRanges = (sheet, addresses) => {
    requests.push(addresses.join(","));
    return workbook.readRanges(sheet, addresses);
  };
  return { workbook, requests, port };
}

describe("reading large ranges in chunks", () => {
  it("groups the columns to read into runs of adjacent columns", () => {
    expect(columnRuns([7, 1, 2, 3, 8, 2])).toEqual([
      [1, 3],
      [7, 8],
    ]);
    expect(columnRuns([4])).toEqual([[4, 4]]);
  });

  it("reads every row once, in order, with progress", async () => {
    const { requests, port } = bigWorkbook(1000, 40);
    const seen: number[] = [];
    const progress: number[] = [];
    await readInChunks(
      port,
      "Data",
      { top: 0, bottom: 999, left: 0, right: 39 },
      (rows, first) =>
        rows.forEach((row, index) => {
          expect(row[0]).toBe((first + index) * 40);
          seen.push(first + index);
        }),
      {
        maxCells: 10_000,
        onProgress: (step) => progress.push(step.rowsRead),
      },
    );
    expect(requests).toEqual(["A1:AN250", "A251:AN500", "A501:AN750", "A751:AN1000"]);
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, index) => index));
    expect(progress).toEqual([0, 250, 500, 750, 1000]);
  });

  it("stops after the current chunk when cancelled, with an AbortError", async () => {
    const { requests, port } = bigWorkbook(1000, 10);
    const controller = new AbortController();
    const reading = readInChunks(
      port,
      "Data",
      { top: 0, bottom: 999, left: 0, right: 9 },
      (rows, first) => {
        if (first === 100) controller.abort();
      },
      { maxCells: 1000, signal: controller.signal },
    );
    const error = await reading.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(isAbortError(error)).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it("lets other work run between chunks (the pane stays responsive)", async () => {
    const { port } = bigWorkbook(100, 10);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    await readInChunks(
      port,
      "Data",
      { top: 0, bottom: 99, left: 0, right: 9 },
      () => {
        const until = Date.now() + 3;
        while (Date.now() < until); // a busy chunk
      },
      { maxCells: 100 },
    );
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(5);
  });

  it("reads only the columns asked for, never the free text between them, in one round trip per chunk", async () => {
    const workbook = new MemoryWorkbook();
    const comment = "a long free-text comment ".repeat(400); // ≈ 10 kB a row
    workbook.loadSheet(
      "Data",
      Array.from({ length: 2000 }, (_, row) => [`u${row % 7}`, row % 11, comment, comment, row % 5]),
    );
    const requests: string[] = [];
    const port = Object.create(workbook) as WorkbookPort;
    port.readRanges = (sheet, addresses) => {
      requests.push(addresses.join(","));
      return workbook.readRanges(sheet, addresses);
    };
    const rows: unknown[][] = [];
    await readInChunks(port, "Data", { top: 0, bottom: 1999, left: 0, right: 4 }, (chunk) => rows.push(...chunk), { columns: [4, 0, 1] });
    expect(requests).toEqual(["A1:B1000,E1:E1000", "A1001:B2000,E1001:E2000"]);
    expect(rows[12]).toEqual(["u5", 1, 2]);
    expect(rows).toHaveLength(2000);
    expect(workbook.largestPayload).toBeLessThan(20_000);
  });

  it("cuts chunks by bytes measured on the rows read, each response under the budget", async () => {
    const workbook = new MemoryWorkbook();
    const text = "é".repeat(1000); // 2,000 bytes in UTF-8
    workbook.loadSheet(
      "Data",
      Array.from({ length: 12_000 }, (_, row) => [row, text]),
    );
    const sizes: number[] = [];
    const port = Object.create(workbook) as WorkbookPort;
    port.readRange = async (sheet, address) => {
      const values = await workbook.readRange(sheet, address);
      sizes.push(payloadBytes(values));
      return values;
    };
    let rows = 0;
    await readInChunks(port, "Data", { top: 0, bottom: 11_999, left: 0, right: 1 }, (chunk) => (rows += chunk.length), {
      maxBytes: 3_000_000,
    });
    expect(rows).toBe(12_000);
    // 24 MB in all: a first chunk of 1,000 rows, then chunks of ≈ 1,190 rows (3 MB / 2,016 bytes / 1.25).
    expect(sizes.length).toBeGreaterThanOrEqual(9);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3_000_000);
    expect(Math.max(...sizes.slice(1))).toBeGreaterThan(2_000_000);
  });

  it("reads again in halves a chunk Excel refuses for its size (long texts further down)", async () => {
    const workbook = new MemoryWorkbook();
    const short = Array.from({ length: 1000 }, (_, row) => [row, "x"]);
    const long = Array.from({ length: 3000 }, (_, row) => [1000 + row, "y".repeat(5_000)]); // 15 MB
    workbook.loadSheet("Data", [...short, ...long]);
    const refused: string[] = [];
    const port = Object.create(workbook) as WorkbookPort;
    port.readRange = (sheet, address) =>
      workbook.readRange(sheet, address).catch((error: unknown) => {
        refused.push(`${address} ${(error as { code?: string }).code}`);
        throw error;
      });
    const seen: number[] = [];
    await readInChunks(port, "Data", { top: 0, bottom: 3999, left: 0, right: 1 }, (chunk) =>
      chunk.forEach((row) => seen.push(row[0] as number)),
    );
    expect(refused[0]).toMatch(/ResponsePayloadSizeLimitExceeded$/);
    expect(seen).toEqual(Array.from({ length: 4000 }, (_, index) => index));
    expect(workbook.largestPayload).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });
});
