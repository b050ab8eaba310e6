/** How a sink frames one JSON body (the Wazuh socket: `1:Wazuh-AWS:` before it, nothing after). */
export interface Framing {
  readonly header: string;
  readonly trailer: string;
}

/**
 * Where events go. `send` takes one serialised JSON body; it returns `undefined` when the event was
 * accepted at once and a Promise only when the caller must wait (backpressure, reconnection).
 * Events are delivered in call order, also when a caller does not wait for the Promise.
 */
export interface EventSink {
  send(json: string): void | Promise<void>;
  /**
   * How {@link sendFrame} expects its frames. Sinks that set it take messages framed ahead (by the
   * engine's parse workers), which saves the main thread a string and a copy per event.
   */
  readonly framing?: Framing;
  /**
   * Like `send`, for one body already framed with {@link framing} (ASCII JSON, as `encodeJsonAscii`
   * writes). The frame's memory is reused once the call returned (or its promise resolved): a sink
   * that keeps it longer must copy it.
   */
  sendFrame?(frame: Buffer): void | Promise<void>;
  /** Delivers what is still queued, then releases the socket or file. */
  close(): Promise<void>;
}
