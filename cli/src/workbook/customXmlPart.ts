import { createHash } from "node:crypto";
import JSZip from "jszip";

/**
 * OOXML custom XML parts, written and read with JSZip: exceljs has no API for them and drops them
 * on a round trip, so they are added as the last step after `writeBuffer()`. The layout is the one
 * Excel writes for `workbook.customXmlParts.add(xml)` (the add-in's Office adapter):
 * `customXml/itemN.xml` (the XML), `customXml/itemPropsN.xml` (its id and schema reference),
 * `customXml/_rels/itemN.xml.rels` (item → props), a `customXml` relationship from the workbook,
 * and a content-type override for the props part.
 */

const RELATIONSHIP_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const RELATIONSHIP_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CONTENT_TYPE_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** A GUID derived from the content, so the same workbook is written byte for byte the same. */
function itemId(xml: string): string {
  const hex = createHash("sha256").update(xml).digest("hex").toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

async function text(zip: JSZip, name: string): Promise<string> {
  const entry = zip.file(name);
  if (!entry) throw new Error(`the workbook has no ${name}`);
  return entry.async("string");
}

/** Every custom XML part's text, in part order (`customXml/item1.xml`, `item2.xml`…). */
export async function readCustomXmlParts(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files)
    .filter((name) => /^customXml\/item\d+\.xml$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return Promise.all(names.map((name) => zip.file(name)!.async("string")));
}

/**
 * Adds a custom XML part (schema reference `namespace`) to an .xlsx written by exceljs and returns
 * the new file. Parts already in the file keep their numbers; the new one takes the next.
 */
export async function addCustomXmlPart(xlsx: Buffer | Uint8Array, xml: string, namespace: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  let index = 1;
  while (zip.file(`customXml/item${index}.xml`)) index++;
  zip.file(`customXml/item${index}.xml`, xml);
  zip.file(
    `customXml/itemProps${index}.xml`,
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
      `<ds:datastoreItem ds:itemID="${itemId(xml)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${escapeAttribute(namespace)}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  zip.file(
    `customXml/_rels/item${index}.xml.rels`,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIP_CUSTOM_XML_PROPS}" Target="itemProps${index}.xml"/></Relationships>`,
  );
  const relationshipsName = "xl/_rels/workbook.xml.rels";
  const relationships = await text(zip, relationshipsName);
  const used = new Set([...relationships.matchAll(/Id="([^"]+)"/g)].map((match) => match[1]));
  let id = 1;
  while (used.has(`rId${id}`)) id++;
  zip.file(
    relationshipsName,
    relationships.replace(
      "</Relationships>",
      `<Relationship Id="rId${id}" Type="${RELATIONSHIP_CUSTOM_XML}" Target="../customXml/item${index}.xml"/></Relationships>`,
    ),
  );
  let contentTypes = await text(zip, "[Content_Types].xml");
  if (!/<Default\s+Extension="xml"/i.test(contentTypes)) {
    contentTypes = contentTypes.replace(/(<Types[^>]*>)/, '$1<Default Extension="xml" ContentType="application/xml"/>');
  }
  contentTypes = contentTypes.replace(
    "</Types>",
    `<Override PartName="/customXml/itemProps${index}.xml" ContentType="${CONTENT_TYPE_PROPS}"/></Types>`,
  );
  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
