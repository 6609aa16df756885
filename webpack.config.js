/**
 * Build of the Excel add-in (webpack 5): one shared-runtime page, taskpane.html, loading Office.js
 * from the Office CDN, then the "functions" chunk (SYM.* custom functions) and the "taskpane"
 * chunk (React pane); plus functions.json generated from the JSDoc, its French variant
 * functions.fr.json, support.html, the icons and the manifest.
 *
 *   npm run build                       → addin/dist/, manifest URLs = ADDIN_PUBLIC_URL
 *   npm run start:addin                 → https://localhost:3000 (office-addin-dev-certs)
 *   npm run start:addin -- --env http   → http://localhost:3000 (browser preview only: Excel needs HTTPS)
 *
 * ADDIN_PORT changes the dev server port (default 3000); the manifest the dev server serves uses
 * the same port. The dev server also serves samples/ at /samples, which the browser preview loads,
 * and a stand-in for office.js that the page falls back to when the CDN is out of reach.
 * A production build never contains the preview or the test doubles.
 */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { localizeMetadata } = require("./addin/src/functions/localizeMetadata");
const { signInEntry, signInPlugins } = require("./addin/webpack.signIn");

const DEVELOPMENT_URL = "https://localhost:3000";
const FUNCTIONS_SOURCE = "./addin/src/functions/functions.ts";
const FRENCH_TRANSLATIONS = path.resolve(__dirname, "addin/src/functions/translations.fr.json");
const OFFICE_OUTSIDE_EXCEL = "addin/test-doubles/office-outside-excel.js";
const PREVIEW_ENTRY = /[\\/]preview[\\/]startPreview$/;
const OUTPUT = path.resolve(__dirname, "addin/dist");

/**
 * The production URL for dist/manifest.xml: ADDIN_PUBLIC_URL, https, without a trailing slash.
 * Without it the manifest keeps the development URL, and the build says so.
 */
function publicUrl() {
  const configured = (process.env.ADDIN_PUBLIC_URL || "").trim().replace(/\/+$/, "");
  if (!configured) {
    console.warn(`ADDIN_PUBLIC_URL is not set: dist/manifest.xml keeps ${DEVELOPMENT_URL}`);
    return DEVELOPMENT_URL;
  }
  if (!/^https:\/\/[^\s"'<>]+$/.test(configured))
    throw new Error(`ADDIN_PUBLIC_URL must be an https URL, got ${JSON.stringify(configured)}`);
  return configured;
}

/** The manifest with its development URLs replaced: AppDomain takes the origin, every other URL the full base URL. */
function manifestFor(xml, baseUrl) {
  return xml
    .split(`<AppDomain>${DEVELOPMENT_URL}</AppDomain>`)
    .join(`<AppDomain>${new URL(baseUrl).origin}</AppDomain>`)
    .split(DEVELOPMENT_URL)
    .join(baseUrl);
}

/** Emits functions.fr.json next to functions.json: same ids, French names and descriptions. */
class FrenchFunctionsMetadataPlugin {
  apply(compiler) {
    const name = "FrenchFunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(FRENCH_TRANSLATIONS);
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const english = compilation.getAsset("functions.json");
        if (!english) return; // the metadata plugin has already reported why
        try {
          const table = JSON.parse(fs.readFileSync(FRENCH_TRANSLATIONS, "utf8"));
          const french = localizeMetadata(english.source.source().toString(), table);
          compilation.emitAsset("functions.fr.json", new webpack.sources.RawSource(french));
        } catch (error) {
          compilation.errors.push(new webpack.WebpackError(error.message));
        }
      });
    });
  }
}

/** The dev server's port: ADDIN_PORT, default 3000 (the manifest served and sideloaded uses the same). */
function developmentPort() {
  const text = process.env.ADDIN_PORT || "3000";
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`ADDIN_PORT must be a port number, got ${JSON.stringify(text)}`);
  return port;
}

/** HTTPS options from office-addin-dev-certs, or undefined (plain HTTP) when they cannot be had. */
async function httpsOptions(wantHttp) {
  if (wantHttp) return undefined;
  try {
    const devCerts = require("office-addin-dev-certs");
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 30 s")), 30000).unref());
    return await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
  } catch (error) {
    console.warn(
      `No development certificate (${error.message}): serving plain HTTP, which the browser preview accepts and Excel refuses. Run "npm run dev-certs" to install one.`,
    );
    return undefined;
  }
}

/** After the server listens: what to do next, and plainly why Excel will not load a plain-HTTP add-in. */
function announce(url) {
  const lines = [`Add-in dev server: ${url} (manifest: ${url}/manifest.xml)`, `  • Browser preview of the task pane: ${url}/taskpane.html`];
  if (url.startsWith("http:")) {
    lines.push(
      "  • Excel refuses add-ins served over plain HTTP. For Excel, install a development certificate with",
      "      npm run dev-certs",
      "    then run `npm run start:excel` (desktop Excel on Windows or Mac) or sideload manifest.xml in Excel on the web.",
    );
  } else {
    lines.push(
      "  • In Excel: `npm run start:excel` (desktop, Windows or Mac), or upload manifest.xml in Excel on the web (Home > Add-ins > My Add-ins > Upload My Add-in).",
    );
  }
  console.log(lines.join("\n"));
}

const config = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const port = developmentPort();
  const manifestUrl = production && !serving ? publicUrl() : `https://localhost:${port}`;
  const https = serving ? await httpsOptions(Boolean(env.http) || process.env.ADDIN_HTTP === "1") : undefined;

  return {
    mode: production ? "production" : "development",
    devtool: "source-map",
    context: __dirname,
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: "./addin/src/taskpane/index.tsx",
      // The task pane's Linkage runs here, off the pane's thread (new Worker("linkageWorker.js")).
      linkageWorker: "./addin/src/taskpane/linkage/linkageWorker.ts",
      // Desktop Excel hands the exported deck to the default browser, which opens this page.
      deckPage: "./addin/src/taskpane/deck/deckPage.ts",
      ...signInEntry,
    },
    output: {
      path: OUTPUT,
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // the engine package resolves to its sources, as tsconfig.json `paths` does for the compiler
      alias: { "@symmetry/engine": path.resolve(__dirname, "shared/src") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // types are checked by `npm run typecheck`; the bundle only needs the JavaScript
            options: { configFile: path.resolve(__dirname, "tsconfig.json"), transpileOnly: true },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      ...signInPlugins(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new FrenchFunctionsMetadataPlugin(),
      // The metadata plugin appends CustomFunctions.associate(...) to functions.ts. Outside Office
      // (browser preview) there is no CustomFunctions global: give the chunk a no-op one.
      new webpack.BannerPlugin({
        banner: 'if (typeof CustomFunctions === "undefined") { var CustomFunctions = { associate: function () {} }; }',
        raw: true,
        entryOnly: true,
        include: /^functions\.js$/,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        officeFallback: !production,
      }),
      new HtmlWebpackPlugin({ filename: "deck.html", template: "./addin/src/taskpane/deck/deck.html", chunks: ["deckPage"] }),
      // pptxgenjs (the task pane's Export deck) reaches for node:fs and node:https only when it runs in
      // Node; its package's browser field maps them away, which webpack honours once the scheme is dropped.
      new webpack.NormalModuleReplacementPlugin(/^node:(fs|https)$/, (resource) => {
        resource.request = resource.request.slice("node:".length);
      }),
      // Excel never runs the preview: a production bundle leaves it (and the test doubles it uses) out.
      ...(production
        ? [new webpack.NormalModuleReplacementPlugin(PREVIEW_ENTRY, path.resolve(__dirname, "addin/src/taskpane/previewUnavailable.ts"))]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "addin/assets/*.png", to: "assets/[name][ext]" },
          { from: "addin/src/support.html", to: "support.html" },
          ...(production ? [] : [{ from: OFFICE_OUTSIDE_EXCEL, to: "office-outside-excel.js" }]),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestFor(content.toString(), manifestUrl),
          },
        ],
      }),
    ],
    devServer: {
      port,
      host: "localhost",
      // The browser preview (taskpane.html outside Office) reads the bundled samples from /samples.
      static: [{ directory: path.resolve(__dirname, "samples"), publicPath: "/samples", watch: false }],
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      client: { overlay: { warnings: false, errors: true } },
      onListening: (server) => announce(`${https ? "https" : "http"}://localhost:${server.server.address().port}`),
    },
  };
};

module.exports = config;
module.exports.manifestFor = manifestFor;
module.exports.publicUrl = publicUrl;
module.exports.developmentPort = developmentPort;
