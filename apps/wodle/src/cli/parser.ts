// Python-compatible parsing through the `argparse` port, made silent: errors and help become
// thrown values instead of output and process.exit.
import { Action, ArgumentParser, ArgumentTypeError, SUPPRESS } from 'argparse';
import { CliHelpRequested, CliUsageError } from './errors.js';
import { renderHelp } from './help.js';
import { OPTIONS, type OptionDef } from './options.js';
import { InvalidValueError } from './validators.js';

type OptionTuple = [action: unknown, optionString: string, explicitArg: string | undefined];

const EXTRA_FLAGS = new Set(OPTIONS.filter((o) => o.extra).flatMap((o) => o.flags));
const baseGetOptionTuples = (
  ArgumentParser.prototype as unknown as Record<string, (s: string) => OptionTuple[]>
)._get_option_tuples as (this: ArgumentParser, s: string) => OptionTuple[];

class SilentArgumentParser extends ArgumentParser {
  override error(err: string | Error): never {
    throw new CliUsageError(this.programName(), typeof err === 'string' ? err : err.message);
  }

  override exit(status: number, message: string): never {
    // argparse only exits through error() and the help action, both replaced; keep it silent anyway.
    throw new CliUsageError(this.programName(), message ?? `exit ${status}`);
  }

  // Our extra options must not make a reference abbreviation ambiguous (`--su` stays --subscriber).
  _get_option_tuples(optionString: string): OptionTuple[] {
    const tuples = baseGetOptionTuples.call(this, optionString);
    if (tuples.length < 2) return tuples;
    const reference = tuples.filter(([, flag]) => !EXTRA_FLAGS.has(flag));
    return reference.length > 0 ? reference : tuples;
  }

  private programName(): string {
    return (this as unknown as { prog: string }).prog;
  }
}

/** `-h`/`--help`: throws the help text instead of printing it. */
class HelpAction extends Action {
  constructor(options: Record<string, unknown>) {
    super({ ...options, dest: SUPPRESS, default: SUPPRESS, nargs: 0 } as never);
  }

  call(parser: ArgumentParser): void {
    throw new CliHelpRequested(renderHelp((parser as unknown as { prog: string }).prog));
  }
}

// Validators throw InvalidValueError; argparse reports only ArgumentTypeError as `argument X: msg`.
function asArgparseType(fn: (value: string) => unknown): (value: string) => unknown {
  return (value) => {
    try {
      return fn(value);
    } catch (error) {
      if (error instanceof InvalidValueError) throw new ArgumentTypeError(error.message);
      throw error;
    }
  };
}

function addOption(target: { add_argument: ArgumentParser['add_argument'] }, def: OptionDef): void {
  const options: Record<string, unknown> = { dest: def.dest };
  if (def.kind === 'flag') {
    options.action = 'store_true';
    options.default = false;
  } else {
    options.action = 'store';
    if (def.type) options.type = asArgparseType(def.type);
    if (def.default !== undefined) options.default = def.default;
  }
  (target.add_argument as (...args: unknown[]) => void)(...def.flags, options);
}

/** Builds the command line parser (a fresh one per call: argparse parsers keep state). */
export function createArgumentParser(prog: string): ArgumentParser {
  const parser = new SilentArgumentParser({ prog, add_help: false, usage: '%(prog)s [options]' });
  parser.add_argument('-h', '--help', { action: HelpAction as never });
  const modes = parser.add_mutually_exclusive_group({ required: true });
  for (const def of OPTIONS) addOption(def.mode ? modes : parser, def);
  return parser;
}
