import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
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
  try {
    await new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      const buf = Buffer.from(marker);
      socket.send(buf, 0, buf.length, receiver.path, (error) => (error ? reject(error) : resolve()));
    });
  } finally {
    socket.close();
  }
  while (!receiver.messages.includes(marker)) await receiver.waitFor(receiver.count + 1, timeoutMs);
  receiver.messages.splice(receiver.messages.indexOf(marker), 1);
}
