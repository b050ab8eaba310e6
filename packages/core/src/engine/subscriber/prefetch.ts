/** An async iterable that reads ahead of its consumer; `close()` stops the producer. */
export interface Prefetched<T> extends AsyncIterable<T> {
  close(): Promise<void>;
}

/**
 * Starts pulling `source` at once, keeping at most `limit` items buffered, so an object can be
 * downloaded and parsed while earlier messages are still being sent. Items and the final error
 * come out in source order.
 */
export function prefetch<T>(source: AsyncIterable<T>, limit: number): Prefetched<T> {
  const iterator = source[Symbol.asyncIterator]();
  const buffer: T[] = [];
  let done = false;
  let failure: { error: unknown } | undefined;
  let closed = false;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;

  const notify = () => {
    wakeConsumer?.();
    wakeConsumer = undefined;
  };

  const pump = (async () => {
    try {
      while (!closed) {
        if (buffer.length >= limit) {
          await new Promise<void>((resolve) => {
            wakeProducer = resolve;
          });
          continue;
        }
        const next = await iterator.next();
        if (next.done) break;
        buffer.push(next.value);
        notify();
      }
    } catch (error) {
      failure = { error };
    } finally {
      done = true;
      notify();
    }
  })();

  return {
    async close() {
      closed = true;
      wakeProducer?.();
      await pump;
      await iterator.return?.();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (buffer.length > 0) {
          const item = buffer.shift() as T;
          wakeProducer?.();
          wakeProducer = undefined;
          yield item;
          continue;
        }
        if (done) {
          if (failure) throw failure.error;
          return;
        }
        await new Promise<void>((resolve) => {
          wakeConsumer = resolve;
        });
      }
    },
  };
}
