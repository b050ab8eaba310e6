import { openObjectContent } from '../../decompress/index.js';
import type { DiscardFilter, DiscardOptions } from '../../filter/index.js';
import { createRecordingLogger, type LogRecord } from '../../log/recording-logger.js';
import type { MessageSource } from '../../message/template.js';
import type { BucketPlugin, FileContext } from '../../plugin/types.js';
import { Escalated, encodeMessage, fileMessages } from './file-messages.js';
import { createFrameWriter, type Frames, type Framing } from './frame-writer.js';
import { type RemoteError, toRemoteError } from './remote-error.js';

/** What every job of a run shares (sent once, when a parse worker starts). */
export interface ParseSetup {
  discard?: DiscardOptions | undefined;
  logLevel: number;
  framing: Framing;
  /** A file whose frames would pass this size is handed back (`too-large`) for the streaming path. */
  maxOutputBytes: number;
}

/** One object to parse: its raw (still compressed) bytes and where it came from. */
export interface ParseJob {
  id: number;
  body: Uint8Array;
  file: Omit<FileContext, 'logger'>;
  source: MessageSource;
}

export type ParseResult =
  | {
      id: number;
      outcome: 'parsed';
      frames: Frames;
      events: number;
      discarded: number;
      logs: LogRecord[];
      /** Set by the pool: gives the frames' buffer back for reuse once every frame was sent. */
      release?: () => void;
    }
  | { id: number; outcome: 'failed'; error: RemoteError; escalated: boolean; logs: LogRecord[] }
  | { id: number; outcome: 'too-large' };

/**
 * Runs one object through decompress → parse → discard → template → reformat → encode → frame,
 * the whole file before anything is sent (a file that fails midway sends nothing, as the
 * reference does). Never throws: failures come back as a `failed` result.
 */
export async function runParseJob(
  plugin: BucketPlugin,
  setup: ParseSetup,
  discard: DiscardFilter | undefined,
  job: ParseJob,
  reuse?: ArrayBuffer,
): Promise<ParseResult> {
  const logger = createRecordingLogger(setup.logLevel);
  const file: FileContext = { ...job.file, logger };
  const writer = createFrameWriter(setup.framing, reuse);
  const count = { discarded: 0 };
  let events = 0;
  try {
    const content = openObjectContent(file.key, job.body);
    for await (const messages of fileMessages(plugin, content, file, job.source, discard, count)) {
      for (const message of messages) writer.add(encodeMessage(message));
      events++;
      if (writer.bytes > setup.maxOutputBytes) return { id: job.id, outcome: 'too-large' };
    }
  } catch (error) {
    const escalated = error instanceof Escalated;
    const cause = escalated ? error.cause : error;
    return { id: job.id, outcome: 'failed', error: toRemoteError(cause), escalated, logs: logger.take() };
  }
  const frames = writer.finish();
  return { id: job.id, outcome: 'parsed', frames, events, discarded: count.discarded, logs: logger.take() };
}
