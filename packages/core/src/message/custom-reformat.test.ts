import { describe, expect, it } from 'vitest';
import { customReformat, pathList } from './custom-reformat.js';

const message = (aws: Record<string, unknown>) => ({ integration: 'aws', aws: { log_info: {}, ...aws } });

describe('pathList', () => {
  it('flattens with one level discarded', () => {
    expect(pathList({ a: { b: 1, c: { d: 'x' } }, e: ['p', 'q'] }, 1)).toEqual(['a.b', 'a.c.d', 'e.p']);
    expect(pathList({ 'acme-web-assets': 1 }, 1)).toEqual(['acme-web-assets']);
  });

  it('yields an empty string per leaf with zero levels discarded', () => {
    expect(pathList({ x: { y: 5 } }, 0)).toEqual(['']);
    expect(pathList(1, 0)).toEqual(['']);
    expect(pathList({}, 1)).toEqual([]);
  });
});

describe('customReformat', () => {
  it('applies the generic reformat first', () => {
    const out = customReformat(message({ a: ['x'], tags: ['t1', 't2'], sourceIPAddress: '10.0.0.1' }));
    expect(out.aws).toEqual({
      log_info: {},
      a: 'x',
      tags: { value: ['t1', 't2'] },
      sourceIPAddress: '10.0.0.1',
      source_ip_address: '10.0.0.1',
    });
  });

  it('drops the Macie trigger and flattens the summary', () => {
    const out = customReformat(
      message({
        trigger: { risk: 9 },
        summary: {
          Description: 'd',
          Bucket: { 'acme-web-assets': 1 },
          ACL: { b: [{ Owner: { ID: 'x' } }] },
          Timestamps: { '2025-03-10T16:00:00Z': 1 },
          IP: '192.0.2.1',
          Events: { PutBucketPolicy: { count: 1, ISP: { Amazon: 1 }, Location: { Dublin: 1 } } },
        },
        source: 'macie',
      }),
    );
    expect(out.aws).toEqual({
      log_info: {},
      summary: {
        Description: 'd',
        Bucket: ['acme-web-assets'],
        ACL: { b: { Owner: { ID: 'x' } } },
        Timestamps: ['2025-03-10T16:00:00Z'],
        IP: '192.0.2.1',
        Events: { PutBucketPolicy: { count: [''], ISP: ['Amazon'], Location: ['Dublin'] } },
      },
      source: 'macie',
    });
  });

  it('leaves other sources alone except for the unusual wrapping', () => {
    const out = customReformat(
      message({
        trigger: 1,
        summary: { Bucket: { b: 1 } },
        service: { additionalInfo: { unusual: 'port 4444' } },
        source: 'inspector',
      }),
    );
    expect(out.aws).toEqual({
      log_info: {},
      trigger: 1,
      summary: { Bucket: { b: 1 } },
      service: { additionalInfo: { unusual: { value: 'port 4444' } } },
      source: 'inspector',
    });
    const kept = customReformat(message({ service: { additionalInfo: { unusual: { port: 1 } } } }));
    expect(kept.aws).toEqual({ log_info: {}, service: { additionalInfo: { unusual: { port: 1 } } } });
  });
});
