import { createRequire } from 'node:module';

/** The part of unix-dgram 2.x we use (it ships no types). */
export interface UnixDgramSocket {
  on(event: 'error', listener: (error: UnixDgramError) => void): this;
  on(event: 'writable', listener: () => void): this;
  connect(path: string): void;
  /** Connected form: the callback runs synchronously with an errno error, `congestion`, or nothing. */
  send(buffer: Buffer, callback: (error?: UnixDgramError) => void): void;
  close(): void;
}

/** errno errors carry the negative errno in `errno`/`code`; congestion is `{ code: 1, message: 'congestion' }`. */
export interface UnixDgramError extends Error {
  code?: number | string;
  errno?: number;
}

let cached: { createSocket(type: 'unix_dgram'): UnixDgramSocket } | undefined;

/** Loads the native datagram module on first use only. */
export function createUnixDgramSocket(): UnixDgramSocket {
  cached ??= createRequire(import.meta.url)('unix-dgram') as typeof cached & object;
  return cached.createSocket('unix_dgram');
}
