// @wazuh-aws/core — the pure part: plugin contracts, errors, logging, message building, filtering,
// decompression and record readers. Side-effecting parts live behind the ./state, ./sender, ./aws
// and ./engine subpaths, so a parser-only consumer never loads a native addon.

export { ALL_REGIONS, CHINA_REGIONS, GOVCLOUD_REGIONS, INSPECTOR_V2_REGIONS } from './aws/regions.js';
export * from './decompress/index.js';
export type { RunContext, RunOptions, WazuhInstall } from './engine/context.js';
export {
  DecompressError,
  errorText,
  InterruptedError,
  isWazuhAwsError,
  ParseError,
  WazuhAwsError,
  type WazuhAwsErrorOptions,
  WazuhNotRunningError,
} from './errors/errors.js';
export { EXIT, type ExitCode } from './errors/exit-codes.js';
export * from './filter/index.js';
export {
  createLineLogger,
  type LineWriterOptions,
  type Logger,
  type LogText,
  silentLogger,
} from './log/logger.js';
export * from './message/index.js';
export * from './plugin/index.js';
export * from './records/index.js';
export { encodeJsonAscii, jsonFloat, pythonFloatRepr, type RawJson, rawJson } from './sender/json-ascii.js';
