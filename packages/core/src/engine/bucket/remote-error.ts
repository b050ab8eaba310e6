import { DecompressError, errorText, ParseError, WazuhAwsError } from '../../errors/errors.js';

/** An error as it crosses from a parse worker to the main thread (structured clone keeps no class). */
export type RemoteError = { stack?: string | undefined } & (
  | { kind: 'decompress' | 'parse'; message: string; pythonType: string }
  | { kind: 'wazuh'; message: string; exitCode: number; code: string; report: boolean; retryable: boolean }
  | { kind: 'other'; message: string; className: string }
);

/** An error of a class the main thread does not know: keeps the class name for the `error_msg` repr. */
export class ForeignError extends Error {
  constructor(
    readonly className: string,
    message: string,
  ) {
    super(message);
    this.name = className;
  }
}

/** The name the reference's repr of `error` starts with. */
export function errorClassName(error: unknown): string {
  if (error instanceof ForeignError) return error.className;
  return error instanceof Error ? error.constructor.name : 'Exception';
}

export function toRemoteError(error: unknown): RemoteError {
  return { ...describe(error), stack: error instanceof Error ? error.stack : undefined };
}

function describe(error: unknown): RemoteError {
  if (error instanceof DecompressError || error instanceof ParseError) {
    const kind = error instanceof DecompressError ? 'decompress' : 'parse';
    return { kind, message: error.message, pythonType: error.pythonType };
  }
  if (error instanceof WazuhAwsError) {
    const { message, exitCode, code, report, retryable } = error;
    return { kind: 'wazuh', message, exitCode, code, report, retryable };
  }
  return { kind: 'other', message: errorText(error), className: errorClassName(error) };
}

/** The error again, with the worker's stack (debug output shows where it was thrown). */
export function fromRemoteError(remote: RemoteError): Error {
  const error = rebuild(remote);
  if (remote.stack !== undefined) error.stack = remote.stack;
  return error;
}

function rebuild(remote: RemoteError): Error {
  switch (remote.kind) {
    case 'decompress':
      return new DecompressError(remote.message, undefined, remote.pythonType);
    case 'parse':
      return new ParseError(remote.message, undefined, remote.pythonType);
    case 'wazuh': {
      const { message, exitCode, code, report, retryable } = remote;
      return new WazuhAwsError(message, { exitCode, code, report, retryable });
    }
    case 'other':
      return new ForeignError(remote.className, remote.message);
  }
}
