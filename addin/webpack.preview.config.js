/**
 * Browser preview of the task pane (outside Office): the pane on an in-memory workbook loaded
 * with the samples, its SYM formulas evaluated by the real custom functions.
 *
 *   npm run preview          → http://localhost:3100/taskpane.html (PREVIEW_PORT to change it)
 *   build only (e2e tests)   → webpack --config addin/webpack.preview.config.js, output in
 *                              PREVIEW_OUTPUT (default: a folder under the system temp dir)
 *
 * The page loads Office.js from the Office CDN like the add-in, and falls back to the stand-in
 * addin/test-doubles/office-outside-excel.js when the CDN is out of reach (the end-to-end test
 * routes the CDN URL to that stand-in); the samples are served from samples/.
 */
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { signInEntry, signInPlugins } = require("./webpack.signIn");

const ROOT = path.resolve(__dirname, "..");

module.exports = (_env = {}, argv = {}) => ({
  mode: argv.mode === "production" ? "production" : "development",
  devtool: false,
  context: ROOT,
  entry: {
    taskpane: "./addin/src/taskpane/index.tsx",
    linkageWorker: "./addin/src/taskpane/linkage/linkageWorker.ts",
    deckPage: "./addin/src/taskpane/deck/deckPage.ts",
    ...signInEntry,
  },
  output: {
    path: process.env.PREVIEW_OUTPUT || path.join(os.tmpdir(), "symmetry-barometer-preview"),
    filename: "[name].js",
    chunkFilename: "[name].[contenthash:8].js",
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js"], alias: { "@symmetry/engine": path.join(ROOT, "shared", "src") } },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { configFile: path.join(ROOT, "tsconfig.json"), transpileOnly: true } },
      },
    ],
  },
  performance: { hints: false },
  plugins: [
    ...signInPlugins(),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./addin/src/taskpane/taskpane.html",
      chunks: ["taskpane"],
      officeFallback: true,
    }),
    new HtmlWebpackPlugin({ filename: "deck.html", template: "./addin/src/taskpane/deck/deck.html", chunks: ["deckPage"] }),
    // pptxgenjs (the task pane's Export deck) reaches for node:fs and node:https only when it runs in
    // Node; its package's browser field maps them away, which webpack honours once the scheme is dropped.
    new webpack.NormalModuleReplacementPlugin(/^node:(fs|https)$/, (resource) => {
      resource.request = resource.request.slice("node:".length);
    }),
    new CopyWebpackPlugin({ patterns: [{ from: "addin/test-doubles/office-outside-excel.js", to: "office-outside-excel.js" }] }),
  ],
  devServer: {
    port: Number(process.env.PREVIEW_PORT || 3100),
    host: "localhost",
    hot: false,
    liveReload: true,
    open: false,
    static: [{ directory: path.join(ROOT, "samples"), publicPath: "/samples", watch: false }],
    onListening: (server) =>
      console.log(`Task pane preview: http://localhost:${server.server.address().port}/taskpane.html (add ?lang=fr, ?rows=200000)`),
  },
});
