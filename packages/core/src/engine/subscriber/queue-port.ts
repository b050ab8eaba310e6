/** One received SQS message. */
export interface QueueMessage {
  readonly id: string;
  readonly receiptHandle: string;
  readonly body: string;
  /** `ApproximateReceiveCount`, when the queue reported it. */
  readonly receiveCount?: number | undefined;
}

/** Options of one long-poll receive. */
export interface ReceiveOptions {
  /** @default 10 */
  maxMessages: number;
  /** @default 20 */
  waitTimeSeconds: number;
  signal?: AbortSignal | undefined;
}

/** A per-entry failure of a batch delete. */
export interface DeleteFailure {
  readonly receiptHandle: string;
  readonly code: string;
  readonly message: string;
}

/**
 * The narrow queue port the subscriber engine depends on. Adapters classify SDK errors: `resolve`
 * throws a `WazuhAwsError` (exit 20 for an AWS error response), `receive` and `deleteBatch` throw
 * a `WazuhAwsError` with exit 21 when the whole call fails.
 */
export interface SubscriberQueue {
  /** The `--queue` name. */
  readonly name: string;
  /** GetQueueUrl; returns the URL every later call uses. */
  resolve(): Promise<string>;
  /** ReceiveMessage with all attributes and message attributes. */
  receive(options: ReceiveOptions): Promise<QueueMessage[]>;
  /** ChangeMessageVisibility. */
  changeVisibility(receiptHandle: string, seconds: number): Promise<void>;
  /** DeleteMessageBatch (at most 10 handles); resolves with the entries that failed. */
  deleteBatch(receiptHandles: readonly string[]): Promise<DeleteFailure[]>;
  /** The queue's `VisibilityTimeout` attribute, if it can be read. */
  visibilityTimeout?(): Promise<number | undefined>;
}
