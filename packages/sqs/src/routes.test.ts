import { describe, expect, it } from 'vitest';
import { readCsvRecords, sniffCsvDialect } from './buckets/csv.js';
import { parseBucketsObject } from './buckets/records.js';
import { decodeObjectKey } from './keys.js';
import { routeEventBridgeObject, routeS3Notification } from './routes.js';

describe('decodeObjectKey', () => {
  it.each([
    ['exports/dt%3D2025-03-09/users.csv', 'exports/dt=2025-03-09/users.csv'],
    ['informes/a%C3%B1o-2025/x.txt', 'informes/año-2025/x.txt'],
    ['logs/access+2025-03-10.log', 'logs/access 2025-03-10.log'],
    ['bad%zz%FF', 'bad%zz\ufffd'],
  ])('%s', (key, decoded) => expect(decodeObjectKey(key)).toBe(decoded));
});

describe('routeS3Notification', () => {
  const record = (key: string, eventName?: string) => ({
    ...(eventName ? { eventName } : {}),
    s3: { bucket: { name: 'b' }, object: { key } },
  });
  it('routes every created record and skips the others', () => {
    const routes = routeS3Notification({
      Records: [record('a+b'), record('c', 'ObjectRemoved:Delete'), record('d', 'ObjectCreated:Copy')],
    });
    expect(routes?.objects).toEqual([
      { bucket: 'b', key: 'a b' },
      { bucket: 'b', key: 'd' },
    ]);
    expect(routes?.skipped).toHaveLength(1);
  });
  it('unwraps SNS, accepts EventBridge, deletes the test event, leaves the rest', () => {
    expect(
      routeS3Notification({ Type: 'Notification', Message: JSON.stringify({ Records: [record('k')] }) })
        ?.objects,
    ).toHaveLength(1);
    expect(
      routeS3Notification({
        'detail-type': 'Object Created',
        detail: { bucket: { name: 'b' }, object: { key: 'k' } },
      })?.objects,
    ).toEqual([{ bucket: 'b', key: 'k' }]);
    expect(routeS3Notification({ Event: 's3:TestEvent' })).toEqual({
      objects: [],
      skipped: ['Deleting the s3:TestEvent message.'],
    });
    expect(routeS3Notification({ Records: [] })).toBeUndefined();
    expect(routeS3Notification([1])).toBeUndefined();
    expect(routeEventBridgeObject({ Records: [record('k')] })).toBeUndefined();
  });
});

describe('buckets formats', () => {
  it('sniffs only the allowed delimiters, RFC 4180 quoting', () => {
    expect(sniffCsvDialect('Name, Age, City')).toEqual({ delimiter: ',', skipInitialSpace: true });
    expect(sniffCsvDialect('a|b|c')).toEqual({ delimiter: '|', skipInitialSpace: false });
    expect(sniffCsvDialect('hello world')).toBeUndefined();
    expect([...readCsvRecords('a;b\n"x;""y""";z\n\n', { delimiter: ';', skipInitialSpace: false })]).toEqual([
      ['a', 'b'],
      ['x;"y"', 'z'],
    ]);
  });
  it('falls back from JSON to CSV to text; extra CSV values go to extra_fields', () => {
    expect([...parseBucketsObject(' {"a":1}\n{"detail":{"b":2},"source":"x"}', 'k.json')]).toEqual([
      { a: 1, source: 'custom' },
      { b: 2, source: 'custom' },
    ]);
    expect([...parseBucketsObject('hx,h\nv,w,extra\nonly\n', 'k.csv')]).toEqual([
      { hx: 'v', h: 'w', extra_fields: ['extra'], source: 'custom' },
      { hx: 'only', source: 'custom' },
    ]);
    expect([...parseBucketsObject('col1,col2\n\nx\r\n', 'k.csv')]).toEqual([
      { full_log: 'col1,col2', source: 'custom' },
      { full_log: 'x', source: 'custom' },
    ]);
    expect([...parseBucketsObject('{"a":1}\n\n{"b":2}\n', 'k.jsonl.gz')]).toEqual([{ a: 1 }, { b: 2 }]);
    expect([...parseBucketsObject('[1,2]', 'k.json')]).toEqual([{ full_log: '[1,2]', source: 'custom' }]);
  });
});
