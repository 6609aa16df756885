/**
 * A small XML element builder for the parts the CLI adds to workbooks (charts, drawings,
 * relationships). Text and attribute values are escaped here and only here, so no caller
 * concatenates user text into markup.
 */

/** Text is escaped when written; numbers are written as JavaScript prints them. */
export type XmlChild = XmlElement | string | number | null | undefined | false;

export interface XmlElement {
  readonly name: string;
  /** Written in insertion order. */
  readonly attributes: Readonly<Record<string, string | number>>;
  readonly children: readonly XmlChild[];
}

/** Escapes `&`, `<`, `>` and `"` (enough for text and double-quoted attribute values). */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Reads an attribute value or text written by another tool: the five named entities and numeric references. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return NAMED_ENTITIES[entity] ?? whole;
  });
}

/**
 * An element with attributes and children. `null`, `undefined` and `false` children are left out,
 * so optional parts read as `condition && element(...)`.
 */
export function element(name: string, attributes: XmlElement["attributes"] = {}, ...children: XmlChild[]): XmlElement {
  return { name, attributes, children };
}

/** An element whose only attribute is `val`, the commonest shape in DrawingML (`<c:idx val="0"/>`). */
export function valued(name: string, value: string | number): XmlElement {
  return element(name, { val: value });
}

/** The markup of a node; an element without children is written self-closed (an empty text child keeps both tags). */
export function serialise(node: XmlChild): string {
  if (node === null || node === undefined || node === false) return "";
  if (typeof node === "string") return escapeXml(node);
  if (typeof node === "number") return String(node);
  const attributes = Object.entries(node.attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
  const children = node.children.filter((child) => child !== null && child !== undefined && child !== false);
  if (children.length === 0) return `<${node.name}${attributes}/>`;
  return `<${node.name}${attributes}>${children.map(serialise).join("")}</${node.name}>`;
}

/** A standalone part: the XML declaration, a line break, then the root element. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${serialise(root)}`;
}
