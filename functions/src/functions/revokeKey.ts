import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { authorize } from "../http/auth";
import { withErrors } from "../http/handler";
import { errorResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";

/** `DELETE /api/keys/{id}` (Model.Admin): revokes a machine key of the caller's tenant at once; 204, or 404 for a key of another tenant or none. */
export const revokeKey = withErrors(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
  const current = await services();
  const caller = await authorize(request, current, "Model.Admin");
  const id = request.params.id ?? "";
  if (!(await current.machineKeys.revoke(caller.tenant, id)))
    return errorResponse(404, "key-not-found", `no key ${JSON.stringify(id)} for this tenant`);
  context.log(`key ${id} of tenant ${caller.tenant} revoked by ${caller.principal}`);
  return { status: 204, headers: { "Cache-Control": "no-store" } };
});

registerHttp("revokeKey", revokeKey);
