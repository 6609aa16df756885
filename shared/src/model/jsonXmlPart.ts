import { SymError, truncateText } from "../errors";

/**
 * A JSON document carried as an OOXML custom XML part: one root element in its own namespace,
 * attribute `version`, whose text is the JSON with `&`, `<` and `>` escaped. The workbook mapping
 * (`urn:symmetry-barometer:mapping:1`) and the action plan (`urn:symmetry-barometer:actions:1`)
 * both travel this way, so the add-in writes them and the CLI reads them with the same code.
 *
 * Parsing accepts a prefixed root (`<m:mapping xmlns:m="…">`), entities and CDATA, as other
 * XML writers may produce them. Pure string code: no DOM, so it runs in Node and in the pane.
 */
export interface JsonXmlPart {
  /** Local name of the root element (`mapping`, `actions`). */
  readonly root: string;
  readonly namespace: string;
  /** Name of the calling function, which starts every error message. */
  readonly caller: string;
  /** Largest part read, in characters. */
  readonly maxCharacters: number;
  /** Why that limit is enough, appended to the size error ("a mapping takes a few kilobytes"). */
  readonly sizeHint: string;
}

function escapeXmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes entities (`&amp;`, `&#233;`, `&#xE9;`) in text that holds no CDATA section. */
function decodeEntities(text: string, caller: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (_whole, entity: string) => {
    if (entity in NAMED_ENTITIES) return NAMED_ENTITIES[entity];
    const code = entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    if (code > 0x10ffff)
      throw new SymError("invalid-argument", `${caller} found a character reference beyond Unicode: &${entity.slice(0, 12)};`);
    return String.fromCodePoint(code);
  });
}

/**
 * The text content of an element body: entities decoded, CDATA sections taken as they are. One
 * pass with `indexOf`, so the time is linear in the body's length whatever it holds (a lazy
 * `<!\[CDATA\[[\s\S]*?\]\]>` pattern rescans the rest of the text from every unclosed section).
 */
function unescapeXmlText(text: string, caller: string): string {
  let result = "";
  let offset = 0;
  for (;;) {
    const open = text.indexOf("<![CDATA[", offset);
    if (open < 0) return result + decodeEntities(text.slice(offset), caller);
    const close = text.indexOf("]]>", open + 9);
    if (close < 0) throw new SymError("invalid-argument", `${caller} found a CDATA section that is never closed`);
    result += decodeEntities(text.slice(offset, open), caller) + text.slice(open + 9, close);
    offset = close + 3;
  }
}

/** The part's text for a JSON value already validated by the caller. */
export function jsonToXmlPart(part: Pick<JsonXmlPart, "root" | "namespace">, version: number, value: unknown): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<${part.root} xmlns="${part.namespace}" version="${version}">${escapeXmlText(JSON.stringify(value))}</${part.root}>`
  );
}

const ATTRIBUTE = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/**
 * The first root element (any prefix): its prefix, attributes and body. Linear: the opening tag
 * is found by one global search, its attributes by a sticky scan, the closing tag by one
 * `indexOf` (a backtracking `<mapping…>…</mapping>` pattern is quadratic on a part holding many
 * opening tags and no closing one).
 */
function findRoot(xml: string, part: JsonXmlPart): { prefix?: string; attributes: Map<string, string>; body: string } | undefined {
  const opening = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${part.root}(?=[\\s/>])`, "g").exec(xml);
  if (!opening) return undefined;
  const prefix = opening[1];
  const attributes = new Map<string, string>();
  let offset = opening.index + opening[0].length;
  for (;;) {
    ATTRIBUTE.lastIndex = offset;
    const attribute = ATTRIBUTE.exec(xml);
    if (!attribute) break;
    attributes.set(attribute[1], decodeEntities(attribute[2] ?? attribute[3], part.caller));
    offset = ATTRIBUTE.lastIndex;
  }
  while (offset < xml.length && /\s/.test(xml[offset])) offset++;
  if (xml[offset] !== ">") return undefined; // self-closing or malformed: no body
  const closingTag = `</${prefix ? `${prefix}:` : ""}${part.root}`;
  const close = xml.indexOf(closingTag, offset + 1);
  if (close < 0) return undefined;
  return { prefix, attributes, body: xml.slice(offset + 1, close) };
}

/**
 * The JSON value of a part's root element, not yet validated.
 *
 * @throws SymError `invalid-argument` naming what is wrong: a part over the size limit, no root in
 *   the namespace, bad JSON
 */
export function jsonFromXmlPart(xml: string, part: JsonXmlPart): unknown {
  const { caller, root: name, namespace } = part;
  if (xml.length > part.maxCharacters) {
    throw new SymError(
      "invalid-argument",
      `${caller} refuses a part of ${xml.length.toLocaleString("en-GB")} characters, over the limit of ${part.maxCharacters.toLocaleString("en-GB")} (${part.sizeHint})`,
    );
  }
  const root = findRoot(xml, part);
  if (!root) throw new SymError("invalid-argument", `${caller} requires a <${name}> root element in namespace ${namespace}`);
  const declared = root.attributes.get(root.prefix ? `xmlns:${root.prefix}` : "xmlns");
  if (declared !== namespace) {
    throw new SymError(
      "invalid-argument",
      `${caller} requires namespace ${namespace}, got ${declared === undefined ? "none" : truncateText(declared)}`,
    );
  }
  try {
    return JSON.parse(unescapeXmlText(root.body, caller).trim());
  } catch (error) {
    throw new SymError("invalid-argument", `${caller} requires JSON inside <${name}>: ${truncateText((error as Error).message, 120)}`);
  }
}
