/** Jest runs every suite of the repository: engine, custom functions, task pane, API, CLI. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/shared", "<rootDir>/addin", "<rootDir>/functions", "<rootDir>/cli"],
  testMatch: ["**/test/**/*.test.ts", "**/test/**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true, diagnostics: false }],
    // pptxgenjs loads node:fs with a dynamic import(), which Jest's module sandbox refuses; compiled
    // to CommonJS it becomes a require() and behaves as in Node.
    "pptxgenjs[\\/]dist[\\/]pptxgen\\.cjs\\.js$": [
      "ts-jest",
      { tsconfig: { allowJs: true, module: "commonjs", target: "ES2022" }, isolatedModules: true, diagnostics: false },
    ],
    // jose ships ES modules only; Node 20 requires them natively, Jest 30 on Node 20 does not.
    "/node_modules/jose/.+\\.js$": [
      "ts-jest",
      { tsconfig: { allowJs: true, module: "commonjs", target: "ES2022" }, isolatedModules: true, diagnostics: false },
    ],
  },
  transformIgnorePatterns: ["/node_modules/(?!(?:pptxgenjs|jose)/)"],
  moduleNameMapper: {
    // the engine package resolves to its sources, as tsconfig.json `paths` does for the compiler
    "^@symmetry/engine$": "<rootDir>/shared/src/index.ts",
    "^@symmetry/engine/(.*)$": "<rootDir>/shared/src/$1",
    // office-addin-mock imports office-addin-manifest, whose ESM-only dependencies Jest cannot load;
    // the mock only needs its OfficeApp enum (see addin/test/support/office-addin-manifest-stub.js).
    "^office-addin-manifest$": "<rootDir>/addin/test/support/office-addin-manifest-stub.js",
  },
  testTimeout: 30000,
};
