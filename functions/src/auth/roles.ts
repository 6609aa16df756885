import type { Role } from "../settings";

/**
 * The API's app roles, as declared in the app registration (docs/deploy-azure.md) and carried by
 * an Entra ID access token's `roles` claim: reading (models, jobs, pools), administering the
 * tenant's models and machine keys, and contributing the organisation's figures to benchmark pools.
 */
export const APP_ROLES = ["Barometer.Read", "Model.Admin", "Benchmark.Contribute"] as const;
export type AppRole = (typeof APP_ROLES)[number];

/** Every role can read: an admin or a contributor needs to see what it changes. */
const IMPLIED: Record<AppRole, readonly AppRole[]> = {
  "Barometer.Read": ["Barometer.Read"],
  "Model.Admin": ["Model.Admin", "Barometer.Read"],
  "Benchmark.Contribute": ["Benchmark.Contribute", "Barometer.Read"],
};

/** The app roles of a key's role (settings keys and stored machine keys). */
export const KEY_ROLE_GRANTS: Record<Role, AppRole> = {
  read: "Barometer.Read",
  admin: "Model.Admin",
  contribute: "Benchmark.Contribute",
};

/** The app roles granted by roles (unknown names ignored), with the roles they imply. */
export function grantedRoles(roles: readonly string[]): AppRole[] {
  const granted = new Set<AppRole>();
  for (const role of roles) {
    if ((APP_ROLES as readonly string[]).includes(role)) IMPLIED[role as AppRole].forEach((implied) => granted.add(implied));
  }
  return APP_ROLES.filter((role) => granted.has(role));
}

/** Who is calling: the tenant every read and write is scoped to, and the rights. */
export interface Caller {
  readonly tenant: string;
  readonly roles: readonly AppRole[];
  /** For logs: `key:settings`, `key:<key id>` or `user:<oid>`; never a secret. */
  readonly principal: string;
}
