import { createWriteStream, fchmodSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { type Logger, silentLogger } from '../log/logger.js';
import type { EventSink } from './event-sink.js';

const JSON_LINES_FRAMING = Object.freeze({ header: '', trailer: '\n' });

export interface JsonLinesSinkOptions {
  /** File to (re)create with mode 0600. @default stdout */
  file?: string;
  logger?: Logger;
}

/**
 * Writes one JSON body per line (`--output jsonl:<file>` / `--output stdout`), waiting for
 * 'drain' when the stream's buffer is full.
 */
export function createJsonLinesSink(options: JsonLinesSinkOptions = {}): EventSink {
  const logger = options.logger ?? silentLogger;
  const stream: Writable = options.file ? createPrivateFileStream(options.file) : process.stdout;
  let failure: Error | undefined;
  let drained: Promise<void> | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  const waitDrain = () =>
    new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        stream.off('drain', done);
        stream.off('error', done);
        drained = undefined;
        if (error) reject(error);
        else resolve();
      };
      stream.on('drain', done);
      stream.on('error', done);
    });
  const write = (chunk: string | Buffer) => {
    if (stream.write(chunk) || drained) return drained;
    drained = waitDrain();
    return drained;
  };
  return {
    send(json) {
      if (failure) throw failure;
      logger.debug(3, json);
      return write(`${json}\n`);
    },
    framing: JSON_LINES_FRAMING,
    sendFrame(frame) {
      if (failure) throw failure;
      if (logger.level >= 3) logger.debug(3, frame.toString('latin1', 0, frame.length - 1));
      // A copy: the stream may hold the chunk after this returns, and the frame's buffer is reused.
      return write(Buffer.from(frame));
    },
    async close() {
      if (drained) await drained;
      if (!options.file) return;
      await new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      });
      if (failure) throw failure;
    },
  };
}

/** Output files hold log data: no group or world access, also when the file already existed. */
function createPrivateFileStream(file: string): Writable {
  const stream = createWriteStream(file, { mode: 0o600 });
  stream.once('open', (fd: number) => {
    try {
      fchmodSync(fd, 0o600);
    } catch {
      // Not the owner (e.g. a shared file): keep its mode rather than fail the run.
    }
  });
  return stream;
}
