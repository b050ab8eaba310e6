import { isAwsServiceError, isThrottlingError } from '../../aws/aws-error.js';
import type { ListPage, ObjectStore } from '../../aws/object-store.js';
import { errorText, InterruptedError, WazuhAwsError } from '../../errors/errors.js';
import { EXIT } from '../../errors/exit-codes.js';
import type { BucketPlugin, FileContext, ObjectRef } from '../../plugin/types.js';
import type { RunContext } from '../context.js';
import { createdDateOf } from './created-date.js';
import { flowLogIdOf } from './flow-logs.js';
import { computeMarker } from './markers.js';
import { messageSource, processObject } from './object-processor.js';
import { PARSE_WORKER_MAX_INPUT, type ParsePool } from './parse-pool.js';
import { createPrefetcher, type ParseAhead } from './prefetcher.js';
import type { RunSummary } from './run-summary.js';
import type { BucketStateStore, RowScope } from './state-port.js';
import { listError, throttlingText } from './texts.js';

const DEFAULT_DATE_REGEX = /\d{4}\/\d{2}\/\d{2}/;

/** One listing scope: an account+region (+ flow log id), or the whole prefix of a flat type. */
export interface Scope {
  row: RowScope;
  fullPrefix: string;
  /** `+++ No logs to process …` text for this scope. */
  noLogs: string;
}

export interface ScopeDeps {
  plugin: BucketPlugin;
  store: ObjectStore;
  state: BucketStateStore;
  context: RunContext;
  bucket: string;
  prefix: string;
  remove: boolean;
  onlyLogsAfter?: Date | undefined;
  summary: RunSummary;
  /** Parse workers, when the run has them. */
  parsePool?: ParsePool | undefined;
}

/** Lists a scope from its marker and processes every new file in key order (buckets.md §1.7). */
export async function pollScope(deps: ScopeDeps, scope: Scope): Promise<void> {
  try {
    await pollScopeUnclassified(deps, scope);
  } catch (error) {
    if (deps.plugin.listingStyle === 'server-access') throw unexpectedListingError(error, deps);
    throw classifyListingError(error);
  }
}

async function pollScopeUnclassified(deps: ScopeDeps, scope: Scope): Promise<void> {
  const { plugin, store, state, context, bucket } = deps;
  const { logger, options } = context;
  const lastKey = options.reparse ? undefined : state.lastKey(scope.row, scope.fullPrefix);
  const marker = computeMarker({
    plugin,
    fullPrefix: scope.fullPrefix,
    reparse: options.reparse,
    onlyLogsAfter: deps.onlyLogsAfter,
    defaultDate: context.defaultDate,
    lastKey,
  });
  const serverAccess = plugin.listingStyle === 'server-access';
  if (options.reparse && !serverAccess) logger.debug(2, '++ Reparse mode enabled');
  logger.debug(2, `+++ Marker: ${marker.printed}`);
  if (marker.rewoundTo) logger.debug(2, `+++ GuardDuty: Rewound marker to day folder: ${marker.rewoundTo}`);

  const list = (token: string | undefined): ReturnType<ObjectStore['list']> => {
    const page = store.list({
      bucket,
      prefix: scope.fullPrefix,
      startAfter: token === undefined ? marker.startAfter : undefined,
      continuationToken: token,
      maxKeys: 1000,
    });
    page.catch(() => {}); // surfaced when awaited, after the current page
    return page;
  };
  // The next page is listed while the current one is processed.
  let next: ReturnType<typeof list> | undefined = list(undefined);
  while (next) {
    const page: ListPage = await next;
    if (!page.hasContents) {
      logger.debug(1, scope.noLogs);
      return;
    }
    next = page.nextToken ? list(page.nextToken) : undefined;
    const todo = selectNewObjects(deps, scope, page.objects, lastKey === undefined);
    const processed = await processObjects(deps, scope, todo);
    if (processed === 0) logger.debug(1, scope.noLogs);
  }
}

function selectNewObjects(
  deps: ScopeDeps,
  scope: Scope,
  objects: ObjectRef[],
  firstRun: boolean,
): ObjectRef[] {
  const { plugin, state, context } = deps;
  const { logger, options } = context;
  const dateRegex = plugin.dateRegex ?? DEFAULT_DATE_REGEX;
  let candidates = objects.filter(
    (o) =>
      o.key !== '' &&
      !o.key.endsWith('/') &&
      (plugin.accepts?.(o.key) ?? true) &&
      (scope.row.flowLogId === undefined || o.key.includes(scope.row.flowLogId)),
  );
  // Decision B15: without only_logs_after, a first (or reparse) run starts at the default date for
  // every type, Config included, although Config lists from its year folder.
  const from = options.onlyLogsAfter ?? (firstRun ? compactDate(context.defaultDate) : undefined);
  if (plugin.orderPage) candidates = plugin.orderPage(candidates, from);
  const todo: ObjectRef[] = [];
  for (const object of candidates) {
    if (plugin.checkPrefix) {
      const match = dateRegex.exec(object.key);
      if (!match || match.index !== scope.fullPrefix.length) {
        logger.debug(3, `++ Skipping file with another prefix: ${object.key}`);
        continue;
      }
    }
    if (state.isProcessed(scope.row, object.key)) {
      if (!options.reparse) {
        const level = plugin.listingStyle === 'server-access' ? 2 : 1;
        logger.debug(level, `++ Skipping previously processed file: ${object.key}`);
        continue;
      }
      logger.debug(1, `++ File previously processed, but reparse flag set: ${object.key}`);
    }
    todo.push(object);
  }
  return todo;
}

/**
 * Sends the files in key order and commits each one as soon as its last event was handed to the
 * sink — one autocommitted row per file (decision B1; about a millisecond each), so a crash re-sends
 * at most the in-flight file; `--remove` deletes only after that commit (B2), never a failed file (B3).
 */
async function processObjects(deps: ScopeDeps, scope: Scope, todo: ObjectRef[]): Promise<number> {
  const { plugin, store, state, context, summary } = deps;
  const { logger, options } = context;
  const parseAhead = deps.parsePool && parseAheadOn(deps.parsePool, deps, scope);
  const window = Math.max(1, options.concurrency);
  const prefetch = createPrefetcher(store, todo, window, context.signal, parseAhead);
  for (let index = 0; index < todo.length; index++) {
    if (context.signal.aborted) throw new InterruptedError(String(context.signal.reason ?? 'SIGINT'));
    const object = todo[index]!;
    logger.debug(2, `++ Found new log: ${object.key}`);
    const file: FileContext = {
      bucket: object.bucket,
      key: object.key,
      prefix: deps.prefix,
      skipOnError: options.skipOnError,
      logger,
    };
    const outcome = await processObject(
      plugin,
      object,
      () => prefetch.take(index),
      scope.row.accountId,
      file,
      context,
    );
    if (!options.reparse) state.markProcessed(scope.row, object.key, createdDateOf(plugin, object));
    else if (scope.row.flowLogId !== undefined && state.isProcessed(scope.row, object.key)) {
      logger.debug(2, `+++ File already marked complete, but reparse flag set: ${object.key}`);
    }
    if (deps.remove && !outcome.failed) {
      logger.debug(2, `+++ Remove file from S3 Bucket:${object.key}`);
      await store.remove(object.bucket, object.key);
    }
    summary.recordFile(plugin.name, outcome);
  }
  return todo.length;
}

function parseAheadOn(pool: ParsePool, deps: ScopeDeps, scope: Scope): ParseAhead {
  const { plugin, context } = deps;
  return (object, bytes) =>
    bytes.length > PARSE_WORKER_MAX_INPUT
      ? undefined
      : pool.parse({
          body: bytes,
          file: {
            bucket: object.bucket,
            key: object.key,
            prefix: deps.prefix,
            skipOnError: context.options.skipOnError,
          },
          source: messageSource(plugin, object, scope.row.accountId, context),
        });
}

/** server_access (§3.10): any failure of its loop that is not already a run-ending error is exit 7. */
function unexpectedListingError(error: unknown, deps: ScopeDeps): WazuhAwsError {
  if (error instanceof WazuhAwsError) return error;
  const text = isAwsServiceError(error) ? listError(error) : errorText(error);
  deps.context.logger.debug(2, `+++ Unexpected error: ${text}`);
  return new WazuhAwsError(`Unexpected error querying/working with objects in S3: ${text}`, {
    exitCode: EXIT.S3_OBJECTS,
    code: 'LISTING_UNEXPECTED',
    cause: error,
  });
}

function classifyListingError(error: unknown): WazuhAwsError {
  if (error instanceof WazuhAwsError) return error;
  if (isThrottlingError(error)) {
    return new WazuhAwsError(`${throttlingText('iter_files_in_bucket')}: ${listError(error)}`, {
      exitCode: EXIT.THROTTLING,
      code: 'THROTTLING',
      cause: error,
    });
  }
  if (isAwsServiceError(error)) {
    // Decision B34: no doubled `ERROR: ERROR:`.
    return new WazuhAwsError(`The "iter_files_in_bucket" request failed: ${listError(error)}`, {
      exitCode: EXIT.UNKNOWN,
      code: 'LISTING',
      cause: error,
    });
  }
  return new WazuhAwsError(`Unexpected error querying/working with objects in S3: ${errorText(error)}`, {
    exitCode: EXIT.S3_OBJECTS,
    code: 'LISTING_UNEXPECTED',
    cause: error,
  });
}

export { flowLogIdOf };

function compactDate(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}
