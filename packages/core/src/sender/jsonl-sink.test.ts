import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonLinesSink } from './jsonl-sink.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wazuh-aws-jsonl-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createJsonLinesSink', () => {
  it('writes one body per line to a 0600 file, in order, waiting for drain', async () => {
    const file = join(dir, 'out.jsonl');
    const sink = createJsonLinesSink({ file });
    const bodies = Array.from({ length: 5000 }, (_, i) => `{"i": ${i}, "pad": "${'x'.repeat(100)}"}`);
    let waited = 0;
    for (const body of bodies) {
      const wait = sink.send(body);
      if (wait) {
        waited++;
        await wait;
      }
    }
    await sink.close();
    expect(waited).toBeGreaterThan(0);
    expect(readFileSync(file, 'utf8')).toBe(`${bodies.join('\n')}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('takes frames (body + newline) and keeps its own copy once the call returned', async () => {
    const file = join(dir, 'frames.jsonl');
    const sink = createJsonLinesSink({ file });
    expect(sink.framing).toEqual({ header: '', trailer: '\n' });
    const frame = Buffer.from('{"a": 1}\n');
    const wait = sink.sendFrame?.(frame);
    if (wait) await wait;
    frame.fill(0x78); // the engine reuses the frame's memory at once
    await sink.close();
    expect(readFileSync(file, 'utf8')).toBe('{"a": 1}\n');
  });

  it('reports a file that cannot be opened', async () => {
    const sink = createJsonLinesSink({ file: join(dir, 'missing', 'out.jsonl') });
    await expect(sink.close()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
