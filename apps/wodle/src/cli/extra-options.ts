// Validators of the options we add to the reference's command line (long form only).
import { InvalidValueError } from './validators.js';

/** Where events go: Wazuh's queue socket (default), stdout lines, or a JSON-lines file. */
export type OutputSpec = { kind: 'wazuh' } | { kind: 'stdout' } | { kind: 'jsonl'; path: string };

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

/** `--concurrency`: objects fetched in parallel, an integer in 1..{@link MAX_CONCURRENCY}. */
export function parseConcurrency(value: string): number {
  const n = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= MAX_CONCURRENCY)) {
    throw new InvalidValueError(
      `invalid concurrency '${value}': must be an integer from 1 to ${MAX_CONCURRENCY}`,
    );
  }
  return n;
}

/** `--wazuh-path`: the Wazuh installation directory; must not be empty. */
export function parseWazuhPath(value: string): string {
  if (value.trim() === '') throw new InvalidValueError('the Wazuh path must not be empty');
  return value;
}
