import type { TokenCredential } from "@azure/identity";
import { settings as currentSettings, type Settings } from "./settings";
import { storageClients } from "./storage/account";
import { BlobActionStore, type ActionStore } from "./storage/actionStore";
import { TableBenchmarkStore, type BenchmarkStore } from "./storage/benchmarkStore";
import { BlobJobDataStore, type JobDataStore } from "./storage/jobData";
import { StorageJobQueue, type JobQueue } from "./storage/jobQueue";
import { TableJobStore, type JobStore } from "./storage/jobStore";
import { TableKeyStore, type KeyStore } from "./storage/keyStore";
import { BlobModelStore, type ModelStore } from "./storage/modelStore";
import { TableTenantQuota, type ActiveJobState } from "./storage/tenantQuota";
import {
  ACTION_CONTAINER,
  BENCHMARK_TABLE,
  QUOTA_TABLE,
  IDEMPOTENCY_TABLE,
  KEY_TABLE,
  JOB_CONTAINER,
  JOB_POISON_QUEUE,
  JOB_QUEUE,
  JOB_TABLE,
  MODEL_CONTAINER,
} from "./storage/names";

/** What the handlers work with: settings, and stores and queue behind their interfaces. */
export interface Services {
  readonly settings: Settings;
  readonly models: ModelStore;
  /** Action plans, one per model of a tenant. */
  readonly actions: ActionStore;
  readonly jobs: JobStore;
  readonly jobData: JobDataStore;
  readonly queue: JobQueue;
  readonly benchmarks: BenchmarkStore;
  /** Per-tenant token bucket and concurrency ceiling of job submissions. */
  readonly quota: TableTenantQuota | undefined;
  /** Machine keys, stored as salted hashes. */
  readonly machineKeys: KeyStore;
  /** One cheap call per storage service, for the health endpoint. */
  probeStorage(): Promise<Record<"blob" | "queue" | "table", "ok" | string>>;
}

/**
 * Azure Storage implementations over the configured account: a connection string (an account, or
 * Azurite) or the account by identity (storage/account.ts; `credential` replaces
 * DefaultAzureCredential in tests).
 */
export async function createStorageServices(settings: Settings, credential?: TokenCredential): Promise<Services> {
  const { blobService, queueService, table } = storageClients(settings.storage, credential);
  const modelContainer = blobService.getContainerClient(MODEL_CONTAINER);
  const jobContainer = blobService.getContainerClient(JOB_CONTAINER);
  const actionContainer = blobService.getContainerClient(ACTION_CONTAINER);
  const jobTable = table(JOB_TABLE);
  const idempotencyTable = table(IDEMPOTENCY_TABLE);
  const benchmarkTable = table(BENCHMARK_TABLE);
  const quotaTable = table(QUOTA_TABLE);
  const keyTable = table(KEY_TABLE);
  const jobQueue = queueService.getQueueClient(JOB_QUEUE);

  await Promise.all([
    modelContainer.createIfNotExists(),
    jobContainer.createIfNotExists(),
    actionContainer.createIfNotExists(),
    jobTable.createTable(),
    idempotencyTable.createTable(),
    benchmarkTable.createTable(),
    quotaTable.createTable(),
    keyTable.createTable(),
    jobQueue.createIfNotExists(),
    queueService.getQueueClient(JOB_POISON_QUEUE).createIfNotExists(),
  ]);

  const probe = async (call: () => Promise<unknown>) => {
    try {
      await call();
      return "ok";
    } catch (error) {
      return error instanceof Error ? error.message.split("\n")[0] : String(error);
    }
  };

  const jobs = new TableJobStore(jobTable, idempotencyTable);
  const jobState = async (jobId: string): Promise<ActiveJobState> => {
    const job = await jobs.get(jobId);
    if (!job) return "missing";
    return job.status === "succeeded" || job.status === "failed" ? "finished" : "active";
  };
  return {
    settings,
    models: new BlobModelStore(modelContainer),
    actions: new BlobActionStore(actionContainer),
    jobs,
    quota: settings.quota ? new TableTenantQuota(quotaTable, settings.quota, jobState) : undefined,
    jobData: new BlobJobDataStore(jobContainer),
    queue: new StorageJobQueue(jobQueue),
    benchmarks: new TableBenchmarkStore(benchmarkTable),
    machineKeys: new TableKeyStore(keyTable),
    probeStorage: async () => {
      const [blob, queue, table] = await Promise.all([
        probe(() => modelContainer.getProperties()),
        probe(() => jobQueue.getProperties()),
        probe(async () => {
          for await (const page of jobTable.listEntities({ queryOptions: { select: ["PartitionKey"] } }).byPage({ maxPageSize: 1 }))
            return page;
          return undefined;
        }),
      ]);
      return { blob, queue, table };
    },
  };
}

let pending: { settings: Settings; services: Promise<Services> } | undefined;

/**
 * The process's services, created on first use (containers, tables and queues created if
 * missing). A failed start is not cached, so the next request tries again.
 */
export function services(): Promise<Services> {
  const settings = currentSettings();
  if (!pending || pending.settings !== settings) {
    const created = createStorageServices(settings);
    pending = { settings, services: created };
    created.catch(() => {
      if (pending?.services === created) pending = undefined;
    });
  }
  return pending.services;
}
