import type { WazuhMessage } from '../plugin/types.js';
import { encodeJsonAscii } from '../sender/index.js';
import type { RunContext } from './context.js';

/**
 * Serialises and sends one message, waiting only when the sink applies backpressure. The level-3
 * debug line shows exactly what is sent.
 */
export function sendMessage(context: RunContext, message: WazuhMessage): void | Promise<void> {
  const json = encodeJsonAscii(message);
  context.logger.debug(3, json);
  return context.sink.send(json);
}
