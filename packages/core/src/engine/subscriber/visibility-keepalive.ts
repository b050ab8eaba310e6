import type { Logger } from '../../log/logger.js';
import type { SubscriberQueue } from './queue-port.js';

/** A running visibility heartbeat for one message. */
export interface Keepalive {
  stop(): void;
}

/**
 * Extends a message's visibility while it is being handled (decision Q16): every half timeout,
 * ChangeMessageVisibility to the full timeout again, until stopped. Messages handled faster than
 * half the queue's timeout cause no call at all. Failures only log (a message whose handle became
 * invalid can no longer be protected, nothing else to do).
 */
export function startKeepalive(
  queue: SubscriberQueue,
  receiptHandle: string,
  timeoutSeconds: number,
  logger: Logger,
): Keepalive {
  let stopped = false;
  const timer = setInterval(
    () => {
      if (stopped) return;
      queue.changeVisibility(receiptHandle, Math.ceil(timeoutSeconds)).catch((error: unknown) => {
        if (!stopped)
          logger.debug(
            1,
            `Could not extend the visibility of a message of ${queue.name}: ${String((error as Error)?.message ?? error)}`,
          );
      });
    },
    Math.max(200, (timeoutSeconds * 1000) / 2),
  );
  timer.unref?.();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
