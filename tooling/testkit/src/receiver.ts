import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real AF_UNIX SOCK_DGRAM socket standing in for Wazuh's `queue/sockets/queue`. */
export interface DatagramReceiver {
  readonly path: string;
  /** Received datagrams decoded as UTF-8, in arrival order (datagrams over 65536 bytes arrive truncated). */
  readonly messages: string[];
  readonly count: number;
  /** Resolves once `n` datagrams arrived; rejects after `timeoutMs` (default 10 s). */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  /** Stops reading (the process is SIGSTOPped) so the socket queue fills and senders block. */
  pause(): void;
  resume(): void;
  /** Stops the receiver and removes the socket file. */
  close(): Promise<void>;
}

export interface DatagramReceiverOptions {
  /** Socket path. @default `<new temp dir>/queue` */
  path?: string;
  /** Sleep this long after each datagram (a slow Wazuh). */
  slowMs?: number;
}

const require = createRequire(import.meta.url);

// The receiver runs in a child process: unix-dgram reads every datagram as soon as the event loop
// sees it, so only a separate (stoppable) process can leave datagrams queued in the kernel.
const CHILD = `
const [dgramPath, sockPath, slowArg] = process.argv.slice(1);
const slowMs = Number(slowArg);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sock = require(dgramPath).createSocket('unix_dgram');
let batch = [];
const flush = () => { if (batch.length) { process.send({ type: 'messages', data: batch }); batch = []; } };
sock.on('message', (buf) => {
  if (batch.length === 0) setImmediate(flush);
  batch.push(buf.toString('utf8'));
  if (slowMs > 0) Atomics.wait(sleeper, 0, 0, slowMs);
});
sock.on('error', (e) => process.send({ type: 'error', message: e.message }));
sock.on('listening', () => process.send({ type: 'ready' }));
process.on('message', (m) => {
  if (m !== 'close') return;
  flush();
  sock.close();
  try { require('fs').unlinkSync(sockPath); } catch {}
  process.send({ type: 'closed' }, () => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
sock.bind(sockPath);
`;

type ChildMessage =
  | { type: 'ready' | 'closed' }
  | { type: 'messages'; data: string[] }
  | { type: 'error'; message: string };

/**
 * Starts a datagram receiver bound at `path`.
 *
 * @example
 * const receiver = await startDatagramReceiver({ path: wazuh.socketPath });
 * await receiver.waitFor(3);
 */
export async function startDatagramReceiver(
  options: DatagramReceiverOptions = {},
): Promise<DatagramReceiver> {
  const ownDir = options.path ? undefined : mkdtempSync(join(tmpdir(), 'wazuh-aws-recv-'));
  const path = options.path ?? join(ownDir as string, 'queue');
  checkSocketPath(path);
  const messages: string[] = [];
  const waiters = new Set<() => void>();
  const child = spawn(
    process.execPath,
    ['-e', CHILD, require.resolve('unix-dgram'), path, String(options.slowMs ?? 0)],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  let exited = false;
  // A paused (SIGSTOPped) child cannot notice its parent dying: kill it when the test process ends.
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  const exitPromise = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  exitPromise.then(() => {
    exited = true;
    process.off('exit', killChild);
  });
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'ready') resolve();
      else if (m.type === 'error') reject(new Error(`datagram receiver at ${path}: ${m.message}`));
      else if (m.type === 'messages') {
        for (const text of m.data) messages.push(text);
        for (const wake of waiters) wake();
      }
    });
    child.on('exit', (code) => reject(new Error(`datagram receiver exited early (${code})`)));
  });
  let paused = false;
  const resume = () => {
    if (paused) signal(child, 'SIGCONT');
    paused = false;
  };
  return {
    path,
    messages,
    get count() {
      return messages.length;
    },
    waitFor: (n, timeoutMs = 10_000) => waitForCount(messages, waiters, n, timeoutMs),
    pause() {
      if (!paused) signal(child, 'SIGSTOP');
      paused = true;
    },
    resume,
    async close() {
      resume();
      if (!exited && child.connected) child.send('close');
      await exitPromise;
      if (existsSync(path) && !ownDir) rmSync(path, { force: true });
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}

function waitForCount(
  messages: string[],
  waiters: Set<() => void>,
  n: number,
  timeoutMs: number,
): Promise<void> {
  if (messages.length >= n) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const wake = () => {
      if (messages.length < n) return;
      clearTimeout(timer);
      waiters.delete(wake);
      resolve();
    };
    const timer = setTimeout(() => {
      waiters.delete(wake);
      reject(new Error(`expected ${n} datagrams, got ${messages.length} within ${timeoutMs} ms`));
    }, timeoutMs);
    waiters.add(wake);
  });
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.pid !== undefined) process.kill(child.pid, name);
}

function checkSocketPath(path: string): void {
  // sun_path holds 108 bytes including the NUL; unix-dgram silently truncates longer paths.
  if (Buffer.byteLength(path) > 107) throw new Error(`socket path too long for AF_UNIX: ${path}`);
}

interface UnixDgramSocket {
  on(event: 'error', listener: (error: Error) => void): void;
  bind(path: string): void;
  close(): void;
}

/** Leaves a socket file at `path` that nobody listens on: sending to it is refused ("Wazuh not running"). */
export function createStaleSocket(path: string): void {
  checkSocketPath(path);
  const unix = require('unix-dgram') as { createSocket(type: 'unix_dgram'): UnixDgramSocket };
  const socket = unix.createSocket('unix_dgram');
  let failure: Error | undefined;
  socket.on('error', (error) => {
    failure = error;
  });
  socket.bind(path);
  socket.close();
  if (failure) throw failure;
}
