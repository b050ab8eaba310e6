import { EXIT, WazuhAwsError } from '@wazuh-aws/core';

/** Program name used in usage and error texts when argv has none. */
export const DEFAULT_PROG = 'aws-s3';

/**
 * The command line was rejected by the parser (cli.md §2). The entry prints {@link stderr} to
 * stderr (not an `ERROR:` line) and exits 2.
 */
export class CliUsageError extends WazuhAwsError {
  /** The two stderr lines, without newlines: `usage: {prog} [options]`, `{prog}: error: {message}`. */
  readonly stderr: readonly string[];

  constructor(prog: string, message: string) {
    super(message, { exitCode: EXIT.ARGUMENTS, code: 'CLI_USAGE', report: false });
    this.name = 'CliUsageError';
    this.stderr = Object.freeze([`usage: ${prog} [options]`, `${prog}: error: ${message}`]);
  }
}

/** `-h`/`--help` was given: the entry writes {@link text} to stdout and exits 0. */
export class CliHelpRequested extends WazuhAwsError {
  /** The full help text, ending with a newline. */
  readonly text: string;

  constructor(text: string) {
    super('help requested', { exitCode: EXIT.OK, code: 'CLI_HELP', report: false });
    this.name = 'CliHelpRequested';
    this.text = text;
  }
}
