// The service engine (services.md §1, cli.md §5.3): validates the regions, then for each region
// opens aws_services.db, builds the plugin's clients and state view, runs its collection and
// closes the database. Rows are committed by the state view as each unit finishes (decision S1).
// While a region is collected, the next one may be read ahead (upcoming-region.ts); its rows are
// still read and written only at its own turn.
import { join } from 'node:path';
import { WazuhAwsError } from '../../errors/errors.js';
import { EXIT } from '../../errors/exit-codes.js';
import type {
  RegionPrefetch,
  ServiceName,
  ServicePlugin,
  ServiceRegions,
  ServiceSettings,
  ServiceStateByTable,
  ServiceTable,
} from '../../plugin/service-types.js';
import { openStateDatabase, type StateDatabase } from '../../state/database.js';
import {
  createLogStreamState,
  createScanHistoryState,
  ensureServiceTable,
} from '../../state/service-tables.js';
import type { RunContext } from '../context.js';
import { SERVICE_API_QUOTAS } from './api-quotas.js';
import { checkInterrupted, createRegionRun, createServiceClients } from './region-run.js';
import { createRequestGate } from './request-gate.js';
import { prepareUpcomingRegion, type UpcomingRegionWork } from './upcoming-region.js';

/** File name of the services' state database in `<wazuh>/wodles/aws`. */
export const SERVICES_DB_FILE = 'aws_services.db';

/** Service-mode input beyond the shared run options. */
export interface ServiceRunOptions {
  /** `--regions` (sorted, deduplicated) or the profile's region; empty → the plugin's fallback list. */
  regions: readonly string[];
  /** `--aws_log_groups` split at `,` (trimmed and emptied pieces dropped here). */
  logGroups?: readonly string[];
  /** `--remove-log-streams`. @default false */
  removeLogStreams?: boolean;
  /** Clock (tests). @default () => new Date() */
  now?: () => Date;
}

/**
 * Runs a `--service` plugin over its regions. Resolves when every region is done; throws a
 * `WazuhAwsError` with the exit code otherwise (exit 22 for a region the service does not have,
 * InterruptedError on SIGINT/SIGTERM, or — after all regions — the deferred code of a failure
 * already reported with an `ERROR:` line, e.g. 16 for a missing log group).
 *
 * @example
 * await runService(cloudwatchlogs, context, { regions: ['us-east-1'], logGroups: ['/aws/lambda/x'] });
 */
export async function runService<
  N extends ServiceName,
  T extends ServiceTable,
  C extends Record<string, unknown>,
  P extends RegionPrefetch,
>(plugin: ServicePlugin<N, T, C, P>, context: RunContext, options: ServiceRunOptions): Promise<void> {
  const { logger } = context;
  const regions = resolveRegions(plugin.regions, context, options.regions);
  const settings: ServiceSettings = {
    reparse: context.options.reparse,
    onlyLogsAfter: context.options.onlyLogsAfter,
    logGroups: (options.logGroups ?? []).map((g) => g.trim()).filter((g) => g !== ''),
    removeLogStreams: options.removeLogStreams ?? false,
  };
  const now = options.now ?? (() => new Date());
  // One gate for the whole run: --concurrency calls in flight, API quotas per region and operation.
  const gate = createRequestGate({
    concurrency: context.options.concurrency,
    quotas: SERVICE_API_QUOTAS,
    signal: context.signal,
  });
  let deferredExit: number | undefined;
  // The next region, prepared while the current one is collected (plugins with `prefetchRegion`).
  let upcoming: UpcomingRegionWork<C, P> | undefined;
  try {
    for (const [index, region] of regions.entries()) {
      checkInterrupted(context.signal);
      logger.debug(1, `+++ Getting alerts from "${region}" region.`);
      const db = openStateDatabase({
        path: join(context.wazuh.wodleDir, SERVICES_DB_FILE),
        wazuhVersion: context.wazuh.version,
        logger,
      });
      const early = upcoming?.region === region ? upcoming : undefined;
      upcoming = undefined;
      let failed = true;
      try {
        ensureServiceTable(db, plugin.table);
        const accountId = plugin.needsAccountId ? await context.aws.callerAccountId() : undefined;
        const state = createState(db, plugin, region, accountId);
        const { clients, prefetched } = early
          ? await early.ready
          : { clients: await createServiceClients(plugin, context, region, gate), prefetched: undefined };
        const next = regions[index + 1];
        if (next !== undefined)
          upcoming = prepareUpcomingRegion(plugin, { context, region: next, gate, settings });
        const run = createRegionRun<C, T, P>(context, {
          region,
          clients,
          state,
          settings,
          accountId,
          now,
          floatFields: plugin.floatFields,
          prefetched,
        });
        const result = await plugin.collect(run);
        deferredExit ??= result.deferredExit;
        failed = false;
      } finally {
        early?.cancel(); // what collect did not take is dropped
        closeQuietly(db, failed);
      }
    }
  } finally {
    // Interrupted or failed before the next region's turn: its prefetch is dropped, never saved.
    upcoming?.cancel();
  }
  if (deferredExit !== undefined) {
    throw new WazuhAwsError(`The ${plugin.name} service finished with errors`, {
      exitCode: deferredExit,
      code: 'SERVICE_FAILURES',
      report: false,
    });
  }
}

/** The regions to visit, every one checked before any work starts (decisions L7, L8). */
function resolveRegions(
  regions: ServiceRegions,
  context: RunContext,
  given: readonly string[],
): readonly string[] {
  if (given.length === 0) {
    context.logger.debug(1, regions.fallbackWarning);
    return regions.fallback;
  }
  for (const region of given) {
    if (!regions.accepted.includes(region)) {
      throw new WazuhAwsError(`${regions.failure} region '${region}'`, {
        exitCode: EXIT.INVALID_REGION,
        code: regions.failure === 'Invalid' ? 'INVALID_REGION' : 'UNSUPPORTED_REGION',
      });
    }
  }
  return given;
}

function createState<T extends ServiceTable>(
  db: StateDatabase,
  plugin: { name: ServiceName; table: T },
  region: string,
  accountId: string | undefined,
): ServiceStateByTable[T] {
  if (plugin.table === 'cloudwatch_logs') return createLogStreamState(db, region) as ServiceStateByTable[T];
  return createScanHistoryState(db, {
    service: plugin.name,
    accountId: accountId ?? '',
    region,
  }) as ServiceStateByTable[T];
}

/** Closes (commit + optimize); while another error is on its way out, a close error must not hide it. */
function closeQuietly(db: StateDatabase, failing: boolean): void {
  try {
    db.close();
  } catch (error) {
    if (!failing) throw error;
  }
}
