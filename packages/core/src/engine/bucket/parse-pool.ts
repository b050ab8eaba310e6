import { setTimeout as delay } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../log/logger.js';
import type { RunContext } from '../context.js';
import type { ParseJob, ParseResult } from './parse-job.js';
import type { ParseWorkerData } from './parse-worker-main.js';

export interface ParsePoolOptions extends ParseWorkerData {
  /** The worker entry: `@wazuh-aws/core/parse-worker`, resolved to its `.js` file. */
  workerUrl: URL;
  threads: number;
  logger: Logger;
  /** Extra Node flags of the workers (tests run the TypeScript sources through a loader). */
  execArgv?: string[];
}

/**
 * Parses objects off the main thread: the main thread keeps downloading, sending and committing
 * in key order while workers turn bytes into ready-to-send frames.
 */
export interface ParsePool {
  /**
   * Parses one object on the least busy worker. `undefined` when no worker can take it (a worker
   * died): the caller parses it in the main thread instead.
   */
  parse(job: Omit<ParseJob, 'id'>): Promise<ParseResult | undefined>;
  /** Stops the workers; pending jobs resolve `undefined`. */
  close(): Promise<void>;
}

/** Frame buffers up to this size go back to their worker for the next file. */
const RECYCLE_MAX_BYTES = 8 * 1024 * 1024;

/** How long `close` waits for a worker to stop. */
const TERMINATE_WAIT_MS = 500;

interface Slot {
  worker: Worker;
  pending: Map<number, (result: ParseResult | undefined) => void>;
}

export function createParsePool(options: ParsePoolOptions): ParsePool {
  const { logger } = options;
  const data: ParseWorkerData = { plugin: options.plugin, setup: options.setup };
  let nextId = 0;
  let closed = false;

  const retire = (slot: Slot, reason: string) => {
    if (!slots.includes(slot)) return;
    slots.splice(slots.indexOf(slot), 1);
    if (!closed) logger.debug(1, `+++ A parse worker stopped (${reason}); parsing in the main thread`);
    for (const resolve of slot.pending.values()) resolve(undefined);
    slot.pending.clear();
  };

  const start = (): Slot => {
    const worker = new Worker(options.workerUrl, { workerData: data, execArgv: options.execArgv ?? [] });
    // Referenced only while it has work: an idle pool never keeps a finished run alive, and a run
    // waiting for a result never exits early.
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (result: ParseResult) => {
      const resolve = slot.pending.get(result.id);
      slot.pending.delete(result.id);
      if (slot.pending.size === 0) worker.unref();
      resolve?.(result);
    });
    worker.on('error', (error) => retire(slot, error.message));
    worker.on('exit', (code) => retire(slot, `exit ${code}`));
    return slot;
  };

  const recycle = (slot: Slot, buffer: ArrayBufferLike) => {
    if (closed || !slots.includes(slot) || !(buffer instanceof ArrayBuffer)) return;
    // The buffer of an exceptionally large file is dropped, not parked in the worker.
    if (buffer.byteLength > RECYCLE_MAX_BYTES) return;
    slot.worker.postMessage({ recycle: buffer }, [buffer]);
  };

  // Started on the first job: a run whose files all stream through the main thread (one huge
  // object) never pays for the threads' memory.
  const slots: Slot[] = [];
  let started = false;

  return {
    parse(job) {
      if (closed) return Promise.resolve(undefined);
      if (!started) {
        started = true;
        for (let i = 0; i < options.threads; i++) slots.push(start());
      }
      if (slots.length === 0) return Promise.resolve(undefined);
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise((resolve) => {
        if (slot.pending.size === 0) slot.worker.ref();
        slot.pending.set(id, (result) => {
          if (result?.outcome === 'parsed') result.release = () => recycle(slot, result.frames.data.buffer);
          resolve(result);
        });
        slot.worker.postMessage({ ...job, id } satisfies ParseJob);
      });
    },
    async close() {
      closed = true;
      const stopping = slots.splice(0).map(async (slot) => {
        for (const resolve of slot.pending.values()) resolve(undefined);
        // A worker stopped while it is still starting may never report its exit, and nothing else
        // may keep the event loop alive: the process would end right here, as if the run had
        // succeeded. The timer keeps it alive and bounds the wait.
        const timer = new AbortController();
        await Promise.race([
          slot.worker.terminate().finally(() => timer.abort()),
          delay(TERMINATE_WAIT_MS, undefined, { signal: timer.signal }).catch(() => {}),
        ]);
      });
      await Promise.all(stopping);
    },
  };
}

/** Objects larger than this (compressed) are parsed in the main thread, streaming. */
export const PARSE_WORKER_MAX_INPUT = 2 * 1024 * 1024;
/** A parsed file's frames stay under this; past it the file is parsed again, streaming, in the main thread. */
const PARSE_WORKER_MAX_OUTPUT = 64 * 1024 * 1024;

/** Where the parse workers and the run's bucket plugin are, as module URLs. */
export interface ParseWorkerModules {
  workerUrl: URL;
  plugin: { url: string; exportName: string };
  threads: number;
  execArgv?: string[];
}

/**
 * The parse pool of a bucket run, or `undefined` when the run's sink cannot take frames (or no
 * thread is wanted): then everything is parsed in the main thread, as before.
 */
export function createBucketParsePool(
  context: RunContext,
  modules: ParseWorkerModules,
): ParsePool | undefined {
  const { sink, logger, options } = context;
  if (!sink.framing || !sink.sendFrame || modules.threads < 1) return undefined;
  const discard = options.discard && { field: options.discard.field, regex: options.discard.pattern };
  return createParsePool({
    ...modules,
    logger,
    setup: {
      discard,
      logLevel: logger.level,
      framing: sink.framing,
      maxOutputBytes: PARSE_WORKER_MAX_OUTPUT,
    },
  });
}
