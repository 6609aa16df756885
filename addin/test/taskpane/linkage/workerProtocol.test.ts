/**
 * The linkage Web Worker's message protocol, driven in Node through its handler (the real Worker
 * runs in the Chromium e2e test): progress, the result equal to runLinkage whatever the chunking,
 * engine errors with their code, cancel between chunks; and the pane-side runner over it.
 */
import { runLinkage, type LinkageRequest } from "@symmetry/engine";
import { isAbortError } from "../../../src/taskpane/data/readInChunks";
import { runLinkageInWorker } from "../../../src/taskpane/linkage/runners";
import { LinkageWorkerSession, type FromWorker } from "../../../src/taskpane/linkage/workerProtocol";
import { inProcessWorker } from "./support";

function units(count: number) {
  // Deterministic, varied unit metrics (a sine pattern, no statistics involved).
  return Array.from({ length: count }, (_, index) => ({
    unit: `U${String(index).padStart(3, "0")}`,
    employeesN: index % 9 === 4 ? 3 : 12,
    metrics: {
      enps: Math.round(40 * Math.sin(index * 1.7)),
      culture: 60 + 15 * Math.sin(index * 0.9),
      recognition: 55 + 10 * Math.cos(index * 1.3),
      nps: 20 + 25 * Math.sin(index * 1.7 + 0.4),
    },
  }));
}

const request: LinkageRequest = {
  units: units(40),
  x: ["enps", "culture", "recognition"],
  y: ["nps"],
  methods: ["pearson", "spearman"],
  bootstrap: 120,
  seed: 9,
  drivers: { predictors: ["culture", "recognition"], minUnits: 25 },
};

async function collect(messages: Parameters<LinkageWorkerSession["handle"]>[0][]): Promise<FromWorker[]> {
  const posted: FromWorker[] = [];
  const session = new LinkageWorkerSession((message) => posted.push(message));
  await Promise.all(messages.map((message) => session.handle(message)));
  return posted;
}

describe("linkage worker protocol", () => {
  it("posts increasing progress then the result, equal to runLinkage for any number of chunks", async () => {
    const expected = runLinkage(request);
    for (const chunks of [1, 7, 50]) {
      const posted = await collect([{ type: "run", id: chunks, request, chunks }]);
      const progress = posted.filter((message) => message.type === "progress").map((message) => (message as { percent: number }).percent);
      expect(progress[0]).toBe(0);
      expect(progress[progress.length - 1]).toBe(100);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
      expect(progress.length).toBe(Math.ceil(120 / Math.ceil(120 / chunks)) + 1); // 0 %, then one per chunk
      expect(posted[posted.length - 1]).toEqual({ type: "result", id: chunks, result: expected });
    }
  });

  it("answers an engine error with its code and message, naming the metric", async () => {
    const posted = await collect([{ type: "run", id: 3, request: { ...request, y: ["revenue"] } }]);
    expect(posted).toEqual([
      {
        type: "error",
        id: 3,
        error: { code: "invalid-argument", message: expect.stringMatching(/^linkage metric "revenue" is not a column of the units/) },
      },
    ]);
  });

  it("stops at the next chunk after cancel and says so", async () => {
    const posted: FromWorker[] = [];
    const session = new LinkageWorkerSession((message) => posted.push(message));
    const running = session.handle({ type: "run", id: 5, request, chunks: 50 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await session.handle({ type: "cancel", id: 5 });
    await running;
    expect(posted[posted.length - 1]).toEqual({ type: "cancelled", id: 5 });
    expect(posted.some((message) => message.type === "result")).toBe(false);
  });
});

describe("runLinkageInWorker", () => {
  it("resolves with the worker's result and relays progress", async () => {
    const percents: number[] = [];
    const result = await runLinkageInWorker(request, { onProgress: (percent) => percents.push(percent) }, () => inProcessWorker());
    expect(result).toEqual(runLinkage(request));
    expect(percents[percents.length - 1]).toBe(100);
  });

  it("rejects with an AbortError when cancelled and with the engine's error otherwise", async () => {
    const controller = new AbortController();
    const log: FromWorker[] = [];
    const pending = runLinkageInWorker(
      { ...request, bootstrap: 5000 },
      { signal: controller.signal, onProgress: () => controller.abort() },
      () => inProcessWorker(log),
    );
    await expect(pending.catch((error: unknown) => isAbortError(error))).resolves.toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.some((message) => message.type === "result")).toBe(false); // the cancel reached the session
    await expect(runLinkageInWorker({ ...request, units: request.units.slice(0, 3) }, {}, () => inProcessWorker())).rejects.toMatchObject({
      code: "too-few-values",
    });
  });
});
