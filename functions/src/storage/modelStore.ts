import type { ContainerClient } from "@azure/storage-blob";
import { ModelSchema, type Model } from "@symmetry/engine";
import { downloadJson, uploadJson } from "./blobJson";
import { StoreConflict, storageStatus } from "./errors";

/** A model as stored: the document, its version number and the ETag that guards updates. */
export interface StoredModel {
  readonly model: Model;
  readonly etag: string;
  readonly updatedAt: string;
}

export interface ModelVersionInfo {
  readonly version: number;
  readonly createdAt: string;
}

/**
 * Where the organisations' models live, each under its tenant: a tenant sees and writes its own
 * models only, and the same id in two tenants names two models. Every write keeps the previous
 * versions.
 */
export interface ModelStore {
  get(tenant: string, id: string): Promise<StoredModel | undefined>;
  /** Creates version 1; `StoreConflict("exists")` when the id is taken in the tenant. */
  create(tenant: string, model: Model): Promise<StoredModel>;
  /** Stores the next version if `etag` is still current; `StoreConflict("stale" | "missing")` otherwise. */
  update(tenant: string, model: Model, etag: string): Promise<StoredModel>;
  versions(tenant: string, id: string): Promise<ModelVersionInfo[]>;
  getVersion(tenant: string, id: string, version: number): Promise<Model | undefined>;
}

// Tenant ids and model ids contain no "/", so a tenant's blobs share one prefix no other tenant has.
const versionName = (tenant: string, id: string, version: number) => `${tenant}/${id}/versions/${String(version).padStart(6, "0")}.json`;
const currentName = (tenant: string, id: string) => `${tenant}/${id}/current.json`;

/**
 * Models in a blob container: `<tenant>/<id>/current.json` is the latest version and carries the ETag
 * clients send back in `If-Match`; `<tenant>/<id>/versions/<n>.json` keeps every version. The current
 * blob is written first, under the storage's own condition (If-Match / If-None-Match: *), so two
 * concurrent writers can never both win; the version copy follows.
 */
export class BlobModelStore implements ModelStore {
  constructor(private readonly container: ContainerClient) {}

  async get(tenant: string, id: string): Promise<StoredModel | undefined> {
    try {
      // Content and ETag from one download: an ETag read separately could belong to a newer
      // version, and a client's If-Match would then overwrite a version it has never seen.
      const { json, etag, lastModified } = await downloadJson(this.container.getBlockBlobClient(currentName(tenant, id)));
      return { model: ModelSchema.parse(json), etag, updatedAt: lastModified.toISOString() };
    } catch (error) {
      if (storageStatus(error) === 404) return undefined;
      throw error;
    }
  }

  async create(tenant: string, model: Model): Promise<StoredModel> {
    const stored = { ...model, version: 1 };
    const response = await this.write(currentName(tenant, model.id), stored, { ifNoneMatch: "*" }).catch((error: unknown) => {
      if (storageStatus(error) === 409 || storageStatus(error) === 412)
        throw new StoreConflict("exists", `model "${model.id}" already exists; send If-Match with its ETag to update it`);
      throw error;
    });
    await this.write(versionName(tenant, model.id, 1), stored, {});
    return { model: stored, etag: response.etag, updatedAt: response.lastModified };
  }

  async update(tenant: string, model: Model, etag: string): Promise<StoredModel> {
    const current = await this.get(tenant, model.id);
    if (!current) throw new StoreConflict("missing", `model "${model.id}" does not exist; send If-None-Match: * to create it`);
    if (current.etag !== etag)
      throw new StoreConflict("stale", `model "${model.id}" changed since ETag ${etag}; its current ETag is ${current.etag}`);
    const stored = { ...model, version: current.model.version + 1 };
    const response = await this.write(currentName(tenant, model.id), stored, { ifMatch: etag }).catch((error: unknown) => {
      if (storageStatus(error) === 412) throw new StoreConflict("stale", `model "${model.id}" changed since ETag ${etag}`);
      if (storageStatus(error) === 404) throw new StoreConflict("missing", `model "${model.id}" does not exist`);
      throw error;
    });
    await this.write(versionName(tenant, model.id, stored.version), stored, {});
    return { model: stored, etag: response.etag, updatedAt: response.lastModified };
  }

  async versions(tenant: string, id: string): Promise<ModelVersionInfo[]> {
    const versions: ModelVersionInfo[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: `${tenant}/${id}/versions/` })) {
      const match = /\/(\d+)\.json$/.exec(blob.name);
      if (match) versions.push({ version: Number(match[1]), createdAt: blob.properties.lastModified.toISOString() });
    }
    return versions.sort((a, b) => a.version - b.version);
  }

  async getVersion(tenant: string, id: string, version: number): Promise<Model | undefined> {
    try {
      const { json } = await downloadJson(this.container.getBlockBlobClient(versionName(tenant, id, version)));
      return ModelSchema.parse(json);
    } catch (error) {
      if (storageStatus(error) === 404) return undefined;
      throw error;
    }
  }

  private async write(
    name: string,
    model: Model,
    conditions: { ifMatch?: string; ifNoneMatch?: string },
  ): Promise<{ etag: string; lastModified: string }> {
    const response = await uploadJson(this.container.getBlockBlobClient(name), model, conditions);
    return { etag: response.etag, lastModified: response.lastModified.toISOString() };
  }
}
