// Read-ahead across regions: while region k is collected, region k+1's clients are built and the
// plugin's `prefetchRegion` hook starts what does not depend on that region's state. Nothing here
// logs, and a failure (e.g. assuming the role for that region) is met only at the region's turn.
import type {
  RegionPrefetch,
  ServiceName,
  ServicePlugin,
  ServiceSettings,
  ServiceTable,
} from '../../plugin/service-types.js';
import type { RunContext } from '../context.js';
import { createServiceClients } from './region-run.js';
import type { RequestGate } from './request-gate.js';

/** A region prepared ahead of its turn. */
export interface UpcomingRegionWork<C, P extends RegionPrefetch> {
  readonly region: string;
  /** Its clients and the plugin's prefetch; rejects with the client-building error, if any. */
  readonly ready: Promise<{ clients: C; prefetched: P | undefined }>;
  /** The turn will not come: stops the prefetch (or keeps it from starting). */
  cancel(): void;
}

interface UpcomingInput {
  context: RunContext;
  region: string;
  gate: RequestGate;
  settings: ServiceSettings;
}

/**
 * Starts preparing `region` for a plugin with a `prefetchRegion` hook; undefined for the others,
 * whose regions are prepared at their turn as before.
 */
export function prepareUpcomingRegion<C extends Record<string, unknown>, P extends RegionPrefetch>(
  plugin: ServicePlugin<ServiceName, ServiceTable, C, P>,
  input: UpcomingInput,
): UpcomingRegionWork<C, P> | undefined {
  const hook = plugin.prefetchRegion;
  if (!hook) return undefined;
  const { context, region, gate, settings } = input;
  let cancelled = false;
  let prefetched: P | undefined;
  const ready = createServiceClients(plugin, context, region, gate).then((clients) => {
    if (!cancelled && !context.signal.aborted) {
      try {
        prefetched = hook.call(plugin, { region, clients, settings, signal: context.signal });
      } catch {
        // Only an optimisation: the region's collection does the work itself at its turn.
      }
    }
    return { clients, prefetched };
  });
  // Awaited at the region's turn; until then (or if it never comes) its failure is not unhandled.
  ready.catch(() => {});
  return {
    region,
    ready,
    cancel() {
      cancelled = true;
      prefetched?.cancel();
    },
  };
}
