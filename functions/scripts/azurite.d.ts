import type { ChildProcess } from "node:child_process";

export interface AzuritePorts {
  blob: number;
  queue: number;
  table: number;
}

export interface RunningAzurite {
  process: ChildProcess;
  ports: AzuritePorts;
  connectionString: string;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  blobPort?: number;
  queuePort?: number;
  tablePort?: number;
  /** Folder for persisted data; in memory when absent. */
  location?: string;
  timeoutMs?: number;
}

export const ACCOUNT_NAME: string;
export const ACCOUNT_KEY: string;
export function connectionString(ports: AzuritePorts, host?: string): string;
export function startAzurite(options?: AzuriteOptions): Promise<RunningAzurite>;
export function stopChild(child: ChildProcess, graceMs?: number): Promise<void>;
