import { WazuhAwsError, WazuhNotRunningError } from '../errors/errors.js';
import { EXIT } from '../errors/exit-codes.js';
import { type Logger, silentLogger } from '../log/logger.js';
import type { ErrnoInfo } from './errno.js';
import type { EventSink } from './event-sink.js';
import { frameEvent, MAX_EVENT_SIZE, WAZUH_HEADER } from './frame.js';
import { connectSocket, PEER_GONE, sendDatagram } from './socket-connection.js';
import type { UnixDgramSocket } from './unix-dgram-loader.js';

const WAZUH_FRAMING = Object.freeze({ header: WAZUH_HEADER, trailer: '' });

export interface WazuhSocketSinkOptions {
  /** `<wazuh>/queue/sockets/queue`. */
  socketPath: string;
  logger?: Logger;
  /** Reconnection when the socket goes away mid-run (Wazuh restart). */
  retry?: {
    /** Give up (exit 11) after this long. @default 30000 */
    timeoutMs?: number;
    /** First wait; doubles up to 1 s. @default 100 */
    initialDelayMs?: number;
  };
}

/**
 * One long-lived connection to Wazuh's queue socket (decisions C13, C14) sending
 * `1:Wazuh-AWS:<json>` datagrams, in order, never dropping one for backpressure:
 * - congestion (queue full): the datagram is re-sent after the socket turns writable;
 * - socket missing or refused at the first connection: `WazuhNotRunningError` (exit 11, decision C12);
 * - socket gone mid-run: reconnect with backoff for up to `retry.timeoutMs`, then exit 11;
 * - `EMSGSIZE`: the reference's ERROR + debug lines, the event is skipped, the socket stays usable;
 * - any other errno: exit 13 `Error sending message to wazuh: [Errno n] text`.
 * Each event is logged at debug level 3 first, as the reference does.
 *
 * @example
 * const sink = createWazuhSocketSink({ socketPath: `${home}/queue/sockets/queue`, logger });
 * await sink.send(encodeJsonAscii(message));
 * await sink.close();
 */
export function createWazuhSocketSink(options: WazuhSocketSinkOptions): EventSink {
  const { socketPath } = options;
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.retry?.timeoutMs ?? 30_000;
  const initialDelayMs = options.retry?.initialDelayMs ?? 100;
  let socket: UnixDgramSocket | undefined;
  let connectedOnce = false;
  let failure: Error | undefined;
  let closed = false;
  // Datagrams waiting (in order) while blocked; `head` avoids O(n) shifts.
  let queue: Buffer[] = [];
  let head = 0;
  let waiting: 'writable' | 'reconnect' | undefined;
  let pending: { promise: Promise<void>; resolve(): void; reject(error: Error): void } | undefined;

  const fail = (error: Error): never => {
    failure = error;
    throw error;
  };
  const sendError = (errno: ErrnoInfo) =>
    new WazuhAwsError(`Error sending message to wazuh: ${errno.text}`, { exitCode: EXIT.SEND, code: 'SEND' });

  /** Sends one datagram now: true when done (sent or skipped), false when we must wait. */
  const attempt = (buffer: Buffer): boolean => {
    if (!socket) {
      const result = connectSocket(socketPath, onWritable);
      if (result.error) {
        if (connectedOnce && PEER_GONE.has(result.error.name)) return blockFor('reconnect');
        return fail(PEER_GONE.has(result.error.name) ? new WazuhNotRunningError() : sendError(result.error));
      }
      socket = result.socket;
      connectedOnce = true;
    }
    const outcome = sendDatagram(socket, buffer);
    if (outcome === 'sent') return true;
    if (outcome === 'congested') return blockFor('writable');
    if (outcome.name === 'EMSGSIZE') {
      logger.error('Message too long to send to Wazuh.  Skipping message...');
      logger.debug(
        1,
        '+++ ERROR: Message longer than buffer socket for Wazuh. Consider increasing rmem_max. Skipping message...',
      );
      return true;
    }
    if (PEER_GONE.has(outcome.name)) {
      logger.debug(
        1,
        `+++ Wazuh queue socket unavailable (${outcome.text}); retrying for up to ${timeoutMs} ms`,
      );
      dropSocket();
      return blockFor('reconnect');
    }
    return fail(sendError(outcome));
  };

  const dropSocket = () => {
    socket?.close();
    socket = undefined;
  };

  const blockFor = (reason: 'writable' | 'reconnect'): false => {
    waiting = reason;
    if (reason === 'reconnect') scheduleReconnect(Date.now(), initialDelayMs);
    return false;
  };

  const scheduleReconnect = (since: number, delay: number) => {
    setTimeout(
      () => {
        if (Date.now() - since >= timeoutMs) return settle(new WazuhNotRunningError());
        const result = connectSocket(socketPath, onWritable);
        if (result.error) {
          if (!PEER_GONE.has(result.error.name)) return settle(sendError(result.error));
          return scheduleReconnect(since, Math.min(delay * 2, 1000));
        }
        socket = result.socket;
        waiting = undefined;
        flush();
      },
      Math.min(delay, Math.max(0, timeoutMs - (Date.now() - since))),
    );
  };

  function onWritable() {
    if (waiting !== 'writable') return;
    waiting = undefined;
    flush();
  }

  const flush = () => {
    try {
      while (head < queue.length) {
        if (!attempt(queue[head] as Buffer)) return;
        head++;
      }
    } catch (error) {
      return settle(error as Error);
    }
    settle();
  };

  const settle = (error?: Error) => {
    const done = pending;
    pending = undefined;
    waiting = undefined;
    queue = [];
    head = 0;
    if (error) {
      failure = error;
      dropSocket();
      done?.reject(error);
    } else done?.resolve();
  };

  const enqueue = (buffer: Buffer): Promise<void> => {
    queue.push(buffer);
    if (!pending) {
      let resolve!: () => void;
      let reject!: (error: Error) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(() => {}); // callers that await still see the rejection
      pending = { promise, resolve, reject };
    }
    return pending.promise;
  };

  const sendDatagramInOrder = (buffer: Buffer) => {
    if (buffer.length > MAX_EVENT_SIZE)
      logger.debug(1, 'Event size exceeds the maximum allowed limit of 65535 bytes.');
    if (pending) return enqueue(buffer);
    if (attempt(buffer)) return undefined;
    return enqueue(buffer);
  };
  const checkOpen = () => {
    if (failure) throw failure;
    if (closed) throw new Error('The Wazuh socket sink is closed');
  };

  return {
    send(json) {
      checkOpen();
      logger.debug(3, json);
      return sendDatagramInOrder(frameEvent(json));
    },
    framing: WAZUH_FRAMING,
    sendFrame(frame) {
      checkOpen();
      if (logger.level >= 3) logger.debug(3, frame.toString('latin1', WAZUH_FRAMING.header.length));
      return sendDatagramInOrder(frame);
    },
    async close() {
      closed = true;
      try {
        if (pending && !failure) await pending.promise;
      } finally {
        dropSocket();
      }
    },
  };
}
