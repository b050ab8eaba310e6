import type { BucketStateStore, ProcessedRow } from './state-port.js';

/** Sent files are committed together at least this often. */
export const COMMIT_INTERVAL_MS = 200;

/**
 * Group commit of processed files (decision B1 with a bounded window): files are recorded in key
 * order once their events were handed to the sink, in one transaction per group. A group is
 * committed every {@link COMMIT_INTERVAL_MS}, before any `--remove`, and at the end of a listing
 * page or of the run (also when it fails) — so a crash re-sends at most the files of the last
 * fraction of a second, while a commit's fsync is paid once per group, not once per file.
 */
export function createCommitGroup(state: BucketStateStore, intervalMs = COMMIT_INTERVAL_MS) {
  let rows: ProcessedRow[] = [];
  let since = 0;
  const commit = () => {
    if (rows.length === 0) return;
    const group = rows;
    rows = [];
    if (state.markProcessedMany && group.length > 1) state.markProcessedMany(group);
    else for (const row of group) state.markProcessed(row.scope, row.key, row.createdDate);
  };
  return {
    /** Queues one file's row; commits when the window is over. */
    add(row: ProcessedRow) {
      if (rows.length === 0) since = Date.now();
      rows.push(row);
      if (Date.now() - since >= intervalMs) commit();
    },
    /** Commits what is queued now. */
    commit,
    get pending(): number {
      return rows.length;
    },
  };
}
