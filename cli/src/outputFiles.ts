import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";

/**
 * Where `sym` writes files. Every output is checked before any work starts: it is never one of the
 * inputs (compared by real path, so `./a.xlsx`, `a.xlsx` and a symbolic link to it are the same
 * file), never an existing file unless `--force` is given, never a directory, and its directory can
 * be written. A refusal is a usage error (exit 2) that names the path and the reason.
 */

export interface OutputCheck {
  /** The option that named the path, for messages (`-o`, `--out-dir`). */
  readonly option: string;
  /** Files the run reads: an output equal to one of them is refused even with `--force`. */
  readonly inputs?: readonly string[];
  /** Overwrite an existing file. */
  readonly force?: boolean;
}

/** The real path of a file that may not exist yet (its directory's real path + its name). */
export function realPathOf(file: string): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realPathOf(parent), path.basename(absolute));
  }
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** The nearest existing ancestor directory of a path (where `mkdir -p` would start). */
function existingAncestor(directory: string): string {
  let current = path.resolve(directory);
  while (!fs.existsSync(current)) current = path.dirname(current);
  return current;
}

function checkDirectoryWritable(directory: string, output: string, option: string): void {
  const ancestor = existingAncestor(directory);
  if (!statOf(ancestor)?.isDirectory()) throw new UsageError(`${option} ${output}: ${ancestor} is a file, not a directory`);
  try {
    fs.accessSync(ancestor, fs.constants.W_OK);
  } catch {
    throw new UsageError(`${option} ${output}: the directory ${ancestor} cannot be written (permission denied)`);
  }
}

/** Checks an output file before the run starts (see the module's rules). */
export function checkOutputFile(output: string, check: OutputCheck): void {
  const real = realPathOf(output);
  const input = (check.inputs ?? []).find((candidate) => realPathOf(candidate) === real);
  if (input !== undefined)
    throw new UsageError(
      `${check.option} ${output} is also an input (${input}): the output would overwrite it before it is read; choose another name`,
    );
  const stat = statOf(output);
  if (stat?.isDirectory())
    throw new UsageError(`${check.option} ${output} is a directory: name a file, such as ${path.join(output, "report.xlsx")}`);
  if (stat && !check.force) throw new UsageError(`${check.option} ${output} already exists: add --force to overwrite it`);
  checkDirectoryWritable(path.dirname(path.resolve(output)), output, check.option);
}

/** Checks an output directory (`--out-dir`): a directory or a path that can be created. */
export function checkOutputDirectory(directory: string, option: string): void {
  const stat = statOf(directory);
  if (stat && !stat.isDirectory()) throw new UsageError(`${option} ${directory} is a file, not a directory`);
  checkDirectoryWritable(directory, directory, option);
}

/** Writes an output file, creating its directory; a file-system refusal becomes a usage error. */
export function writeOutputFile(output: string, bytes: string | Uint8Array): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    fs.writeFileSync(output, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`cannot write ${output} (${code}): check that its directory exists and can be written`);
  }
}
