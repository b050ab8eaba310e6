import { errorText, isWazuhAwsError } from '../../errors/errors.js';
import { EXIT } from '../../errors/exit-codes.js';
import type { DiscardFilter } from '../../filter/index.js';
import type { Logger } from '../../log/logger.js';
import type { ObjectReader, ObjectRoute, SubscriberPlugin } from '../../plugin/subscriber-types.js';
import { parsePythonJson } from '../../records/json-values.js';
import { encodeJsonAscii as toWazuhJson } from '../../sender/json-ascii.js';
import type { RunContext } from '../context.js';
import { prefetch } from './prefetch.js';
import type { QueueMessage } from './queue-port.js';

/** A message or object that could not be handled; the run's exit code comes from the first one. */
export interface HandlingFailure {
  readonly messageId: string;
  readonly exitCode: number;
  readonly text: string;
}

/** Result of handling one message. */
const NEVER_ABORTED = new AbortController().signal;

export type MessageOutcome = 'done' | 'left' | 'failed' | 'interrupted';

/** What {@link handleMessage} needs, shared by every message of a run. */
export interface MessageHandlerDeps {
  readonly plugin: SubscriberPlugin;
  readonly objects: ObjectReader;
  readonly logger: Logger;
  readonly sink: RunContext['sink'];
  readonly discard?: DiscardFilter | undefined;
  readonly skipOnError: boolean;
  readonly signal: AbortSignal;
  /** Events read ahead per object while earlier messages are still sending. */
  readonly prefetchLimit: number;
  onFailure(failure: HandlingFailure): void;
  onSent(): void;
}

/**
 * Parses and routes one message, then reads its objects in order and hands their events to the
 * sink once `turn` resolves (earlier messages of the batch have sent everything). Failures never
 * throw: they log one ERROR line, are reported through `onFailure` and leave the message queued.
 */
export async function handleMessage(
  message: QueueMessage,
  deps: MessageHandlerDeps,
  turn: Promise<void>,
): Promise<MessageOutcome> {
  const { logger, plugin } = deps;
  const fail = (exitCode: number, text: string): MessageOutcome => {
    logger.error(text);
    deps.onFailure({ messageId: message.id, exitCode, text });
    return 'failed';
  };

  let body: unknown;
  try {
    body = parsePythonJson(message.body);
  } catch (error) {
    return fail(
      EXIT.INVALID_TYPE,
      `The body of message ${message.id} is not JSON, the message stays in the queue: ${errorText(error)}`,
    );
  }
  logger.debug(2, () => `The message is: ${toWazuhJson(body)}`);

  let routes: ReturnType<SubscriberPlugin['routeMessage']>;
  try {
    routes = plugin.routeMessage(body);
  } catch (error) {
    return fail(
      EXIT.INVALID_TYPE,
      `The body of message ${message.id} is not a valid notification: ${errorText(error)}`,
    );
  }
  if (routes === undefined) {
    logger.debug(
      2,
      () =>
        `Processed message ${toWazuhJson({ raw_message: body })} does not contain the expected format, omitting message.`,
    );
    return 'left';
  }
  for (const note of routes.skipped) logger.debug(2, note);

  let outcome: MessageOutcome = 'done';
  // Once a message's first event is out, the message is finished (and deleted) before a stop
  // signal is honoured: stopping midway would leave it on the queue and re-send what was sent.
  const progress = { sent: 0 };
  for (const route of routes.objects) {
    const result = await handleObject(route, message, deps, turn, progress);
    if (result === 'interrupted') return result;
    if (result === 'failed') outcome = 'failed';
  }
  return outcome;
}

async function handleObject(
  route: ObjectRoute,
  message: QueueMessage,
  deps: MessageHandlerDeps,
  turn: Promise<void>,
  progress: { sent: number },
): Promise<MessageOutcome> {
  const events = prefetch(
    deps.plugin.readEvents({
      route,
      objects: deps.objects,
      logger: deps.logger,
      discard: deps.discard,
      skipOnError: deps.skipOnError,
      // A message already under way finishes its downloads too.
      signal: progress.sent > 0 ? NEVER_ABORTED : deps.signal,
    }),
    deps.prefetchLimit,
  );
  let sent = 0;
  try {
    await turn;
    for await (const event of events) {
      if (progress.sent === 0 && deps.signal.aborted) return 'interrupted';
      const text = typeof event === 'string' ? event : toWazuhJson(event);
      deps.logger.debug(3, () => (typeof event === 'string' ? JSON.stringify(event) : text));
      const result = deps.sink.send(text);
      if (result instanceof Promise) await result;
      sent += 1;
      progress.sent += 1;
      deps.onSent();
    }
  } catch (error) {
    // Wazuh not running or a socket failure ends the run: no other message could be sent either.
    if (isWazuhAwsError(error) && (error.code === 'WAZUH_NOT_RUNNING' || error.exitCode === EXIT.SEND))
      throw error;
    const exitCode = isWazuhAwsError(error) ? error.exitCode : EXIT.INVALID_TYPE;
    const text = `Could not process the object ${route.key} in bucket ${route.bucket} (message ${message.id}), the message stays in the queue: ${errorText(error)}`;
    deps.logger.error(text);
    deps.onFailure({ messageId: message.id, exitCode, text });
    return 'failed';
  } finally {
    await events.close();
  }
  deps.logger.debug(2, `${sent} events sent to Analysisd`);
  return 'done';
}
