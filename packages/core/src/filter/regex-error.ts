import { WazuhAwsError } from '../errors/errors.js';
import { EXIT } from '../errors/exit-codes.js';

/**
 * An invalid or unsupported `--discard-regex`. Exit 12, like the reference's `re.error` reaching
 * the main handler; the message reads like Python's (`missing ), unterminated subpattern at position 0`).
 */
export class RegexError extends WazuhAwsError {
  /** Code-point offset in the pattern where the problem was found. */
  readonly position: number | undefined;
  constructor(message: string, position?: number, cause?: unknown) {
    super(position === undefined ? message : `${message} at position ${position}`, {
      exitCode: EXIT.INVALID_TYPE,
      code: 'INVALID_REGEX',
      cause,
    });
    this.name = 'RegexError';
    this.position = position;
  }
}

/** A Python construct JavaScript cannot express (conditionals, atomic groups, possessive quantifiers…). */
export function unsupported(construct: string, position: number): RegexError {
  return new RegexError(`unsupported regular expression construct: ${construct}`, position);
}
