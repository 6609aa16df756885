"use strict";
/**
 * Lint rules of the repository (ESLint flat config).
 * - Type-aware rules on the engine, the API and the CLI: a floating promise or an unhandled branch
 *   of a job kind or status is a bug there, not a style point.
 * - `any` is refused in the engine: its inputs are validated data, never loose objects.
 * - The task pane and custom functions get the Office add-in rules (load before read, sync after
 *   load, no sync in loops) and React's hooks rules.
 * Formatting is Prettier's (see .prettierrc.json); ESLint does not check layout.
 */
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const reactHooks = require("eslint-plugin-react-hooks");
const globals = require("globals");

const typed = ["shared/**/*.ts", "functions/**/*.ts", "cli/**/*.ts"];

module.exports = tseslint.config(
  {
    ignores: ["node_modules/**", "dist/**", "addin/dist/**", "coverage/**", "test-artifacts/**", "bench/out/**", "samples/large/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-eval": "error",
      "prefer-const": "error",
      // Only the engine refuses `any` (below); adapters and tests parse JSON and host objects.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: typed,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
  {
    files: ["addin/**/*.ts", "addin/**/*.tsx"],
    languageOptions: { globals: { ...globals.browser, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly" } },
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // The in-memory workbook, its formula evaluator and the strict Office mock are test doubles:
    // product code never reaches them (only the browser preview, a development page, shows them).
    files: ["shared/src/**", "functions/src/**", "cli/src/**", "addin/src/**"],
    ignores: ["addin/src/preview/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/test-doubles", "**/test-doubles/**"], message: "test doubles are for tests and the preview only" }] },
      ],
    },
  },
  {
    files: ["**/test/**", "bench/**", "scripts/**", "samples/**"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
);
