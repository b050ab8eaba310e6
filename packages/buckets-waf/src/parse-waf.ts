import {
  type AwsEvent,
  isObject,
  type Logger,
  type ObjectContent,
  ParseError,
  readConcatenatedJson,
  silentLogger,
  splitLines,
} from '@wazuh-aws/core';
import { filterHeaders } from './headers.js';
import { notLoadedText, unexpectedStructureText, WafFileError } from './waf-errors.js';

/** Options of {@link parseWafLog}. */
export interface WafParseOptions {
  /** The object's key, used in the error texts. @default '' */
  key?: string;
  /** Keep going after a malformed line or record (logging `ERROR:` lines) instead of throwing. @default false */
  skipOnError?: boolean;
  /** Where the `ERROR:` lines go when skipping. @default silentLogger */
  logger?: Logger;
}

/**
 * Parses a WAF log delivered by Firehose (buckets.md §3.6): per line, JSON objects written
 * back-to-back; each gets `source: 'waf'` and its `httpRequest.headers` list turned into an
 * object of the standard headers.
 *
 * @throws WafFileError (exit 9) on an undecodable line or an unexpected structure, unless `skipOnError`.
 * @throws ParseError when a line holds a JSON value that is not an object.
 * @example
 * for await (const event of parseWafLog(text, { key })) console.log(event.httpRequest);
 */
export async function* parseWafLog(
  input: string | ObjectContent,
  options: WafParseOptions = {},
): AsyncGenerator<AwsEvent> {
  const key = options.key ?? (typeof input === 'string' ? '' : input.key);
  const logger = options.logger ?? silentLogger;
  const skipOnError = options.skipOnError ?? false;
  const lines = typeof input === 'string' ? splitLines(input) : input.lines();
  for await (const rawLine of lines) {
    const values = readConcatenatedJson(rawLine.trimEnd(), { allowWhitespace: false });
    for (;;) {
      let next: IteratorResult<unknown>;
      try {
        next = values.next();
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        // The reference drops the rest of the line; objects already decoded from it stay.
        if (!skipOnError) throw new WafFileError(notLoadedText(key), 'WAF_NOT_LOADED');
        logger.error(notLoadedText(key));
        break;
      }
      if (next.done) break;
      yield toEvent(next.value, key, skipOnError, logger);
    }
  }
}

function toEvent(value: unknown, key: string, skipOnError: boolean, logger: Logger): AwsEvent {
  if (!isObject(value)) throw new ParseError(`A line of ${key} holds a JSON value that is not an object`);
  value.source = 'waf';
  const headers = filterHeaders(value);
  if (headers !== undefined) {
    (value.httpRequest as Record<string, unknown>).headers = headers;
  } else {
    if (!skipOnError) throw new WafFileError(unexpectedStructureText(key), 'WAF_UNEXPECTED_STRUCTURE');
    logger.error(unexpectedStructureText(key));
  }
  return value;
}
