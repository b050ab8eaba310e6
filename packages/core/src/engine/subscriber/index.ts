export type { HandlingFailure, MessageOutcome } from './message-handler.js';
export type { DeleteFailure, QueueMessage, ReceiveOptions, SubscriberQueue } from './queue-port.js';
export { runSubscriber, type SubscriberRunOptions, type SubscriberRunSummary } from './run-subscriber.js';
