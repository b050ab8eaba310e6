import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  type DeleteMessageBatchCommandOutput,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { EXIT, WazuhAwsError } from '@wazuh-aws/core';
import type { SubscriberQueue } from '@wazuh-aws/core/engine';
import { awsErrorText } from './aws-error-text.js';

const isServiceError = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== undefined;

/**
 * The subscriber engine's queue port over an SDK v3 SQS client (the client comes from the run's
 * client factory: no `--service_endpoint`, decision Q20). Classifies errors once: any AWS error
 * response to GetQueueUrl is exit 20 (`Queue does not exist, verify the given name`), a failed
 * receive or batch delete call exit 21.
 *
 * @example
 * const queue = createSqsQueue(await aws.create(SQSClient, { service: 'sqs', useServiceEndpoint: false }), 'q1');
 */
export function createSqsQueue(client: SQSClient, name: string): SubscriberQueue {
  let url: string | undefined;
  const queueUrl = () => {
    if (url === undefined) throw new Error('The queue URL was not resolved yet.');
    return url;
  };
  const sqsFailure = (error: unknown, operation: string) =>
    new WazuhAwsError(awsErrorText(error, operation), {
      exitCode: EXIT.SQS_FAILURE,
      code: 'SQS_FAILURE',
      cause: error,
      report: false,
    });

  return {
    name,
    async resolve() {
      try {
        const out = await client.send(new GetQueueUrlCommand({ QueueName: name }));
        url = out.QueueUrl ?? '';
        return url;
      } catch (error) {
        if (!isServiceError(error)) throw error;
        throw new WazuhAwsError('Queue does not exist, verify the given name', {
          exitCode: EXIT.QUEUE_NOT_FOUND,
          code: 'QUEUE_NOT_FOUND',
          cause: error,
        });
      }
    },
    async receive({ maxMessages, waitTimeSeconds, signal }) {
      try {
        const out = await client.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl(),
            AttributeNames: ['All'],
            MessageAttributeNames: ['All'],
            MaxNumberOfMessages: maxMessages,
            WaitTimeSeconds: waitTimeSeconds,
          }),
          signal ? { abortSignal: signal } : {},
        );
        return (out.Messages ?? []).map((m) => ({
          id: m.MessageId ?? '',
          receiptHandle: m.ReceiptHandle ?? '',
          body: m.Body ?? '',
          receiveCount: m.Attributes?.ApproximateReceiveCount
            ? Number(m.Attributes.ApproximateReceiveCount)
            : undefined,
        }));
      } catch (error) {
        throw sqsFailure(error, 'ReceiveMessage');
      }
    },
    async changeVisibility(receiptHandle, seconds) {
      await client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl(),
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: seconds,
        }),
      );
    },
    async deleteBatch(receiptHandles) {
      let out: DeleteMessageBatchCommandOutput;
      try {
        out = await client.send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl(),
            Entries: receiptHandles.map((handle, i) => ({ Id: String(i), ReceiptHandle: handle })),
          }),
        );
      } catch (error) {
        throw sqsFailure(error, 'DeleteMessageBatch');
      }
      return (out.Failed ?? []).map((f) => ({
        receiptHandle: receiptHandles[Number(f.Id)] ?? '',
        code: f.Code ?? 'Unknown',
        message: f.Message ?? '',
      }));
    },
    async visibilityTimeout() {
      const out = await client.send(
        new GetQueueAttributesCommand({ QueueUrl: queueUrl(), AttributeNames: ['VisibilityTimeout'] }),
      );
      const value = Number(out.Attributes?.VisibilityTimeout);
      return Number.isFinite(value) && value > 0 ? value : undefined;
    },
  };
}
