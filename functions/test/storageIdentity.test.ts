/**
 * Storage by identity (functions/src/storage/account.ts): which settings select a connection
 * string, the account by identity or the emulator, the refusal to start without storage outside a
 * local run, and clients that authenticate with the credential given (a fake one here, standing in
 * for DefaultAzureCredential) against the account's endpoints.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/identity";
import { DefaultAzureCredential } from "@azure/identity";
import { defaultStorageCredential, DEVELOPMENT_STORAGE, storageAccessFrom, storageClients } from "../src/storage/account";
import { readSettings } from "../src/settings";
import { createStorageServices } from "../src/services";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

class FakeCredential implements TokenCredential {
  readonly scopes: string[] = [];
  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: "fake-token", expiresOnTimestamp: Date.now() + 3600_000 };
  }
}

describe("storage settings", () => {
  it("uses AzureWebJobsStorage as a connection string when it is set", () => {
    expect(
      storageAccessFrom({
        AzureWebJobsStorage: "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=a2V5;EndpointSuffix=core.windows.net",
      }),
    ).toEqual({
      kind: "connection-string",
      connectionString: "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=a2V5;EndpointSuffix=core.windows.net",
    });
  });

  it("uses the account by identity with AzureWebJobsStorage__accountName, and __clientId for a user-assigned identity", () => {
    expect(storageAccessFrom({ AzureWebJobsStorage__accountName: "symacme", AzureWebJobsStorage__clientId: "1111-2222" })).toEqual({
      kind: "identity",
      blobUrl: "https://symacme.blob.core.windows.net",
      queueUrl: "https://symacme.queue.core.windows.net",
      tableUrl: "https://symacme.table.core.windows.net",
      clientId: "1111-2222",
    });
  });

  it("takes service URIs when given, and needs all three without an account name", () => {
    const uris = {
      AzureWebJobsStorage__blobServiceUri: "https://b.example.net/",
      AzureWebJobsStorage__queueServiceUri: "https://q.example.net",
      AzureWebJobsStorage__tableServiceUri: "https://t.example.net",
    };
    expect(storageAccessFrom(uris)).toMatchObject({
      kind: "identity",
      blobUrl: "https://b.example.net",
      queueUrl: "https://q.example.net",
      tableUrl: "https://t.example.net",
    });
    expect(() => storageAccessFrom({ AzureWebJobsStorage__blobServiceUri: "https://b.example.net" })).toThrow(
      /AzureWebJobsStorage__queueServiceUri/,
    );
    expect(() => storageAccessFrom({ AzureWebJobsStorage__accountName: "Not A Name" })).toThrow(
      /accountName must be a storage account name/,
    );
  });

  it("uses the emulator only in a local run, and refuses to start elsewhere without storage", () => {
    expect(storageAccessFrom({ AZURE_FUNCTIONS_ENVIRONMENT: "Development" })).toEqual({
      kind: "connection-string",
      connectionString: DEVELOPMENT_STORAGE,
    });
    expect(() => storageAccessFrom({ WEBSITE_SITE_NAME: "sym-api" })).toThrow(
      /no storage account configured: set AzureWebJobsStorage .* or AzureWebJobsStorage__accountName/,
    );
    const directory = mkdtempSync(path.join(tmpdir(), "sym-storage-"));
    try {
      expect(() => readSettings({ AZURE_FUNCTIONS_ENVIRONMENT: "Production" }, directory)).toThrow(/no storage account configured/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("clients of storage by identity", () => {
  const access = storageAccessFrom({ AzureWebJobsStorage__accountName: "symacme" });

  it("point at the account's endpoints, never at the emulator", () => {
    const clients = storageClients(access, new FakeCredential());
    expect(clients.blobService.url).toBe("https://symacme.blob.core.windows.net/");
    expect(clients.queueService.url).toBe("https://symacme.queue.core.windows.net");
    expect(clients.table("symjobs").url).toBe("https://symacme.table.core.windows.net");
    expect(clients.description).toBe("symacme.blob.core.windows.net by identity");
    expect(JSON.stringify(clients.blobService.url)).not.toMatch(/127\.0\.0\.1|devstoreaccount1/);
  });

  it("ask the credential for a storage token on every service before a request leaves", async () => {
    const credential = new FakeCredential();
    // Endpoints that refuse connections: the token is requested before the request is sent.
    const offline = storageAccessFrom({
      AzureWebJobsStorage__blobServiceUri: "https://127.0.0.1:9/acct",
      AzureWebJobsStorage__queueServiceUri: "https://127.0.0.1:9/acct",
      AzureWebJobsStorage__tableServiceUri: "https://127.0.0.1:9/acct",
    });
    const clients = storageClients(offline, credential);
    const noRetry = { abortSignal: AbortSignal.timeout(5_000) };
    await expect(clients.blobService.getContainerClient("sym-models").getProperties(noRetry)).rejects.toThrow();
    await expect(clients.queueService.getQueueClient("sym-jobs").getProperties(noRetry)).rejects.toThrow();
    await expect(clients.table("symjobs").getEntity("p", "r", noRetry)).rejects.toThrow();
    expect(credential.scopes.filter((scope) => scope === "https://storage.azure.com/.default").length).toBeGreaterThanOrEqual(3);
  }, 30_000);

  it("the app's services use the credential they are given (DefaultAzureCredential otherwise)", async () => {
    const credential = new FakeCredential();
    const directory = mkdtempSync(path.join(tmpdir(), "sym-storage-"));
    try {
      const settings = readSettings(
        {
          AzureWebJobsStorage__blobServiceUri: "https://127.0.0.1:9/a",
          AzureWebJobsStorage__queueServiceUri: "https://127.0.0.1:9/a",
          AzureWebJobsStorage__tableServiceUri: "https://127.0.0.1:9/a",
        },
        directory,
      );
      await expect(createStorageServices(settings, credential)).rejects.toThrow();
      expect(credential.scopes).toContain("https://storage.azure.com/.default");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    expect(defaultStorageCredential({ kind: "identity", blobUrl: "", queueUrl: "", tableUrl: "" })).toBeInstanceOf(DefaultAzureCredential);
  }, 60_000);
});
