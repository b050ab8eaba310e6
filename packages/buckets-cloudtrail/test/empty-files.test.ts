import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openObjectContent, ParseError, silentLogger } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { cloudtrail } from '../src/index.js';

// Corpus scenario cloudtrail-empty-files: zero-byte object, gzip of nothing, empty Records, no Records.
const objects = join(import.meta.dirname, 'fixtures', 'objects');
const PREFIX =
  'AWSLogs/123456789012/CloudTrail/us-east-1/2025/03/09/123456789012_CloudTrail_us-east-1_20250309T';

async function parseFile(name: string) {
  const key = `${PREFIX}${name}.json.gz`;
  const context = { bucket: 'acme-cloudtrail', key, prefix: '', skipOnError: false, logger: silentLogger };
  const events: unknown[] = [];
  for await (const event of cloudtrail.parse(
    openObjectContent(key, readFileSync(join(objects, key.split('/').pop()!))),
    context,
  )) {
    events.push(event);
  }
  return events;
}

describe('cloudtrail-empty-files', () => {
  it.each(['1201Z_dlAPJqziooqHcalc', '1202Z_H4woA2JfL3ydMV8n'])(
    '%s fails as the Python decoder',
    async (name) => {
      const error = await parseFile(name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).message).toBe('Expecting value: line 1 column 1 (char 0)');
      expect((error as ParseError).pythonType).toBe('JSONDecodeError');
    },
  );

  it.each(['1203Z_KC54nLBMPwK2FYJW', '1204Z_nBbiqbX55mIyeH1T'])('%s has no events', async (name) => {
    expect(await parseFile(name)).toEqual([]);
  });
});
