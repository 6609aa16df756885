import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { errorResponse, jsonResponse } from "../http/responses";
import { withErrors } from "../http/handler";
import { registerHttp } from "../register";
import { services } from "../services";
import { appVersion } from "../version";

/**
 * `GET /api/health` (anonymous): 200 when blob, queue and table storage answer, 503 otherwise;
 * the app version. Each service is `ok` or `unavailable`: why (an account name, an endpoint, an
 * exception) goes to the log only, since anyone may call this route.
 */
export const health = withErrors(async (_request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
  let probed: Record<string, string>;
  try {
    probed = await (await services()).probeStorage();
  } catch (error) {
    context.warn(`health: storage unreachable: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return errorResponse(503, "storage-unreachable", {
      version: appVersion(),
      storage: { blob: "unavailable", queue: "unavailable", table: "unavailable" },
    });
  }
  const storage: Record<string, "ok" | "unavailable"> = {};
  for (const [service, status] of Object.entries(probed)) {
    storage[service] = status === "ok" ? "ok" : "unavailable";
    if (status !== "ok") context.warn(`health: ${service} storage: ${status}`);
  }
  if (Object.values(storage).some((status) => status !== "ok"))
    return errorResponse(503, "storage-unreachable", { version: appVersion(), storage });
  return jsonResponse(200, { status: "ok", version: appVersion(), storage });
});

registerHttp("health", health);
