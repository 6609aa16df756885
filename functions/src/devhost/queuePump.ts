import { randomUUID } from "node:crypto";
import { InvocationContext, type StorageQueueHandler } from "@azure/functions";
import type { DequeuedMessageItem, QueueClient } from "@azure/storage-queue";
import type { QueueOptions } from "../hostConfig";
import { logHandler, writeLog } from "./log";

export interface QueuePumpOptions {
  readonly functionName: string;
  readonly queue: QueueClient;
  /** Where a message goes after `maxDequeueCount` deliveries (`<queue>-poison`). */
  readonly poisonQueue: QueueClient;
  readonly handler: StorageQueueHandler;
  readonly options: QueueOptions;
  /**
   * How long a received message stays invisible while its handler runs, renewed at half-time.
   * If the process dies, the message reappears after at most this long.
   */
  readonly leaseMs: number;
  /** Shortest wait between polls of an empty queue. */
  readonly minPollingIntervalMs?: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    signal.addEventListener("abort", wake, { once: true });
  });

/** Decodes a message as the queue trigger does with base64 encoding: base64 → text → JSON if it parses. */
export function decodeMessage(text: string): unknown {
  const decoded = Buffer.from(text, "base64").toString("utf8");
  try {
    return JSON.parse(decoded);
  } catch {
    return decoded;
  }
}

/**
 * Feeds a storage queue into a queue-trigger handler with the Functions host's semantics
 * (https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue-trigger):
 * - batches of `batchSize`, a new batch when `newBatchThreshold` or fewer are still running;
 * - polling backs off exponentially up to `maxPollingInterval` while the queue is empty;
 * - a message is deleted when its handler returns; when it throws, the message becomes visible
 *   again after `visibilityTimeout`, and after `maxDequeueCount` deliveries it is moved to the
 *   poison queue (as is a message received with a dequeue count already above the maximum,
 *   left by a process that died on its last delivery);
 * - base64 messages, JSON content parsed before the handler sees it.
 */
export class QueuePump {
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private loop: Promise<void> | undefined;

  constructor(private readonly settings: QueuePumpOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops fetching and waits (up to `graceMs`) for running handlers. */
  async stop(graceMs = 10_000): Promise<void> {
    this.abort.abort();
    await this.loop;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((resolve) => setTimeout(resolve, graceMs))]);
  }

  private async run(): Promise<void> {
    const { options, queue } = this.settings;
    const minimumWait = this.settings.minPollingIntervalMs ?? 100;
    let wait = minimumWait;
    while (!this.abort.signal.aborted) {
      if (this.inFlight.size > options.newBatchThreshold) {
        await Promise.race([...this.inFlight]);
        continue;
      }
      let messages: DequeuedMessageItem[] = [];
      try {
        const response = await queue.receiveMessages({
          numberOfMessages: Math.min(32, options.batchSize),
          visibilityTimeout: Math.max(1, Math.ceil(this.settings.leaseMs / 1000)),
        });
        messages = response.receivedMessageItems;
      } catch (error) {
        writeLog(
          "warning",
          this.settings.functionName,
          "-",
          `polling ${queue.name} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
        );
      }
      if (messages.length === 0) {
        await sleep(wait, this.abort.signal);
        wait = Math.min(options.maxPollingIntervalMs, wait * 2);
        continue;
      }
      wait = minimumWait;
      for (const message of messages) {
        const task: Promise<void> = this.deliver(message)
          .catch((error: unknown) =>
            writeLog(
              "error",
              this.settings.functionName,
              "-",
              `message ${message.messageId}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
            ),
          )
          .finally(() => this.inFlight.delete(task));
        this.inFlight.add(task);
      }
    }
  }

  private async deliver(message: DequeuedMessageItem): Promise<void> {
    const { queue, poisonQueue, options, functionName, handler, leaseMs } = this.settings;
    if (message.dequeueCount > options.maxDequeueCount) {
      await this.moveToPoison(message, message.popReceipt);
      return;
    }
    let popReceipt = message.popReceipt;
    let renewing = true;
    const renew = setInterval(
      () => {
        if (!renewing) return;
        queue
          .updateMessage(message.messageId, popReceipt, undefined, Math.max(1, Math.ceil(leaseMs / 1000)))
          .then((response) => {
            if (response.popReceipt) popReceipt = response.popReceipt;
          })
          .catch(() => {
            renewing = false; // the lease was lost: another receiver owns the message now
          });
      },
      Math.max(500, leaseMs / 2),
    );

    const invocationId = randomUUID();
    const context = new InvocationContext({
      invocationId,
      functionName,
      logHandler: logHandler(functionName, invocationId),
      triggerMetadata: {
        id: message.messageId,
        dequeueCount: message.dequeueCount,
        insertionTime: message.insertedOn.toISOString(),
        expirationTime: message.expiresOn.toISOString(),
        nextVisibleTime: message.nextVisibleOn.toISOString(),
        popReceipt: message.popReceipt,
      },
    });
    let failure: unknown;
    try {
      await handler(decodeMessage(message.messageText), context);
    } catch (error) {
      failure = error;
    } finally {
      renewing = false;
      clearInterval(renew);
    }
    try {
      if (failure === undefined) {
        await queue.deleteMessage(message.messageId, popReceipt);
      } else if (message.dequeueCount >= options.maxDequeueCount) {
        writeLog(
          "error",
          functionName,
          invocationId,
          `delivery ${message.dequeueCount} of message ${message.messageId} failed; moving it to ${poisonQueue.name}`,
        );
        await this.moveToPoison(message, popReceipt);
      } else {
        writeLog(
          "warning",
          functionName,
          invocationId,
          `delivery ${message.dequeueCount} of message ${message.messageId} failed; retry after ${options.visibilityTimeoutMs} ms`,
        );
        await queue.updateMessage(message.messageId, popReceipt, undefined, Math.round(options.visibilityTimeoutMs / 1000));
      }
    } catch (error) {
      // Lost lease (another receiver has it) or storage failure: the message reappears by itself.
      writeLog(
        "warning",
        functionName,
        invocationId,
        `could not settle message ${message.messageId}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      );
    }
  }

  private async moveToPoison(message: DequeuedMessageItem, popReceipt: string): Promise<void> {
    await this.settings.poisonQueue.sendMessage(message.messageText);
    await this.settings.queue.deleteMessage(message.messageId, popReceipt);
  }
}
