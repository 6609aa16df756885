/**
 * The custom functions metadata as the build generates it: custom-functions-metadata (the
 * generator behind custom-functions-metadata-plugin) run on functions.ts, then the French
 * variant built by localizeMetadata. Checks every function, parameter type, optional flag and
 * dimensionality against the contract in the issue, and the French ids against the English ones.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import * as functions from "../src/functions/functions";
import translations from "../src/functions/translations.fr.json";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require("../src/functions/localizeMetadata") as { localizeMetadata: (json: string, table: unknown) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config") as ((
  env: object,
  argv: object,
) => Promise<{ entry: Record<string, string>; plugins: object[]; devServer: { static: unknown } }>) & {
  manifestFor: (xml: string, url: string) => string;
};

interface Parameter {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

/** [name, type, "matrix" | "scalar", optional] per parameter; result dimensionality. */
const CONTRACT: Record<string, { parameters: [string, string, string, boolean][]; result: string }> = {
  ENPS: {
    parameters: [
      ["answers", "any", "matrix", false],
      ["min_n", "number", "scalar", true],
    ],
    result: "scalar",
  },
  NPS: { parameters: [["answers", "any", "matrix", false]], result: "scalar" },
  NPSCI: {
    parameters: [
      ["answers", "any", "matrix", false],
      ["confidence", "number", "scalar", true],
    ],
    result: "matrix",
  },
  NPSDIFF: {
    parameters: [
      ["a", "any", "matrix", false],
      ["b", "any", "matrix", false],
    ],
    result: "matrix",
  },
  SCORE: {
    parameters: [
      ["answers", "any", "matrix", false],
      ["scale_min", "number", "scalar", false],
      ["scale_max", "number", "scalar", false],
      ["reversed", "boolean", "scalar", true],
    ],
    result: "scalar",
  },
  FAVORABLE: {
    parameters: [
      ["answers", "any", "matrix", false],
      ["scale_min", "number", "scalar", false],
      ["scale_max", "number", "scalar", false],
    ],
    result: "scalar",
  },
  SYMGAP: {
    parameters: [
      ["employee_answers", "any", "matrix", false],
      ["customer_answers", "any", "matrix", false],
      ["scale_min", "number", "scalar", true],
      ["scale_max", "number", "scalar", true],
      ["customer_scale_min", "number", "scalar", true],
      ["customer_scale_max", "number", "scalar", true],
    ],
    result: "scalar",
  },
  GAPTEST: {
    parameters: [
      ["employee_answers", "any", "matrix", false],
      ["customer_answers", "any", "matrix", false],
      ["scale_min", "number", "scalar", true],
      ["scale_max", "number", "scalar", true],
      ["threshold", "number", "scalar", true],
      ["alpha", "number", "scalar", true],
    ],
    result: "matrix",
  },
  DIMENSION: {
    parameters: [
      ["employee_answers", "any", "matrix", false],
      ["customer_answers", "any", "matrix", false],
      ["scale_min", "number", "scalar", true],
      ["scale_max", "number", "scalar", true],
      ["customer_scale_min", "number", "scalar", true],
      ["customer_scale_max", "number", "scalar", true],
      ["threshold", "number", "scalar", true],
      ["alpha", "number", "scalar", true],
    ],
    result: "matrix",
  },
  GAPCHANGE: {
    parameters: [
      ["employee_answers_1", "any", "matrix", false],
      ["customer_answers_1", "any", "matrix", false],
      ["employee_answers_2", "any", "matrix", false],
      ["customer_answers_2", "any", "matrix", false],
      ["scale_min", "number", "scalar", true],
      ["scale_max", "number", "scalar", true],
      ["alpha", "number", "scalar", true],
    ],
    result: "matrix",
  },
  SYMINDEX: {
    parameters: [
      ["gaps", "any", "matrix", false],
      ["weights", "any", "matrix", true],
    ],
    result: "scalar",
  },
  ALPHA: { parameters: [["item_answers", "any", "matrix", false]], result: "scalar" },
  BYGROUP: {
    parameters: [
      ["groups", "any", "matrix", false],
      ["answers", "any", "matrix", false],
      ["metric", "string", "scalar", true],
      ["min_n", "number", "scalar", true],
      ["scale_min", "number", "scalar", true],
      ["scale_max", "number", "scalar", true],
    ],
    result: "matrix",
  },
  HEATMAP: {
    parameters: [
      ["by", "string", "scalar", false],
      ["units", "any", "matrix", false],
      ["managers", "any", "matrix", true],
      ["unit_types", "any", "matrix", true],
      ["recommendation", "any", "matrix", true],
      ["min_n", "number", "scalar", true],
      ["scale_min", "number", "scalar", true],
      ["scale_max", "number", "scalar", true],
      ["answers", "any", "matrix", true],
    ],
    result: "matrix",
  },
  CORR: {
    parameters: [
      ["x", "any", "matrix", false],
      ["y", "any", "matrix", false],
      ["method", "string", "scalar", true],
    ],
    result: "scalar",
  },
  CORRTEST: {
    parameters: [
      ["x", "any", "matrix", false],
      ["y", "any", "matrix", false],
      ["method", "string", "scalar", true],
      ["confidence", "number", "scalar", true],
    ],
    result: "matrix",
  },
  DRIVERS: {
    parameters: [
      ["employee_dimension_scores", "any", "matrix", false],
      ["outcome", "any", "matrix", false],
      ["bootstrap", "number", "scalar", true],
      ["seed", "number", "scalar", true],
    ],
    result: "matrix",
  },
  TURNOVER: {
    parameters: [
      ["leavers", "number", "scalar", false],
      ["average_headcount", "number", "scalar", false],
    ],
    result: "scalar",
  },
  TURNOVERCOST: {
    parameters: [
      ["leavers", "number", "scalar", false],
      ["annual_salary", "number", "scalar", false],
      ["cost_ratio", "number", "scalar", true],
    ],
    result: "scalar",
  },
};

const FUNCTIONS_SOURCE = path.resolve(__dirname, "../src/functions/functions.ts");
let english: { functions: FunctionMetadata[] };
let englishJson: string;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  expect(generated.errors).toEqual([]);
  englishJson = generated.metadataJson;
  english = JSON.parse(englishJson);
});

describe("generated functions.json", () => {
  it("lists exactly the functions of the contract, each exported under its lower-case name", () => {
    expect(english.functions.map((fn) => fn.id).sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const fn of english.functions) {
      expect(fn.name).toBe(fn.id);
      expect(typeof (functions as Record<string, unknown>)[fn.id.toLowerCase()]).toBe("function");
    }
  });

  it.each(Object.keys(CONTRACT))("%s has the right parameters, types, optional flags and dimensionality", (id) => {
    const fn = english.functions.find((candidate) => candidate.id === id)!;
    const actual = fn.parameters.map((parameter) => [
      parameter.name,
      parameter.type,
      parameter.dimensionality ?? "scalar",
      parameter.optional ?? false,
    ]);
    expect(actual).toEqual(CONTRACT[id].parameters);
    expect(fn.result.dimensionality ?? "scalar").toBe(CONTRACT[id].result);
    expect(fn.description.length).toBeGreaterThan(20);
    for (const parameter of fn.parameters) expect((parameter as { description?: string }).description?.length ?? 0).toBeGreaterThan(5);
  });
});

describe("repeating parameters", () => {
  it("marks exactly the parameters the formula stand-in gathers into one array (HEATMAP's answers), each the last one", () => {
    const repeating = english.functions.flatMap((fn) =>
      fn.parameters.flatMap((parameter, index) => ((parameter as { repeating?: boolean }).repeating ? [[fn.id, index]] : [])),
    );
    expect(repeating).toEqual([["HEATMAP", 8]]);
    for (const fn of english.functions) {
      const mark = (functions as unknown as Record<string, { repeatingParameter?: number }>)[fn.id.toLowerCase()].repeatingParameter;
      const metadata = fn.parameters.findIndex((parameter) => (parameter as { repeating?: boolean }).repeating);
      expect([fn.id, mark ?? -1]).toEqual([fn.id, metadata]);
      if (metadata >= 0) expect(metadata).toBe(fn.parameters.length - 1);
    }
  });
});

describe("French functions.fr.json", () => {
  it("has the same ids, with French names (SYMGAP is ECARTSYM) and French descriptions", () => {
    const french = JSON.parse(localizeMetadata(englishJson, translations)) as { functions: FunctionMetadata[] };
    expect(french.functions.map((fn) => fn.id)).toEqual(english.functions.map((fn) => fn.id));
    const byId = new Map(french.functions.map((fn) => [fn.id, fn]));
    expect(byId.get("SYMGAP")!.name).toBe("ECARTSYM");
    expect(byId.get("DRIVERS")!.name).toBe("MOTEURS");
    expect(byId.get("BYGROUP")!.name).toBe("PARGROUPE");
    expect(new Set(french.functions.map((fn) => fn.name)).size).toBe(french.functions.length);
    for (const fn of french.functions) {
      const source = english.functions.find((candidate) => candidate.id === fn.id)!;
      expect(fn.description).not.toBe(source.description);
      // same types, flags and dimensionality; only names and descriptions change
      expect(fn.parameters.map(({ type, dimensionality, optional }) => [type, dimensionality, optional])).toEqual(
        source.parameters.map(({ type, dimensionality, optional }) => [type, dimensionality, optional]),
      );
      expect([fn.result.type, fn.result.dimensionality]).toEqual([source.result.type, source.result.dimensionality]);
    }
  });

  it("refuses to build when a function or parameter has no translation", () => {
    const incomplete = JSON.parse(JSON.stringify(translations)) as Record<string, { parameters: Record<string, unknown> }>;
    delete incomplete.CORR;
    delete incomplete.ENPS.parameters.min_n;
    expect(() => localizeMetadata(englishJson, incomplete)).toThrow(/no French translation for function CORR/);
    expect(() => localizeMetadata(englishJson, incomplete)).toThrow(/no French translation for parameter min_n of ENPS/);
  });
});

describe("webpack configuration", () => {
  it("builds the functions and task pane entries with the metadata plugins", async () => {
    process.env.ADDIN_PUBLIC_URL = "https://barometer.example.org";
    const config = await webpackConfig({}, { mode: "production" });
    delete process.env.ADDIN_PUBLIC_URL;
    expect(config.entry).toEqual({
      functions: "./addin/src/functions/functions.ts",
      taskpane: "./addin/src/taskpane/index.tsx",
      linkageWorker: "./addin/src/taskpane/linkage/linkageWorker.ts",
      deckPage: "./addin/src/taskpane/deck/deckPage.ts",
      // The page MSAL's sign-in popup lands on (auth-redirect.html).
      authRedirect: "./addin/src/authRedirect/authRedirect.ts",
    });
    const pages = (config.plugins as { constructor: { name: string }; userOptions?: { filename: string; chunks: string[] } }[])
      .filter((plugin) => plugin.constructor.name === "HtmlWebpackPlugin")
      .map((plugin) => [plugin.userOptions?.filename, plugin.userOptions?.chunks]);
    expect(pages).toEqual(
      expect.arrayContaining([
        ["taskpane.html", ["functions", "taskpane"]],
        ["auth-redirect.html", ["authRedirect"]],
      ]),
    );
    // The dev server serves the samples the browser preview reads.
    expect(config.devServer.static).toEqual([
      expect.objectContaining({ publicPath: "/samples", directory: expect.stringMatching(/samples$/) }),
    ]);
    const pluginNames = config.plugins.map((plugin) => plugin.constructor.name);
    expect(pluginNames).toEqual(
      expect.arrayContaining([
        "CustomFunctionsMetadataPlugin",
        "FrenchFunctionsMetadataPlugin",
        "BannerPlugin",
        "HtmlWebpackPlugin",
        "CopyPlugin",
        "NormalModuleReplacementPlugin",
        "DefinePlugin",
      ]),
    );
    // Office.js comes from the CDN: nothing of @microsoft/office-js (nor the offline stand-in) is copied into a production build.
    const copied = (
      config.plugins.find((plugin) => plugin.constructor.name === "CopyPlugin") as unknown as { patterns: { from: string }[] }
    ).patterns.map((pattern) => pattern.from);
    expect(copied).toEqual(expect.arrayContaining(["addin/src/support.html", "manifest.xml"]));
    expect(copied.join(" ")).not.toMatch(/office-js|office-outside-excel/);
  });
});
