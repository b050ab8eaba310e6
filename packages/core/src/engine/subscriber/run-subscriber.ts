import { S3Client } from '@aws-sdk/client-s3';
import { createS3ObjectStore } from '../../aws/object-store.js';
import { errorText, InterruptedError, isWazuhAwsError, WazuhAwsError } from '../../errors/errors.js';
import { EXIT } from '../../errors/exit-codes.js';
import type { ObjectReader, SubscriberPlugin } from '../../plugin/subscriber-types.js';
import { encodeJsonAscii as toWazuhJson } from '../../sender/json-ascii.js';
import type { RunContext } from '../context.js';
import { createMessageDeleter } from './message-deleter.js';
import {
  type HandlingFailure,
  handleMessage,
  type MessageHandlerDeps,
  type MessageOutcome,
} from './message-handler.js';
import type { QueueMessage, SubscriberQueue } from './queue-port.js';
import { startKeepalive } from './visibility-keepalive.js';

/** Options of {@link runSubscriber}. */
export interface SubscriberRunOptions {
  /** The queue adapter (`createSqsQueue(client, name)` from `@wazuh-aws/sqs`). */
  queue: SubscriberQueue;
  /** Object reader; by default one over an S3 client from `ctx.aws` (with `--service_endpoint`). */
  objects?: ObjectReader | undefined;
  /** Long-poll wait of each receive. @default 20 */
  waitTimeSeconds?: number | undefined;
  /** Visibility timeout the heartbeat keeps renewing. @default the queue's attribute, else 30 */
  visibilityTimeoutSeconds?: number | undefined;
  /** Events read ahead per object. @default 1000 */
  prefetchLimit?: number | undefined;
}

/** What a finished run did. */
export interface SubscriberRunSummary {
  received: number;
  deleted: number;
  left: number;
  events: number;
  failures: HandlingFailure[];
}

const MAX_MESSAGES = 10;

/**
 * The `--subscriber` mode: resolves the queue, then receives batches (10 messages, 20-s long
 * poll) until a receive returns nothing. Messages of a batch are handled `ctx.options.concurrency`
 * at a time; their events reach the sink in receive order, each object's in file order. A message
 * is deleted only after every event of its objects was handed to the sink; a failed one logs one
 * ERROR line and stays queued while the others go on. Visibility is extended while a message is
 * in hand.
 *
 * @throws WazuhAwsError exit 20 (queue not found), 21 (receive failure, failed deletes), the
 *   first handling failure's code unless `skipOnError`, InterruptedError on abort, and the
 *   sender's errors (Wazuh not running, 11/13) at once.
 * @example
 * await runSubscriber(ctx, buckets, { queue: createSqsQueue(sqsClient, 'my-queue') });
 */
export async function runSubscriber(
  ctx: RunContext,
  plugin: SubscriberPlugin,
  options: SubscriberRunOptions,
): Promise<SubscriberRunSummary> {
  const { logger, signal } = ctx;
  const { queue } = options;
  const url = await queue.resolve();
  logger.debug(2, `The SQS queue is: ${url}`);
  const objects =
    options.objects ??
    createS3ObjectStore(await ctx.aws.create(S3Client, { service: 's3', useServiceEndpoint: true }), {
      logger,
    });
  const visibility =
    options.visibilityTimeoutSeconds ?? (await queue.visibilityTimeout?.().catch(() => undefined)) ?? 30;

  const summary: SubscriberRunSummary = { received: 0, deleted: 0, left: 0, events: 0, failures: [] };
  let queueFailure: WazuhAwsError | undefined;
  const deleter = createMessageDeleter(queue, logger, (text) => {
    queueFailure ??= new WazuhAwsError(`Error deleting message from SQS: ${text}`, {
      exitCode: EXIT.SQS_FAILURE,
      code: 'SQS_DELETE',
      report: false,
    });
  });
  const deps: MessageHandlerDeps = {
    plugin,
    objects,
    logger,
    sink: ctx.sink,
    discard: ctx.options.discard,
    skipOnError: ctx.options.skipOnError,
    signal,
    prefetchLimit: options.prefetchLimit ?? 1000,
    onFailure: (failure) => summary.failures.push(failure),
    onSent: () => {
      summary.events += 1;
    },
  };

  while (!signal.aborted) {
    logger.debug(2, `Retrieving messages from: ${queue.name}`);
    let batch: QueueMessage[];
    try {
      batch = await queue.receive({
        maxMessages: MAX_MESSAGES,
        waitTimeSeconds: options.waitTimeSeconds ?? 20,
        signal,
      });
    } catch (error) {
      if (signal.aborted) break;
      const text = `Error receiving message from SQS: ${errorText(error)}`;
      logger.error(text);
      queueFailure ??= isWazuhAwsError(error)
        ? error
        : new WazuhAwsError(text, {
            exitCode: EXIT.SQS_FAILURE,
            code: 'SQS_RECEIVE',
            cause: error,
            report: false,
          });
      break;
    }
    logger.debug(3, () => `The raw message is: ${toWazuhJson(batch)}`);
    if (batch.length === 0) break;
    summary.received += batch.length;
    await handleBatch(batch, ctx.options.concurrency, visibility, deps, queue, deleter, summary);
  }

  if (signal.aborted)
    throw new InterruptedError(typeof signal.reason === 'string' ? signal.reason : 'SIGINT');
  if (queueFailure) throw queueFailure;
  const first = summary.failures.find((f) => f.exitCode !== EXIT.OK);
  if (first && !ctx.options.skipOnError) {
    throw new WazuhAwsError(first.text, {
      exitCode: first.exitCode,
      code: 'SUBSCRIBER_MESSAGE_FAILED',
      report: false,
    });
  }
  return summary;
}

async function handleBatch(
  batch: QueueMessage[],
  concurrency: number,
  visibility: number,
  deps: MessageHandlerDeps,
  queue: SubscriberQueue,
  deleter: ReturnType<typeof createMessageDeleter>,
  summary: SubscriberRunSummary,
): Promise<void> {
  // Heartbeats start at receipt: messages waiting for a worker are protected too.
  const keepalives = batch.map((m) => startKeepalive(queue, m.receiptHandle, visibility, deps.logger));
  const finished: Array<() => void> = [];
  const turns = batch.map((_, i) =>
    i === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          finished[i - 1] = resolve;
        }),
  );
  let next = 0;
  let fatal: unknown;

  const work = async (index: number) => {
    const message = batch[index] as QueueMessage;
    let outcome: MessageOutcome = 'failed';
    try {
      outcome = await handleMessage(message, deps, turns[index] as Promise<void>);
    } catch (error) {
      fatal ??= error;
    } finally {
      finished[index]?.();
    }
    if (outcome === 'done') {
      if (await deleter.delete(message.receiptHandle)) summary.deleted += 1;
    } else {
      summary.left += 1;
    }
    keepalives[index]?.stop();
  };

  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, batch.length)) }, async () => {
    while (next < batch.length && fatal === undefined && !deps.signal.aborted) await work(next++);
  });
  await Promise.all(workers);
  for (const k of keepalives) k.stop();
  if (fatal !== undefined) throw fatal;
}
