import { odata, type TableClient } from "@azure/data-tables";
import type { BenchmarkContribution, PooledContribution } from "@symmetry/engine";
import { storageStatus } from "./errors";

/** A contribution as stored: the organisation (tenant) it belongs to and when it was last posted. */
export interface StoredContribution extends PooledContribution {
  readonly modelId: string;
  readonly updatedAt: string;
}

/** The anonymous benchmark pool: one contribution per (tenant, model, wave). */
export interface BenchmarkStore {
  /** Creates or replaces the tenant's contribution for the model and its wave; true when it replaced one. */
  put(modelId: string, tenant: string, contribution: BenchmarkContribution): Promise<{ replaced: boolean; stored: StoredContribution }>;
  /** Every tenant's contributions to a model in a sector (one wave, or all). Never served as rows. */
  inSector(modelId: string, sector: string, wave?: string): Promise<StoredContribution[]>;
  /** The tenant's own contributions to a model (one wave, or all). */
  ofTenant(modelId: string, tenant: string, wave?: string): Promise<StoredContribution[]>;
  /** Deletes the tenant's contributions to a model (one wave, or all); how many were deleted. */
  deleteOfTenant(modelId: string, tenant: string, wave?: string): Promise<number>;
}

type ContributionEntity = {
  partitionKey: string;
  rowKey: string;
  tenant: string;
  sector: string;
  wave: string;
  n: number;
  /** JSON of the per-dimension scores (a table property cannot hold a map). */
  dimensions: string;
  enps?: number;
  nps?: number;
  updatedAt: Date;
};

/** Row key of a contribution: tenant and wave ("|" appears in neither: tenant ids and waves exclude it). */
const rowKey = (tenant: string, wave: string) => `${tenant}|${wave}`;

function toContribution(entity: ContributionEntity): StoredContribution {
  return {
    modelId: entity.partitionKey,
    organisation: entity.tenant,
    sector: entity.sector,
    wave: entity.wave,
    n: entity.n,
    dimensions: JSON.parse(entity.dimensions) as Record<string, number>,
    enps: typeof entity.enps === "number" ? entity.enps : null,
    nps: typeof entity.nps === "number" ? entity.nps : null,
    updatedAt: new Date(entity.updatedAt).toISOString(),
  };
}

/**
 * Contributions in a table partitioned by model id: a sector's pool is one partition query, a
 * tenant's own rows a row-key range. Re-posting a wave upserts the same row (replace).
 */
export class TableBenchmarkStore implements BenchmarkStore {
  constructor(private readonly table: TableClient) {}

  async put(
    modelId: string,
    tenant: string,
    contribution: BenchmarkContribution,
  ): Promise<{ replaced: boolean; stored: StoredContribution }> {
    const key = rowKey(tenant, contribution.wave);
    let replaced = true;
    try {
      await this.table.getEntity(modelId, key, { queryOptions: { select: ["PartitionKey"] } });
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
      replaced = false;
    }
    const entity: ContributionEntity = {
      partitionKey: modelId,
      rowKey: key,
      tenant,
      sector: contribution.sector,
      wave: contribution.wave,
      n: contribution.n,
      dimensions: JSON.stringify(contribution.dimensions),
      ...(contribution.enps !== null ? { enps: contribution.enps } : {}),
      ...(contribution.nps !== null ? { nps: contribution.nps } : {}),
      updatedAt: new Date(),
    };
    await this.table.upsertEntity(entity, "Replace");
    return { replaced, stored: toContribution(entity) };
  }

  async inSector(modelId: string, sector: string, wave?: string): Promise<StoredContribution[]> {
    const filter =
      wave === undefined
        ? odata`PartitionKey eq ${modelId} and sector eq ${sector}`
        : odata`PartitionKey eq ${modelId} and sector eq ${sector} and wave eq ${wave}`;
    return this.list(filter);
  }

  async ofTenant(modelId: string, tenant: string, wave?: string): Promise<StoredContribution[]> {
    // Row keys of a tenant run from "tenant|" to "tenant}" ("}" sorts right after "|").
    const filter =
      wave === undefined
        ? odata`PartitionKey eq ${modelId} and RowKey ge ${`${tenant}|`} and RowKey lt ${`${tenant}}`}`
        : odata`PartitionKey eq ${modelId} and RowKey eq ${rowKey(tenant, wave)}`;
    return (await this.list(filter)).filter((row) => row.organisation === tenant);
  }

  async deleteOfTenant(modelId: string, tenant: string, wave?: string): Promise<number> {
    const own = await this.ofTenant(modelId, tenant, wave);
    await Promise.all(
      own.map(async (row) => {
        try {
          await this.table.deleteEntity(modelId, rowKey(tenant, row.wave));
        } catch (error) {
          if (storageStatus(error) !== 404) throw error;
        }
      }),
    );
    return own.length;
  }

  private async list(filter: string): Promise<StoredContribution[]> {
    const rows: StoredContribution[] = [];
    for await (const entity of this.table.listEntities<ContributionEntity>({ queryOptions: { filter } })) rows.push(toContribution(entity));
    return rows;
  }
}
