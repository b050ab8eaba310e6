import { EXIT, WazuhAwsError } from '@wazuh-aws/core';

/**
 * A WAF file the reference stops on by itself (exit 9), printing exactly this message: not a
 * `ParseError`, so the engine neither rewords it nor turns it into an `error_msg` message.
 */
export class WafFileError extends WazuhAwsError {
  constructor(message: string, code: 'WAF_NOT_LOADED' | 'WAF_UNEXPECTED_STRUCTURE') {
    super(message, { exitCode: EXIT.PARSE, code });
    this.name = 'WafFileError';
  }
}

/** `Events from {file name} file could not be loaded.` (file name = key text after the last `/`). */
export const notLoadedText = (key: string) =>
  `Events from ${key.slice(key.lastIndexOf('/') + 1)} file could not be loaded.`;

/** `The {key} file doesn't have the expected structure.` */
export const unexpectedStructureText = (key: string) =>
  `The ${key} file doesn't have the expected structure.`;
