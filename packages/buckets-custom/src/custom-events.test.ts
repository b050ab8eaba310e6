import { ParseError } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { customEvents, repairMacieCoordinates } from './index.js';

describe('customEvents', () => {
  it('unwraps detail and strips aws. from source', () => {
    expect([...customEvents('{"source": "aws.custombucket", "detail": {"schemaVersion": "2.0"}}')]).toEqual([
      { schemaVersion: '2.0', source: 'custombucket' },
    ]);
  });

  it('accepts whitespace between values and a BOM (decisions B21, B22), ignores values without detail', () => {
    const text =
      '\ufeff{"source":"aws.a","detail":{"x":1}}\n{"source":"aws.b"}\r\n {"source":"aws.c","detail":{"source":"old","y":2}}\n';
    expect([...customEvents(text)]).toEqual([
      { x: 1, source: 'a' },
      { source: 'c', y: 2 },
    ]);
  });

  it('fails invalid JSON with a ParseError after the good values', () => {
    const seen: unknown[] = [];
    expect(() => {
      for (const event of customEvents('{"source":"aws.a","detail":{}}{"detail":')) seen.push(event);
    }).toThrow(ParseError);
    expect(seen).toEqual([{ source: 'a' }]);
  });

  it('falls back to VPC text without losing the first character (decision B22)', () => {
    const text =
      'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n2 123 eni-1 a b 1 2 6 3 4 100 200 ACCEPT OK\n';
    expect([...customEvents(text)]).toEqual([
      {
        version: '2',
        account_id: '123',
        interface_id: 'eni-1',
        srcaddr: 'a',
        dstaddr: 'b',
        srcport: '1',
        dstport: '2',
        protocol: '6',
        packets: '3',
        bytes: '4',
        start: '100',
        end: '200',
        action: 'ACCEPT',
        log_status: 'OK',
        source: 'vpc',
      },
    ]);
    expect([...customEvents('')]).toEqual([]);
    // A JSON array is not an envelope stream: it is read as VPC text, as the reference did.
    expect([...customEvents('[{"detail": {}}]')][0]).toMatchObject({
      version: '[{"detail":',
      account_id: '{}}]',
      source: 'vpc',
    });
  });

  it('repairs each Macie coordinate pair on its own (decision B23)', () => {
    const text =
      '{"source":"aws.macie","detail":{"geo":{"lat":052.3759,"lon":-004.8975}}}{"source":"aws.macie","detail":{"geo":{"lat":-00.5,"lon":001.25}}}';
    expect([...customEvents(text)]).toEqual([
      { geo: { lat: 52.3759, lon: -4.8975 }, source: 'macie' },
      { geo: { lat: -0.5, lon: 1.25 }, source: 'macie' },
    ]);
    expect(repairMacieCoordinates('"lat":0.5,"lon":1.5')).toBe('"lat":0.5,"lon":1.5');
  });
});

describe('custom.parse', () => {
  it('yields nothing of a file that fails later on', async () => {
    const { custom } = await import('./index.js');
    const { openObjectContent, silentLogger } = await import('@wazuh-aws/core');
    const content = openObjectContent('k', Buffer.from('{"source":"aws.a","detail":{}}{"detail":'));
    const context = { bucket: 'b', key: 'k', prefix: '', skipOnError: false, logger: silentLogger };
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const event of custom.parse(content, context)) seen.push(event);
      })(),
    ).rejects.toBeInstanceOf(ParseError);
    expect(seen).toEqual([]);
  });
});
