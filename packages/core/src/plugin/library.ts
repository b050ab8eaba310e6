// Library use of a bucket plugin without the engine: parse one object's bytes or text into events or
// into the messages Wazuh receives. Every bucket package builds its public functions on these.
import { openObjectContent } from '../decompress/index.js';
import type { Logger } from '../log/logger.js';
import { silentLogger } from '../log/logger.js';
import { buildEventMessage } from '../message/template.js';
import type { AwsEvent, BucketPlugin, FileContext, ObjectContent, WazuhMessage } from './types.js';

/** What the library functions accept: an opened object, its text, or its (possibly gzip/zip) bytes. */
export type ParseInput = ObjectContent | string | Uint8Array;

/** Where the input came from. */
export interface ParseOptions {
  /** S3 key: goes into messages and picks the decompression of byte input (`.gz`, `.zip`). @default '' */
  key?: string;
  /** Bucket name for messages. @default '' */
  bucket?: string;
  /** Receives the reference's `WARNING:` lines. @default silentLogger */
  logger?: Logger;
}

/** Options of `toWazuhMessages`. */
export interface MessageOptions extends ParseOptions {
  /** `--aws_account_alias`. @default '' */
  alias?: string;
  /** `aws.aws_account_id` for AWSLogs types. @default the 12-digit folder of the key, if any */
  accountId?: string;
}

const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Opens any accepted input as an {@link ObjectContent}; bytes without a key are sniffed. */
export function toContent(input: ParseInput, key = ''): ObjectContent {
  if (typeof input === 'string') return openObjectContent('', Buffer.from(input, 'utf8'));
  if (!(input instanceof Uint8Array)) return input;
  if (key !== '') return openObjectContent(key, input);
  const sniffed = startsWith(input, GZIP_MAGIC)
    ? 'object.gz'
    : startsWith(input, ZIP_MAGIC)
      ? 'object.zip'
      : 'object';
  return openObjectContent(sniffed, input);
}

/** A file context for use without the engine. */
export function toFileContext(options: ParseOptions = {}): FileContext {
  return {
    bucket: options.bucket ?? '',
    key: options.key ?? '',
    prefix: '',
    skipOnError: false,
    logger: options.logger ?? silentLogger,
  };
}

/** Runs a plugin's parser over one input. */
export async function* parseWith(
  plugin: BucketPlugin,
  input: ParseInput,
  options: ParseOptions = {},
): AsyncGenerator<AwsEvent> {
  yield* plugin.parse(toContent(input, options.key), toFileContext(options));
}

/** Parses one input and turns every event into the messages Wazuh receives (template + reformat). */
export async function* messagesWith(
  plugin: BucketPlugin,
  input: ParseInput,
  options: MessageOptions = {},
): AsyncGenerator<WazuhMessage> {
  const context = toFileContext(options);
  const accountId = plugin.accountIdInMessage
    ? (options.accountId ?? /(?:^|\/)(\d{12})\//.exec(context.key)?.[1])
    : undefined;
  const source = { alias: options.alias ?? '', bucket: context.bucket, key: context.key, accountId };
  for await (const event of plugin.parse(toContent(input, options.key), context)) {
    yield* plugin.reformat(buildEventMessage(event, source), context);
  }
}
