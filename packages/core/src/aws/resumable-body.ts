// A GetObject body that survives the connection dropping mid-transfer: the SDK retries requests,
// but once the headers arrived a body cut short is just a stream error. Here the rest of the
// object is fetched again with a Range request from the last byte delivered, a bounded number of
// times with backoff, and only if the object did not change in between (same ETag).
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { InterruptedError } from '../errors/errors.js';

/** One (ranged) GET: the body and what identifies the object version. */
export interface BodyPart {
  body: Readable;
  /** Bytes this response promises (`Content-Length`). */
  length?: number | undefined;
  etag?: string | undefined;
}

export interface ResumeOptions {
  /** Ranged re-fetches allowed per object. @default 4 */
  attempts?: number;
  /** Wait before the first re-fetch; doubles each time. @default 100 */
  initialDelayMs?: number;
  signal?: AbortSignal | undefined;
  /** Called before each re-fetch (for a debug line). */
  onResume?: (offset: number, error: unknown) => void;
}

function interrupted(signal: AbortSignal): InterruptedError {
  return new InterruptedError(typeof signal.reason === 'string' ? signal.reason : 'SIGINT');
}

/** Thrown when the object changed between the first GET and a resuming one. */
export class ObjectChangedError extends Error {
  constructor(offset: number) {
    super(`the object changed while it was read (ETag differs after ${offset} bytes)`);
    this.name = 'ObjectChangedError';
  }
}

/**
 * Wraps the first GET's body; `reopen(offset)` must GET the same object from `offset` on
 * (`Range: bytes=<offset>-`). Errors after the attempts are used up propagate unchanged.
 */
export function resumableBody(
  first: BodyPart,
  reopen: (offset: number) => Promise<BodyPart>,
  options: ResumeOptions = {},
): Readable {
  const attempts = options.attempts ?? 4;
  const initialDelayMs = options.initialDelayMs ?? 100;
  const total = first.length;

  let failures = 0;

  /** Re-fetches from `offset`, retrying failed re-fetches too, until the attempts are used up. */
  async function resume(offset: number, cause: unknown): Promise<BodyPart> {
    let last = cause;
    while (failures < attempts && !options.signal?.aborted) {
      failures++;
      options.onResume?.(offset, last);
      await sleep(initialDelayMs * 2 ** (failures - 1));
      let part: BodyPart;
      try {
        part = await reopen(offset);
      } catch (error) {
        last = error;
        continue;
      }
      if (first.etag !== undefined && part.etag !== undefined && part.etag !== first.etag) {
        part.body.destroy();
        throw new ObjectChangedError(offset);
      }
      return part;
    }
    throw last;
  }

  async function* chunks(): AsyncGenerator<Buffer> {
    let part = first;
    let delivered = 0;
    for (;;) {
      try {
        for await (const chunk of part.body) {
          const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
          delivered += buffer.length;
          yield buffer;
        }
        if (total === undefined || delivered >= total) return;
        throw new Error(`the body ended after ${delivered} of ${total} bytes`);
      } catch (error) {
        if (options.signal?.aborted) throw interrupted(options.signal);
        part = await resume(delivered, error);
      }
    }
  }

  return Readable.from(chunks(), { objectMode: false });
}
