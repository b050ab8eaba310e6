import type { Readable } from 'node:stream';
import type { DiscardFilter } from '../filter/index.js';
import type { Logger } from '../log/logger.js';
import type { WazuhMessage } from './types.js';

/** One S3 object a queue message points at. */
export interface ObjectRoute {
  readonly bucket: string;
  /** The decoded key (decision Q8/Q9: URL-decoded with `+` as a space). */
  readonly key: string;
}

/**
 * What a message processor makes of one parsed message body. `undefined` from the processor means
 * "not a notification of this kind": the message is left on the queue.
 */
export interface MessageRoutes {
  /** Objects to read, in notification order. Empty: nothing to read, the message is deleted. */
  readonly objects: readonly ObjectRoute[];
  /** Debug texts for parts deliberately not read (test events, removals…). */
  readonly skipped: readonly string[];
}

/**
 * Reads S3 objects for a log handler; the engine injects one backed by the run's S3 client (core's
 * `ObjectStore` satisfies it).
 */
export interface ObjectReader {
  /** The object's body (not read yet). Rejects with the SDK error on failure. */
  open(bucket: string, key: string, signal?: AbortSignal): Promise<Readable | Uint8Array>;
}

/** Everything a log handler may use for one object. */
export interface SubscriberObjectContext {
  readonly route: ObjectRoute;
  readonly objects: ObjectReader;
  readonly logger: Logger;
  /** Absent when no discard option was given (decision Q1: then nothing is discarded). */
  readonly discard?: DiscardFilter | undefined;
  readonly skipOnError: boolean;
  readonly signal?: AbortSignal | undefined;
}

/**
 * One event to send: a message object (serialised by the engine as Wazuh expects) or a string of
 * JSON text sent as is (Security Lake rows).
 */
export type SubscriberEvent = WazuhMessage | string;

/**
 * A `--subscriber` type: how its queue's messages point at objects and how an object becomes
 * events. Plugins get an injected object reader and never touch sockets, SQLite or SDK clients.
 */
export interface SubscriberPlugin<Name extends string = string> {
  readonly kind: 'subscriber';
  /** Value of `--subscriber` (lower case). */
  readonly name: Name;
  /** Pure: the objects a parsed body refers to, or `undefined` for an unrecognised body. */
  routeMessage(body: unknown): MessageRoutes | undefined;
  /**
   * The events of one object, in file order. Throw a `WazuhAwsError` (with the reference's exit
   * code) when the object cannot be read; events yielded before the throw stay sent.
   */
  readEvents(context: SubscriberObjectContext): AsyncIterable<SubscriberEvent>;
}

/** Identity helper that freezes a subscriber plugin descriptor and keeps its literal name type. */
export const defineSubscriberPlugin = <const N extends string>(
  plugin: SubscriberPlugin<N>,
): SubscriberPlugin<N> => Object.freeze(plugin);
