import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { UsageError } from "../errors";

/**
 * PDF through LibreOffice headless (`soffice --headless --convert-to pdf`). The program is
 * `$SYM_SOFFICE` when set, else `soffice` on the PATH. Each conversion gets its own throw-away
 * user profile, so several conversions (or a LibreOffice the user has open) never share one.
 */

const INSTALL_HINT =
  "install LibreOffice Impress (Debian: apt-get install libreoffice-impress-nogui) or set SYM_SOFFICE to the soffice program";

/** The soffice program to run, or a usage error (exit 2) saying how to get it. */
export function findSoffice(): string {
  const configured = process.env.SYM_SOFFICE;
  if (configured !== undefined && configured !== "") {
    if (!fs.existsSync(configured))
      throw new UsageError(`PDF output needs LibreOffice: SYM_SOFFICE is ${configured}, which does not exist; ${INSTALL_HINT}`);
    return configured;
  }
  for (const directory of (process.env.PATH ?? "").split(path.delimiter)) {
    if (directory === "") continue;
    const candidate = path.join(directory, process.platform === "win32" ? "soffice.exe" : "soffice");
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new UsageError(`PDF output needs LibreOffice, and soffice was not found on the PATH; ${INSTALL_HINT}`);
}

/** Converts one .pptx to `pdf` (the target's folder is created). Failures name the file and LibreOffice's words. */
export function convertToPdf(soffice: string, pptx: string, pdf: string): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "sym-pdf-"));
  try {
    const profile = path.join(work, "profile");
    const run = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", work, pptx],
      { encoding: "utf8", timeout: 180_000 },
    );
    const produced = path.join(work, `${path.basename(pptx).replace(/\.pptx$/i, "")}.pdf`);
    if (run.error || run.status !== 0 || !fs.existsSync(produced)) {
      const reason = run.error?.message ?? (run.stderr.trim() || `exit code ${run.status}`);
      throw new Error(`LibreOffice could not convert ${pptx} to PDF (${reason.split("\n").slice(-2).join(" ")})`);
    }
    fs.mkdirSync(path.dirname(path.resolve(pdf)), { recursive: true });
    fs.copyFileSync(produced, pdf);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
