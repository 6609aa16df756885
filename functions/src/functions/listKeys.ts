import type { HttpRequest, HttpResponseInit } from "@azure/functions";
import { authorize } from "../http/auth";
import { withErrors } from "../http/handler";
import { jsonResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";

/** `GET /api/keys` (Model.Admin): the machine keys of the caller's tenant, revoked ones included; never a secret. */
export const listKeys = withErrors(async (request: HttpRequest): Promise<HttpResponseInit> => {
  const current = await services();
  const caller = await authorize(request, current, "Model.Admin");
  return jsonResponse(200, { keys: await current.machineKeys.list(caller.tenant) });
});

registerHttp("listKeys", listKeys);
