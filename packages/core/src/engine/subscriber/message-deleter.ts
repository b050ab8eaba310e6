import type { Logger } from '../../log/logger.js';
import type { SubscriberQueue } from './queue-port.js';

/** Deletes handled messages, coalescing the ones that finish together into DeleteMessageBatch calls. */
export interface MessageDeleter {
  /** Resolves with true once the message was deleted, false when its deletion failed (already logged). */
  delete(receiptHandle: string): Promise<boolean>;
}

const MAX_BATCH = 10;

interface Pending {
  handle: string;
  resolve(ok: boolean): void;
}

/**
 * A deleter that sends at most one batch at a time: handles added while a batch is in flight go
 * into the next one. A failed entry or call logs `ERROR: Error deleting message from SQS: …` and
 * calls `onFailure` (exit 21 at the end of the run).
 */
export function createMessageDeleter(
  queue: SubscriberQueue,
  logger: Logger,
  onFailure: (text: string) => void,
): MessageDeleter {
  const pending: Pending[] = [];
  let flushing = false;

  const fail = (text: string) => {
    logger.error(`Error deleting message from SQS: ${text}`);
    onFailure(text);
  };

  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    try {
      while (pending.length > 0) {
        const batch = pending.splice(0, MAX_BATCH);
        let failures: Map<string, string>;
        try {
          const failed = await queue.deleteBatch(batch.map((p) => p.handle));
          failures = new Map(failed.map((f) => [f.receiptHandle, `${f.code}: ${f.message}`]));
        } catch (error) {
          const text = error instanceof Error ? error.message : String(error);
          failures = new Map(batch.map((p) => [p.handle, text]));
        }
        for (const entry of batch) {
          const failure = failures.get(entry.handle);
          if (failure === undefined) logger.debug(2, `Message deleted from queue: ${queue.name}`);
          else fail(failure);
          entry.resolve(failure === undefined);
        }
      }
    } finally {
      flushing = false;
    }
  }

  return {
    delete(receiptHandle) {
      return new Promise<boolean>((resolve) => {
        pending.push({ handle: receiptHandle, resolve });
        // Let handlers finishing in the same tick join this batch.
        setImmediate(() => void flush());
      });
    },
  };
}
