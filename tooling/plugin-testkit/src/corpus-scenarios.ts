import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BucketPlugin,
  buildEventMessage,
  createLineLogger,
  type MessageOptions,
  openObjectContent,
  type ParseInput,
  type WazuhMessage,
} from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';

export interface CorpusScenarioSuite {
  plugin: BucketPlugin;
  /** The package's library function, checked against the same messages. */
  toWazuhMessages(input: ParseInput, options?: MessageOptions): AsyncIterable<WazuhMessage>;
  /** The package's `test/fixtures/` folder: `<scenario>.cases.json`, `.expected.jsonl`, `.warnings.txt`. */
  fixturesUrl: URL;
  scenarios: string[];
}
const logFile = (message: WazuhMessage) =>
  (message.aws as { log_info: { log_file: string } }).log_info.log_file;

interface Cases {
  bucket: string;
  files: Array<{ key: string; file: string }>;
}

function load(fixtures: string, scenario: string) {
  const lines = (name: string) =>
    existsSync(join(fixtures, name))
      ? readFileSync(join(fixtures, name), 'utf8')
          .split('\n')
          .filter((line) => line !== '')
      : [];
  return {
    cases: JSON.parse(readFileSync(join(fixtures, `${scenario}.cases.json`), 'utf8')) as Cases,
    expected: lines(`${scenario}.expected.jsonl`).map((line) => JSON.parse(line) as WazuhMessage),
    warnings: lines(`${scenario}.warnings.txt`),
  };
}

const warningEvent = (line: string): unknown =>
  JSON.parse(line.replace(/^WARNING: Could not reformat event /, ''));

/**
 * Corpus scenarios copied into a package's fixtures: each object → parse → template → reformat must
 * give the reference's messages (and WARNING lines), file by file, in order.
 */
export function describeCorpusScenarios({
  plugin,
  toWazuhMessages,
  fixturesUrl,
  scenarios,
}: CorpusScenarioSuite) {
  const fixtures = fileURLToPath(fixturesUrl);
  const accountOf = (key: string) =>
    plugin.accountIdInMessage ? /(?:^|\/)(\d{12})\//.exec(key)?.[1] : undefined;
  describe.each(scenarios)('corpus scenario %s', (scenario) => {
    const { cases, expected, warnings } = load(fixtures, scenario);

    it('gives the reference messages and warnings, file by file', async () => {
      const lines: string[] = [];
      const logger = createLineLogger({ write: (line) => lines.push(line.trimEnd()) });
      for (const { key, file } of cases.files) {
        const context = { bucket: cases.bucket, key, prefix: '', skipOnError: false, logger };
        const content = openObjectContent(key, readFileSync(join(fixtures, file)));
        const source = { alias: '', bucket: cases.bucket, key, accountId: accountOf(key) };
        const messages: WazuhMessage[] = [];
        for await (const event of plugin.parse(content, context)) {
          messages.push(...plugin.reformat(buildEventMessage(event, source), context));
        }
        expect(messages, key).toEqual(expected.filter((m) => logFile(m) === key));
      }
      expect(lines.map(warningEvent)).toEqual(warnings.map(warningEvent));
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
      expect(messages).toEqual(expected.filter((m) => logFile(m) === key));
    });
  });
}
