import { ParseError } from '../../errors/errors.js';
import { type DiscardFilter, logDiscard } from '../../filter/index.js';
import { buildEventMessage, type MessageSource } from '../../message/template.js';
import type { BucketPlugin, FileContext, ObjectContent, WazuhMessage } from '../../plugin/types.js';
import { encodeJsonAscii } from '../../sender/index.js';

/** Events dropped by the discard filter, counted while a file's messages are produced. */
export interface DiscardCount {
  discarded: number;
}

/**
 * One object's messages, event by event: parse → discard filter → message template → reformat.
 * Shared by the engine's in-thread path and the parse workers. A reformat failure is escalated
 * (it ends the run), a parse failure is the file's error.
 */
export async function* fileMessages(
  plugin: BucketPlugin,
  content: ObjectContent,
  file: FileContext,
  source: MessageSource,
  discard: DiscardFilter | undefined,
  count: DiscardCount,
): AsyncGenerator<WazuhMessage[]> {
  for await (const event of plugin.parse(content, file)) {
    if (discard) {
      const discarded = discard.matchesEvent(event);
      logDiscard(file.logger, discard, discarded);
      if (discarded) {
        count.discarded++;
        continue;
      }
    }
    yield escalating(() => plugin.reformat(buildEventMessage(event, source), file));
  }
}

/** The JSON body of a message; a value nested too deeply for the encoder is a parse error (skippable). */
export function encodeMessage(message: WazuhMessage): string {
  try {
    return encodeJsonAscii(message);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ParseError(
        'maximum recursion depth exceeded while encoding the event',
        error,
        'RecursionError',
      );
    }
    throw new Escalated(error);
  }
}

/** An error that must end the run as it is, not be reported as a file parse failure. */
export class Escalated {
  constructor(readonly cause: unknown) {}
}

export function escalating<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw new Escalated(error);
  }
}
