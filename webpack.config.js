/**
 * Build of the Excel add-in (webpack 5): one shared-runtime page, taskpane.html, loading the
 * "functions" chunk (SYM.* custom functions) and the "taskpane" chunk (React pane), plus
 * functions.json generated from the JSDoc, its French variant functions.fr.json, Office.js copied
 * from @microsoft/office-js (never the CDN), the icons and the manifest.
 *
 *   npm run build                       → addin/dist/, manifest URLs = ADDIN_PUBLIC_URL
 *   npm run start:addin                 → https://localhost:3000 (office-addin-dev-certs)
 *   npm run start:addin -- --env http   → http://localhost:3000 (also the fallback without certificates)
 *
 * ADDIN_PORT changes the dev server port (default 3000). The dev server also serves samples/ at
 * /samples, which the browser preview loads.
 */
const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { localizeMetadata } = require("./addin/src/functions/localizeMetadata");

const DEVELOPMENT_URL = "https://localhost:3000";
const FUNCTIONS_SOURCE = "./addin/src/functions/functions.ts";
const FRENCH_TRANSLATIONS = path.resolve(__dirname, "addin/src/functions/translations.fr.json");
const OFFICE_JS = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
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
  if (!/^https:\/\/[^\s"'<>]+$/.test(configured)) throw new Error(`ADDIN_PUBLIC_URL must be an https URL, got ${JSON.stringify(configured)}`);
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

/** HTTPS options from office-addin-dev-certs, or undefined (plain HTTP) when they cannot be had. */
async function httpsOptions(wantHttp) {
  if (wantHttp) return undefined;
  try {
    const devCerts = require("office-addin-dev-certs");
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 30 s")), 30000).unref());
    return await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
  } catch (error) {
    console.warn(`No development certificate (${error.message}): serving plain HTTP. Run "npm run dev-certs" to install one.`);
    return undefined;
  }
}

/** After the server listens: sideload where office-addin-debugging can, else say how to do it by hand. */
function announce(url) {
  const manifest = path.resolve(__dirname, "manifest.xml");
  if (process.platform === "win32" || process.platform === "darwin") {
    console.log(`Add-in served at ${url}; sideloading ${manifest} into Excel…`);
    const child = spawn("npx", ["office-addin-debugging", "start", "manifest.xml", "--no-debug"], { cwd: __dirname, stdio: "inherit", shell: true });
    child.on("error", (error) => console.warn(`office-addin-debugging could not start (${error.message}); sideload ${manifest} by hand.`));
    return;
  }
  console.log(
    [
      `Add-in served at ${url}.`,
      "Sideloading is not automatic on this platform. To try the add-in:",
      "  • Excel on the web: open a workbook, Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, and choose",
      `    ${manifest}`,
      "  • Excel on Windows or Mac: run `npm run start:addin` there, or use a shared folder catalog.",
      `  • Browser preview of the task pane: ${url}/taskpane.html`,
      url.startsWith("http:") ? "  Note: Excel only loads add-ins over HTTPS; run `npm run dev-certs` for a trusted certificate." : "",
    ]
      .filter(Boolean)
      .join("\n"),
  );
}

const config = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const manifestUrl = production && !serving ? publicUrl() : DEVELOPMENT_URL;
  const port = Number(process.env.ADDIN_PORT || 3000);
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
    },
    output: {
      path: OUTPUT,
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
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
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "addin/assets/*.png", to: "assets/[name][ext]" },
          // already minified by Microsoft: mark it so, or the minimizer spends minutes on 30 MB of it
          { from: OFFICE_JS, to: ".", globOptions: { ignore: ["**/*.debug.js"] }, info: { minimized: true } },
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
