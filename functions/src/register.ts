import { app, type HttpHandler, type StorageQueueHandler, type TimerHandler } from "@azure/functions";
import { settings } from "./settings";
import { httpRoutes, queueTriggers, timerTriggers, type HttpRouteName, type QueueTriggerName, type TimerTriggerName } from "./routes";

/**
 * Registration with the Functions host, from the route table. Outside the host (tests, dev
 * host) `@azure/functions` runs in test mode where registering only prints a warning per
 * function, so registration is skipped there; the host provides `@azure/functions-core`.
 */
function insideFunctionsHost(): boolean {
  try {
    // The host's worker serves this module from memory (as `@azure/functions` itself loads it).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a probe that must not be hoisted: only the host can resolve this module
    require("@azure/functions-core");
    return true;
  } catch {
    return false;
  }
}

const enabled = insideFunctionsHost();
// Under the host, settings that cannot be used (no storage configured outside a local run, a
// malformed key list) stop the app at start-up with their message, instead of failing each request.
if (enabled) settings();

export function registerHttp(name: HttpRouteName, handler: HttpHandler): void {
  if (!enabled) return;
  const route = httpRoutes[name];
  app.http(name, { methods: [...route.methods], route: route.route, authLevel: route.authLevel, handler });
}

export function registerQueue(name: QueueTriggerName, handler: StorageQueueHandler): void {
  if (enabled) app.storageQueue(name, { ...queueTriggers[name], handler });
}

export function registerTimer(name: TimerTriggerName, handler: TimerHandler): void {
  if (enabled) app.timer(name, { ...timerTriggers[name], handler });
}
