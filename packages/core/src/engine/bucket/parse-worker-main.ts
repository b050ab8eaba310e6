import type { MessagePort } from 'node:worker_threads';
import { createDiscardFilter } from '../../filter/index.js';
import type { BucketPlugin } from '../../plugin/types.js';
import { type ParseJob, type ParseSetup, runParseJob } from './parse-job.js';

const MAX_SPARE_BUFFERS = 8;

/** What a parse worker is started with: where its plugin is and the run's shared settings. */
export interface ParseWorkerData {
  /** Module URL and export name of the bucket plugin (a worker cannot receive functions). */
  plugin: { url: string; exportName: string };
  setup: ParseSetup;
}

/**
 * The parse worker's loop: loads the plugin, then answers each job in arrival order. A plugin that
 * cannot be loaded kills the worker (the pool then parses in the main thread).
 */
export function serveParseJobs(port: MessagePort, data: ParseWorkerData): void {
  const ready = import(data.plugin.url).then((module: Record<string, unknown>) => {
    const plugin = module[data.plugin.exportName] as BucketPlugin | undefined;
    if (plugin?.kind !== 'bucket')
      throw new Error(`${data.plugin.exportName} of ${data.plugin.url} is not a bucket plugin`);
    return plugin;
  });
  const discard = data.setup.discard ? createDiscardFilter(data.setup.discard) : undefined;
  // Frame buffers the main thread gave back: reused instead of allocating (and making the main
  // thread collect) a new one per file.
  const spare: ArrayBuffer[] = [];
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: ParseJob | { recycle: ArrayBuffer }) => {
    if ('recycle' in message) {
      if (spare.length < MAX_SPARE_BUFFERS) spare.push(message.recycle);
      return;
    }
    const job = message;
    queue = queue.then(async () => {
      const result = await runParseJob(await ready, data.setup, discard, job, spare.pop());
      const transfer =
        result.outcome === 'parsed' ? [result.frames.data.buffer, result.frames.ends.buffer] : [];
      port.postMessage(result, transfer as ArrayBuffer[]);
    });
  });
}
