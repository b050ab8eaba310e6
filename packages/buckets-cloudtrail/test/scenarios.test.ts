import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEventMessage, createLineLogger, openObjectContent, type WazuhMessage } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { cloudtrail, toWazuhMessages } from '../src/index.js';

const fixtures = join(import.meta.dirname, 'fixtures');

interface Cases {
  bucket: string;
  files: Array<{ key: string; file: string }>;
}

const load = (scenario: string) => ({
  cases: JSON.parse(readFileSync(join(fixtures, `${scenario}.cases.json`), 'utf8')) as Cases,
  expected: readFileSync(join(fixtures, `${scenario}.expected.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as WazuhMessage),
});

describe.each(['cloudtrail-accounts-and-regions', 'cloudtrail-organization'])(
  'corpus scenario %s',
  (scenario) => {
    const { cases, expected } = load(scenario);

    it.each(cases.files)('$key gives the reference messages', async ({ key, file }) => {
      const warnings: string[] = [];
      const logger = createLineLogger({ write: (line) => warnings.push(line) });
      const context = { bucket: cases.bucket, key, prefix: '', skipOnError: false, logger };
      const content = openObjectContent(key, readFileSync(join(fixtures, file)));
      const accountId = /(?:^|\/)(\d{12})\/CloudTrail\//.exec(key)?.[1];
      const messages: WazuhMessage[] = [];
      for await (const event of cloudtrail.parse(content, context)) {
        const message = buildEventMessage(event, { alias: '', bucket: cases.bucket, key, accountId });
        messages.push(...cloudtrail.reformat(message, context));
      }
      const wanted = expected.filter(
        (m) => (m.aws as { log_info: { log_file: string } }).log_info.log_file === key,
      );
      expect(messages).toEqual(wanted);
      for (const line of warnings)
        expect(line).toMatch(/^WARNING: Could not reformat event \{"integration":"aws"/);
    });

    it('the library function gives the same messages', async () => {
      const { key, file } = cases.files[0]!;
      const messages: WazuhMessage[] = [];
      for await (const m of toWazuhMessages(readFileSync(join(fixtures, file)), {
        bucket: cases.bucket,
        key,
      })) {
        messages.push(m);
      }
      expect(messages).toEqual(
        expected.filter((m) => (m.aws as { log_info: { log_file: string } }).log_info.log_file === key),
      );
    });
  },
);
