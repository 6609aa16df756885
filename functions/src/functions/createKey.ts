import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { z } from "zod";
import { authorize } from "../http/auth";
import { readJsonBody } from "../http/body";
import { withErrors } from "../http/handler";
import { jsonResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";
import { ROLES } from "../settings";

/** Body of `POST /api/keys`. */
export const CreateKeySchema = z.strictObject({
  name: z.string().trim().min(1, "name the key (who or what uses it)").max(100, "a key name has at most 100 characters"),
  role: z.enum(ROLES),
  /** ISO date-time; the key stops working then. */
  expiresAt: z.iso
    .datetime({ offset: true })
    .refine((value) => Date.parse(value) > Date.now(), { message: "expiresAt must be in the future" })
    .optional(),
});

/**
 * `POST /api/keys` (Model.Admin): creates a machine key for the caller's tenant with a role, a
 * name and an optional expiry. 201 with the key: the only time it is shown (only a salted hash
 * is kept).
 */
export const createKey = withErrors(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
  const current = await services();
  const caller = await authorize(request, current, "Model.Admin");
  const body = await readJsonBody(request, CreateKeySchema, current.settings.maxPayloadBytes);
  const { key, record } = await current.machineKeys.create({
    tenant: caller.tenant,
    role: body.role,
    name: body.name,
    expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
  });
  context.log(`key ${record.id} (role ${record.role}) created for tenant ${caller.tenant} by ${caller.principal}`);
  return jsonResponse(201, { ...record, key }, { Location: `/api/keys/${record.id}` });
});

registerHttp("createKey", createKey);
