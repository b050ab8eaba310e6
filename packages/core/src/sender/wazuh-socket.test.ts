import { createStaleSocket, createWazuhDir, startDatagramReceiver, type WazuhDir } from '@wazuh-aws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLineLogger } from '../log/logger.js';
import type { EventSink } from './event-sink.js';
import { createWazuhSocketSink } from './wazuh-socket.js';

let wazuh: WazuhDir;
let lines: string[];
const logger = (level = 1) => createLineLogger({ level, write: (line) => lines.push(line) });

beforeEach(() => {
  wazuh = createWazuhDir();
  lines = [];
});
afterEach(() => wazuh.cleanup());

const sendAll = async (sink: EventSink, bodies: string[]) => {
  for (const body of bodies) {
    const wait = sink.send(body);
    if (wait) await wait;
  }
};

describe('createWazuhSocketSink', () => {
  it('frames events and preserves the order of 20k messages', async () => {
    const receiver = await startDatagramReceiver({ path: wazuh.socketPath });
    const sink = createWazuhSocketSink({ socketPath: wazuh.socketPath, logger: logger() });
    const bodies = Array.from({ length: 20_000 }, (_, i) => `{"seq": ${i}}`);
    await sendAll(sink, bodies);
    await sink.close();
    await receiver.waitFor(20_000);
    expect(receiver.messages).toEqual(bodies.map((b) => `1:Wazuh-AWS:${b}`));
    await receiver.close();
  });

  it('keeps the order when callers do not wait for the backpressure promise', async () => {
    const receiver = await startDatagramReceiver({ path: wazuh.socketPath });
    receiver.pause();
    const sink = createWazuhSocketSink({ socketPath: wazuh.socketPath });
    const waits: Promise<void>[] = [];
    for (let i = 0; i < 500; i++) {
      const wait = sink.send(`{"n": ${i}}`);
      if (wait) waits.push(wait);
    }
    expect(waits.length).toBeGreaterThan(0);
    receiver.resume();
    await Promise.all(waits);
    await sink.close();
    await receiver.waitFor(500);
    expect(receiver.messages).toEqual(Array.from({ length: 500 }, (_, i) => `1:Wazuh-AWS:{"n": ${i}}`));
    await receiver.close();
  });

  it('waits while the receiver stops reading and drops nothing after it resumes', async () => {
    const receiver = await startDatagramReceiver({ path: wazuh.socketPath });
    receiver.pause();
    const sink = createWazuhSocketSink({ socketPath: wazuh.socketPath });
    let sent = 0;
    let wait: void | Promise<void>;
    do wait = sink.send(`{"i": ${sent++}}`);
    while (!wait && sent < 100_000);
    expect(wait).toBeInstanceOf(Promise);
    let settled = false;
    wait?.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    receiver.resume();
    await wait;
    while (sent < 2000) {
      const more = sink.send(`{"i": ${sent++}}`);
      if (more) await more;
    }
    await sink.close();
    await receiver.waitFor(2000);
    expect(receiver.count).toBe(2000);
    expect(receiver.messages).toEqual(Array.from({ length: 2000 }, (_, i) => `1:Wazuh-AWS:{"i": ${i}}`));
    await receiver.close();
  });

  it('absent socket file: WazuhNotRunningError (exit 11) at the first send', () => {
    const sink = createWazuhSocketSink({ socketPath: wazuh.socketPath });
    expect(() => sink.send('{}')).toThrow(
      expect.objectContaining({ exitCode: 11, message: 'Wazuh must be running.' }),
    );
    expect(() => sink.send('{}')).toThrow(expect.objectContaining({ exitCode: 11 }));
  });

  it('stale socket file: WazuhNotRunningError (exit 11)', async () => {
    createStaleSocket(wazuh.socketPath);
    const sink = createWazuhSocketSink({ socketPath: wazuh.socketPath });
    expect(() => sink.send('{}')).toThrow(
      expect.objectContaining({ exitCode: 11, code: 'WAZUH_NOT_RUNNING' }),
    );
    await sink.close();
  });

  it('any other socket error is exit 13 with the errno text', () => {
    const sink = createWazuhSocketSink({ socketPath: `${wazuh.root}/bin/wazuh-control/queue` });
    expect(() => sink.send('{}')).toThrow(
      expect.objectContaining({
        exitCode: 13,
        message: 'Error sending message to wazuh: [Errno 20] Not a directory',
      }),
    );
  });

  it('socket gone mid-run and back within the retry window: nothing is lost', async () => {
    let receiver = await startDatagramReceiver({ path: wazuh.socketPath });
    const sink = createWazuhSocketSink({
      socketPath: wazuh.socketPath,
      logger: logger(),
      retry: { timeoutMs: 10_000, initialDelayMs: 20 },
    });
    await sendAll(sink, ['{"a": 1}', '{"a": 2}']);
    await receiver.waitFor(2);
    const first = receiver.messages.slice();
    await receiver.close();
    const wait = sink.send('{"a": 3}');
    expect(wait).toBeInstanceOf(Promise);
    const later = sink.send('{"a": 4}');
    receiver = await startDatagramReceiver({ path: wazuh.socketPath });
    await wait;
    await later;
    await sink.close();
    await receiver.waitFor(2);
    expect([...first, ...receiver.messages]).toEqual([1, 2, 3, 4].map((n) => `1:Wazuh-AWS:{"a": ${n}}`));
    expect(
      lines.some((l) =>
        l.startsWith('DEBUG: +++ Wazuh queue socket unavailable ([Errno 111] Connection refused)'),
      ),
    ).toBe(true);
    await receiver.close();
  });

  it('socket gone for longer than the retry window: exit 11', async () => {
    const receiver = await startDatagramReceiver({ path: wazuh.socketPath });
    const sink = createWazuhSocketSink({
      socketPath: wazuh.socketPath,
      retry: { timeoutMs: 150, initialDelayMs: 20 },
    });
    await sendAll(sink, ['{"a": 1}']);
    await receiver.close();
    await expect(sink.send('{"a": 2}')).rejects.toMatchObject({ exitCode: 11 });
    expect(() => sink.send('{"a": 3}')).toThrow(expect.objectContaining({ exitCode: 11 }));
    await sink.close();
  });

  it('EMSGSIZE: skips the event with the reference lines; the next one is delivered', async () => {
    const receiver = await startDatagramReceiver({ path: wazuh.socketPath });
    const sink = createWazuhSocketSink({ socketPath: wazuh.socketPath, logger: logger(1) });
    const huge = `{"x": "${'a'.repeat(300_000)}"}`;
    await sendAll(sink, ['{"before": 1}', huge, '{"after": 1}']);
    await sink.close();
    await receiver.waitFor(2);
    expect(receiver.messages).toEqual(['1:Wazuh-AWS:{"before": 1}', '1:Wazuh-AWS:{"after": 1}']);
    expect(lines).toEqual([
      'DEBUG: Event size exceeds the maximum allowed limit of 65535 bytes.\n',
      'ERROR: Message too long to send to Wazuh.  Skipping message...\n',
      'DEBUG: +++ ERROR: Message longer than buffer socket for Wazuh. Consider increasing rmem_max. Skipping message...\n',
    ]);
    await receiver.close();
  });

  it('logs each event at debug level 3 and oversize events at level 1, sending them anyway', async () => {
    const receiver = await startDatagramReceiver({ path: wazuh.socketPath });
    const sink = createWazuhSocketSink({ socketPath: wazuh.socketPath, logger: logger(3) });
    const big = `{"x": "${'b'.repeat(65_600)}"}`;
    await sendAll(sink, ['{"a": 1}', big]);
    await sink.close();
    await receiver.waitFor(2);
    expect(lines.map((l) => (l.length > 100 ? `${l.slice(0, 20)}…${l.length}` : l))).toEqual([
      'DEBUG: {"a": 1}\n',
      `DEBUG: {"x": "bbbbbb…${big.length + 8}`,
      'DEBUG: Event size exceeds the maximum allowed limit of 65535 bytes.\n',
    ]);
    await receiver.close();
  });
});
