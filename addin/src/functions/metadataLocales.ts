import translations from "./translations.fr.json";

/**
 * Which custom functions metadata Excel loads, and the SYM names it knows.
 *
 * Excel picks the metadata file from the manifest's `<bt:Override Locale=…>` on
 * Functions.Metadata.Url for the display language, and the default (English) file for any locale
 * without an override ("Custom functions naming and localization"). A formula written through
 * `range.formulas` must use the names of the loaded file, else `#NAME?` (OfficeDev/office-js#891);
 * built-in functions stay en-US. The manifest overrides exactly these locales (a test compares).
 */
export const FRENCH_METADATA_LOCALES = ["fr-FR", "fr-CA", "fr-BE", "fr-CH", "fr-LU", "fr-MC"] as const;

export type MetadataLanguage = "en" | "fr";

/** The metadata Excel loads for a display language such as "fr-CA" (case-insensitive, exact locale). */
export function metadataLanguage(displayLanguage: string | undefined): MetadataLanguage {
  const locale = (displayLanguage ?? "").toLowerCase();
  return FRENCH_METADATA_LOCALES.some((candidate) => candidate.toLowerCase() === locale) ? "fr" : "en";
}

const FRENCH_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(translations).map(([id, entry]) => [id, entry.name]),
);

/** The name of a SYM function (by its id, e.g. "SYMGAP") in a metadata language ("ECARTSYM"). */
export function functionName(id: string, language: MetadataLanguage): string {
  if (language === "en") return id;
  const name = FRENCH_NAMES[id];
  if (!name) throw new Error(`no French name for SYM.${id}`);
  return name;
}

/**
 * A generated formula with its `SYM.<id>(` calls renamed for the metadata language; text inside
 * "string literals" and 'sheet names' is left as it is.
 */
export function localizeFormula(formula: string, language: MetadataLanguage): string {
  if (language === "en") return formula;
  let result = "";
  let index = 0;
  while (index < formula.length) {
    const quote = formula[index];
    if (quote === '"' || quote === "'") {
      let end = index + 1;
      while (end < formula.length && !(formula[end] === quote && formula[end + 1] !== quote)) end += formula[end] === quote ? 2 : 1;
      result += formula.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    const match = /^SYM\.([A-Z][A-Z0-9]*)\(/.exec(formula.slice(index, index + 40));
    if (match && !/[A-Za-z0-9_.]/.test(formula[index - 1] ?? "")) {
      result += `SYM.${functionName(match[1], language)}(`;
      index += match[0].length;
      continue;
    }
    result += formula[index];
    index++;
  }
  return result;
}
