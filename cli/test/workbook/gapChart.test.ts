/**
 * The gap chart part and its element builder. The written package is read back with Python's
 * zipfile and ElementTree (an independent XML reader): the chart is found the way a viewer finds
 * it (workbook → sheet → drawing relationship → drawing → chart relationship → chart), and its
 * title, ranges and cached points must be the inputs, hostile text included.
 */
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import { addGapChart } from "../../src/workbook/gapChart";
import { element, escapeXml, serialise, unescapeXml, valued, xmlDocument } from "../../src/workbook/xml";

const READ_CHART = `
import io, json, posixpath, sys, zipfile, xml.etree.ElementTree as ET
NS = {
  "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "p": "http://schemas.openxmlformats.org/package/2006/relationships",
  "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
  "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
  "x": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  "t": "http://schemas.openxmlformats.org/package/2006/content-types",
}
R_ID = "{%s}id" % NS["r"]
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
def xml(name): return ET.fromstring(z.read(name))
def rels(part):
  folder, base = posixpath.split(part)
  name = posixpath.join(folder, "_rels", base + ".rels")
  return {r.get("Id"): posixpath.normpath(posixpath.join(folder, r.get("Target"))) for r in xml(name).findall("p:Relationship", NS)}
sheet = next(s for s in xml("xl/workbook.xml").find("m:sheets", NS) if s.get("name") == sys.argv[1])
sheet_part = rels("xl/workbook.xml")[sheet.get(R_ID)]
worksheet = xml(sheet_part)
drawing_part = rels(sheet_part)[worksheet.find("m:drawing", NS).get(R_ID)]
frame = xml(drawing_part).find("x:twoCellAnchor/x:graphicFrame", NS)
chart_part = rels(drawing_part)[frame.find("a:graphic/a:graphicData/c:chart", NS).get(R_ID)]
chart = xml(chart_part)
ser = chart.find("c:chart/c:plotArea/c:barChart/c:ser", NS)
def points(cache): return {p.get("idx"): p.find("c:v", NS).text or "" for p in cache.findall("c:pt", NS)}
overrides = {o.get("PartName"): o.get("ContentType") for o in xml("[Content_Types].xml").findall("t:Override", NS)}
print(json.dumps({
  "children": [child.tag.split("}")[1] for child in worksheet],
  "title": chart.find("c:chart/c:title/c:tx/c:rich/a:p/a:r/a:t", NS).text,
  "seriesName": ser.find("c:tx/c:v", NS).text,
  "categoryFormula": ser.find("c:cat/c:strRef/c:f", NS).text,
  "categoryCount": ser.find("c:cat/c:strRef/c:strCache/c:ptCount", NS).get("val"),
  "categories": points(ser.find("c:cat/c:strRef/c:strCache", NS)),
  "valueFormula": ser.find("c:val/c:numRef/c:f", NS).text,
  "valueCount": ser.find("c:val/c:numRef/c:numCache/c:ptCount", NS).get("val"),
  "values": points(ser.find("c:val/c:numRef/c:numCache", NS)),
  "chartType": overrides.get("/" + chart_part),
  "drawingType": overrides.get("/" + drawing_part),
}))
`;

interface ChartReading {
  children: string[];
  title: string;
  seriesName: string;
  categoryFormula: string;
  categoryCount: string;
  categories: Record<string, string>;
  valueFormula: string;
  valueCount: string;
  values: Record<string, string>;
  chartType: string;
  drawingType: string;
}

function readChart(xlsx: Buffer, sheetName: string): ChartReading {
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", READ_CHART, sheetName], { input: xlsx }).toString());
}

async function workbookWith(sheetName: string, withTable: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Employees").getCell("A1").value = "id";
  const sheet = workbook.addWorksheet(sheetName);
  sheet.getCell("B5").value = "label";
  if (withTable) sheet.addTable({ name: "Later", ref: "A30", columns: [{ name: "n" }], rows: [[1]] });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("XML element builder", () => {
  it("escapes text and attribute values in one place", () => {
    expect(serialise(element("v", { name: `a"b<c>&d` }, `x < y & "z" > w`))).toBe(
      '<v name="a&quot;b&lt;c&gt;&amp;d">x &lt; y &amp; &quot;z&quot; &gt; w</v>',
    );
    expect(escapeXml(`<&">`)).toBe("&lt;&amp;&quot;&gt;");
  });

  it("self-closes an element without children, leaves out null/false children, keeps an empty text's two tags", () => {
    expect(serialise(element("p", {}, null, false, undefined))).toBe("<p/>");
    expect(serialise(element("p", {}, ""))).toBe("<p></p>");
    expect(serialise(element("p", { b: 2, a: 1 }, valued("c:idx", 0), 1.5))).toBe('<p b="2" a="1"><c:idx val="0"/>1.5</p>');
    expect(xmlDocument(element("root"))).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<root/>');
  });

  it("reads back the named entities and numeric references other writers use", () => {
    expect(unescapeXml("Bar&apos;o &amp;amp; &lt;x&gt; &quot;q&quot; &#233;&#xE9; &unknown;")).toBe(`Bar'o &amp; <x> "q" éé &unknown;`);
  });
});

describe("gap chart part", () => {
  it.each([
    { sheetName: `Bar'o & <x> "q"`, language: "fr" as const, withTable: true },
    { sheetName: "Barometer", language: "en" as const, withTable: false },
  ])("is found and read by an independent reader with its inputs intact ($sheetName)", async ({ sheetName, language, withTable }) => {
    const labels = ["Culture & <values>", 'Reco "2"', "", "Info"];
    const gaps = [1.5, null, -20.7, 0];
    const layout = { sheetName, firstDimensionRow: 5, lastDimensionRow: 8, labelColumn: "B", gapColumn: "F" };
    const written = await addGapChart(await workbookWith(sheetName, withTable), layout, { labels, gaps }, language);
    const chart = readChart(written, sheetName);
    const quoted = `'${sheetName.replace(/'/g, "''")}'`;
    const title = language === "fr" ? "Écart collaborateurs − clients (points)" : "Employee − customer gap (points)";
    expect(chart.title).toBe(title);
    expect(chart.seriesName).toBe(title);
    expect(chart.categoryFormula).toBe(`${quoted}!$B$5:$B$8`);
    expect(chart.valueFormula).toBe(`${quoted}!$F$5:$F$8`);
    expect(chart.categoryCount).toBe("4");
    expect(chart.categories).toEqual({ "0": labels[0], "1": labels[1], "2": "", "3": labels[3] });
    expect(chart.valueCount).toBe("4");
    expect(chart.values).toEqual({ "0": "1.5", "2": "-20.7", "3": "0" }); // the missing gap has no point
    expect(chart.chartType).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    expect(chart.drawingType).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    // CT_Worksheet order: the drawing comes before the table parts.
    const children = chart.children;
    if (withTable) expect(children.indexOf("drawing")).toBeLessThan(children.indexOf("tableParts"));
    expect(children).toContain("drawing");
  });

  it("returns the file unchanged when there is no dimension row to draw", async () => {
    const xlsx = await workbookWith("Barometer", false);
    const layout = { sheetName: "Barometer", firstDimensionRow: 5, lastDimensionRow: 4, labelColumn: "B", gapColumn: "F" };
    expect(await addGapChart(xlsx, layout, { labels: [], gaps: [] }, "en")).toBe(xlsx);
  });
});
