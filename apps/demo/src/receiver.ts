import { unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';

interface UnixDgramSocket {
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'listening', listener: () => void): void;
  bind(path: string): void;
  close(): void;
}

/** Wazuh's queue socket stand-in: calls `onEvent` with each datagram's text as it arrives. */
export interface QueueSocket {
  close(): void;
}

/** Binds an AF_UNIX datagram socket at `path` (what `wazuh-analysisd` does with `queue/sockets/queue`). */
export async function listenQueueSocket(path: string, onEvent: (text: string) => void): Promise<QueueSocket> {
  const require = createRequire(import.meta.url);
  const unix = require('unix-dgram') as {
    createSocket(type: 'unix_dgram', onMessage: (message: Buffer) => void): UnixDgramSocket;
  };
  const socket = unix.createSocket('unix_dgram', (message) => onEvent(message.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('listening', () => resolve());
    socket.bind(path);
  });
  return {
    close() {
      socket.close();
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    },
  };
}
