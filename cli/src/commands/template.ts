import * as fs from "node:fs";
import type { Command } from "commander";
import type { Language, Model } from "@symmetry/engine";
import { DEFAULT_MODEL } from "@symmetry/engine/model/defaultModel";
import { ModelSchema, describeIssues } from "@symmetry/engine/model/schemas";
import type { CliIo } from "../io";
import { UsageError } from "../errors";
import { checkOutputFile, writeOutputFile } from "../outputFiles";
import { parseLanguageOption } from "../options";

/** Reads `--model M.json` and validates it with the shared ModelSchema. */
export function readModelFile(file: string): Model {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(
      `--model ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `not JSON (${(error as Error).message})`}`,
    );
  }
  const parsed = ModelSchema.safeParse(json);
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0];
    throw new UsageError(`--model ${file} is not a valid model: ${first.path || "model"}: ${first.message}`);
  }
  return parsed.data;
}

/** Writes the template of `sym template` and returns its path. */
export async function writeTemplate(output: string, language: Language, model: Model = DEFAULT_MODEL): Promise<string> {
  const { buildTemplateWorkbook } = await import("../workbook/templateWorkbook"); // exceljs only when a template is written
  const bytes = await buildTemplateWorkbook({ model, language });
  writeOutputFile(output, bytes);
  return output;
}

/** Registers `sym template`: the consultant's empty workbook for one client. */
export function registerTemplateCommand(program: Command, io: CliIo): void {
  program
    .command("template")
    .description(
      "write a survey workbook template: Employees, Customers and Units tables with validation lists and the mapping part prefilled",
    )
    .requiredOption("-o, --output <file>", "the .xlsx to write")
    .option("--lang <fr|en>", "language of sheet names, headers (the model's item wordings) and instructions", "en")
    .option("--model <file>", "a model JSON (ModelSchema) instead of the default 11-dimension model")
    .option("--force", "overwrite the file if it exists")
    .action(async (flags: { output: string; lang: string; model?: string; force?: boolean }) => {
      const language = parseLanguageOption(flags.lang);
      checkOutputFile(flags.output, { option: "-o", inputs: flags.model ? [flags.model] : [], force: flags.force });
      const model = flags.model ? readModelFile(flags.model) : DEFAULT_MODEL;
      await writeTemplate(flags.output, language, model);
      io.stdout(`${language === "fr" ? "Modèle écrit" : "Template written"}: ${flags.output}\n`);
    });
}
