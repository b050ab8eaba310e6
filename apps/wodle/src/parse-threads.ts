// Parse workers of bucket mode: where the worker entry and the plugin module are, and how many
// threads to start. Resolution happens here, in the app, because only the app depends on every
// plugin package.
import { availableParallelism } from 'node:os';
import type { RunContext } from '@wazuh-aws/core';
import { createBucketParsePool, type ParsePool } from '@wazuh-aws/core/engine';
import type { BucketType } from './cli/index.js';
import { BUCKET_PLUGIN_MODULES } from './registry.js';

/** Without `--parse-threads`: leave a CPU to the main thread (sending, state), up to 4 workers. */
export function defaultParseThreads(cpus = availableParallelism()): number {
  return Math.min(4, Math.max(1, cpus - 1));
}

/**
 * The module URLs, or `undefined` when they are not runnable JavaScript files (the TypeScript
 * sources under a test runner): the run then parses in the main thread.
 */
function resolveModules(type: BucketType): { workerUrl: URL; pluginUrl: string } | undefined {
  try {
    const workerUrl = import.meta.resolve('@wazuh-aws/core/parse-worker');
    const pluginUrl = import.meta.resolve(BUCKET_PLUGIN_MODULES[type][0]);
    if (!workerUrl.endsWith('.js') || !pluginUrl.endsWith('.js')) return undefined;
    return { workerUrl: new URL(workerUrl), pluginUrl };
  } catch {
    return undefined;
  }
}

/** Starts the parse workers of a bucket run, or `undefined` to parse in the main thread. */
export function startParseThreads(
  type: BucketType,
  context: RunContext,
  threads = defaultParseThreads(),
): ParsePool | undefined {
  if (threads < 1) return undefined;
  const modules = resolveModules(type);
  if (!modules) return undefined;
  return createBucketParsePool(context, {
    workerUrl: modules.workerUrl,
    plugin: { url: modules.pluginUrl, exportName: BUCKET_PLUGIN_MODULES[type][1] },
    threads,
  });
}
