import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

let cached: string | undefined;

/**
 * The app's version: the `version` of the nearest package.json above this file (the repository's
 * from both `functions/src` under Jest and `dist/functions/src` once compiled).
 */
export function appVersion(): string {
  if (cached !== undefined) return cached;
  let directory = __dirname;
  for (;;) {
    const file = path.join(directory, "package.json");
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (manifest.version) return (cached = manifest.version);
    }
    const parent = path.dirname(directory);
    if (parent === directory) return (cached = "unknown");
    directory = parent;
  }
}
