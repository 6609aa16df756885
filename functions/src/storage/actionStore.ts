import type { ContainerClient } from "@azure/storage-blob";
import { ActionPlanSchema, type ActionPlan } from "@symmetry/engine/actions";
import { downloadJson, uploadJson } from "./blobJson";
import { StoreConflict, storageStatus } from "./errors";

/** An action plan as stored, with the ETag that guards its updates. */
export interface StoredActionPlan {
  readonly plan: ActionPlan;
  readonly etag: string;
  readonly updatedAt: string;
}

/**
 * The action plans of each tenant, one per model (docs/domain.md#actions: actions travel
 * in the workbook and, with an API, in the tenant's store). A tenant sees and writes its own plans
 * only; the same model id in two tenants names two plans.
 */
export interface ActionStore {
  get(tenant: string, modelId: string): Promise<StoredActionPlan | undefined>;
  /**
   * Stores the plan: `{ifNoneMatch: "*"}` creates it (`StoreConflict("exists")` when there is one),
   * `{ifMatch}` replaces it while the ETag is current (`StoreConflict("stale" | "missing")`).
   */
  put(tenant: string, modelId: string, plan: ActionPlan, condition: { ifMatch: string } | { ifNoneMatch: "*" }): Promise<StoredActionPlan>;
}

// Tenant ids and model ids contain no "/", so a tenant's blobs share a prefix no other tenant has.
const planName = (tenant: string, modelId: string) => `${tenant}/${modelId}.json`;

/**
 * Plans in a blob container, `<tenant>/<modelId>.json`, written under the storage's own condition
 * (If-Match / If-None-Match: *), so two people editing the same plan can never both win: the
 * second gets 412 and reads the plan again.
 */
export class BlobActionStore implements ActionStore {
  constructor(private readonly container: ContainerClient) {}

  async get(tenant: string, modelId: string): Promise<StoredActionPlan | undefined> {
    try {
      const { json, etag, lastModified } = await downloadJson(this.container.getBlockBlobClient(planName(tenant, modelId)));
      return { plan: ActionPlanSchema.parse(json), etag, updatedAt: lastModified.toISOString() };
    } catch (error) {
      if (storageStatus(error) === 404) return undefined;
      throw error;
    }
  }

  async put(
    tenant: string,
    modelId: string,
    plan: ActionPlan,
    condition: { ifMatch: string } | { ifNoneMatch: "*" },
  ): Promise<StoredActionPlan> {
    const blob = this.container.getBlockBlobClient(planName(tenant, modelId));
    const response = await uploadJson(blob, plan, condition).catch(async (error: unknown) => {
      const status = storageStatus(error);
      if ("ifNoneMatch" in condition && (status === 409 || status === 412))
        throw new StoreConflict(
          "exists",
          `the action plan of model "${modelId}" already exists; send If-Match with its ETag to replace it`,
        );
      // A failed If-Match is 412 whether the blob changed or was never written: tell them apart.
      if ("ifMatch" in condition && (status === 404 || status === 412)) {
        if (status === 404 || !(await blob.exists()))
          throw new StoreConflict("missing", `model "${modelId}" has no action plan yet; send If-None-Match: * to create it`);
        throw new StoreConflict("stale", `the action plan of model "${modelId}" changed since ETag ${condition.ifMatch}`);
      }
      throw error;
    });
    return { plan, etag: response.etag, updatedAt: response.lastModified.toISOString() };
  }
}
