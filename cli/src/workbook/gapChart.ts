import JSZip from "jszip";
import type { Language } from "@symmetry/engine";
import type { BarometerSheetLayout } from "./reportSheets";

/**
 * The gap bar chart of the Barometer sheet as a DrawingML chart part. exceljs cannot write charts,
 * so the parts are added with JSZip after `writeBuffer()`, as the mapping part is: the chart
 * (`xl/charts/chartN.xml`, a horizontal clustered bar of the dimension table's gap column with
 * cached values, so viewers draw it without recalculating), the drawing that anchors it, their
 * relationships, the sheet's `<drawing>` element and the content types.
 */

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

async function read(zip: JSZip, name: string): Promise<string | undefined> {
  return zip.file(name)?.async("string");
}

function nextNumber(zip: JSZip, pattern: (index: number) => string): number {
  let index = 1;
  while (zip.file(pattern(index))) index++;
  return index;
}

function nextRelationshipId(relationships: string): string {
  const used = new Set([...relationships.matchAll(/Id="([^"]+)"/g)].map((match) => match[1]));
  let id = 1;
  while (used.has(`rId${id}`)) id++;
  return `rId${id}`;
}

/** The worksheet part of a sheet name, from xl/workbook.xml and its relationships. */
async function sheetPart(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = (await read(zip, "xl/workbook.xml")) ?? "";
  const relationships = (await read(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  const escaped = escapeXml(sheetName);
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((match) => match[0]).find((tag) => tag.includes(`name="${escaped}"`));
  const id = sheet && /r:id="([^"]+)"/.exec(sheet)?.[1];
  const relationship =
    id && [...relationships.matchAll(/<Relationship\b[^>]*>/g)].map((match) => match[0]).find((tag) => tag.includes(`Id="${id}"`));
  const target = relationship && /Target="([^"]+)"/.exec(relationship)?.[1];
  if (!target) throw new Error(`the written workbook has no part for sheet ${sheetName}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

function chartXml(layout: BarometerSheetLayout, labels: string[], gaps: (number | null)[], title: string): string {
  const sheet = `'${layout.sheetName.replace(/'/g, "''")}'`;
  const categories = `${sheet}!$${layout.labelColumn}$${layout.firstDimensionRow}:$${layout.labelColumn}$${layout.lastDimensionRow}`;
  const values = `${sheet}!$${layout.gapColumn}$${layout.firstDimensionRow}:$${layout.gapColumn}$${layout.lastDimensionRow}`;
  const categoryPoints = labels.map((label, index) => `<c:pt idx="${index}"><c:v>${escapeXml(label)}</c:v></c:pt>`).join("");
  const valuePoints = gaps.map((gap, index) => (gap === null ? "" : `<c:pt idx="${index}"><c:v>${gap}</c:v></c:pt>`)).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(title)}</c:v></c:tx>` +
    '<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>' +
    `<c:cat><c:strRef><c:f>${escapeXml(categories)}</c:f><c:strCache><c:ptCount val="${labels.length}"/>${categoryPoints}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(values)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${gaps.length}"/>${valuePoints}</c:numCache></c:numRef></c:val>` +
    '</c:ser><c:gapWidth val="60"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>' +
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

function drawingXml(chartRelationship: string, fromRow: number): string {
  const anchor = (column: number, row: number) =>
    `<xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${anchor(13, fromRow)}</xdr:from><xdr:to>${anchor(21, fromRow + 22)}</xdr:to>` +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="SymReportGaps"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${chartRelationship}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}

/** Reads back the labels and gaps the sheet holds (the chart's caches must match its cells). */
export interface GapSeries {
  readonly labels: string[];
  readonly gaps: (number | null)[];
}

/**
 * Adds the gap chart next to the dimension table of the Barometer sheet and returns the new file.
 * With no dimension rows there is nothing to draw and the file is returned as it was.
 */
export async function addGapChart(xlsx: Buffer, layout: BarometerSheetLayout, series: GapSeries, language: Language): Promise<Buffer> {
  if (series.labels.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const sheetName = await sheetPart(zip, layout.sheetName);
  const chartIndex = nextNumber(zip, (index) => `xl/charts/chart${index}.xml`);
  const drawingIndex = nextNumber(zip, (index) => `xl/drawings/drawing${index}.xml`);
  const title = language === "fr" ? "Écart collaborateurs − clients (points)" : "Employee − customer gap (points)";
  zip.file(`xl/charts/chart${chartIndex}.xml`, chartXml(layout, series.labels, series.gaps, title));
  zip.file(`xl/drawings/drawing${drawingIndex}.xml`, drawingXml("rId1", layout.firstDimensionRow - 2));
  zip.file(
    `xl/drawings/_rels/drawing${drawingIndex}.xml.rels`,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart${chartIndex}.xml"/></Relationships>`,
  );
  const relationshipsName = sheetName.replace(/^(.*\/)([^/]+)$/, "$1_rels/$2.rels");
  const relationships =
    (await read(zip, relationshipsName)) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const drawingRelationship = nextRelationshipId(relationships);
  zip.file(
    relationshipsName,
    relationships.replace(
      "</Relationships>",
      `<Relationship Id="${drawingRelationship}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing${drawingIndex}.xml"/></Relationships>`,
    ),
  );
  let sheet = (await read(zip, sheetName))!;
  if (!/xmlns:r="/.test(sheet.slice(0, 1000)))
    sheet = sheet.replace("<worksheet ", '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  // CT_Worksheet order: <drawing> comes before legacyDrawing, tableParts and extLst.
  const insertAt = ["<legacyDrawing", "<tableParts", "<extLst", "</worksheet>"]
    .map((tag) => sheet.indexOf(tag))
    .filter((index) => index >= 0)
    .sort((a, b) => a - b)[0];
  sheet = `${sheet.slice(0, insertAt)}<drawing r:id="${drawingRelationship}"/>${sheet.slice(insertAt)}`;
  zip.file(sheetName, sheet);
  let contentTypes = (await read(zip, "[Content_Types].xml"))!;
  contentTypes = contentTypes.replace(
    "</Types>",
    `<Override PartName="/xl/drawings/drawing${drawingIndex}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart${chartIndex}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
  );
  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
