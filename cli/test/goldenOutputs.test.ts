import * as fs from "node:fs";
import * as path from "node:path";
import { REPOSITORY, runCli } from "./support/cli";

/**
 * Behaviour kept across restructurings: what `sym barometer` and `sym link` print on the bundled
 * samples equals, byte for byte, the golden files written by scripts/golden-outputs.js from the
 * compiled CLI. A change here must be meant: regenerate the files and say why in the commit.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the run list is shared with the plain-Node script that writes the files
const { GOLDEN_RUNS } = require("./fixtures/golden/runs.js") as { GOLDEN_RUNS: { file: string; args: string[] }[] };
const golden = path.join(__dirname, "fixtures", "golden");

function absolute(args: readonly string[]): string[] {
  return args.map((arg) => (arg.startsWith("samples/") ? path.join(REPOSITORY, arg) : arg));
}

describe("sym outputs on the samples equal the golden files", () => {
  it("keeps one golden file per run and nothing else", () => {
    const files = fs
      .readdirSync(golden)
      .filter((name) => name !== "runs.js")
      .sort();
    expect(files).toEqual(GOLDEN_RUNS.map((run) => run.file).sort());
  });

  it.each(GOLDEN_RUNS.map((run) => [run.file, run.args] as const))("%s", async (file, args) => {
    const run = await runCli(absolute(args));
    expect(run.code).toBe(0);
    // the link JSON echoes its input paths: the golden files were written from the repository root
    const stdout = run.stdout.split(`${REPOSITORY}${path.sep}`).join("");
    expect(stdout).toBe(fs.readFileSync(path.join(golden, file), "utf8"));
  });
});
