import { chunkProgress } from "../../src/jobs/fanOut";
import { linkageChunkLayout, MAX_LINKAGE_CHUNKS } from "../../src/jobs/linkageJob";
import { workerCount } from "../../src/devhost/workerPool";

describe("fan-out layout and progress", () => {
  it("cuts B replicates into chunks of the setting, the last one shorter", () => {
    expect(linkageChunkLayout(10_000, 1000)).toEqual({ count: 10, size: 1000 });
    expect(linkageChunkLayout(2500, 1000)).toEqual({ count: 3, size: 1000 });
    expect(linkageChunkLayout(600, 1000)).toEqual({ count: 1, size: 1000 });
  });

  it("makes no chunk when there is no bootstrap, and never more than 1,000 chunks", () => {
    expect(linkageChunkLayout(0, 1000)).toEqual({ count: 0, size: 1000 });
    expect(linkageChunkLayout(100_000, 1)).toEqual({ count: MAX_LINKAGE_CHUNKS, size: 100 });
    expect(linkageChunkLayout(99_999, 7).count).toBeLessThanOrEqual(MAX_LINKAGE_CHUNKS);
  });

  it("reports done chunks over all chunks, 99 at most until the job has succeeded", () => {
    expect(chunkProgress(0, 4)).toBe(0);
    expect(chunkProgress(1, 4)).toBe(25);
    expect(chunkProgress(2, 3)).toBe(66);
    expect(chunkProgress(3, 3)).toBe(99);
    expect(chunkProgress(0, 0)).toBe(0);
  });
});

describe("SYM_DEVHOST_WORKERS", () => {
  it("defaults to 0 (handlers on the main event loop, as one Node worker process) and accepts a whole number up to 64", () => {
    expect(workerCount(undefined)).toBe(0);
    expect(workerCount("")).toBe(0);
    expect(workerCount("0")).toBe(0);
    expect(workerCount("1")).toBe(1);
    expect(workerCount("8")).toBe(8);
  });

  it("refuses anything else with a message naming the setting and the value", () => {
    for (const bad of ["-1", "1.5", "two", "65"])
      expect(() => workerCount(bad)).toThrow(`SYM_DEVHOST_WORKERS must be a whole number from 0 to 64, got "${bad}"`);
  });
});
