/**
 * @jest-environment jsdom
 *
 * manifest.xml validated offline (no XSD ships in npm packages and the validator needs a web
 * service): well-formed XML (the browser's DOMParser from jsdom), the elements a shared-runtime
 * custom functions add-in needs, resource ids that resolve, URLs on one origin, fr-FR overrides,
 * and the production variant written by the build.
 */
import * as fs from "fs";
import * as path from "path";
import { FRENCH_METADATA_LOCALES } from "../src/functions/metadataLocales";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor } = require("../../webpack.config") as { manifestFor: (xml: string, url: string) => string };

const APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const BASIC = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const source = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");

function parse(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, "application/xml");
  const error = document.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest.xml is not well-formed: ${error.textContent}`);
  return document;
}

const byTag = (root: Document | Element, namespace: string, tag: string) => Array.from(root.getElementsByTagNameNS(namespace, tag));
const one = (root: Document | Element, namespace: string, tag: string) => {
  const found = byTag(root, namespace, tag);
  expect(found).toHaveLength(1);
  return found[0];
};
const resourceIds = (document: Document, tag: string) => new Set(byTag(document, BASIC, tag).map((element) => element.getAttribute("id")));

describe("manifest.xml", () => {
  const document = parse(source);

  it("is well-formed (a broken copy is caught)", () => {
    expect(() => parse(source.replace("</Hosts>", ""))).toThrow(/not well-formed/);
  });

  it("is a task pane add-in for Excel with a GUID id, version and locale", () => {
    const root = document.documentElement;
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe(APP);
    expect(root.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    expect(one(document, APP, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one(document, APP, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one(document, APP, "DefaultLocale").textContent).toBe("en-US");
    expect(byTag(document, APP, "Host").map((host) => host.getAttribute("Name"))).toEqual(["Workbook"]);
  });

  it("requires SharedRuntime 1.1 and runs one long-lived page for functions and task pane", () => {
    const sets = byTag(document, APP, "Set").map((set) => [set.getAttribute("Name"), set.getAttribute("MinVersion")]);
    expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
    const versionOverrides = one(document, OVERRIDES, "VersionOverrides");
    // Runtimes are only valid in the task pane VersionOverrides 1.0 schema
    expect(versionOverrides.getAttributeNS(XSI, "type")).toBe("VersionOverridesV1_0");
    const runtime = one(document, OVERRIDES, "Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const page = runtime.getAttribute("resid");
    expect(one(document, OVERRIDES, "FunctionFile").getAttribute("resid")).toBe(page);
    const extensionPoints = byTag(document, OVERRIDES, "ExtensionPoint");
    const customFunctions = extensionPoints.find((point) => point.getAttributeNS(XSI, "type") === "CustomFunctions")!;
    expect(customFunctions).toBeDefined();
    const sourceOf = (tag: string) => one(one(customFunctions, OVERRIDES, tag), OVERRIDES, "SourceLocation").getAttribute("resid");
    expect(sourceOf("Page")).toBe(page);
    const showTaskpane = byTag(document, OVERRIDES, "Action").find((action) => action.getAttributeNS(XSI, "type") === "ShowTaskpane")!;
    expect(one(showTaskpane, OVERRIDES, "SourceLocation").getAttribute("resid")).toBe(page);

    const urls = new Map(byTag(document, BASIC, "Url").map((url) => [url.getAttribute("id"), url.getAttribute("DefaultValue")]));
    expect(urls.get(page)).toBe("https://localhost:3000/taskpane.html");
    expect(urls.get(sourceOf("Script"))).toBe("https://localhost:3000/functions.js");
    expect(urls.get(sourceOf("Metadata"))).toBe("https://localhost:3000/functions.json");
    expect(one(document, APP, "SourceLocation").getAttribute("DefaultValue")).toBe(urls.get(page));
  });

  it("declares the SYM namespace", () => {
    const namespace = one(document, OVERRIDES, "Namespace").getAttribute("resid");
    const string = byTag(document, BASIC, "String").find((element) => element.getAttribute("id") === namespace)!;
    expect(string.getAttribute("DefaultValue")).toBe("SYM");
  });

  it("has a task pane button with 16/32/80 icons", () => {
    const button = byTag(document, OVERRIDES, "Control").find((control) => control.getAttributeNS(XSI, "type") === "Button")!;
    expect(button).toBeDefined();
    const sizes = byTag(button, BASIC, "Image").map((image) => image.getAttribute("size"));
    expect(sizes).toEqual(["16", "32", "80"]);
  });

  it("resolves every resid to a resource, and every resource id is unique and at most 32 characters", () => {
    const ids = [...byTag(document, BASIC, "Image"), ...byTag(document, BASIC, "Url"), ...byTag(document, BASIC, "String")]
      .map((element) => element.getAttribute("id"))
      .filter((id): id is string => id !== null);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    const known = new Set(ids);
    const referenced = Array.from(document.getElementsByTagName("*"))
      .map((element) => element.getAttribute("resid"))
      .filter((resid): resid is string => resid !== null);
    expect(referenced.length).toBeGreaterThan(10);
    for (const resid of referenced) expect(known).toContain(resid);
    expect(resourceIds(document, "Url")).toContain("Taskpane.Url");
  });

  it("keeps every URL on the development origin, with icons that exist in addin/assets", () => {
    const values = Array.from(document.getElementsByTagName("*")).flatMap((element) =>
      ["DefaultValue", "Value"]
        .map((name) => element.getAttribute(name))
        .filter((value): value is string => value !== null && value.startsWith("http")),
    );
    expect(values.length).toBeGreaterThan(8);
    for (const value of values) expect(value.startsWith("https://localhost:3000/")).toBe(true);
    expect(one(document, APP, "AppDomain").textContent).toBe("https://localhost:3000");
    for (const value of values.filter((url) => url.includes("/assets/"))) {
      expect(fs.existsSync(path.resolve(__dirname, "../assets", path.basename(new URL(value).pathname)))).toBe(true);
    }
  });

  it("has French overrides, and the French functions metadata for every French locale of the pane", () => {
    const overrides = Array.from(document.getElementsByTagName("*")).filter((element) => element.localName === "Override");
    expect(overrides.length).toBeGreaterThanOrEqual(6);
    for (const override of overrides) expect(override.getAttribute("Locale")).toMatch(/^fr-[A-Z]{2}$/);
    const metadata = byTag(document, BASIC, "Url").find((url) => url.getAttribute("id") === "Functions.Metadata.Url")!;
    const metadataOverrides = byTag(metadata, BASIC, "Override");
    expect(metadataOverrides.map((override) => override.getAttribute("Locale"))).toEqual([...FRENCH_METADATA_LOCALES]);
    for (const override of metadataOverrides) expect(override.getAttribute("Value")).toBe("https://localhost:3000/functions.fr.json");
    expect(one(document, APP, "DisplayName").getElementsByTagNameNS(APP, "Override")[0].getAttribute("Value")).toBe(
      "Baromètre de la symétrie",
    );
  });

  it("becomes a production manifest with every URL on ADDIN_PUBLIC_URL and the AppDomain its origin", () => {
    const production = parse(manifestFor(source, "https://barometer.example.org/addin"));
    expect(new XMLSerializer().serializeToString(production)).not.toContain("https://localhost");
    expect(one(production, APP, "AppDomain").textContent).toBe("https://barometer.example.org");
    const taskpane = byTag(production, BASIC, "Url").find((url) => url.getAttribute("id") === "Taskpane.Url")!;
    expect(taskpane.getAttribute("DefaultValue")).toBe("https://barometer.example.org/addin/taskpane.html");
  });
});
