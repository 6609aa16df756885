import { SymError } from "../errors";
import { jsonFromXmlPart, jsonToXmlPart, type JsonXmlPart } from "./jsonXmlPart";
import { MAPPING_NAMESPACE, MappingSchema, describeIssues, type Mapping } from "./schemas";

/**
 * The workbook mapping as an OOXML custom XML part (docs/design.md#workbook-mapping), so the mapping
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
 * Parsing (jsonXmlPart.ts) accepts a prefixed root (`<m:mapping xmlns:m="…">`), entities and
 * CDATA, as other XML writers may produce them.
 */

export const MAPPING_XML_ROOT = "mapping";

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
  return jsonToXmlPart(MAPPING_PART, parsed.data.version, parsed.data);
}

/**
 * Largest mapping part read. A mapping of a thousand columns takes about 100 KB of JSON; a larger
 * part is not a mapping, and the add-in reads it through the same code.
 */
export const MAX_MAPPING_PART_CHARACTERS = 1024 * 1024;

const MAPPING_PART: JsonXmlPart = {
  root: MAPPING_XML_ROOT,
  namespace: MAPPING_NAMESPACE,
  caller: "mappingFromXml",
  maxCharacters: MAX_MAPPING_PART_CHARACTERS,
  sizeHint: "a mapping takes a few kilobytes",
};

/**
 * Reads a mapping back from a custom XML part's text and validates it.
 *
 * @throws SymError `invalid-argument` naming what is wrong: no root in the namespace, bad JSON,
 *   or the first MappingSchema issue with its path
 */
export function mappingFromXml(xml: string): Mapping {
  const json = jsonFromXmlPart(xml, MAPPING_PART);
  const parsed = MappingSchema.safeParse(json);
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0];
    throw new SymError("invalid-argument", `mappingFromXml found an invalid mapping: ${first.path || "mapping"}: ${first.message}`);
  }
  return parsed.data;
}
