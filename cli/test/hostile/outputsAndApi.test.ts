import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { filledSampleBytes } from "../support/filledWorkbooks";
import { runCli, SAMPLES, scratchDirectory } from "../support/cli";

/**
 * Hostile paths, workbooks and API answers for `sym report`, `sym template` and `sym link --api`:
 * each case reproduces an attack that used to overwrite an input, crash with a stack trace, or send
 * the API key to another server.
 */
jest.setTimeout(120_000);
delete process.env.SYM_API_KEY;
const scratch = scratchDirectory();
const directory = path.dirname(scratch.write("placeholder", ""));
afterAll(() => scratch.remove());

const sample = (name: string) => path.join(SAMPLES, "en", `${name}.csv`);
let filledBytes: Buffer;
beforeAll(async () => {
  filledBytes = await filledSampleBytes("en");
});
const filled = (name: string): string => scratch.write(name, filledBytes);
const sameBytes = (file: string) => expect(fs.readFileSync(file).equals(filledBytes)).toBe(true);

/** No stack trace and no "unexpected error": the message a user can act on. */
function expectCleanUsageError(run: { code: number; stderr: string; stdout: string }, ...parts: string[]): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(/\n\s+at |unexpected error/);
  for (const part of parts) expect(run.stderr).toContain(part);
}

describe("report outputs never overwrite an input", () => {
  it("refuses a batch whose output name is another input (acme.xlsx next to acme-report.xlsx)", async () => {
    const batch = path.join(directory, "batch-inputs");
    fs.mkdirSync(batch);
    const acme = path.join(batch, "acme.xlsx");
    const acmeReport = path.join(batch, "acme-report.xlsx");
    fs.writeFileSync(acme, filledBytes);
    fs.writeFileSync(acmeReport, filledBytes);
    const run = await runCli(["report", acme, acmeReport, "--out-dir", batch, "--bootstrap", "0", "--force"]);
    expectCleanUsageError(run, `${acmeReport} is also an input`);
    sameBytes(acmeReport);
    expect(fs.readdirSync(batch).sort()).toEqual(["acme-report.xlsx", "acme.xlsx"]);
  });

  it("refuses -o naming the input, by another spelling or through a symbolic link, even with --force", async () => {
    const input = filled("self.xlsx");
    const link = path.join(directory, "self-link.xlsx");
    fs.symlinkSync(input, link);
    const dotted = path.join(directory, ".", "..", path.basename(directory), "self.xlsx");
    for (const output of [input, dotted, link]) {
      expectCleanUsageError(await runCli(["report", input, "-o", output, "--force"]), "is also an input");
    }
    sameBytes(input);
  });

  it("refuses to overwrite an existing report without --force, and overwrites it with --force", async () => {
    const input = filled("overwrite-input.xlsx");
    const output = scratch.write("existing-report.xlsx", "not a report yet");
    expectCleanUsageError(await runCli(["report", input, "-o", output, "--bootstrap", "0"]), "already exists: add --force");
    expect(fs.readFileSync(output, "utf8")).toBe("not a report yet");
    const forced = await runCli(["report", input, "-o", output, "--bootstrap", "0", "--force"]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(output).subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses a batch that would overwrite an existing summary.csv without --force", async () => {
    const outDir = path.join(directory, "batch-existing");
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, "summary.csv"), "earlier run\n");
    const run = await runCli(["report", filled("batch-a.xlsx"), "--out-dir", outDir, "--bootstrap", "0"]);
    expectCleanUsageError(run, "summary.csv already exists: add --force");
    expect(fs.readFileSync(path.join(outDir, "summary.csv"), "utf8")).toBe("earlier run\n");
  });
});

describe("paths that are directories or cannot be written give a usage error (exit 2)", () => {
  it("-o naming a directory", async () => {
    expectCleanUsageError(await runCli(["report", filled("dir-in.xlsx"), "-o", directory]), `-o ${directory} is a directory`);
  });

  it("-o under a directory that cannot be written, and a path the system refuses when written", async () => {
    // /proc/sys refuses writes even to root; /proc itself passes the access check and fails on write.
    expectCleanUsageError(
      await runCli(["report", filled("unwritable-in.xlsx"), "-o", "/proc/sys/report.xlsx"]),
      "the directory /proc/sys cannot be written",
    );
    expectCleanUsageError(await runCli(["template", "-o", "/proc/sym-template.xlsx"]), "cannot write /proc/sym-template.xlsx");
  });

  it("-o under a path whose parent is a file", async () => {
    const file = scratch.write("plain-file.txt", "x");
    expectCleanUsageError(await runCli(["template", "-o", path.join(file, "t.xlsx")]), `${file} is a file, not a directory`);
  });

  it("--out-dir naming a file", async () => {
    const file = scratch.write("not-a-dir.txt", "x");
    expectCleanUsageError(
      await runCli(["report", filled("outdir-in.xlsx"), "--out-dir", file]),
      `--out-dir ${file} is a file, not a directory`,
    );
  });

  it("template -o naming a directory", async () => {
    expectCleanUsageError(await runCli(["template", "-o", directory]), `-o ${directory} is a directory`);
  });

  it("--employees naming a directory", async () => {
    const run = await runCli(["barometer", "--employees", directory, "--customers", sample("customers")]);
    expectCleanUsageError(run, directory);
    expect(run.stderr).toMatch(/is a directory/);
  });
});

describe("workbook contents", () => {
  it("adds its result sheet beside an input sheet named BAROMETER (sheet names compare without case)", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(filledBytes as unknown as ArrayBuffer);
    workbook.addWorksheet("BAROMETER").getCell("A1").value = "the client's own sheet";
    const input = scratch.write("upper-sheet.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    const output = path.join(directory, "upper-sheet-report.xlsx");
    const run = await runCli(["report", input, "-o", output, "--bootstrap", "0"]);
    expect(run.stderr).not.toContain("unexpected error");
    expect(run.code).toBe(0);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(output);
    const names = report.worksheets.map((sheet) => sheet.name);
    expect(names).toContain("BAROMETER");
    expect(names).toContain("Barometer (2)");
    expect(report.getWorksheet("BAROMETER")!.getCell("A1").value).toBe("the client's own sheet");
  });
});

/** A local HTTP server on a free port that records each request and answers with `answer`. */
async function hostileServer(answer: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
  const seen: { url: string; key: string | undefined }[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ url: request.url ?? "", key: request.headers["x-sym-key"] as string | undefined });
    request.resume();
    request.on("end", () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const KEY = "secret-key-for-the-real-api-0123";
const POOL = { organisations: 6, dimensions: {}, enps: null, nps: null };

describe("the API key goes to the --api origin only", () => {
  it("refuses a 307 from the benchmark endpoint to another origin; the other server never sees the key", async () => {
    const thief = await hostileServer((_request, response) => response.end(JSON.stringify(POOL)));
    const api = await hostileServer((request, response) => {
      response.writeHead(307, { location: `${thief.origin}${request.url}` }).end();
    });
    try {
      const run = await runCli([
        "report",
        filled("redirect.xlsx"),
        "--json",
        "--bootstrap",
        "0",
        "--sector",
        "retail",
        "--api",
        `${api.origin}/api`,
        "--api-key",
        KEY,
      ]);
      expectCleanUsageError(run, "another origin", thief.origin);
      expect(api.seen[0].key).toBe(KEY);
      expect(thief.seen).toEqual([]);
    } finally {
      await Promise.all([api.close(), thief.close()]);
    }
  });

  it("follows a redirect within the API's origin, with the key", async () => {
    const api = await hostileServer((request, response) => {
      if (request.url!.startsWith("/api/")) response.writeHead(308, { location: request.url!.replace("/api/", "/v2/") }).end();
      else response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(POOL));
    });
    try {
      const run = await runCli([
        "report",
        filled("redirect-same.xlsx"),
        "--json",
        "--bootstrap",
        "0",
        "--sector",
        "retail",
        "--api",
        `${api.origin}/api`,
        "--api-key",
        KEY,
      ]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).benchmark.sector).toBe("retail");
      expect(api.seen.map((request) => request.key)).toEqual([KEY, KEY]);
      expect(api.seen[1].url).toMatch(/^\/v2\/benchmarks\//);
    } finally {
      await api.close();
    }
  });

  it("refuses a job Location and a POST redirect on another origin (sym link --api)", async () => {
    const thief = await hostileServer((_request, response) => response.end("{}"));
    const locationApi = await hostileServer((_request, response) => {
      response.writeHead(202, { location: `${thief.origin}/api/jobs/abc`, "content-type": "application/json" }).end('{"id":"abc"}');
    });
    const redirectApi = await hostileServer((request, response) => {
      response.writeHead(307, { location: `${thief.origin}${request.url}` }).end();
    });
    const units = path.join(__dirname, "..", "fixtures", "link", "units.csv");
    try {
      for (const api of [locationApi, redirectApi]) {
        const run = await runCli(["link", "--units", units, "--x", "enps", "--y", "nps", "--api", `${api.origin}/api`, "--api-key", KEY]);
        expectCleanUsageError(run, "another origin");
        expect(run.stderr).not.toContain(KEY);
      }
      expect(thief.seen).toEqual([]);
    } finally {
      await Promise.all([locationApi.close(), redirectApi.close(), thief.close()]);
    }
  });
});

describe("benchmark answers are validated", () => {
  it.each([
    ["an empty object", 200, "application/json", "{}", "is not a benchmark summary"],
    ["nulls", 200, "application/json", '{"organisations":null,"dimensions":null,"enps":null,"nps":null}', "organisations"],
    ["an HTML 409", 409, "text/html", "<html><body>Conflict</body></html>", "a body that is not JSON (text/html)"],
    ["a 409 without its counts", 409, "application/json", '{"error":"x"}', "without the number of organisations a pool needs"],
  ])("%s gives a clear usage error", async (_what, status, type, body, message) => {
    const api = await hostileServer((_request, response) => response.writeHead(status, { "content-type": type }).end(body));
    try {
      const run = await runCli([
        "report",
        filled(`bench-${status}.xlsx`),
        "--json",
        "--bootstrap",
        "0",
        "--sector",
        "retail",
        "--api",
        `${api.origin}/api`,
      ]);
      expectCleanUsageError(run, "benchmark pool", message);
    } finally {
      await api.close();
    }
  });
});
