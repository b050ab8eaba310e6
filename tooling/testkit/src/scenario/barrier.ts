import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatagramReceiver } from '../receiver.js';

interface UnixDgramSocket {
  on(event: 'error', listener: (error: Error) => void): void;
  send(buf: Buffer, offset: number, length: number, path: string, callback: (error?: Error) => void): void;
  close(): void;
}

const require = createRequire(import.meta.url);

/**
 * Waits until the receiver has read everything queued on its socket before now: sends a marker
 * datagram (datagram sockets keep their order), waits for it and removes it from `messages`.
 * Call after the sender exited and before `close()`, which does not drain the kernel queue.
 */
export async function drainReceiver(receiver: DatagramReceiver, timeoutMs = 10_000): Promise<void> {
  const marker = `__drain__${randomUUID()}`;
  const unix = require('unix-dgram') as { createSocket(type: 'unix_dgram'): UnixDgramSocket };
  const socket = unix.createSocket('unix_dgram');
  const buf = Buffer.from(marker);
  const deadline = Date.now() + timeoutMs;
  try {
    // The queue may still be full right after the sender exited: a refused send ("congestion")
    // is retried until the receiver made room.
    for (;;) {
      const error = await new Promise<Error | undefined>((resolve) => {
        socket.send(buf, 0, buf.length, receiver.path, resolve);
      });
      if (!error) break;
      const code = (error as Error & { code?: unknown }).code;
      const busy = error.message === 'congestion' || code === -11 || code === -105; // EAGAIN, ENOBUFS
      if (!busy || Date.now() > deadline) throw error;
      await sleep(10);
    }
  } finally {
    socket.close();
  }
  while (!receiver.messages.includes(marker)) await receiver.waitFor(receiver.count + 1, timeoutMs);
  receiver.messages.splice(receiver.messages.indexOf(marker), 1);
}
