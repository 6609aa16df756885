import { root } from "../../scripts/build";
import { alive, freePort, spawnCollecting, type Spawned } from "./processes";

/** How a test starts the local API and how it stops it afterwards. */
export interface LocalApiOptions {
  /** The test's own settings (keys, chunk size, fault injection), added to the inherited environment. */
  readonly environment: NodeJS.ProcessEnv;
  /** How long to wait for the "listening on" line. */
  readonly readyTimeoutMs: number;
  /** The signal {@link stopLocalApi} sends to the launcher's process group. */
  readonly stopSignal: NodeJS.Signals;
}

/** The local API as `npm run start:api` runs it, started by a test. */
export interface LocalApi {
  /** The launcher (`npm run start:api`), in its own process group. */
  readonly process: Spawned;
  /** `http://127.0.0.1:<port>`, for clients that add the `/api` prefix themselves. */
  readonly origin: string;
  /** `http://127.0.0.1:<port>/api`, the base URL the add-in and the CLI take. */
  readonly apiUrl: string;
  readonly stopSignal: NodeJS.Signals;
}

/**
 * Starts `npm run start:api` (the Functions dev host over an in-memory Azurite on free ports, the
 * already-built output, no Core Tools) on a free port and waits until it listens. The launcher runs
 * in its own process group so that {@link stopLocalApi} stops it and its children (Azurite, the dev
 * host) together; if it never gets ready, the group is stopped before the error is rethrown.
 */
export async function startLocalApi({ environment, readyTimeoutMs, stopSignal }: LocalApiOptions): Promise<LocalApi> {
  const port = await freePort();
  const launcher = spawnCollecting("npm", ["run", "--silent", "start:api"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      ...environment,
      SYM_API_PORT: String(port),
      SYM_AZURITE_IN_MEMORY: "1",
      SYM_AZURITE_BLOB_PORT: "0",
      SYM_AZURITE_QUEUE_PORT: "0",
      SYM_AZURITE_TABLE_PORT: "0",
      SYM_USE_FUNC: "0",
      SYM_SKIP_BUILD: "1",
    },
  });
  const origin = `http://127.0.0.1:${port}`;
  const running: LocalApi = { process: launcher, origin, apiUrl: `${origin}/api`, stopSignal };
  try {
    await launcher.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\/api/, readyTimeoutMs);
  } catch (error) {
    stopLocalApi(running);
    throw error;
  }
  return running;
}

/** Signals the launcher's process group (the launcher, Azurite and the dev host), if it still runs. */
export function stopLocalApi(running: LocalApi | undefined): void {
  const pid = running?.process.process.pid;
  if (pid && alive(-pid)) process.kill(-pid, running.stopSignal);
}
