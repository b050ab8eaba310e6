// Validators of the options we add to the reference's command line (long form only).
import { InvalidValueError } from './validators.js';

/**
 * Where events go: Wazuh's queue socket (default), stdout lines, or a JSON-lines file. The socket
 * output carries `--wazuh-retry-timeout` (milliseconds; absent → the sender's 30 s default).
 */
export type OutputSpec =
  | { kind: 'wazuh'; retryTimeoutMs?: number }
  | { kind: 'stdout' }
  | { kind: 'jsonl'; path: string };

/** Default of `--output`. */
export const DEFAULT_OUTPUT: OutputSpec = Object.freeze({ kind: 'wazuh' });

/** `--output`: `wazuh`, `stdout` or `jsonl:<file>`. */
export function parseOutputSpec(value: string): OutputSpec {
  if (value === 'wazuh' || value === 'stdout') return { kind: value };
  if (value.startsWith('jsonl:') && value.length > 'jsonl:'.length)
    return { kind: 'jsonl', path: value.slice(6) };
  throw new InvalidValueError(`invalid output '${value}': use 'wazuh', 'stdout' or 'jsonl:<file>'`);
}

/** Default of `--concurrency`. */
export const DEFAULT_CONCURRENCY = 4;
/** Upper bound of `--concurrency` (beyond it S3 throttles and memory grows for nothing). */
export const MAX_CONCURRENCY = 256;

/** `--concurrency`: work in flight (bucket objects, CloudWatch Logs calls, SQS messages), an integer in 1..{@link MAX_CONCURRENCY}. */
export function parseConcurrency(value: string): number {
  const n = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= MAX_CONCURRENCY)) {
    throw new InvalidValueError(
      `invalid concurrency '${value}': must be an integer from 1 to ${MAX_CONCURRENCY}`,
    );
  }
  return n;
}

/** Upper bound of `--parse-threads`. */
export const MAX_PARSE_THREADS = 16;

/** `--parse-threads`: bucket files parsed off the main thread, an integer in 0..{@link MAX_PARSE_THREADS}. */
export function parseParseThreads(value: string): number {
  const n = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= MAX_PARSE_THREADS)) {
    throw new InvalidValueError(
      `invalid parse-threads '${value}': must be an integer from 0 to ${MAX_PARSE_THREADS}`,
    );
  }
  return n;
}

/** `--wazuh-path`: the Wazuh installation directory; must not be empty. */
export function parseWazuhPath(value: string): string {
  if (value.trim() === '') throw new InvalidValueError('the Wazuh path must not be empty');
  return value;
}

/** Upper bound of `--wazuh-retry-timeout`, in seconds (a day: beyond it modulesd's next run is due). */
export const MAX_WAZUH_RETRY_TIMEOUT = 86_400;

/**
 * `--wazuh-retry-timeout`: seconds to keep retrying when Wazuh's queue socket disappears in the
 * middle of a run (a Wazuh restart) before ending with exit 11; a number from 0 to
 * {@link MAX_WAZUH_RETRY_TIMEOUT}, fractions allowed. Returned in milliseconds.
 */
export function parseWazuhRetryTimeout(value: string): number {
  const seconds = /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds >= 0 && seconds <= MAX_WAZUH_RETRY_TIMEOUT)) {
    throw new InvalidValueError(
      `invalid Wazuh retry timeout '${value}': must be a number of seconds from 0 to ${MAX_WAZUH_RETRY_TIMEOUT}`,
    );
  }
  return Math.round(seconds * 1000);
}
