import { openObjectContent, ParseError } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { expectedMessages, fixtureBytes, messagesOf, recordingLogger } from '../test/helpers.js';
import wafDefault, { parseWafLog, WafFileError, waf } from './index.js';

const BUCKET = 'acme-waf';

describe('waf plugin descriptor', () => {
  it('describes a custom-style flat bucket type', () => {
    expect(wafDefault).toBe(waf);
    expect(waf).toMatchObject({
      kind: 'bucket',
      name: 'waf',
      table: 'waf',
      schema: 'custom',
      layout: 'flat',
      checkPrefix: true,
      lateArrival: false,
      accountIdInMessage: false,
      createdDate: 'key-date',
      markerDateFormat: 'YYYY/MM/DD',
    });
    expect(Object.isFrozen(waf)).toBe(true);
  });
});

describe('waf corpus (waf-first-run)', () => {
  const expected = expectedMessages('waf-first-run');
  it.each([...expected.keys()])('%s gives the reference messages', async (key) => {
    const messages = await messagesOf(waf, fixtureBytes('waf/base', key), { bucket: BUCKET, key });
    expect(messages).toEqual(expected.get(key));
  });
});

describe('waf wrong structure (waf-wrong-structure)', () => {
  const key =
    'waf/2025/03/09/19/aws-waf-logs-shop-1-2025-03-09-19-00-00-2a575198-a317-461e-963c-066074e0b010.gz';
  const bytes = fixtureBytes('waf/wrong-structure', key);
  const text = `The ${key} file doesn't have the expected structure.`;

  it('stops with exit 9 and the exact text without skip_on_error, before yielding any event', async () => {
    const events: unknown[] = [];
    const error = await (async () => {
      for await (const event of parseWafLog(openObjectContent(key, bytes))) events.push(event);
    })().catch((e: unknown) => e);
    expect(events).toEqual([]);
    expect(error).toBeInstanceOf(WafFileError);
    expect(error).not.toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ exitCode: 9, message: text, report: true });
  });

  it('logs one ERROR line per bad record and keeps it as decoded with skip_on_error', async () => {
    const logger = recordingLogger();
    const messages = await messagesOf(waf, bytes, { bucket: BUCKET, key, skipOnError: true, logger });
    expect(messages).toEqual(expectedMessages('waf-wrong-structure', 2).get(key));
    expect(logger.lines).toEqual([`ERROR: ${text}`, `ERROR: ${text}`]);
  });
});

const collect = async (text: string, options: Parameters<typeof parseWafLog>[1] = {}) => {
  const out: unknown[] = [];
  for await (const event of parseWafLog(text, options)) out.push(event);
  return out;
};

const record = (headers: unknown) =>
  JSON.stringify({ action: 'ALLOW', httpRequest: { clientIp: '1.2.3.4', headers } });

describe('parseWafLog', () => {
  it('filters headers case-insensitively, keeps names as written, later duplicates win', async () => {
    const line = record([
      { name: 'Host', value: 'a' },
      { name: 'X-Secret', value: 's' },
      { name: 'user-agent', value: 'ua' },
      { name: 'Host', value: 'b' },
      { name: 'not-listed' },
    ]);
    expect(await collect(line)).toEqual([
      {
        action: 'ALLOW',
        httpRequest: { clientIp: '1.2.3.4', headers: { Host: 'b', 'user-agent': 'ua' } },
        source: 'waf',
      },
    ]);
  });

  it('reads several objects per line and several lines, CRLF and trailing blanks included', async () => {
    const events = await collect(`${record([])}${record([])}\r\n\r\n${record([])}  \n`);
    expect(events).toHaveLength(3);
  });

  it('fails on whitespace between objects unless skipping, keeping what was decoded', async () => {
    const text = `${record([])} ${record([])}\n${record([])}`;
    await expect(collect(text, { key: 'p/x/file.gz' })).rejects.toThrow(
      'Events from file.gz file could not be loaded.',
    );
    const logger = recordingLogger();
    const events = await collect(text, { key: 'p/x/file.gz', skipOnError: true, logger });
    expect(events).toHaveLength(2);
    expect(logger.lines).toEqual(['ERROR: Events from file.gz file could not be loaded.']);
  });

  it('rejects a line starting with whitespace (the reference decodes at offset 0)', async () => {
    await expect(collect(` ${record([])}`)).rejects.toBeInstanceOf(WafFileError);
  });

  it.each([
    ['no httpRequest', { action: 'ALLOW' }],
    ['httpRequest not an object', { httpRequest: [1] }],
    ['no headers', { httpRequest: {} }],
    ['headers not a list', { httpRequest: { headers: 5 } }],
    ['element not an object', { httpRequest: { headers: ['Host'] } }],
    ['element without name', { httpRequest: { headers: [{ value: 'x' }] } }],
    ['whitelisted element without value', { httpRequest: { headers: [{ name: 'Host' }] } }],
  ])('reports the wrong structure: %s', async (_name, value) => {
    await expect(collect(JSON.stringify(value), { key: 'k' })).rejects.toThrow(
      "The k file doesn't have the expected structure.",
    );
    const events = await collect(JSON.stringify(value), { key: 'k', skipOnError: true });
    expect(events).toEqual([{ ...value, source: 'waf' }]);
  });

  it('accepts NaN/Infinity literals like the Python decoder', async () => {
    const [event] = (await collect('{"a":NaN,"httpRequest":{"headers":[]}}')) as Array<
      Record<string, unknown>
    >;
    expect(event?.a).toBeNaN();
  });

  it('throws ParseError for a JSON value that is not an object', async () => {
    await expect(collect('[1,2]')).rejects.toBeInstanceOf(ParseError);
  });

  it('propagates content errors as they are (invalid UTF-8 is the decompressor’s ParseError)', async () => {
    const { openObjectContent } = await import('@wazuh-aws/core');
    const content = openObjectContent('waf/x.log', Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]));
    const error = await (async () => {
      for await (const _ of parseWafLog(content)) {
        // drain
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
  });
});
