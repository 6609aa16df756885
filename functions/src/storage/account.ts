import { TableClient } from "@azure/data-tables";
import type { TokenCredential } from "@azure/identity";
import { DefaultAzureCredential } from "@azure/identity";
import { BlobServiceClient } from "@azure/storage-blob";
import { QueueServiceClient } from "@azure/storage-queue";

/**
 * How the app reaches its storage account, read from the `AzureWebJobsStorage` settings the
 * triggers bind with ("Identity-based connections", Azure Functions docs):
 * - `AzureWebJobsStorage`: a connection string (an account key, or Azurite's
 *   `UseDevelopmentStorage=true`);
 * - `AzureWebJobsStorage__accountName` (or `__blobServiceUri`, `__queueServiceUri`,
 *   `__tableServiceUri`): the account by identity, with a `DefaultAzureCredential` (managed
 *   identity on Azure; `__clientId` picks a user-assigned one). No key is stored anywhere;
 * - neither: the storage emulator in a local run (`AZURE_FUNCTIONS_ENVIRONMENT=Development`, as
 *   Core Tools and the dev host set it), and a refusal to start anywhere else, rather than a
 *   production app quietly talking to 127.0.0.1.
 */
export type StorageAccess =
  | { readonly kind: "connection-string"; readonly connectionString: string }
  | {
      readonly kind: "identity";
      readonly blobUrl: string;
      readonly queueUrl: string;
      readonly tableUrl: string;
      readonly clientId?: string;
    };

/** The storage emulator's well-known development connection string. */
export const DEVELOPMENT_STORAGE = "UseDevelopmentStorage=true";
const SETTING = "AzureWebJobsStorage";

/** Reads the storage settings; throws a message naming the settings when none is usable. */
export function storageAccessFrom(values: Readonly<Record<string, string | undefined>>): StorageAccess {
  const connectionString = values[SETTING]?.trim();
  if (connectionString) return { kind: "connection-string", connectionString };
  const setting = (name: string) => values[`${SETTING}__${name}`]?.trim() || undefined;
  const accountName = setting("accountName");
  const explicit = { blob: setting("blobServiceUri"), queue: setting("queueServiceUri"), table: setting("tableServiceUri") };
  if (accountName || explicit.blob || explicit.queue || explicit.table) {
    if (accountName && !/^[a-z0-9]{3,24}$/.test(accountName))
      throw new Error(
        `setting ${SETTING}__accountName must be a storage account name (3–24 lower-case letters and digits), got ${JSON.stringify(accountName)}`,
      );
    const url = (service: "blob" | "queue" | "table") => {
      const given = explicit[service];
      if (given) return given.replace(/\/+$/, "");
      if (accountName) return `https://${accountName}.${service}.core.windows.net`;
      throw new Error(
        `storage by identity needs ${SETTING}__accountName, or ${SETTING}__${service}ServiceUri as well: the app uses blobs, queues and tables`,
      );
    };
    return { kind: "identity", blobUrl: url("blob"), queueUrl: url("queue"), tableUrl: url("table"), clientId: setting("clientId") };
  }
  if (values.AZURE_FUNCTIONS_ENVIRONMENT === "Development") return { kind: "connection-string", connectionString: DEVELOPMENT_STORAGE };
  throw new Error(
    `no storage account configured: set ${SETTING} (a connection string) or ${SETTING}__accountName (storage by identity); ` +
      "the storage emulator is used only in a local run (AZURE_FUNCTIONS_ENVIRONMENT=Development)",
  );
}

/** Clients of the account's three services. */
export interface StorageClients {
  readonly blobService: BlobServiceClient;
  readonly queueService: QueueServiceClient;
  table(name: string): TableClient;
  /** Where the clients point, for logs (never a key). */
  readonly description: string;
}

/** The credential of storage by identity: DefaultAzureCredential, with the user-assigned identity's client id when given. */
export function defaultStorageCredential(access: Extract<StorageAccess, { kind: "identity" }>): TokenCredential {
  return new DefaultAzureCredential(access.clientId ? { managedIdentityClientId: access.clientId } : {});
}

/**
 * Creates the clients. By identity, every client gets `credential` (DefaultAzureCredential unless
 * a test passes another); with a connection string, the clients parse it.
 */
export function storageClients(access: StorageAccess, credential?: TokenCredential): StorageClients {
  if (access.kind === "identity") {
    const token = credential ?? defaultStorageCredential(access);
    return {
      blobService: new BlobServiceClient(access.blobUrl, token),
      queueService: new QueueServiceClient(access.queueUrl, token),
      table: (name) => new TableClient(access.tableUrl, name, token),
      description: `${new URL(access.blobUrl).host} by identity`,
    };
  }
  const connection = access.connectionString;
  // Azurite serves plain http; the table client refuses it unless told.
  const tableOptions = { allowInsecureConnection: /UseDevelopmentStorage=true|(Table)?Endpoint=http:/i.test(connection) };
  return {
    blobService: BlobServiceClient.fromConnectionString(connection),
    queueService: QueueServiceClient.fromConnectionString(connection),
    table: (name) => TableClient.fromConnectionString(connection, name, tableOptions),
    description: /UseDevelopmentStorage=true/i.test(connection) ? "the storage emulator" : "a connection string",
  };
}
