export { describeErrno, type ErrnoInfo } from './errno.js';
export type { EventSink, Framing } from './event-sink.js';
export { frameEvent, MAX_EVENT_SIZE, WAZUH_HEADER } from './frame.js';
export { encodeJsonAscii, jsonFloat, pythonFloatRepr, type RawJson, rawJson } from './json-ascii.js';
export { createJsonLinesSink, type JsonLinesSinkOptions } from './jsonl-sink.js';
export { createWazuhSocketSink, type WazuhSocketSinkOptions } from './wazuh-socket.js';
