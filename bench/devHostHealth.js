"use strict";
/**
 * Waiting for the dev host a bench has just spawned: it answers GET {base}/health once its HTTP
 * server and storage clients are up. Polled every 200 ms; after `maxAttempts` + 1 refused or failed
 * polls the bench stops with "dev host did not start".
 */
async function waitUntilHealthy(base, maxAttempts) {
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet: try again after the pause
    }
    if (attempt > maxAttempts) throw new Error("dev host did not start");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

module.exports = { waitUntilHealthy };
