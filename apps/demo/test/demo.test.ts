import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CLI_PATH } from '@wazuh-aws/testkit';
import { describe, expect, it } from 'vitest';
import { describeEvent } from '../src/describe-event.js';
import { runDemo } from '../src/run-demo.js';
import { DEMO_RUNS } from '../src/scenarios.js';

const samplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

describe('describeEvent', () => {
  it('digests a CloudTrail datagram into its telling fields', () => {
    const datagram =
      '1:Wazuh-AWS:{"integration": "aws", "aws": {"source": "cloudtrail", "eventName": "ConsoleLogin", "userIdentity": {"userName": "alice"}, "sourceIPAddress": "203.0.113.5", "awsRegion": "us-east-1"}}';
    expect(describeEvent(datagram)).toEqual({
      source: 'cloudtrail',
      text: 'ConsoleLogin  alice  203.0.113.5  us-east-1',
    });
  });

  it('shows raw text events under the fallback source, whitespace collapsed', () => {
    expect(describeEvent('1:Wazuh-AWS:START RequestId: 1\n', 'cloudwatchlogs')).toEqual({
      source: 'cloudwatchlogs',
      text: 'START RequestId: 1',
    });
  });

  it('lists the first scalar fields of an unknown source', () => {
    const datagram =
      '1:Wazuh-AWS:{"integration": "aws", "aws": {"log_info": {}, "orderId": "o-1", "amount": 9.5, "items": []}}';
    expect(describeEvent(datagram, 'buckets')).toEqual({
      source: 'buckets',
      text: 'orderId=o-1  amount=9.5',
    });
  });
});

describe('runDemo', () => {
  it('sends events of every type through the real CLI and re-sends nothing', async () => {
    let output = '';
    const { results, rerunEvents } = await runDemo({
      cliPath: DEFAULT_CLI_PATH,
      samplesDir,
      write: (text) => {
        output += text;
      },
    });
    expect(results.map((r) => r.run.label)).toEqual(DEMO_RUNS.map((r) => r.label));
    for (const result of results) {
      expect({ label: result.run.label, exit: result.exitCode }).toEqual({
        label: result.run.label,
        exit: 0,
      });
      expect(result.events.length, result.run.label).toBeGreaterThan(0);
      for (const event of result.events) expect(event.startsWith('1:Wazuh-AWS:')).toBe(true);
    }
    expect(rerunEvents).toBe(0);
    expect(output).toContain('Summary');
    expect(output).toContain('▶ cloudtrail');
    expect(output).not.toContain('\u001b['); // no colour when not asked
  });
});
