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
  /** The object's key, used in the error texts. @default the content's key or '' */
  key?: string;
  /** Keep going after a malformed line or record (logging `ERROR:` lines) instead of throwing. @default false */
  skipOnError?: boolean;
  /** Where the `ERROR:` lines go when skipping. @default silentLogger */
  logger?: Logger;
}

interface LineContext {
  key: string;
  skipOnError: boolean;
  logger: Logger;
}

/**
 * Parses a WAF log delivered by Firehose (buckets.md §3.6): per line, JSON objects written
 * back-to-back; each gets `source: 'waf'` and its `httpRequest.headers` list turned into an
 * object of the standard headers.
 *
 * Without `skipOnError` the whole file is checked before the first event is yielded: the reference
 * loads a file completely before sending, so a bad file sends nothing. With it, lines stream.
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
  const context: LineContext = {
    key: options.key ?? (typeof input === 'string' ? '' : input.key),
    skipOnError: options.skipOnError ?? false,
    logger: options.logger ?? silentLogger,
  };
  if (context.skipOnError) {
    const lines = typeof input === 'string' ? splitLines(input) : input.lines();
    for await (const line of lines) yield* lineEvents(line, context);
    return;
  }
  const text = typeof input === 'string' ? input : await input.text();
  // First pass only validates (it throws before anything is yielded); the second one yields.
  for (const line of splitLines(text)) Array.from(lineEvents(line, context));
  for (const line of splitLines(text)) yield* lineEvents(line, context);
}

function* lineEvents(rawLine: string, context: LineContext): Generator<AwsEvent> {
  const values = readConcatenatedJson(rawLine.trimEnd(), { allowWhitespace: false });
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = values.next();
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      const text = notLoadedText(context.key);
      if (!context.skipOnError) throw new WafFileError(text, 'WAF_NOT_LOADED');
      // The reference drops the rest of the line; objects already decoded from it stay.
      context.logger.error(text);
      return;
    }
    if (next.done) return;
    yield toEvent(next.value, context);
  }
}

function toEvent(value: unknown, { key, skipOnError, logger }: LineContext): AwsEvent {
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
