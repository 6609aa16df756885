import { odata, type TableClient } from "@azure/data-tables";
import { newWaveRefusal, type BenchmarkContribution, type NewWaveRefusal, type PooledContribution } from "@symmetry/engine";
import { storageStatus } from "./errors";

/** A contribution as stored: the organisation (tenant) it belongs to and when it was last posted. */
export interface StoredContribution extends PooledContribution {
  readonly modelId: string;
  readonly updatedAt: string;
  /** When its wave was first posted. */
  readonly openedAt: string;
}

/**
 * Why a contribution cannot be written: its wave was already changed once (`changed`), or it was
 * withdrawn in that wave (`withdrawn`). Both stop an organisation from differencing the pool by
 * posting, changing and deleting its own figures at will.
 */
export type ContributionRefusal = "changed" | "withdrawn";

/** The outcome of a contribution write: refused for its wave, refused as a new wave (engine `newWaveRefusal`), or stored. */
export type PutOutcome =
  | { readonly refused: ContributionRefusal }
  | NewWaveRefusal
  | { readonly refused?: undefined; readonly replaced: boolean; readonly stored: StoredContribution };

/**
 * The anonymous benchmark pool: one contribution per (tenant, model, wave), changed at most once
 * per wave; a deleted one stays as a tombstone (no figures) so that wave cannot be posted again.
 */
export interface BenchmarkStore {
  /** Creates the tenant's contribution for the model and its wave, or replaces it once. */
  put(modelId: string, tenant: string, contribution: BenchmarkContribution): Promise<PutOutcome>;
  /** Every tenant's contributions to a model in a sector (one wave, or all). Never served as rows. */
  inSector(modelId: string, sector: string, wave?: string): Promise<StoredContribution[]>;
  /** The tenant's own contributions to a model (one wave, or all). */
  ofTenant(modelId: string, tenant: string, wave?: string): Promise<StoredContribution[]>;
  /** Withdraws the tenant's contributions to a model (one wave, or all), leaving tombstones; how many were withdrawn. */
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
  /** Replacements made in this wave (0 or 1). */
  changes?: number;
  /** Set on a withdrawn contribution (a tombstone: its figures are erased). */
  withdrawn?: boolean;
  /** When the wave was first posted; kept by replacements and tombstones (rows written before it have updatedAt only). */
  openedAt?: Date;
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
    openedAt: new Date(entity.openedAt ?? entity.updatedAt).toISOString(),
  };
}

/**
 * Contributions in a table partitioned by model id: a sector's pool is one partition query, a
 * tenant's own rows a row-key range. Re-posting a wave replaces the same row once; a withdrawal
 * turns it into a tombstone, which every read skips.
 */
export class TableBenchmarkStore implements BenchmarkStore {
  constructor(private readonly table: TableClient) {}

  async put(modelId: string, tenant: string, contribution: BenchmarkContribution): Promise<PutOutcome> {
    const key = rowKey(tenant, contribution.wave);
    let existing: (ContributionEntity & { etag: string }) | undefined;
    try {
      existing = await this.table.getEntity<ContributionEntity>(modelId, key);
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
    }
    if (existing?.withdrawn) return { refused: "withdrawn" };
    if (existing && (existing.changes ?? 0) >= 1) return { refused: "changed" };
    const now = new Date();
    if (!existing) {
      const refusal = newWaveRefusal(await this.openedWaves(modelId, tenant), contribution.wave, now);
      if (refusal) return refusal;
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
      updatedAt: now,
      openedAt: existing ? (existing.openedAt ?? existing.updatedAt) : now,
      changes: existing ? 1 : 0,
    };
    try {
      // Conditional writes: two posts racing for the same wave cannot both count as its first.
      if (existing) await this.table.updateEntity(entity, "Replace", { etag: existing.etag });
      else await this.table.createEntity(entity);
    } catch (error) {
      const status = storageStatus(error);
      if (status === 409 || status === 412) return { refused: "changed" };
      throw error;
    }
    return { replaced: existing !== undefined, stored: toContribution(entity) };
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

  /** Every wave the tenant opened in the model's pool, withdrawn ones included, with when it was opened. */
  private async openedWaves(modelId: string, tenant: string): Promise<{ wave: string; openedAt: string }[]> {
    const opened: { wave: string; openedAt: string }[] = [];
    const filter = odata`PartitionKey eq ${modelId} and RowKey ge ${`${tenant}|`} and RowKey lt ${`${tenant}}`}`;
    for await (const entity of this.table.listEntities<ContributionEntity>({ queryOptions: { filter } })) {
      if (entity.tenant !== tenant) continue;
      opened.push({ wave: entity.wave, openedAt: new Date(entity.openedAt ?? entity.updatedAt).toISOString() });
    }
    return opened;
  }

  async deleteOfTenant(modelId: string, tenant: string, wave?: string): Promise<number> {
    const own = await this.ofTenant(modelId, tenant, wave);
    await Promise.all(
      own.map(async (row) => {
        // The tombstone keeps the wave and sector only: the figures are gone, the wave stays closed.
        const tombstone: ContributionEntity = {
          partitionKey: modelId,
          rowKey: rowKey(tenant, row.wave),
          tenant,
          sector: row.sector,
          wave: row.wave,
          n: 0,
          dimensions: "{}",
          updatedAt: new Date(),
          openedAt: new Date(row.openedAt),
          withdrawn: true,
        };
        await this.table.upsertEntity(tombstone, "Replace");
      }),
    );
    return own.length;
  }

  private async list(filter: string): Promise<StoredContribution[]> {
    const rows: StoredContribution[] = [];
    for await (const entity of this.table.listEntities<ContributionEntity>({ queryOptions: { filter } })) {
      if (!entity.withdrawn) rows.push(toContribution(entity));
    }
    return rows;
  }
}
