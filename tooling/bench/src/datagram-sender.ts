import { createRequire } from 'node:module';

interface Socket {
  on(event: 'error', listener: (error: Error & { code?: unknown }) => void): void;
  on(event: 'writable', listener: () => void): void;
  connect(path: string): void;
  send(buffer: Buffer, callback: (error?: Error & { code?: unknown }) => void): void;
  close(): void;
}

/** The floor's datagram sender: one connected socket, resend after 'writable' on congestion. */
export function connectDatagramSender(path: string) {
  const socket = (
    createRequire(import.meta.url)('unix-dgram') as { createSocket(t: string): Socket }
  ).createSocket('unix_dgram');
  let wake: (() => void) | undefined;
  socket.on('error', (error) => {
    throw error;
  });
  socket.on('writable', () => wake?.());
  socket.connect(path);
  const header = '1:Wazuh-AWS:';
  /** Sends one JSON body; returns a promise only when the socket was congested. */
  const trySend = (buffer: Buffer): boolean => {
    let congested = false;
    socket.send(buffer, (error) => {
      if (!error) return;
      if (error.code === 1) congested = true;
      else throw error;
    });
    return !congested;
  };
  return {
    send(json: string): Promise<void> | undefined {
      const buffer = Buffer.from(header + json);
      if (trySend(buffer)) return undefined;
      return new Promise<void>((resolve) => {
        wake = () => {
          if (!trySend(buffer)) return;
          wake = undefined;
          resolve();
        };
      });
    },
    close: () => socket.close(),
  };
}
