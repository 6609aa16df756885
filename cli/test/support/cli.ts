import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `sym` in-process with captured output (the same `main` the binary runs). */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

export const REPOSITORY = path.resolve(__dirname, "..", "..", "..");
export const SAMPLES = path.join(REPOSITORY, "samples");
export const EN_EMPLOYEES = path.join(SAMPLES, "en", "employees.csv");
export const EN_CUSTOMERS = path.join(SAMPLES, "en", "customers.csv");
export const FR_EMPLOYEES = path.join(SAMPLES, "fr", "employees.csv");
export const FR_CUSTOMERS = path.join(SAMPLES, "fr", "customers.csv");

/** A scratch directory removed at the end of the test file. */
export function scratchDirectory(): { path: string; write(name: string, content: string | Buffer): string; remove(): void } {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "sym-cli-"));
  return {
    path: directory,
    write(name, content) {
      const file = path.join(directory, name);
      fs.writeFileSync(file, content);
      return file;
    },
    remove() {
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
