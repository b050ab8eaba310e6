// The service run's request gate on real SDK clients against the fake AWS endpoint: calls in flight
// never exceed the bound, and each (region, operation) with a quota is held to it.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type FakeAws, startFakeAws } from '@wazuh-aws/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestGate } from '../src/engine/service/request-gate.js';

let server: FakeAws;
beforeAll(async () => {
  server = await startFakeAws();
});
afterAll(() => server.close());

const sts = (region: string) =>
  new STSClient({
    region,
    endpoint: server.url,
    credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'secretfake' },
    maxAttempts: 1,
  });

describe('createRequestGate', () => {
  it('keeps at most `concurrency` calls in flight across the clients attached to it', async () => {
    const gate = createRequestGate({ concurrency: 2 });
    const clients = [sts('us-east-1'), sts('eu-west-1')];
    for (const client of clients) gate.attach(client, 'sts', String(await client.config.region()));
    let open = 0;
    let most = 0;
    const stop = server.onRequest(async () => {
      open++;
      most = Math.max(most, open);
      // A slow endpoint: calls started together are still open when the next one arrives.
      await new Promise((resolve) => setTimeout(resolve, 20));
      open--;
    });
    try {
      const calls = Array.from({ length: 8 }, (_, i) =>
        clients[i % 2]!.send(new GetCallerIdentityCommand({})),
      );
      const results = await Promise.all(calls);
      expect(results.every((r) => r.Account === '123456789012')).toBe(true);
    } finally {
      stop();
    }
    expect(most).toBe(2);
    expect(gate.inFlight).toBe(0);
  });

  it('holds each region and operation with a quota to it, on its own', async () => {
    let t = 0;
    const clock = {
      now: () => t,
      sleep: async (ms: number) => {
        t += ms;
      },
    };
    const gate = createRequestGate({ concurrency: 1, quotas: { sts: { GetCallerIdentity: 1 } }, ...clock });
    const east = sts('us-east-1');
    const west = sts('eu-west-1');
    gate.attach(east, 'sts', 'us-east-1');
    gate.attach(west, 'sts', 'eu-west-1');
    const starts: number[] = [];
    for (const client of [east, west, east, west, east]) {
      await client.send(new GetCallerIdentityCommand({}));
      starts.push(t);
    }
    expect(starts).toEqual([0, 0, 1000, 1000, 2000]);

    // An operation without a quota is never held back.
    const free = createRequestGate({ concurrency: 1, quotas: { sts: { AssumeRole: 1 } }, ...clock });
    const other = sts('us-east-1');
    free.attach(other, 'sts', 'us-east-1');
    const before = t;
    for (let i = 0; i < 3; i++) await other.send(new GetCallerIdentityCommand({}));
    expect(t).toBe(before);
  });

  it('leaves values that are not SDK clients alone', () => {
    const gate = createRequestGate({ concurrency: 1 });
    const plain = { send: () => 1 };
    gate.attach(plain, 'sts', 'us-east-1');
    expect(plain.send()).toBe(1);
    gate.attach(undefined, 'sts', 'us-east-1');
  });
});
