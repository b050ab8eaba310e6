/**
 * Where events go. `send` takes one serialised JSON body; it returns `undefined` when the event was
 * accepted at once and a Promise only when the caller must wait (backpressure, reconnection).
 * Events are delivered in call order, also when a caller does not wait for the Promise.
 */
export interface EventSink {
  send(json: string): void | Promise<void>;
  /** Delivers what is still queued, then releases the socket or file. */
  close(): Promise<void>;
}
