import type { Logger } from './logger.js';

/** One logged line: the method, its text, and the debug level for `debug`. */
export type LogRecord =
  | readonly ['debug', string, number]
  | readonly ['error' | 'warning' | 'info' | 'plain', string];

/**
 * A logger that keeps its lines instead of printing them, with the level of the logger they will
 * be replayed on (so level checks and lazy texts behave the same). Parse workers use it: their
 * lines reach the run's logger when the file's turn comes, in the order they were logged.
 */
export function createRecordingLogger(level: number): Logger & { take(): LogRecord[] } {
  let records: LogRecord[] = [];
  return {
    level,
    debug(n, text) {
      if (level >= n) records.push(['debug', typeof text === 'function' ? text() : text, n]);
    },
    error: (text) => records.push(['error', text]),
    warning: (text) => records.push(['warning', text]),
    info: (text) => records.push(['info', text]),
    plain: (text) => records.push(['plain', text]),
    /** The lines logged since the last call. */
    take() {
      const taken = records;
      records = [];
      return taken;
    },
  };
}

/** Prints recorded lines on `logger`, in order. */
export function replayLogs(logger: Logger, records: readonly LogRecord[]): void {
  for (const record of records) {
    if (record[0] === 'debug') logger.debug(record[2], record[1]);
    else logger[record[0]](record[1]);
  }
}
