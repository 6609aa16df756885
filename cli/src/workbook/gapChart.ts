import JSZip from "jszip";
import type { Language } from "@symmetry/engine";
import type { BarometerSheetLayout } from "./reportSheets";
import { element, serialise, unescapeXml, valued, xmlDocument, type XmlElement } from "./xml";

/**
 * The gap bar chart of the Barometer sheet as a DrawingML chart part. exceljs cannot write charts,
 * so the parts are added with JSZip after `writeBuffer()`, as the mapping part is: the chart
 * (`xl/charts/chartN.xml`, a horizontal clustered bar of the dimension table's gap column with
 * cached values, so viewers draw it without recalculating), the drawing that anchors it, their
 * relationships, the sheet's `<drawing>` element and the content types.
 */

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
  // Compared on the decoded name: writers escape differently (exceljs writes ' as &apos;).
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((match) => match[0])
    .find((tag) => unescapeXml(/\sname="([^"]*)"/.exec(tag)?.[1] ?? "") === sheetName);
  const id = sheet && /r:id="([^"]+)"/.exec(sheet)?.[1];
  const relationship =
    id && [...relationships.matchAll(/<Relationship\b[^>]*>/g)].map((match) => match[0]).find((tag) => tag.includes(`Id="${id}"`));
  const target = relationship && /Target="([^"]+)"/.exec(relationship)?.[1];
  if (!target) throw new Error(`the written workbook has no part for sheet ${sheetName}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

const NAMESPACES = {
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  package: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

/** A cell range on the report sheet, as a chart formula: `'Sheet name'!$B$5:$B$12`. */
function sheetRange(sheetName: string, column: string, firstRow: number, lastRow: number): string {
  return `'${sheetName.replace(/'/g, "''")}'!$${column}$${firstRow}:$${column}$${lastRow}`;
}

/** Cached points, so viewers draw the chart without recalculating; a null value leaves its point out. */
function points(values: readonly (string | number | null)[]): XmlElement[] {
  return values.flatMap((value, index) => (value === null ? [] : [element("c:pt", { idx: index }, element("c:v", {}, value))]));
}

function categoryAxis(): XmlElement {
  return element(
    "c:catAx",
    {},
    valued("c:axId", CATEGORY_AXIS),
    element("c:scaling", {}, valued("c:orientation", "maxMin")),
    valued("c:delete", 0),
    valued("c:axPos", "l"),
    element("c:numFmt", { formatCode: "General", sourceLinked: 0 }),
    valued("c:majorTickMark", "none"),
    valued("c:minorTickMark", "none"),
    valued("c:tickLblPos", "low"),
    valued("c:crossAx", VALUE_AXIS),
    valued("c:crosses", "autoZero"),
    valued("c:auto", 1),
    valued("c:lblAlgn", "ctr"),
    valued("c:lblOffset", 100),
    valued("c:noMultiLvlLbl", 0),
  );
}

function valueAxis(): XmlElement {
  return element(
    "c:valAx",
    {},
    valued("c:axId", VALUE_AXIS),
    element("c:scaling", {}, valued("c:orientation", "minMax")),
    valued("c:delete", 0),
    valued("c:axPos", "t"),
    element("c:majorGridlines"),
    element("c:numFmt", { formatCode: "General", sourceLinked: 0 }),
    valued("c:majorTickMark", "out"),
    valued("c:minorTickMark", "none"),
    valued("c:tickLblPos", "nextTo"),
    valued("c:crossAx", CATEGORY_AXIS),
    valued("c:crosses", "autoZero"),
    valued("c:crossBetween", "between"),
  );
}

function chartXml(layout: BarometerSheetLayout, labels: string[], gaps: (number | null)[], title: string): string {
  const rows = [layout.firstDimensionRow, layout.lastDimensionRow] as const;
  const series = element(
    "c:ser",
    {},
    valued("c:idx", 0),
    valued("c:order", 0),
    element("c:tx", {}, element("c:v", {}, title)),
    element("c:spPr", {}, element("a:solidFill", {}, valued("a:srgbClr", "4472C4"))),
    valued("c:invertIfNegative", 0),
    element(
      "c:cat",
      {},
      element(
        "c:strRef",
        {},
        element("c:f", {}, sheetRange(layout.sheetName, layout.labelColumn, ...rows)),
        element("c:strCache", {}, valued("c:ptCount", labels.length), ...points(labels)),
      ),
    ),
    element(
      "c:val",
      {},
      element(
        "c:numRef",
        {},
        element("c:f", {}, sheetRange(layout.sheetName, layout.gapColumn, ...rows)),
        element("c:numCache", {}, element("c:formatCode", {}, "General"), valued("c:ptCount", gaps.length), ...points(gaps)),
      ),
    ),
  );
  const barChart = element(
    "c:barChart",
    {},
    valued("c:barDir", "bar"),
    valued("c:grouping", "clustered"),
    valued("c:varyColors", 0),
    series,
    valued("c:gapWidth", 60),
    valued("c:axId", CATEGORY_AXIS),
    valued("c:axId", VALUE_AXIS),
  );
  const chartTitle = element(
    "c:title",
    {},
    element("c:tx", {}, element("c:rich", {}, element("a:bodyPr"), element("a:p", {}, element("a:r", {}, element("a:t", {}, title))))),
    valued("c:overlay", 0),
  );
  return xmlDocument(
    element(
      "c:chartSpace",
      { "xmlns:c": NAMESPACES.chart, "xmlns:a": NAMESPACES.drawingMain, "xmlns:r": NAMESPACES.relationships },
      valued("c:roundedCorners", 0),
      element(
        "c:chart",
        {},
        chartTitle,
        valued("c:autoTitleDeleted", 0),
        element("c:plotArea", {}, element("c:layout"), barChart, categoryAxis(), valueAxis()),
        valued("c:plotVisOnly", 1),
        valued("c:dispBlanksAs", "gap"),
      ),
    ),
  );
}

function drawingXml(chartRelationship: string, fromRow: number): string {
  const anchor = (name: string, column: number, row: number) =>
    element(
      name,
      {},
      element("xdr:col", {}, column),
      element("xdr:colOff", {}, 0),
      element("xdr:row", {}, row),
      element("xdr:rowOff", {}, 0),
    );
  const graphicFrame = element(
    "xdr:graphicFrame",
    { macro: "" },
    element("xdr:nvGraphicFramePr", {}, element("xdr:cNvPr", { id: 2, name: "SymReportGaps" }), element("xdr:cNvGraphicFramePr")),
    element("xdr:xfrm", {}, element("a:off", { x: 0, y: 0 }), element("a:ext", { cx: 0, cy: 0 })),
    element(
      "a:graphic",
      {},
      element(
        "a:graphicData",
        { uri: NAMESPACES.chart },
        element("c:chart", { "xmlns:c": NAMESPACES.chart, "xmlns:r": NAMESPACES.relationships, "r:id": chartRelationship }),
      ),
    ),
  );
  return xmlDocument(
    element(
      "xdr:wsDr",
      { "xmlns:xdr": NAMESPACES.spreadsheetDrawing, "xmlns:a": NAMESPACES.drawingMain },
      element(
        "xdr:twoCellAnchor",
        { editAs: "oneCell" },
        anchor("xdr:from", 13, fromRow),
        anchor("xdr:to", 21, fromRow + 22),
        graphicFrame,
        element("xdr:clientData"),
      ),
    ),
  );
}

function relationship(id: string, type: "chart" | "drawing", target: string): XmlElement {
  return element("Relationship", { Id: id, Type: `${NAMESPACES.relationships}/${type}`, Target: target });
}

function contentTypeOverride(partName: string, contentType: string): XmlElement {
  return element("Override", { PartName: partName, ContentType: contentType });
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
    xmlDocument(element("Relationships", { xmlns: NAMESPACES.package }, relationship("rId1", "chart", `../charts/chart${chartIndex}.xml`))),
  );
  const relationshipsName = sheetName.replace(/^(.*\/)([^/]+)$/, "$1_rels/$2.rels");
  const relationships =
    (await read(zip, relationshipsName)) ??
    // An empty list written with both tags, so the new relationship goes in before the closing one.
    xmlDocument(element("Relationships", { xmlns: NAMESPACES.package }, ""));
  const drawingRelationship = nextRelationshipId(relationships);
  zip.file(
    relationshipsName,
    relationships.replace(
      "</Relationships>",
      `${serialise(relationship(drawingRelationship, "drawing", `../drawings/drawing${drawingIndex}.xml`))}</Relationships>`,
    ),
  );
  let sheet = (await read(zip, sheetName))!;
  if (!/xmlns:r="/.test(sheet.slice(0, 1000))) sheet = sheet.replace("<worksheet ", `<worksheet xmlns:r="${NAMESPACES.relationships}" `);
  // CT_Worksheet order: <drawing> comes before legacyDrawing, tableParts and extLst.
  const insertAt = ["<legacyDrawing", "<tableParts", "<extLst", "</worksheet>"]
    .map((tag) => sheet.indexOf(tag))
    .filter((index) => index >= 0)
    .sort((a, b) => a - b)[0];
  sheet = `${sheet.slice(0, insertAt)}${serialise(element("drawing", { "r:id": drawingRelationship }))}${sheet.slice(insertAt)}`;
  zip.file(sheetName, sheet);
  let contentTypes = (await read(zip, "[Content_Types].xml"))!;
  contentTypes = contentTypes.replace(
    "</Types>",
    serialise(contentTypeOverride(`/xl/drawings/drawing${drawingIndex}.xml`, "application/vnd.openxmlformats-officedocument.drawing+xml")) +
      serialise(
        contentTypeOverride(`/xl/charts/chart${chartIndex}.xml`, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"),
      ) +
      "</Types>",
  );
  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
