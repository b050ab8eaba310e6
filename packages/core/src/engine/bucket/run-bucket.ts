import type { ObjectStore } from '../../aws/object-store.js';
import { errorText, WazuhAwsError } from '../../errors/errors.js';
import { EXIT } from '../../errors/exit-codes.js';
import type { BucketPlugin } from '../../plugin/types.js';
import type { RunContext } from '../context.js';
import { checkBucket } from './bucket-check.js';
import { discoverAccounts, discoverRegions } from './discovery.js';
import { describeFlowLogIds, flowLogIdsInKeys } from './flow-logs.js';
import { type BucketLocation, formatMarkerDate, keyPrefixes, parseCompactDate } from './key-layout.js';
import { computeMarker } from './markers.js';
import type { ParsePool } from './parse-pool.js';
import { createRunSummary, type RunSummary } from './run-summary.js';
import { pollScope, type Scope, type ScopeDeps } from './scope-poller.js';
import type { BucketStateStore, RowScope } from './state-port.js';

export interface BucketRunOptions extends BucketLocation {
  /** `--aws_account_id`; discovered when absent. */
  accountIds?: string[] | undefined;
  /** `--regions` (validated, sorted); discovered per account when empty. */
  regions: string[];
  remove: boolean;
  /** Endpoint shown in the connection-failure message. */
  endpoint?: string | undefined;
}

export interface BucketRunDeps {
  store: ObjectStore;
  state: BucketStateStore;
  summary?: RunSummary;
  /** Parse workers (see `createBucketParsePool`); without them files are parsed in the main thread. */
  parsePool?: ParsePool | undefined;
}

/** Runs one bucket of one type end to end (buckets.md §1.2). */
export async function runBucket(
  plugin: BucketPlugin,
  context: RunContext,
  options: BucketRunOptions,
  deps: BucketRunDeps,
): Promise<RunSummary> {
  const { logger } = context;
  const { store, state } = deps;
  const summary = deps.summary ?? createRunSummary();
  const prefixes = keyPrefixes(plugin, options);
  plugin.validate?.({ prefix: options.prefix, logger });
  const selfAccount = plugin.layout === 'flat' ? await context.aws.callerAccountId() : undefined;
  if (plugin.requiresAwsLogsFolder) await checkAwsLogsFolder(store, options);
  await checkBucket(store, options.bucket, options.prefix, prefixes.bucketPath, options.endpoint);
  state.ensureTable();

  const scopeDeps: ScopeDeps = {
    plugin,
    store,
    state,
    context,
    bucket: options.bucket,
    prefix: options.prefix,
    remove: options.remove,
    onlyLogsAfter: context.options.onlyLogsAfter
      ? parseCompactDate(context.options.onlyLogsAfter)
      : undefined,
    summary,
    parsePool: deps.parsePool,
  };

  if (selfAccount !== undefined) {
    const row: RowScope = { bucketPath: prefixes.bucketPath, accountId: selfAccount };
    const fullPrefix = prefixes.full(undefined, undefined);
    await pollScope(scopeDeps, {
      row,
      fullPrefix,
      noLogs: `+++ No logs to process in bucket: ${options.bucket}`,
    });
    maintain(scopeDeps, row, fullPrefix);
    return summary;
  }

  const accounts =
    options.accountIds ?? (await discoverAccounts(store, options.bucket, prefixes.base, plugin.name));
  for (const account of accounts) {
    const regions =
      options.regions.length > 0
        ? options.regions
        : await discoverRegions(store, options.bucket, prefixes.service(account), account, logger);
    for (const region of regions) {
      logger.debug(1, `+++ Working on ${account} - ${region}`);
      const fullPrefix = prefixes.full(account, region);
      const row: RowScope = { bucketPath: prefixes.bucketPath, accountId: account, region };
      if (plugin.schema === 'vpcflow') {
        for (const flowLogId of await flowLogIds(scopeDeps, fullPrefix, region)) {
          const scoped = { ...row, flowLogId };
          const noLogs = `+++ No logs to process for ${flowLogId} flow log ID in bucket: ${account}/${region}`;
          await pollScope(scopeDeps, { row: scoped, fullPrefix, noLogs });
          maintain(scopeDeps, scoped, fullPrefix);
        }
        continue;
      }
      const scope: Scope = {
        row,
        fullPrefix,
        noLogs: `+++ No logs to process in bucket: ${account}/${region}`,
      };
      await pollScope(scopeDeps, scope);
      maintain(scopeDeps, row, fullPrefix);
    }
  }
  return summary;
}

/** Flow log ids of a region: EC2's, plus those seen in key names after the default marker (B6). */
async function flowLogIds(deps: ScopeDeps, fullPrefix: string, region: string): Promise<string[]> {
  const { context } = deps;
  const described = await describeFlowLogIds(context.aws, region);
  const from = deps.onlyLogsAfter ?? context.defaultDate;
  const startAfter = fullPrefix + formatMarkerDate(from, deps.plugin.markerDateFormat);
  const seen = await flowLogIdsInKeys(deps.store, deps.bucket, fullPrefix, startAfter);
  return [...described, ...seen.filter((id) => !described.includes(id))];
}

/**
 * DB maintenance after a scope: keep the newest 500 rows of this account+region, and never a row
 * the next run's listing still starts at or after (decisions B12–B14).
 */
function maintain(deps: ScopeDeps, row: RowScope, fullPrefix: string) {
  const { context, state, plugin } = deps;
  const lastKey = state.lastKey(row, fullPrefix);
  const keepFrom =
    lastKey === undefined
      ? undefined
      : computeMarker({ plugin, fullPrefix, reparse: false, defaultDate: context.defaultDate, lastKey })
          .startAfter;
  // prune() logs `+++ DB Maintenance` and reports its own failures (the run goes on).
  state.prune(row, { keyPrefix: fullPrefix, ...(keepFrom !== undefined ? { keepFrom } : {}) });
}

/** GuardDuty reads only the native export layout (buckets.md §3.4). */
async function checkAwsLogsFolder(store: ObjectStore, options: BucketRunOptions) {
  let hasFolder: boolean;
  try {
    const page = await store.list({
      bucket: options.bucket,
      prefix: `${options.prefix}AWSLogs`,
      delimiter: '/',
      maxKeys: 1,
    });
    hasFolder = page.hasFolders;
  } catch (error) {
    throw new WazuhAwsError(`Unexpected error querying/working with objects in S3: ${errorText(error)}`, {
      exitCode: EXIT.S3_OBJECTS,
      code: 'LAYOUT_CHECK',
      cause: error,
    });
  }
  if (!hasFolder)
    throw new WazuhAwsError('Invalid type of bucket', { exitCode: EXIT.INVALID_TYPE, code: 'INVALID_TYPE' });
}
