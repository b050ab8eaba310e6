/**
 * A row too short to hold a column the parser must split (the reference fails such a file as an
 * "unknown error", exit 1): deliberately not a `WazuhAwsError`, so the engine reports it as
 * `Unknown error reading/parsing file <key>: …` and honours skip_on_error.
 */
export class ShortRowError extends Error {
  constructor(field: string, key: string) {
    super(`a row of ${key || 'the log'} has no ${field} column`);
    this.name = 'ShortRowError';
  }
}
