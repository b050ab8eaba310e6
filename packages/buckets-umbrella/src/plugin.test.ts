import { EXIT, ParseError, silentLogger } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { expectedMessages, fixtureBytes, fixtureKeys, messagesOf, prng } from '../test/helpers.js';
import umbrellaDefault, { ciscoUmbrella, parseUmbrellaLog, UmbrellaPrefixError } from './index.js';

const BUCKET = 'acme-umbrella';

const all = async <T>(iterable: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

describe('cisco_umbrella descriptor', () => {
  it('describes the flat custom type without prefix check', () => {
    expect(umbrellaDefault).toBe(ciscoUmbrella);
    expect(ciscoUmbrella).toMatchObject({
      name: 'cisco_umbrella',
      table: 'cisco_umbrella',
      schema: 'custom',
      layout: 'flat',
      markerDateFormat: 'YYYY-MM-DD',
      checkPrefix: false,
      createdDate: 'key-date',
      accountIdInMessage: false,
    });
  });

  it('validates the prefix at start (decision B43: exit 12)', () => {
    for (const prefix of ['umbrella/dnslogs/', '981837383623/proxylogs/', 'iplogs/']) {
      expect(() => ciscoUmbrella.validate?.({ prefix, logger: silentLogger })).not.toThrow();
    }
    for (const prefix of ['', 'umbrella/', 'dns/']) {
      const run = () => ciscoUmbrella.validate?.({ prefix, logger: silentLogger });
      expect(run).toThrow(UmbrellaPrefixError);
      expect(run).toThrow("Only 'dnslogs', 'proxylogs' or 'iplogs' are allowed for Cisco Umbrella");
      try {
        run();
      } catch (error) {
        expect(error).toMatchObject({ exitCode: EXIT.INVALID_TYPE });
      }
    }
  });
});

describe.each([
  ['umbrella-dnslogs', 'umbrella/dnslogs', 'umbrella/dnslogs/'],
  ['umbrella-proxylogs', 'umbrella/proxylogs', 'umbrella/proxylogs/'],
])('%s corpus', (scenario, subset, prefix) => {
  const expected = expectedMessages(scenario);
  it('has expected files', () => expect(expected.size).toBeGreaterThan(0));
  it.each([...expected.keys()])('%s gives the expected messages', async (key) => {
    const messages = await messagesOf(ciscoUmbrella, fixtureBytes(subset, key), {
      bucket: BUCKET,
      key,
      prefix,
    });
    expect(messages).toEqual(expected.get(key));
  });
  it('parses every fixture', async () => {
    for (const key of fixtureKeys(subset)) {
      expect(
        (await messagesOf(ciscoUmbrella, fixtureBytes(subset, key), { bucket: BUCKET, key, prefix })).length,
      ).toBeGreaterThan(0);
    }
  });
});

describe('parseUmbrellaLog', () => {
  it('leaves out missing columns, keeps surplus ones in extra_fields, reads quotes like Python csv', async () => {
    const text = '"2025-03-09 12:10:00","id","10.0.0.1",1,2\r\n\r\n"2025", "a,b"\n';
    expect(await all(parseUmbrellaLog(text, 'iplogs'))).toEqual([
      {
        timestamp: '2025-03-09 12:10:00',
        identity: 'id',
        source_ip: '10.0.0.1',
        source_port: '1',
        destination_ip: '2',
        source: 'cisco_umbrella',
      },
      { timestamp: '2025', identity: ' "a', source_ip: 'b"', source: 'cisco_umbrella' },
    ]);
    const [event] = await all(parseUmbrellaLog('1,2,3,4,5,6,7,8,9', 'iplogs'));
    expect(event?.extra_fields).toEqual(['8', '9']);
  });

  it('keeps a comma inside a quoted value', async () => {
    const [event] = await all(parseUmbrellaLog('"t","a,b"', 'dnslogs'));
    expect(event?.most_granular_identity).toBe('a,b');
  });

  it('fuzz: returns events or throws ParseError, never anything else', async () => {
    const random = prng(5);
    const sample =
      '"2025-03-09 12:10:00","alice (a)","a,b","10.0.8.169","52.95.110.19","Allowed","28 (AAAA)"\n';
    for (let n = 0; n < 2000; n++) {
      let text = sample.repeat(2).slice(0, Math.floor(random() * sample.length * 2));
      if (random() < 0.5) {
        const chars = [...text];
        for (let k = 0; k < 4; k++)
          chars[Math.floor(random() * chars.length)] = '",\n\r x'[Math.floor(random() * 6)] ?? ',';
        text = chars.join('');
      }
      try {
        for await (const event of parseUmbrellaLog(text, 'proxylogs'))
          expect(event.source).toBe('cisco_umbrella');
      } catch (error) {
        expect(error).toBeInstanceOf(ParseError);
      }
    }
  });
});
