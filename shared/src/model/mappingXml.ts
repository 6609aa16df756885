import { SymError } from "../errors";
import { MAPPING_NAMESPACE, MappingSchema, describeIssues, type Mapping } from "./schemas";

/**
 * The workbook mapping as an OOXML custom XML part (DESIGN.md "Workbook mapping"), so the mapping
 * travels inside the .xlsx and any tool can read it (the task pane writes it, the CLI reads it).
 * Format (docs/taskpane.md): one root element `mapping` in namespace
 * `urn:symmetry-barometer:mapping:1`, attribute `version`, whose text is the mapping's JSON
 * (MappingSchema) with `&`, `<` and `>` escaped:
 *
 * ```xml
 * <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
 * <mapping xmlns="urn:symmetry-barometer:mapping:1" version="1">{"version":1,…}</mapping>
 * ```
 *
 * Parsing accepts a prefixed root (`<m:mapping xmlns:m="…">`), entities and CDATA, as other
 * XML writers may produce them. Pure string code: no DOM, so it runs in Node and in the pane.
 */

export const MAPPING_XML_ROOT = "mapping";

function escapeXmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The five entities XML predefines; numeric references are decoded from their code point. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXmlText(text: string): string {
  return text.replace(
    /<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g,
    (whole, cdata: string | undefined, entity: string | undefined) => {
      if (cdata !== undefined) return cdata;
      const named = entity === undefined ? undefined : NAMED_ENTITIES[entity];
      if (named !== undefined) return named;
      const code = entity!.startsWith("#x") ? parseInt(entity!.slice(2), 16) : parseInt(entity!.slice(1), 10);
      return String.fromCodePoint(code);
    },
  );
}

/**
 * Serialises a mapping (validated first) into the custom XML part's text.
 *
 * @throws SymError `invalid-argument` when the mapping does not satisfy MappingSchema
 */
export function mappingToXml(mapping: Mapping): string {
  const parsed = MappingSchema.safeParse(mapping);
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0];
    throw new SymError("invalid-argument", `mappingToXml requires a valid mapping: ${first.path || "mapping"}: ${first.message}`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<${MAPPING_XML_ROOT} xmlns="${MAPPING_NAMESPACE}" version="${parsed.data.version}">${escapeXmlText(JSON.stringify(parsed.data))}</${MAPPING_XML_ROOT}>`
  );
}

const ROOT = /<(?:([A-Za-z_][\w.-]*):)?mapping\b([^>]*)>([\s\S]*?)<\/(?:\1:)?mapping\s*>/;

/**
 * Reads a mapping back from a custom XML part's text and validates it.
 *
 * @throws SymError `invalid-argument` naming what is wrong: no root in the namespace, bad JSON,
 *   or the first MappingSchema issue with its path
 */
export function mappingFromXml(xml: string): Mapping {
  const root = ROOT.exec(xml);
  if (!root) throw new SymError("invalid-argument", `mappingFromXml requires a <mapping> root element in namespace ${MAPPING_NAMESPACE}`);
  const [, prefix, attributes, body] = root;
  const namespaceAttribute = prefix ? `xmlns:${prefix}` : "xmlns";
  const declared = new RegExp(`${namespaceAttribute.replace(".", "\\.")}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1];
  if (declared !== MAPPING_NAMESPACE) {
    throw new SymError("invalid-argument", `mappingFromXml requires namespace ${MAPPING_NAMESPACE}, got ${declared ?? "none"}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(unescapeXmlText(body).trim());
  } catch (error) {
    throw new SymError("invalid-argument", `mappingFromXml requires JSON inside <mapping>: ${(error as Error).message}`);
  }
  const parsed = MappingSchema.safeParse(json);
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0];
    throw new SymError("invalid-argument", `mappingFromXml found an invalid mapping: ${first.path || "mapping"}: ${first.message}`);
  }
  return parsed.data;
}
