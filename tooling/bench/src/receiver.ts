import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** What the counting receiver saw since its last reset. */
export interface ReceiverStats {
  count: number;
  bytes: number;
  /** Datagrams without the `1:Wazuh-AWS:` header. */
  malformed: number;
  /** From the first to the last datagram. */
  seconds: number;
}

export interface CountingReceiver {
  readonly path: string;
  stats(): Promise<ReceiverStats>;
  /** Waits until the count stops changing (the kernel queue drained), then returns the stats. */
  settle(): Promise<ReceiverStats>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

type Reply =
  | { type: 'ready' | 'reset' }
  | ({ type: 'stats' } & ReceiverStats)
  | { type: 'error'; message: string };

const CHILD = fileURLToPath(new URL('./receiver-child.cjs', import.meta.url));

/** Starts a counting datagram receiver in its own process, bound at `path`. */
export async function startCountingReceiver(path: string): Promise<CountingReceiver> {
  const dgram = createRequire(import.meta.url).resolve('unix-dgram');
  const child: ChildProcess = fork(CHILD, [dgram, path], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const ask = <T extends Reply['type']>(message: string, type: T) =>
    new Promise<Extract<Reply, { type: T }>>((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (reply.type === 'error') reject(new Error(`receiver: ${reply.message}`));
        if (reply.type !== type) return;
        child.off('message', onMessage);
        resolve(reply as Extract<Reply, { type: T }>);
      };
      child.on('message', onMessage);
      if (message) child.send(message);
    });
  await ask('', 'ready');
  const stats = async (): Promise<ReceiverStats> => {
    const { type: _, ...rest } = await ask('stats', 'stats');
    return rest;
  };
  return {
    path,
    stats,
    async settle() {
      let before = await stats();
      for (;;) {
        await new Promise((r) => setTimeout(r, 200));
        const now = await stats();
        if (now.count === before.count) return now;
        before = now;
      }
    },
    async reset() {
      await ask('reset', 'reset');
    },
    async close() {
      process.off('exit', kill);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
    },
  };
}
