import { EXIT } from './exit-codes.js';

export interface WazuhAwsErrorOptions {
  /** Exit code of the Python wodle for this condition. */
  exitCode: number;
  /** Stable machine-readable code, e.g. `DECOMPRESS_GZIP`. */
  code: string;
  /** Whether retrying the same operation may succeed. @default false */
  retryable?: boolean;
  /**
   * Whether the CLI prints `ERROR: <message>` when this error ends the run. `false` for conditions
   * the reference reports only through debug lines (already logged where they happened).
   * @default true
   */
  report?: boolean;
  cause?: unknown;
}

/**
 * Base of every error the libraries throw on purpose. Only the CLI entry turns it into output and
 * an exit status; libraries never print or exit.
 */
export class WazuhAwsError extends Error {
  readonly exitCode: number;
  readonly code: string;
  readonly retryable: boolean;
  readonly report: boolean;

  constructor(message: string, options: WazuhAwsErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WazuhAwsError';
    this.exitCode = options.exitCode;
    this.code = options.code;
    this.retryable = options.retryable ?? false;
    this.report = options.report ?? true;
  }
}

/**
 * The object's bytes could not be decompressed (exit 8 unless skip_on_error). `pythonType` names
 * the reference's exception class, used where its repr reaches a message (`error_msg`).
 */
export class DecompressError extends WazuhAwsError {
  readonly pythonType: string;
  constructor(message: string, cause?: unknown, pythonType = 'OSError') {
    super(message, { exitCode: EXIT.DECOMPRESS, code: 'DECOMPRESS', cause });
    this.name = 'DecompressError';
    this.pythonType = pythonType;
  }
}

/**
 * The decompressed content is not in the expected format (exit 9 unless skip_on_error).
 * `pythonType` is the reference's exception class (`JSONDecodeError`, `UnicodeDecodeError`,
 * `ValueError`, `Error` for csv), used to rebuild its repr in `error_msg`.
 */
export class ParseError extends WazuhAwsError {
  readonly pythonType: string;
  constructor(message: string, cause?: unknown, pythonType = 'ValueError') {
    super(message, { exitCode: EXIT.PARSE, code: 'PARSE', cause });
    this.name = 'ParseError';
    this.pythonType = pythonType;
  }
}

/** Wazuh's queue socket is absent or refuses datagrams (exit 11). */
export class WazuhNotRunningError extends WazuhAwsError {
  constructor(cause?: unknown) {
    super('Wazuh must be running.', { exitCode: EXIT.WAZUH_NOT_RUNNING, code: 'WAZUH_NOT_RUNNING', cause });
    this.name = 'WazuhNotRunningError';
  }
}

/** A run was interrupted by SIGINT/SIGTERM after reaching a clean point (exit 2). */
export class InterruptedError extends WazuhAwsError {
  constructor(signal: string) {
    super(`${signal === 'SIGINT' ? 'SIGINT' : signal} received.`, {
      exitCode: EXIT.SIGINT,
      code: 'INTERRUPTED',
    });
    this.name = 'InterruptedError';
  }
}

/** Type guard that also accepts errors from another copy of this module. */
export function isWazuhAwsError(error: unknown): error is WazuhAwsError {
  return (
    error instanceof WazuhAwsError ||
    (error instanceof Error &&
      typeof (error as Partial<WazuhAwsError>).exitCode === 'number' &&
      'code' in error)
  );
}

/** Short text of any thrown value, for `ERROR:` lines. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
