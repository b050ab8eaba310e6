/** A message, or a function that builds it only when the line will really be written. */
export type LogText = string | (() => string);

/**
 * The modulesd line protocol (core.md §2): `DEBUG: ` lines up to the run's level, `ERROR: `,
 * `WARNING: ` and `INFO: ` lines always. Libraries log only through this interface.
 */
export interface Logger {
  /** The run's debug level, 0 (off) to 3. */
  readonly level: number;
  debug(level: number, text: LogText): void;
  error(text: string): void;
  warning(text: string): void;
  info(text: string): void;
  /** A line without prefix (the reference prints the access-key deprecation notice so). */
  plain(text: string): void;
  /**
   * Registers a credential (key id, secret key, session token, external id) to be masked as `***`
   * wherever it appears in a later line. Optional: loggers that print nothing need not track them.
   */
  addSecret?(value: string): void;
}

export interface LineWriterOptions {
  /** Debug level; values above 3 behave like 3. @default 0 */
  level?: number;
  /** Where lines go. @default process.stdout */
  write?: (line: string) => void;
  /** Secrets to mask wherever they appear in a line. */
  secrets?: Iterable<string>;
}

const REDACTED = '***';
/** Shorter values would mask ordinary words; real keys, tokens and external ids are longer. */
const MIN_SECRET_LENGTH = 4;

/** Creates the logger that writes modulesd lines, masking the given secrets. */
export function createLineLogger(
  options: LineWriterOptions = {},
): Logger & { addSecret(value: string): void } {
  const level = Math.min(Math.max(options.level ?? 0, 0), 3);
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  // Longest first, so a secret that contains another is masked whole.
  let secrets: string[] = [];
  const addSecret = (value: string) => {
    if (!value || value.length < MIN_SECRET_LENGTH) return;
    // The spellings a secret takes inside JSON dumps, URLs and SDK messages.
    const variants = [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)];
    secrets = [...new Set([...secrets, ...variants])].sort((a, b) => b.length - a.length);
  };
  for (const s of options.secrets ?? []) addSecret(s);
  const emit = (prefix: string, text: string) => {
    let line = `${prefix}${text}`;
    for (const s of secrets) if (line.includes(s)) line = line.split(s).join(REDACTED);
    write(`${line}\n`);
  };
  return {
    level,
    addSecret,
    debug(n, text) {
      if (level >= n) emit('DEBUG: ', typeof text === 'function' ? text() : text);
    },
    error: (text) => emit('ERROR: ', text),
    warning: (text) => emit('WARNING: ', text),
    info: (text) => emit('INFO: ', text),
    plain: (text) => emit('', text),
  };
}

/** A logger that drops everything: the default for library use. */
export const silentLogger: Logger = {
  level: 0,
  debug() {},
  error() {},
  warning() {},
  info() {},
  plain() {},
};
