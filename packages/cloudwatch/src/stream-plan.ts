// Which time ranges of a log stream to read, and what to store afterwards (services.md §2.4, §2.6,
// with decisions S10–S13). Pure: no I/O.
import type { StreamCheckpoint } from '@wazuh-aws/core';

/** One GetLogEvents range: `[start, end)` in epoch ms, optionally continuing from a forward token. */
export interface LogRange {
  token?: string | undefined;
  start: number;
  /** Exclusive; open when absent. */
  end?: number | undefined;
}

/** What reading a range saw. Updated page by page, so a partial read is still a valid result. */
export interface RangeProgress {
  /** The last forward token AWS returned (or the one the range started with). */
  token?: string | undefined;
  /** The range's start, lowered by any earlier event read. */
  minStart: number;
  /** Newest timestamp read (sent or discarded, decision S11); absent when nothing was read (S12). */
  maxEnd?: number | undefined;
  /** Events read so far. */
  read: number;
}

export interface StreamPlan {
  before?: LogRange | undefined;
  after: LogRange;
}

export interface PlanInput {
  reparse: boolean;
  /** `--only_logs_after` as epoch ms, when given. */
  onlyLogsAfterMs?: number | undefined;
  /** OLA ms, else today 00:00 UTC as ms. */
  firstStart: number;
}

const isSet = (n: number | undefined): n is number => n !== undefined && n !== 0;

/**
 * The `before` and `after` ranges for a stream with stored row `row` (services.md §2.4 steps 4–6).
 * Reparse reads the stream once from the first start to now (decision S10).
 */
export function planStream(row: StreamCheckpoint | undefined, input: PlanInput): StreamPlan {
  const { firstStart } = input;
  if (row === undefined || input.reparse) return { after: { start: firstStart } };
  const before =
    isSet(row.startTime) && row.startTime > firstStart
      ? { start: firstStart, end: row.startTime }
      : undefined;
  const olaMs = input.onlyLogsAfterMs;
  if (isSet(row.endTime) && (olaMs === undefined || row.endTime > olaMs)) {
    return { before, after: { token: row.token, start: row.endTime + 1 } };
  }
  return { before, after: { start: firstStart } };
}

/** A fresh progress record for `range`. */
export function startProgress(range: LogRange): RangeProgress {
  return { token: range.token, minStart: range.start, read: 0 };
}

const minOf = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);
const maxOf = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/**
 * The row to store after reading (services.md §2.6 with S12, S13): the smallest start ever
 * requested, the newest event ever read, and the `after` range's last token.
 */
export function mergeCheckpoint(
  row: StreamCheckpoint | undefined,
  before: RangeProgress | undefined,
  after: RangeProgress,
): StreamCheckpoint {
  const start = minOf(before?.minStart, after.minStart);
  const end = maxOf(before?.maxEnd, after.maxEnd);
  if (row === undefined) return { token: after.token, startTime: start, endTime: end ?? start };
  return {
    token: after.token,
    startTime: row.startTime === undefined ? start : minOf(row.startTime, start),
    endTime: row.endTime === undefined ? (end ?? start) : maxOf(row.endTime, end),
  };
}
