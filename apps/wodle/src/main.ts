// The only place that prints errors and ends the process. Everything below throws typed errors.
import { createLineLogger, EXIT, errorText, isWazuhAwsError } from '@wazuh-aws/core';
import {
  argsDebugText,
  CliHelpRequested,
  CliUsageError,
  type ParsedArguments,
  parseArguments,
} from './cli/index.js';
import { installSignalHandlers } from './signals.js';
import { printSummary } from './summary.js';

const writeStdout = (line: string) => process.stdout.write(line);
const writeStderr = (line: string) => process.stderr.write(line);

export async function main(argv: readonly string[]): Promise<number> {
  let args: ParsedArguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (error instanceof CliHelpRequested) {
      writeStdout(error.text);
      return EXIT.OK;
    }
    if (error instanceof CliUsageError) {
      writeStderr(`${error.stderr.join('\n')}\n`);
      return EXIT.ARGUMENTS;
    }
    // Checks after parsing (role duration without role, non-integer --debug): exit 1.
    writeStdout(`ERROR: ${errorText(error)}\n`);
    return isWazuhAwsError(error) ? error.exitCode : EXIT.UNKNOWN;
  }

  // With --output stdout the events own stdout; log lines move to stderr.
  const logger = createLineLogger({
    level: args.debugLevel,
    write: args.output.kind === 'stdout' ? writeStderr : writeStdout,
  });
  // Masked in every line from here on, whatever prints it (SDK messages, debug-3 dumps, causes).
  for (const secret of secretsOf(args)) logger.addSecret(secret);
  if (args.debugLevel > 0) logger.debug(1, `+++ Debug mode on - Level: ${args.debugText}`);
  logger.debug(2, argsDebugText(argv));

  const controller = new AbortController();
  const uninstall = installSignalHandlers(controller, (signal) => {
    logger.error(`${signal} received.`);
    process.exit(EXIT.SIGINT);
  });
  try {
    // Loaded only for a real run: --help and argument errors stay fast.
    const { run } = await import('./run.js');
    const result = await run(args, logger, controller.signal, argv[1]);
    if (result.summary && (args.summary || process.stderr.isTTY)) printSummary(result.summary, writeStderr);
    return EXIT.OK;
  } catch (error) {
    if (isWazuhAwsError(error)) {
      if (error.report) logger.error(error.message);
      logCause(logger, error);
      return error.exitCode;
    }
    // Anything else escaping a mode is reported like the reference's main handler (exit 12).
    logger.debug(2, `+++ Error: ${errorText(error)}`);
    logger.error(errorText(error));
    logCause(logger, error);
    return EXIT.INVALID_TYPE;
  } finally {
    uninstall();
  }
}

/** Credentials given on the command line or in the environment (resolved SDK credentials are added later by core/aws). */
function secretsOf(args: ParsedArguments, env: NodeJS.ProcessEnv = process.env): string[] {
  const values = [
    args.accessKey,
    args.secretKey,
    args.externalId,
    env.AWS_ACCESS_KEY_ID,
    env.AWS_SECRET_ACCESS_KEY,
    env.AWS_SESSION_TOKEN,
    env.AWS_SECURITY_TOKEN,
  ];
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Decision L13: with debug on, the cause is shown as DEBUG lines, never as a raw trace. */
function logCause(logger: ReturnType<typeof createLineLogger>, error: unknown) {
  if (logger.level < 1) return;
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const stack = cause instanceof Error ? cause.stack : undefined;
  if (stack) for (const line of stack.split('\n')) logger.debug(1, line);
}
