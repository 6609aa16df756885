import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { ACTIONS_NAMESPACE, actionsFromXml, parseActionPlan, type ActionPlan } from "@symmetry/engine/actions";
import { SymError, isSymError } from "@symmetry/engine/errors";
import { UsageError } from "../errors";
import { readCustomXmlParts } from "../workbook/customXmlPart";

/**
 * The action plan for `sym trend --actions FILE`: from a workbook's custom XML part
 * `urn:symmetry-barometer:actions:1` (written by the task pane), or from a JSON file holding the
 * same document (`{"version": 1, "actions": […]}`, as `GET /api/actions/{modelId}` returns it).
 *
 * @throws UsageError when the file cannot be read or is neither .xlsx nor .json (exit 2);
 *   SymError `invalid-argument` naming the file and the first problem of its content (exit 1)
 */
export async function readActionPlan(file: string): Promise<ActionPlan> {
  const lower = file.toLowerCase();
  if (!lower.endsWith(".xlsx") && !lower.endsWith(".json")) {
    throw new UsageError(`--actions expects a workbook (.xlsx) or a JSON file (.json), got ${JSON.stringify(file)}`);
  }
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    throw new UsageError(`--actions: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    if (lower.endsWith(".json")) {
      let json: unknown;
      try {
        json = JSON.parse(content.toString("utf8").replace(/^\uFEFF/, ""));
      } catch (error) {
        throw new SymError("invalid-argument", `not JSON: ${(error as Error).message.slice(0, 120)}`);
      }
      return parseActionPlan(json, "action plan");
    }
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(content);
    } catch {
      throw new SymError("invalid-argument", "not an .xlsx workbook (no zip archive)");
    }
    for (const xml of await readCustomXmlParts(zip)) {
      if (xml.includes(ACTIONS_NAMESPACE)) return actionsFromXml(xml);
    }
    throw new SymError("invalid-argument", `the workbook has no action plan (custom XML part ${ACTIONS_NAMESPACE})`);
  } catch (error) {
    if (isSymError(error)) throw new SymError(error.code, `${file}: ${error.message}`, { file });
    throw error;
  }
}
