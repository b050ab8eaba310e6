import { describe, expect, it } from 'vitest';
import { mergeCheckpoint, planStream, type RangeProgress } from './stream-plan.js';

const S0 = 1724630400000;
const progress = (minStart: number, maxEnd?: number, token = 'T2'): RangeProgress => ({
  token,
  minStart,
  maxEnd,
  read: maxEnd === undefined ? 0 : 1,
});

describe('planStream (services.md §2.4)', () => {
  it('reads a new stream from the first start, without a token', () => {
    expect(planStream(undefined, { reparse: false, firstStart: S0 })).toEqual({ after: { start: S0 } });
  });

  it('continues after the stored end with the stored token; no before range when start = S0', () => {
    const row = { token: 'T1', startTime: S0, endTime: S0 + 16 };
    expect(planStream(row, { reparse: false, firstStart: S0 })).toEqual({
      before: undefined,
      after: { token: 'T1', start: S0 + 17 },
    });
  });

  it('adds a before range when only_logs_after is older than the stored start (§2.10)', () => {
    const row = { token: 'T', startTime: 1640996200000, endTime: 1659355591835 };
    const ola = 1638316800000;
    expect(planStream(row, { reparse: false, onlyLogsAfterMs: ola, firstStart: ola })).toEqual({
      before: { start: ola, end: 1640996200000 },
      after: { token: 'T', start: 1659355591836 },
    });
  });

  it('restarts from only_logs_after, without the token, when the stored end is not after it', () => {
    const row = { token: 'T', startTime: S0, endTime: S0 };
    expect(planStream(row, { reparse: false, onlyLogsAfterMs: S0, firstStart: S0 })).toEqual({
      before: undefined,
      after: { start: S0 },
    });
  });

  it('reparse reads once from the first start (S10)', () => {
    const row = { token: 'T', startTime: S0 + 5, endTime: S0 + 99 };
    expect(planStream(row, { reparse: true, firstStart: S0 })).toEqual({ after: { start: S0 } });
  });
});

describe('mergeCheckpoint (services.md §2.6 with S11–S13)', () => {
  it('stores start = end = the first start for a new stream with no event', () => {
    expect(mergeCheckpoint(undefined, undefined, progress(S0, undefined, 'f/0'))).toEqual({
      token: 'f/0',
      startTime: S0,
      endTime: S0,
    });
  });

  it('keeps the stored end when nothing was read (S12), moving only the token', () => {
    const row = { token: 'T1', startTime: S0, endTime: S0 + 16 };
    expect(mergeCheckpoint(row, undefined, progress(S0 + 17))).toEqual({
      token: 'T2',
      startTime: S0,
      endTime: S0 + 16,
    });
  });

  it('takes the newest event and the smallest start, before range included', () => {
    const row = { token: 'T1', startTime: S0 + 100, endTime: S0 + 200 };
    const merged = mergeCheckpoint(row, progress(S0, S0 + 50, 'ignored'), progress(S0 + 201, S0 + 300));
    expect(merged).toEqual({ token: 'T2', startTime: S0, endTime: S0 + 300 });
  });

  it('an absent stored start takes the smallest start, never an end (S13)', () => {
    const row = { token: 'T1', startTime: undefined, endTime: S0 + 200 };
    expect(mergeCheckpoint(row, undefined, progress(S0 + 201, S0 + 300))).toEqual({
      token: 'T2',
      startTime: S0 + 201,
      endTime: S0 + 300,
    });
  });
});
