import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { errorResponse, jsonResponse } from "../http/responses";
import { withErrors } from "../http/handler";
import { registerHttp } from "../register";
import { services } from "../services";
import { appVersion } from "../version";

/** `GET /api/health`: 200 when blob, queue and table storage answer, 503 otherwise; the app version. */
export const health = withErrors(async (_request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
  let storage: Record<string, string>;
  try {
    storage = await (await services()).probeStorage();
  } catch (error) {
    context.warn(`health: storage unreachable: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return errorResponse(503, "storage-unreachable", {
      version: appVersion(),
      storage: "could not connect to the storage account (AzureWebJobsStorage)",
    });
  }
  const healthy = Object.values(storage).every((status) => status === "ok");
  if (!healthy) return errorResponse(503, "storage-unreachable", { version: appVersion(), storage });
  return jsonResponse(200, { status: "ok", version: appVersion(), storage });
});

registerHttp("health", health);
