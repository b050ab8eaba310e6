import { formatAwsError, isAwsServiceError } from '../../aws/aws-error.js';
import { openObjectContent } from '../../decompress/index.js';
import {
  DecompressError,
  errorText,
  InterruptedError,
  ParseError,
  WazuhAwsError,
  WazuhNotRunningError,
} from '../../errors/errors.js';
import { EXIT } from '../../errors/exit-codes.js';
import { replayLogs } from '../../log/recording-logger.js';
import { buildErrorMessage, type MessageSource } from '../../message/template.js';
import type { BucketPlugin, FileContext, ObjectRef, WazuhMessage } from '../../plugin/types.js';
import type { RunContext } from '../context.js';
import { sendMessage } from '../send-message.js';
import { Escalated, encodeMessage, fileMessages } from './file-messages.js';
import { eachFrame } from './frame-writer.js';
import type { ParsedAhead, PrefetchedBody } from './prefetcher.js';
import { errorClassName, fromRemoteError } from './remote-error.js';
import { pythonRepr } from './texts.js';

export interface ObjectOutcome {
  events: number;
  discarded: number;
  /** The file failed and was skipped (skip_on_error): mark it, never delete it (decision B3). */
  failed: boolean;
}

/** The reference's wording when a decompression failure is skipped (quirk C19, kept for message parity). */
const SKIPPED_DECOMPRESS_REPR = pythonRepr(
  'TypeError',
  "'NoneType' object does not support the context manager protocol",
);

/**
 * Parses one object (unless a parse worker did) and sends its messages in file order: parse →
 * discard filter → message template → reformat → send. Failures follow buckets.md §1.11 (exit, or skip with an `error_msg`).
 */
export async function processObject(
  plugin: BucketPlugin,
  object: ObjectRef,
  openBody: () => Promise<PrefetchedBody>,
  accountId: string,
  file: FileContext,
  context: RunContext,
): Promise<ObjectOutcome> {
  const { logger, options } = context;
  const source = messageSource(plugin, object, accountId, context);
  const outcome: ObjectOutcome = { events: 0, discarded: 0, failed: false };
  const batch = createMessageBatch(context);
  try {
    const { body, inflated, parsed } = await openBody();
    if (parsed) {
      await sendParsedAhead(parsed, context, outcome);
    } else {
      const content = openObjectContent(object.key, body, { inflated });
      // `outcome.discarded` counts what the discard filter drops.
      for await (const messages of fileMessages(plugin, content, file, source, options.discard, outcome)) {
        await batch.add(messages);
        outcome.events++;
      }
      await batch.flush();
    }
  } catch (error) {
    if (error instanceof Escalated) throw error.cause;
    // A stop signal or Wazuh going away is never a file error, even with skip_on_error.
    if (error instanceof InterruptedError || error instanceof WazuhNotRunningError) throw error;
    outcome.events -= batch.heldEvents; // parsed, but never sent
    const failure = classifyFileError(error, object.key, logger.error.bind(logger));
    if (!options.skipOnError) throw failure.fatal;
    logger.debug(1, `++ ${failure.text}; skipping...`);
    await sendErrorMessage(context, buildErrorMessage(failure.text, source));
    outcome.failed = true;
  }
  return outcome;
}

/** Where a file's messages say they come from (`log_info`, `aws_account_id`). */
export function messageSource(
  plugin: BucketPlugin,
  object: ObjectRef,
  accountId: string,
  context: RunContext,
): MessageSource {
  return {
    alias: context.options.accountAlias,
    bucket: object.bucket,
    key: object.key,
    accountId: plugin.accountIdInMessage ? accountId : undefined,
  };
}

/**
 * A file a parse worker already turned into frames: its log lines first (as the in-thread path
 * logs while parsing, before the held messages go out), then every frame, or its failure.
 */
async function sendParsedAhead(parsed: ParsedAhead, context: RunContext, outcome: ObjectOutcome) {
  replayLogs(context.logger, parsed.logs);
  if (parsed.outcome === 'failed') {
    const error = fromRemoteError(parsed.error);
    throw parsed.escalated ? new Escalated(error) : error;
  }
  const { sink } = context;
  try {
    for (const frame of eachFrame(parsed.frames)) {
      const pending = sink.sendFrame!(frame);
      if (pending) await pending;
    }
  } catch (error) {
    throw new Escalated(error);
  }
  // Every frame was accepted by the sink (a queued one was awaited): the buffer can go back.
  parsed.release?.();
  outcome.events = parsed.events;
  outcome.discarded = parsed.discarded;
}

/** Files with up to this many messages are parsed whole before the first send. */
const HOLD_MESSAGES = 20_000;

/**
 * Holds a file's messages until it parsed cleanly, as the reference does (a file that fails midway
 * sends nothing); past {@link HOLD_MESSAGES} it sends as it goes, so memory stays bounded on
 * very large files. Send failures are escalated past the file-error classification.
 */
function createMessageBatch(context: RunContext) {
  // Messages are encoded when added: a value the encoder cannot write is this file's error.
  let held: string[] | undefined = [];
  let heldEvents = 0;
  const send = async (bodies: string[]) => {
    try {
      for (const json of bodies) {
        const pending = context.sink.send(json);
        if (pending) await pending;
      }
    } catch (error) {
      throw new Escalated(error);
    }
  };
  return {
    async add(messages: WazuhMessage[]) {
      const bodies = messages.map(encodeMessage);
      if (held === undefined) return send(bodies);
      for (const json of bodies) held.push(json);
      heldEvents++;
      if (held.length > HOLD_MESSAGES) await this.flush();
    },
    async flush() {
      const out = held;
      held = undefined;
      heldEvents = 0;
      if (out !== undefined && out.length > 0) await send(out);
    },
    /** Events parsed but still held (not sent). */
    get heldEvents() {
      return heldEvents;
    },
  };
}

/**
 * The skipped file's `error_msg` message. A send failure ends the run (exit 11/13) before the file
 * is marked (decision B41, extended to every sink error: the file's only trace must not be lost).
 */
async function sendErrorMessage(context: RunContext, message: WazuhMessage) {
  const pending = sendMessage(context, message);
  if (pending) await pending;
}

interface FileFailure {
  /** The `error_msg` text (and debug text) when skipping. */
  text: string;
  /** What ends the run when not skipping. */
  fatal: WazuhAwsError;
}

function classifyFileError(error: unknown, key: string, printError: (text: string) => void): FileFailure {
  if (error instanceof DecompressError) {
    // The reference prints the decompression error itself, skipping or not (core.md §6).
    printError(error.message);
    return {
      text: `Failed to decompress file ${key}: ${SKIPPED_DECOMPRESS_REPR}`,
      fatal: new WazuhAwsError(error.message, {
        exitCode: EXIT.DECOMPRESS,
        code: 'DECOMPRESS',
        report: false,
        cause: error,
      }),
    };
  }
  if (error instanceof ParseError) {
    const text = `Failed to parse file ${key}: ${pythonRepr(error.pythonType, error.message)}`;
    return { text, fatal: new WazuhAwsError(text, { exitCode: EXIT.PARSE, code: 'PARSE', cause: error }) };
  }
  if (error instanceof WazuhAwsError) {
    // Plugin-specific exits (WAF structure, Umbrella prefix) and send failures stop the run as they are.
    return { text: error.message, fatal: error };
  }
  const repr = isAwsServiceError(error)
    ? pythonRepr('ClientError', formatAwsError(error, 'GetObject'))
    : pythonRepr(errorClassName(error), errorText(error));
  const text = `Unknown error reading/parsing file ${key}: ${repr}`;
  return {
    text,
    fatal: new WazuhAwsError(text, { exitCode: EXIT.UNKNOWN, code: 'FILE_UNKNOWN', cause: error }),
  };
}
