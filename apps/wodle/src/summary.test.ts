import { createRunSummary } from '@wazuh-aws/core/engine';
import { describe, expect, it } from 'vitest';
import { formatSummary, printSummary } from './summary.js';

describe('formatSummary', () => {
  it('gives files, events, skipped and errors per bucket type, and the duration', () => {
    const bucket = createRunSummary();
    bucket.recordFile('cloudtrail', { events: 10, discarded: 2, failed: false });
    bucket.recordFile('cloudtrail', { events: 0, discarded: 0, failed: true });
    const lines = formatSummary({
      mode: 'bucket',
      target: 'cloudtrail',
      startedAt: 0,
      finishedAt: 2_340,
      events: 10,
      bucket,
    });
    expect(lines).toEqual([
      'wazuh-aws: bucket cloudtrail done in 2.3s',
      '  cloudtrail: 2 files, 10 events sent, 2 skipped (discarded), 1 error',
    ]);
  });

  it('says so when a bucket had no new files', () => {
    const lines = formatSummary({
      mode: 'bucket',
      target: 'vpcflow',
      startedAt: 0,
      finishedAt: 0,
      events: 0,
      bucket: createRunSummary(),
    });
    expect(lines[1]).toBe('  no new files');
  });

  it('gives the messages of a subscriber run', () => {
    const subscriber = { received: 8, deleted: 7, left: 1, events: 1234, failures: [{} as never] };
    expect(
      formatSummary({
        mode: 'subscriber',
        target: 'buckets',
        startedAt: 0,
        finishedAt: 1_000,
        events: 1234,
        subscriber,
      }),
    ).toEqual([
      'wazuh-aws: subscriber buckets done in 1.0s',
      '  8 messages received, 7 deleted, 1 left on the queue; 1,234 events sent, 1 error',
    ]);
  });

  it('gives the events of a service run', () => {
    const lines = formatSummary({
      mode: 'service',
      target: 'inspector',
      startedAt: 0,
      finishedAt: 500,
      events: 1,
    });
    expect(lines).toEqual(['wazuh-aws: service inspector done in 0.5s', '  1 event sent']);
  });
});

describe('printSummary', () => {
  it('writes the lines as one text ending with a newline', () => {
    let out = '';
    printSummary(
      { mode: 'service', target: 'cloudwatchlogs', startedAt: 0, finishedAt: 0, events: 0 },
      (t) => {
        out += t;
      },
    );
    expect(out).toBe('wazuh-aws: service cloudwatchlogs done in 0.0s\n  0 events sent\n');
  });
});
