import { describe, expect, it } from 'vitest';
import { createCommitGroup } from './commit-group.js';
import type { BucketStateStore, ProcessedRow, RowScope } from './state-port.js';

const scope: RowScope = { bucketPath: 'b/', accountId: '123456789012', region: 'us-east-1' };
const row = (key: string): ProcessedRow => ({ scope, key, createdDate: 20240601 });

function recordingStore(batch: boolean) {
  const commits: string[][] = [];
  const store: BucketStateStore = {
    ensureTable() {},
    isProcessed: () => false,
    lastKey: () => undefined,
    markProcessed: (_s, key) => commits.push([key]),
    prune() {},
    ...(batch
      ? { markProcessedMany: (rows: readonly ProcessedRow[]) => commits.push(rows.map((r) => r.key)) }
      : {}),
  };
  return { store, commits };
}

describe('createCommitGroup', () => {
  it('commits queued files together, in key order, when asked', () => {
    const { store, commits } = recordingStore(true);
    const group = createCommitGroup(store, 60_000);
    group.add(row('a'));
    group.add(row('b'));
    group.add(row('c'));
    expect(commits).toEqual([]);
    expect(group.pending).toBe(3);
    group.commit();
    group.add(row('d'));
    group.commit();
    group.commit();
    expect(commits).toEqual([['a', 'b', 'c'], ['d']]);
    expect(group.pending).toBe(0);
  });

  it('commits at once when the window is over (a zero window commits every file)', () => {
    const { store, commits } = recordingStore(true);
    const group = createCommitGroup(store, 0);
    group.add(row('a'));
    group.add(row('b'));
    expect(commits).toEqual([['a'], ['b']]);
  });

  it('falls back to one commit per file without markProcessedMany', () => {
    const { store, commits } = recordingStore(false);
    const group = createCommitGroup(store, 60_000);
    group.add(row('a'));
    group.add(row('b'));
    group.commit();
    expect(commits).toEqual([['a'], ['b']]);
  });
});
