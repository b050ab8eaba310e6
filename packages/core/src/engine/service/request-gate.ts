// Every SDK call of a service run passes this gate: at most `--concurrency` calls in flight across
// the run, and per (region, operation) no more starts per second than the AWS quota. It sits in
// the client's middleware stack, so a plugin reading ahead needs no knowledge of either bound.
import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
  MetadataBearer,
  MiddlewareStack,
} from '@smithy/types';
import type { AwsServiceName } from '../../aws/types.js';
import type { ApiQuotas } from './api-quotas.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';

/** Options of {@link createRequestGate}. */
export interface RequestGateOptions {
  /** Calls in flight at once, all clients together (`--concurrency`). */
  concurrency: number;
  /** Per-second quotas by service and operation. @default none */
  quotas?: ApiQuotas;
  /** Once aborted, rate waits end early: the run is stopping and the calls' results are dropped. */
  signal?: AbortSignal;
  /** Clock in ms (tests). @default Date.now */
  now?: () => number;
  /** Waits for the rate limit (tests). @default a timer that ends early once `signal` aborts */
  sleep?: (ms: number) => Promise<void>;
}

/** Bounds the calls of the clients attached to it. */
export interface RequestGate {
  /** Adds the gate to an SDK client's middleware stack (other values are left alone). */
  attach(client: unknown, service: AwsServiceName, region: string): void;
  /** Calls in flight right now. */
  readonly inFlight: number;
}

const GATE_NAME = 'wazuhAwsRequestGate';

type GatedClient = { middlewareStack: MiddlewareStack<object, MetadataBearer> };

const isSdkClient = (client: unknown): client is GatedClient =>
  typeof (client as { middlewareStack?: { add?: unknown } } | undefined)?.middlewareStack?.add === 'function';

/** A counting semaphore, first come first served. */
function createSlots(size: number) {
  let free = size;
  const waiting: Array<() => void> = [];
  return {
    get used() {
      return size - free;
    },
    acquire(): Promise<void> {
      if (free > 0) {
        free--;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    release(): void {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

function abortableSleep(signal: AbortSignal | undefined) {
  return (ms: number) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    });
}

/**
 * Creates the gate of one service run.
 *
 * @example
 * const gate = createRequestGate({ concurrency: 4, quotas: SERVICE_API_QUOTAS });
 * gate.attach(logsClient, 'logs', 'us-east-1');
 */
export function createRequestGate(options: RequestGateOptions): RequestGate {
  const slots = createSlots(Math.max(1, Math.floor(options.concurrency)));
  const limiters = new Map<string, RateLimiter>();
  const sleep = options.sleep ?? abortableSleep(options.signal);

  const limiterFor = (service: AwsServiceName, region: string, operation: string) => {
    const perSecond = options.quotas?.[service]?.[operation];
    if (perSecond === undefined) return undefined;
    const key = `${service}\0${region}\0${operation}`;
    let limiter = limiters.get(key);
    if (!limiter) {
      limiter = createRateLimiter({ perSecond, now: options.now, sleep });
      limiters.set(key, limiter);
    }
    return limiter;
  };

  return {
    get inFlight() {
      return slots.used;
    },
    attach(client, service, region) {
      if (!isSdkClient(client)) return;
      // Outermost step: a call waits before it is built and signed, and keeps its slot through
      // the SDK's own retries (backpressure while AWS throttles).
      client.middlewareStack.add(
        (next: InitializeHandler<object, MetadataBearer>, context: HandlerExecutionContext) =>
          async (args: InitializeHandlerArguments<object>) => {
            const operation = (context.commandName ?? '').replace(/Command$/, '');
            await slots.acquire();
            try {
              await limiterFor(service, region, operation)?.acquire();
              return await next(args);
            } finally {
              slots.release();
            }
          },
        { step: 'initialize', priority: 'high', name: GATE_NAME },
      );
    },
  };
}
