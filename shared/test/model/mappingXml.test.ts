import { execFileSync } from "node:child_process";
import { MAPPING_NAMESPACE, MappingSchema, mappingFromXml, mappingToXml, type Mapping } from "@symmetry/engine";

// zod 4 fills `thresholds` defaults only when it parses a present object, so the stored (normalised)
// form is the schema's fixed point: parse twice.
const normalise = (input: unknown): Mapping => MappingSchema.parse(MappingSchema.parse(input));

const mapping: Mapping = normalise({
  version: 1,
  language: "fr",
  employees: {
    sheet: "Salariés & <équipes>",
    columns: [
      { header: "culture_1", role: "item", dimension: "culture" },
      { header: 'Reconnaissance "2"', role: "item", dimension: "recognition", reversed: true },
      { header: "eNPS", role: "recommendation" },
      { header: "unité", role: "unit" },
    ],
  },
  customers: { sheet: "Clients", columns: [{ header: "culture_1", role: "item", dimension: "culture" }] },
  scales: { employees: { min: 1, max: 5 }, customers: { min: 1, max: 5 } },
});

/** Parses XML with Python's standard library (an independent XML reader) and returns the root's namespace, version and text. */
function readWithPython(xml: string): { tag: string; version: string; text: string } {
  const script = [
    "import sys, json, xml.etree.ElementTree as ET",
    "root = ET.fromstring(sys.stdin.buffer.read())",
    "print(json.dumps({'tag': root.tag, 'version': root.get('version'), 'text': root.text}))",
  ].join("\n");
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script], { input: xml }).toString());
}

describe("mapping custom XML part", () => {
  it("stores thresholds explicitly, so readers need no defaults", () => {
    expect(mappingFromXml(mappingToXml(MappingSchema.parse({ ...mapping, thresholds: {} }))).thresholds.minGroupSize).toBe(5);
  });

  it("round-trips a mapping whose names hold &, <, > and quotes", () => {
    expect(mappingFromXml(mappingToXml(mapping))).toEqual(mapping);
  });

  it("is read by an independent XML parser (Python xml.etree) as a namespaced root holding the JSON", () => {
    const read = readWithPython(mappingToXml(mapping));
    expect(read.tag).toBe(`{${MAPPING_NAMESPACE}}mapping`);
    expect(read.version).toBe("1");
    expect(JSON.parse(read.text)).toEqual(mapping);
  });

  it("reads XML written by Python's ElementTree with a namespace prefix", () => {
    const script = [
      "import sys, xml.etree.ElementTree as ET",
      `ET.register_namespace('m', '${MAPPING_NAMESPACE}')`,
      `root = ET.Element('{${MAPPING_NAMESPACE}}mapping', {'version': '1'})`,
      "root.text = sys.stdin.read()",
      "sys.stdout.write(ET.tostring(root, encoding='unicode'))",
    ].join("\n");
    const xml = execFileSync("/usr/bin/python3", ["-c", script], { input: JSON.stringify(mapping) }).toString();
    expect(xml).toContain("<m:mapping");
    expect(mappingFromXml(xml)).toEqual(mapping);
  });

  it("refuses a root in another namespace", () => {
    expect(() => mappingFromXml('<mapping xmlns="urn:other">{}</mapping>')).toThrow(
      /namespace urn:symmetry-barometer:mapping:1, got urn:other/,
    );
  });

  it("names the first schema problem with its path", () => {
    const broken = JSON.stringify({ ...mapping, employees: { ...mapping.employees, columns: [{ header: "x", role: "item" }] } });
    expect(() =>
      mappingFromXml(`<mapping xmlns="${MAPPING_NAMESPACE}">${broken.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</mapping>`),
    ).toThrow(/employees\.columns\.0\.dimension: column "x" is an item but names no dimension/);
  });

  it("refuses a part whose thresholds go below the confidentiality floor of 5", () => {
    // A workbook's own mapping used to lower the threshold to 1: a report then showed 2-person units.
    const part = (minGroupSize: number) =>
      `<mapping xmlns="${MAPPING_NAMESPACE}" version="1">${JSON.stringify({ ...mapping, thresholds: { ...mapping.thresholds, minGroupSize } })}</mapping>`;
    expect(mappingFromXml(part(5)).thresholds.minGroupSize).toBe(5);
    expect(mappingFromXml(part(8)).thresholds.minGroupSize).toBe(8);
    for (const low of [1, 2, 4])
      expect(() => mappingFromXml(part(low))).toThrow(/thresholds\.minGroupSize: the confidentiality threshold cannot be below 5/);
  });

  it("refuses text that is not JSON", () => {
    expect(() => mappingFromXml(`<mapping xmlns="${MAPPING_NAMESPACE}">not json</mapping>`)).toThrow(/requires JSON inside <mapping>/);
  });
});
