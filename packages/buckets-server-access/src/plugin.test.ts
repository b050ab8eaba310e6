import { describe, expect, it } from 'vitest';
import { expectedMessages, fixtureBytes, fixtureKeys, messagesOf, prng } from '../test/helpers.js';
import serverAccessDefault, {
  parseServerAccessLog,
  serverAccess,
  tokenizeServerAccessLine,
} from './index.js';

const BUCKET = 'acme-s3-access';

const all = async <T>(iterable: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

describe('server_access descriptor', () => {
  it('describes the flat, dash-dated custom type', () => {
    expect(serverAccessDefault).toBe(serverAccess);
    expect(serverAccess).toMatchObject({
      name: 'server_access',
      table: 's3_server_access',
      schema: 'custom',
      layout: 'flat',
      markerDateFormat: 'YYYY-MM-DD',
      checkPrefix: true,
      markerDelimiter: '-',
      createdDate: 'key-date',
      accountIdInMessage: false,
    });
    expect(serverAccess.dateRegex?.exec('s3-access/2021-04-29-09-12-25-F1234')?.index).toBe(10);
    expect(serverAccess.dateRegex?.test('s3-access/2021-04-29-F1234')).toBe(false);
  });
});

describe('server-access-first-run corpus', () => {
  const expected = expectedMessages('server-access-first-run');
  it('has expected files', () => expect(expected.size).toBeGreaterThan(0));
  it.each([...expected.keys()])('%s gives the expected messages', async (key) => {
    const messages = await messagesOf(serverAccess, fixtureBytes('server_access/base', key), {
      bucket: BUCKET,
      key,
    });
    expect(messages).toEqual(expected.get(key));
  });
  it('every fixture line is an event', async () => {
    for (const key of fixtureKeys('server_access/base')) {
      const text = fixtureBytes('server_access/base', key).toString('utf8');
      const lines = text.split('\n').filter((line) => line.trim() !== '');
      expect(await all(parseServerAccessLog(text))).toHaveLength(lines.length);
    }
  });
});

describe('tokenizeServerAccessLine', () => {
  it('keeps quoted and bracketed values whole, without delimiters', () => {
    expect(
      tokenizeServerAccessLine(
        'o b [29/Apr/2025:08:47:53 +0000] "GET /x?website= HTTP/1.1" "-" - "aws-cli/2  Py (d)" x',
      ),
    ).toEqual([
      'o',
      'b',
      '29/Apr/2025:08:47:53 +0000',
      'GET /x?website= HTTP/1.1',
      '-',
      '-',
      'aws-cli/2  Py (d)',
      'x',
    ]);
  });

  it('lets a quote inside a quoted value through when no space follows it', () => {
    expect(tokenizeServerAccessLine('"a "b"c" d')).toEqual(['a "b"c', 'd']);
  });

  it('keeps columns aligned on double spaces and takes the rest of the line for an unterminated quote', () => {
    expect(tokenizeServerAccessLine('a  b')).toEqual(['a', '', 'b']);
    expect(tokenizeServerAccessLine('a "b c')).toEqual(['a', '"b c']);
    expect(tokenizeServerAccessLine('a [b c')).toEqual(['a', '[b c']);
    expect(tokenizeServerAccessLine('"" []')).toEqual(['', '']);
  });
});

describe('parseServerAccessLog', () => {
  it('skips blank lines, handles CRLF, drops surplus columns, leaves missing ones absent', async () => {
    const full = Array.from({ length: 26 }, (_, i) => `v${i}`).join(' ');
    const events = await all(parseServerAccessLog(`${full}\r\n\r\n   \r\nowner bucket [t z]\r\n`));
    expect(events).toHaveLength(2);
    expect(Object.keys(events[0] ?? {})).toHaveLength(25);
    expect(events[0]).toMatchObject({ bucket_owner: 'v0', tls_version: 'v23', source: 's3_server_access' });
    expect(events[1]).toEqual({
      bucket_owner: 'owner',
      bucket: 'bucket',
      time: 't z',
      source: 's3_server_access',
    });
  });

  it('fuzz: never throws and never hangs on random or truncated lines', async () => {
    const random = prng(3);
    const sample = fixtureBytes(
      'server_access/base',
      fixtureKeys('server_access/base')[0] as string,
    ).toString('utf8');
    for (let n = 0; n < 2000; n++) {
      let text = sample.slice(0, Math.floor(random() * sample.length));
      if (random() < 0.5) {
        text = '';
        for (let i = 0; i < 80; i++) text += ' "[]-ab\n\r'[Math.floor(random() * 10)];
      }
      for (const event of await all(parseServerAccessLog(text)))
        expect(event.source).toBe('s3_server_access');
    }
  });
});
