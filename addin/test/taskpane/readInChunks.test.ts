import { chunkRowCount, isAbortError, readInChunks } from "../../src/taskpane/data/readInChunks";
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
  return { workbook, requests, port };
}

describe("reading large ranges in chunks", () => {
  it("sizes chunks under the cell budget: 40 columns → 2 500 rows per 100 000 cells", () => {
    expect(chunkRowCount(40)).toBe(2500);
    expect(chunkRowCount(40, 400_000)).toBe(10_000);
    expect(chunkRowCount(1_000_000, 10)).toBe(1);
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
});
