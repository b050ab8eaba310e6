// One region of CloudWatch Logs (services.md §2.3–§2.9): for each group, list its streams once,
// read each stream, save its row as soon as it is done (decision S1), optionally delete it, then
// purge rows of streams that are gone. Pages may have been fetched ahead (read-ahead.ts), but
// streams are sent, logged and saved one after the other, in listing order.
import type { ServiceRegionResult, StreamCheckpoint } from '@wazuh-aws/core';
import type { PageSource } from './log-requests.js';
import { listLogStreams, removeLogStream } from './log-streams.js';
import { createReadAhead } from './read-ahead.js';
import { readRange } from './read-range.js';
import { mergeCheckpoint, planStream, type RangeProgress, startProgress } from './stream-plan.js';
import type { CloudWatchRun, CloudWatchTuning } from './types.js';

/** `YYYYMMDD` → that day 00:00 UTC in epoch ms. */
export function onlyLogsAfterMs(onlyLogsAfter: string | undefined): number | undefined {
  if (onlyLogsAfter === undefined) return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(onlyLogsAfter);
  if (!m) throw new TypeError(`only_logs_after must be YYYYMMDD, got ${onlyLogsAfter}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

const py = (c: StreamCheckpoint) =>
  `{'token': ${c.token === undefined ? 'None' : `'${c.token}'`}, 'start_time': ${c.startTime ?? 'None'}, 'end_time': ${c.endTime ?? 'None'}}`;

/** Collects every configured log group of one region. */
export async function collectCloudWatch(
  run: CloudWatchRun,
  tuning: CloudWatchTuning,
): Promise<ServiceRegionResult> {
  const { logger, settings } = run;
  const olaMs = onlyLogsAfterMs(settings.onlyLogsAfter);
  logger.debug(1, `only logs: ${olaMs ?? 'None'}`);
  if (settings.reparse) logger.debug(1, 'Reparse mode ON');
  const plan = {
    reparse: settings.reparse,
    onlyLogsAfterMs: olaMs,
    firstStart: olaMs ?? run.defaultDate.getTime(),
  };
  let deferredExit: number | undefined;
  const ahead = createReadAhead(run, plan, tuning);
  try {
    for (const [groupIndex, group] of settings.logGroups.entries()) {
      run.checkInterrupted();
      ahead.enterGroup(groupIndex);
      const listing = await listLogStreams(run, ahead, group, tuning);
      if (!listing.ok) {
        deferredExit ??= listing.deferredExit;
        continue;
      }
      ahead.enterStreams(listing.streams);
      const removed = new Set<string>();
      for (const [streamIndex, stream] of listing.streams.entries()) {
        run.checkInterrupted();
        ahead.enterStream(streamIndex);
        const done = await collectStream(run, ahead, group, stream, plan, tuning);
        if (done && settings.removeLogStreams && (await removeLogStream(run, group, stream)))
          removed.add(stream);
      }
      purge(run, group, new Set(listing.streams.filter((s) => !removed.has(s))));
    }
  } finally {
    // Interrupted, failed or done: what was read ahead and not sent is dropped, never saved.
    ahead.close();
    logger.debug(1, 'committing changes and closing the DB');
  }
  return { deferredExit };
}

/** Reads one stream and saves its row; false when the stream vanished before it could be read. */
async function collectStream(
  run: CloudWatchRun,
  source: PageSource,
  group: string,
  stream: string,
  plan: Parameters<typeof planStream>[1],
  tuning: CloudWatchTuning,
): Promise<boolean> {
  const { logger, state } = run;
  logger.debug(1, `Getting data from DB for log stream "${stream}" in log group "${group}"`);
  const row = state.get(group, stream);
  logger.debug(
    2,
    `Token: "${row?.token ?? 'None'}", start_time: "${row?.startTime ?? 'None'}", end_time: "${row?.endTime ?? 'None'}"`,
  );
  const { before, after } = planStream(row, plan);
  const ref = { group, stream };
  let beforeProgress: RangeProgress | undefined;
  if (before) {
    beforeProgress = startProgress(before);
    // An unfinished `before` range is not saved: it is read again next time.
    if (!(await readRange(run, source, ref, before, beforeProgress, tuning))) return false;
  }
  const afterProgress = startProgress(after);
  try {
    if (!(await readRange(run, source, ref, after, afterProgress, tuning))) return false;
  } catch (error) {
    // Interrupted or failed mid-range: keep what was already sent (clean point = page boundary).
    if (row !== undefined || afterProgress.read > 0) {
      save(run, group, stream, mergeCheckpoint(row, beforeProgress, resumePoint(afterProgress)));
    }
    throw error;
  }
  save(run, group, stream, mergeCheckpoint(row, beforeProgress, afterProgress));
  return true;
}

/**
 * A range cut short resumes at its newest timestamp, not after it: more events of that same
 * millisecond may follow, and the saved token already skips the ones that were read.
 */
function resumePoint(progress: RangeProgress): RangeProgress {
  return progress.maxEnd === undefined ? progress : { ...progress, maxEnd: progress.maxEnd - 1 };
}

function save(run: CloudWatchRun, group: string, stream: string, checkpoint: StreamCheckpoint): void {
  run.logger.debug(1, `Saving data for log group "${group}" and log stream "${stream}".`);
  run.logger.debug(2, () => `The saved values are "${py(checkpoint)}"`);
  if (run.state.save(group, stream, checkpoint) === 'updated') {
    run.logger.debug(2, 'Some data already exists on DB for that key. Updating their values...');
  }
}

/** Deletes rows of streams absent from the one listing of this run (decisions S5, S18). */
function purge(run: CloudWatchRun, group: string, listed: ReadonlySet<string>): void {
  run.logger.debug(1, 'Purging the BD');
  const stale = run.state.streams(group).filter((s) => !listed.has(s));
  if (stale.length === 0) return;
  run.logger.debug(
    2,
    () =>
      `Data for the following log streams will be removed from cloudwatch_logs: "{${stale.map((s) => `'${s}'`).join(', ')}}"`,
  );
  run.state.remove(group, stale);
}
