/**
 * What sign-in adds to both task pane builds (webpack.config.js and the preview's):
 * - the ADDIN_AUTH_* settings of the build's environment, compiled into the pane
 *   (addin/src/taskpane/auth/signInSettings.ts; docs/taskpane.md#sign-in);
 * - auth-redirect.html, the page MSAL's sign-in popup lands on, with its redirect-bridge script.
 */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const SETTINGS = ["ADDIN_AUTH_CLIENT_ID", "ADDIN_AUTH_AUTHORITY", "ADDIN_AUTH_SCOPE", "ADDIN_AUTH_REDIRECT_URI", "ADDIN_AUTH_PROTOCOL"];

// Relative to the repository root, the context of both configurations.
const signInEntry = { authRedirect: "./addin/src/authRedirect/authRedirect.ts" };

function signInPlugins() {
  return [
    new webpack.DefinePlugin(Object.fromEntries(SETTINGS.map((name) => [`process.env.${name}`, JSON.stringify(process.env[name] ?? "")]))),
    new HtmlWebpackPlugin({
      filename: "auth-redirect.html",
      template: path.resolve(__dirname, "src/authRedirect/auth-redirect.html"),
      chunks: ["authRedirect"],
    }),
  ];
}

module.exports = { signInEntry, signInPlugins, SIGN_IN_SETTINGS: SETTINGS };
