import { describe, expect, it } from 'vitest';
import { expectedMessages, fixtureBytes, fixtureKeys, messagesOf, recordingLogger } from '../test/helpers.js';
import loadBalancers, { alb, clb, lbKindOfKey, nlb } from './index.js';

const cases = [
  { plugin: alb, subset: 'alb/base', scenario: 'alb-first-run', bucket: 'acme-alb-logs' },
  { plugin: clb, subset: 'clb/base', scenario: 'clb-first-run', bucket: 'acme-clb-logs' },
  { plugin: nlb, subset: 'nlb/base', scenario: 'nlb-first-run', bucket: 'acme-nlb-logs' },
] as const;

describe('load balancer descriptors', () => {
  it.each(cases)('$plugin.name is a late-arrival LB-layout custom type', ({ plugin }) => {
    expect(plugin).toMatchObject({
      kind: 'bucket',
      table: plugin.name,
      schema: 'custom',
      layout: 'load-balancer',
      serviceFolder: 'elasticloadbalancing',
      markerDateFormat: 'YYYY/MM/DD',
      checkPrefix: true,
      lateArrival: true,
      accountIdInMessage: false,
      createdDate: 'key-date',
    });
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(loadBalancers[plugin.name]).toBe(plugin);
  });

  it('each type accepts only its own files (decision B27)', () => {
    for (const { plugin, subset } of cases) {
      for (const other of cases) {
        for (const key of fixtureKeys(other.subset)) {
          expect(plugin.accepts?.(key), `${plugin.name} ${key}`).toBe(other.subset === subset);
        }
      }
    }
  });

  it('reads the kind from the load balancer id of the file name', () => {
    const key = (id: string) =>
      `AWSLogs/1/elasticloadbalancing/r/2025/03/09/1_elasticloadbalancing_us-east-1_${id}_x.log`;
    expect(lbKindOfKey(key('app.a-b.123'))).toBe('alb');
    expect(lbKindOfKey(key('net.n.1'))).toBe('nlb');
    expect(lbKindOfKey(key('my-app.legacy'))).toBe('clb');
    expect(lbKindOfKey('weird')).toBe('clb');
  });
});

describe.each(cases)('$scenario corpus', ({ plugin, subset, scenario, bucket }) => {
  const expected = expectedMessages(scenario);
  it('has expected files', () => expect(expected.size).toBeGreaterThan(0));
  it.each([...expected.keys()])('%s gives the expected messages', async (key) => {
    const messages = await messagesOf(plugin, fixtureBytes(subset, key), { bucket, key });
    expect(messages).toEqual(expected.get(key));
  });
  it('parses the older files too', async () => {
    for (const key of fixtureKeys(subset)) {
      const messages = await messagesOf(plugin, fixtureBytes(subset, key), {
        bucket,
        key,
        logger: recordingLogger(),
      });
      expect(messages.length).toBeGreaterThan(0);
    }
  });
});
