import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLineLogger } from '@wazuh-aws/core';
import { createJsonLinesSink } from '@wazuh-aws/core/sender';
import { describe, expect, it } from 'vitest';
import { countingSink, createProgress, progressAwareLogger } from './progress.js';

function recorder() {
  const chunks: string[] = [];
  return { chunks, write: (text: string) => void chunks.push(text) };
}

describe('createProgress', () => {
  it('draws the counters in place and erases them on stop', () => {
    let now = 1_000;
    const out = recorder();
    const progress = createProgress({
      label: 'bucket cloudtrail',
      write: out.write,
      intervalMs: 0,
      now: () => now,
    });
    for (let i = 0; i < 1500; i++) progress.event();
    now += 3_000;
    progress.draw();
    expect(out.chunks).toEqual(['\r\u001b[Kwazuh-aws: bucket cloudtrail: 1,500 events sent (500/s), 3.0s']);
    progress.stop();
    expect(out.chunks.at(-1)).toBe('\r\u001b[K');
    progress.draw();
    expect(out.chunks).toHaveLength(2);
  });

  it('erases only a line it drew', () => {
    const out = recorder();
    const progress = createProgress({ label: 'x', write: out.write, intervalMs: 0 });
    progress.clear();
    progress.stop();
    expect(out.chunks).toEqual([]);
  });
});

describe('countingSink', () => {
  it('counts what it forwards and closes the inner sink', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wazuh-aws-progress-'));
    try {
      const file = join(dir, 'events.jsonl');
      const progress = createProgress({ label: 'x', write: () => {}, intervalMs: 0 });
      const sink = countingSink(createJsonLinesSink({ file }), progress);
      await sink.send('{"a": 1}');
      await sink.send('{"a": 2}');
      await sink.close();
      expect(progress.events).toBe(2);
      expect(readFileSync(file, 'utf8')).toBe('{"a": 1}\n{"a": 2}\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('progressAwareLogger', () => {
  it('erases the progress line before each written line, never before a suppressed debug line', () => {
    const events: string[] = [];
    const base = createLineLogger({ level: 1, write: (line) => void events.push(`out:${line}`) });
    const logger = progressAwareLogger(base, { clear: () => void events.push('clear') });
    logger.debug(2, 'hidden');
    logger.debug(1, 'shown');
    logger.error('bad');
    logger.addSecret('s3cr3t-value');
    logger.warning('has s3cr3t-value');
    expect(events).toEqual([
      'clear',
      'out:DEBUG: shown\n',
      'clear',
      'out:ERROR: bad\n',
      'clear',
      'out:WARNING: has ***\n',
    ]);
    expect(logger.level).toBe(1);
  });
});
