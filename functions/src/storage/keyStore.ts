import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { odata, type TableClient } from "@azure/data-tables";
import type { Role } from "../settings";
import { storageStatus } from "./errors";

/**
 * Machine keys (the CLI, automation): created, listed and revoked by a tenant's admin. Only a
 * salted SHA-256 of each secret is stored. A secret is 32 random bytes, so a fast hash is enough:
 * nothing can be guessed from it, and the salt keeps equal digests from being matched across rows.
 * The full key is returned once, at creation.
 */

/** What a stored key says about itself (never the secret, never its hash). */
export interface MachineKey {
  readonly id: string;
  readonly tenant: string;
  readonly role: Role;
  readonly name: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export interface KeyStore {
  /** Creates a key; the only time its secret is available. */
  create(key: { tenant: string; role: Role; name: string; expiresAt: Date | null }): Promise<{ key: string; record: MachineKey }>;
  /** The key a presented secret belongs to, if it is valid now (known, not revoked, not expired). */
  verify(presented: string, now?: Date): Promise<MachineKey | undefined>;
  list(tenant: string): Promise<MachineKey[]>;
  /** Revokes a key of `tenant`; false when the tenant has no such key. */
  revoke(tenant: string, id: string): Promise<boolean>;
}

/** Bytes of a secret and of a key id. */
export const KEY_SECRET_BYTES = 32;
const KEY_ID_BYTES = 12;
const PARTITION = "key";

/** `sym.<16-character id>.<43-character secret>`: the id finds the row, the secret proves possession. */
const KEY_PATTERN = /^sym\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

export function isMachineKeyFormat(presented: string): boolean {
  return KEY_PATTERN.test(presented);
}

type KeyEntity = {
  partitionKey: string;
  rowKey: string;
  tenant: string;
  role: string;
  name: string;
  salt: string;
  hash: string;
  createdAt: Date;
  expiresAt?: Date;
  revokedAt?: Date;
};

const hashOf = (salt: Buffer, secret: string) => createHash("sha256").update(salt).update(secret, "utf8").digest();

function toRecord(entity: KeyEntity): MachineKey {
  return {
    id: entity.rowKey,
    tenant: entity.tenant,
    role: entity.role as Role,
    name: entity.name,
    createdAt: new Date(entity.createdAt).toISOString(),
    expiresAt: entity.expiresAt ? new Date(entity.expiresAt).toISOString() : null,
    revokedAt: entity.revokedAt ? new Date(entity.revokedAt).toISOString() : null,
  };
}

export class TableKeyStore implements KeyStore {
  constructor(private readonly table: TableClient) {}

  async create(key: { tenant: string; role: Role; name: string; expiresAt: Date | null }): Promise<{ key: string; record: MachineKey }> {
    const id = randomBytes(KEY_ID_BYTES).toString("base64url");
    const secret = randomBytes(KEY_SECRET_BYTES).toString("base64url");
    const salt = randomBytes(16);
    const entity: KeyEntity = {
      partitionKey: PARTITION,
      rowKey: id,
      tenant: key.tenant,
      role: key.role,
      name: key.name,
      salt: salt.toString("base64"),
      hash: hashOf(salt, secret).toString("base64"),
      createdAt: new Date(),
      ...(key.expiresAt ? { expiresAt: key.expiresAt } : {}),
    };
    // createEntity refuses an existing row: two keys can never share an id.
    await this.table.createEntity(entity);
    return { key: `sym.${id}.${secret}`, record: toRecord(entity) };
  }

  async verify(presented: string, now = new Date()): Promise<MachineKey | undefined> {
    const match = KEY_PATTERN.exec(presented);
    if (!match) return undefined;
    const entity = await this.get(match[1]);
    if (!entity) return undefined;
    const expected = Buffer.from(entity.hash, "base64");
    const actual = hashOf(Buffer.from(entity.salt, "base64"), match[2]);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
    const record = toRecord(entity);
    if (record.revokedAt !== null) return undefined;
    if (record.expiresAt !== null && new Date(record.expiresAt).getTime() <= now.getTime()) return undefined;
    return record;
  }

  async list(tenant: string): Promise<MachineKey[]> {
    const keys: MachineKey[] = [];
    const filter = odata`PartitionKey eq ${PARTITION} and tenant eq ${tenant}`;
    for await (const entity of this.table.listEntities<KeyEntity>({ queryOptions: { filter } })) keys.push(toRecord(entity));
    return keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async revoke(tenant: string, id: string): Promise<boolean> {
    if (!/^[A-Za-z0-9_-]{16}$/.test(id)) return false;
    const entity = await this.get(id);
    if (!entity || entity.tenant !== tenant) return false;
    if (!entity.revokedAt) await this.table.updateEntity({ partitionKey: PARTITION, rowKey: id, revokedAt: new Date() }, "Merge");
    return true;
  }

  private async get(id: string): Promise<KeyEntity | undefined> {
    try {
      return await this.table.getEntity<KeyEntity>(PARTITION, id);
    } catch (error) {
      if (storageStatus(error) === 404) return undefined;
      throw error;
    }
  }
}
