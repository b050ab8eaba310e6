import type { WazuhMessage } from '../plugin/types.js';
import { encodeJsonAscii } from '../sender/index.js';
import type { RunContext } from './context.js';

/**
 * Serialises and sends one message; returns a promise only when the sink applies backpressure.
 * (The sinks print the level-3 debug line of what is sent.)
 */
export function sendMessage(context: RunContext, message: WazuhMessage): void | Promise<void> {
  return context.sink.send(encodeJsonAscii(message));
}
