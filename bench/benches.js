"use strict";
/**
 * The benchmarks `npm run bench` runs, in order. Each module exports
 * `{ name, description, run(context) }` where `run` returns `{ rows, checks }` (see run.js);
 * add a `bench/<name>.bench.js` and list it here.
 */
module.exports = [
  require("./barometer.bench"),
  require("./trend.bench"),
  require("./heatmap.bench"),
  require("./functions.bench"),
  require("./linkage.bench"),
  require("./linkage-job.bench"),
  require("./linkage-merge.bench"),
  require("./report-batch.bench"),
];
