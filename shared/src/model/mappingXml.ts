import { SymError, truncateText } from "../errors";
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

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes entities (`&amp;`, `&#233;`, `&#xE9;`) in text that holds no CDATA section. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (_whole, entity: string) => {
    if (entity in NAMED_ENTITIES) return NAMED_ENTITIES[entity];
    const code = entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    if (code > 0x10ffff)
      throw new SymError("invalid-argument", `mappingFromXml found a character reference beyond Unicode: &${entity.slice(0, 12)};`);
    return String.fromCodePoint(code);
  });
}

/**
 * The text content of an element body: entities decoded, CDATA sections taken as they are. One
 * pass with `indexOf`, so the time is linear in the body's length whatever it holds (a lazy
 * `<!\[CDATA\[[\s\S]*?\]\]>` pattern rescans the rest of the text from every unclosed section).
 */
function unescapeXmlText(text: string): string {
  let result = "";
  let offset = 0;
  for (;;) {
    const open = text.indexOf("<![CDATA[", offset);
    if (open < 0) return result + decodeEntities(text.slice(offset));
    const close = text.indexOf("]]>", open + 9);
    if (close < 0) throw new SymError("invalid-argument", "mappingFromXml found a CDATA section that is never closed");
    result += decodeEntities(text.slice(offset, open)) + text.slice(open + 9, close);
    offset = close + 3;
  }
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

/**
 * Largest mapping part read. A mapping of a thousand columns takes about 100 KB of JSON; a larger
 * part is not a mapping, and the add-in reads it through the same code.
 */
export const MAX_MAPPING_PART_CHARACTERS = 1024 * 1024;

const OPENING = /<(?:([A-Za-z_][\w.-]*):)?mapping(?=[\s/>])/g;
const ATTRIBUTE = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/**
 * The first `mapping` element (any prefix): its prefix, attributes and body. Linear: the opening
 * tag is found by one global search, its attributes by a sticky scan, the closing tag by one
 * `indexOf` (a backtracking `<mapping…>…</mapping>` pattern is quadratic on a part holding many
 * opening tags and no closing one).
 */
function findRoot(xml: string): { prefix?: string; attributes: Map<string, string>; body: string } | undefined {
  OPENING.lastIndex = 0;
  const opening = OPENING.exec(xml);
  if (!opening) return undefined;
  const prefix = opening[1];
  const attributes = new Map<string, string>();
  let offset = opening.index + opening[0].length;
  for (;;) {
    ATTRIBUTE.lastIndex = offset;
    const attribute = ATTRIBUTE.exec(xml);
    if (!attribute) break;
    attributes.set(attribute[1], decodeEntities(attribute[2] ?? attribute[3]));
    offset = ATTRIBUTE.lastIndex;
  }
  while (offset < xml.length && /\s/.test(xml[offset])) offset++;
  if (xml[offset] !== ">") return undefined; // self-closing or malformed: no body
  const closingTag = `</${prefix ? `${prefix}:` : ""}mapping`;
  const close = xml.indexOf(closingTag, offset + 1);
  if (close < 0) return undefined;
  return { prefix, attributes, body: xml.slice(offset + 1, close) };
}

/**
 * Reads a mapping back from a custom XML part's text and validates it.
 *
 * @throws SymError `invalid-argument` naming what is wrong: no root in the namespace, bad JSON,
 *   or the first MappingSchema issue with its path
 */
export function mappingFromXml(xml: string): Mapping {
  if (xml.length > MAX_MAPPING_PART_CHARACTERS) {
    throw new SymError(
      "invalid-argument",
      `mappingFromXml refuses a part of ${xml.length.toLocaleString("en-GB")} characters, over the limit of ${MAX_MAPPING_PART_CHARACTERS.toLocaleString("en-GB")} (a mapping takes a few kilobytes)`,
    );
  }
  const root = findRoot(xml);
  if (!root) throw new SymError("invalid-argument", `mappingFromXml requires a <mapping> root element in namespace ${MAPPING_NAMESPACE}`);
  const { prefix, attributes, body } = root;
  const declared = attributes.get(prefix ? `xmlns:${prefix}` : "xmlns");
  if (declared !== MAPPING_NAMESPACE) {
    throw new SymError(
      "invalid-argument",
      `mappingFromXml requires namespace ${MAPPING_NAMESPACE}, got ${declared === undefined ? "none" : truncateText(declared)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(unescapeXmlText(body).trim());
  } catch (error) {
    throw new SymError("invalid-argument", `mappingFromXml requires JSON inside <mapping>: ${truncateText((error as Error).message, 120)}`);
  }
  const parsed = MappingSchema.safeParse(json);
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0];
    throw new SymError("invalid-argument", `mappingFromXml found an invalid mapping: ${first.path || "mapping"}: ${first.message}`);
  }
  return parsed.data;
}
