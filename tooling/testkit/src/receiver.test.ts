import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStaleSocket, startDatagramReceiver } from './receiver.js';

interface Sock {
  on(event: string, listener: (...args: unknown[]) => void): void;
  connect(path: string): void;
  send(buf: Buffer, cb: (err?: Error & { code?: unknown }) => void): void;
  close(): void;
}
const unix = createRequire(import.meta.url)('unix-dgram') as { createSocket(t: 'unix_dgram'): Sock };
const dir = mkdtempSync(join(tmpdir(), 'wazuh-aws-recv-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const connect = (path: string) => {
  const sock = unix.createSocket('unix_dgram');
  const errors: unknown[] = [];
  sock.on('error', (e) => errors.push(e));
  sock.connect(path);
  return { sock, errors };
};

describe('startDatagramReceiver', () => {
  it('receives datagrams in order and removes its socket on close', async () => {
    const receiver = await startDatagramReceiver();
    const { sock, errors } = connect(receiver.path);
    expect(errors).toEqual([]);
    for (const text of ['1:Wazuh-AWS:{"a": 1}', '1:Wazuh-AWS:{"b": "é"}', 'third']) {
      sock.send(Buffer.from(text), (err) => expect(err).toBeUndefined());
    }
    await receiver.waitFor(3);
    expect(receiver.messages).toEqual(['1:Wazuh-AWS:{"a": 1}', '1:Wazuh-AWS:{"b": "é"}', 'third']);
    expect(receiver.count).toBe(3);
    sock.close();
    await receiver.close();
    const again = connect(receiver.path);
    expect(again.errors).toHaveLength(1);
    again.sock.close();
  });

  it('pause() leaves datagrams queued until the sender is congested; resume() delivers them', async () => {
    const receiver = await startDatagramReceiver({ path: join(dir, 'q1') });
    receiver.pause();
    const { sock } = connect(receiver.path);
    let accepted = 0;
    let congested = false;
    for (let i = 0; i < 10_000 && !congested; i++) {
      sock.send(Buffer.from(`m${i}`), (err) => {
        if (err) congested = err.message === 'congestion';
        else accepted++;
      });
    }
    expect(congested).toBe(true);
    receiver.resume();
    await receiver.waitFor(accepted);
    expect(receiver.messages[accepted - 1]).toBe(`m${accepted - 1}`);
    sock.close();
    await receiver.close();
  });
});

describe('slow receiver', () => {
  it('still receives everything', async () => {
    const receiver = await startDatagramReceiver({ path: join(dir, 'slow'), slowMs: 2 });
    const { sock } = connect(receiver.path);
    for (let i = 0; i < 5; i++) sock.send(Buffer.from(`s${i}`), () => {});
    await receiver.waitFor(5);
    expect(receiver.messages).toEqual(['s0', 's1', 's2', 's3', 's4']);
    sock.close();
    await receiver.close();
  });
});

describe('createStaleSocket', () => {
  it('leaves a socket file that refuses connections', () => {
    const path = join(dir, 'stale');
    createStaleSocket(path);
    const { sock, errors } = connect(path);
    expect(errors).toHaveLength(1);
    expect((errors[0] as { code: number }).code).toBe(-111);
    sock.close();
  });
});
