import type { Readable } from 'node:stream';
import type { Logger } from '../log/logger.js';

/** A JSON object as parsed from a log record. */
export type JsonObject = { [key: string]: unknown };

/** One parsed log record: what a parser yields and the discard filter tests. */
export type AwsEvent = JsonObject;

/**
 * The message sent to Wazuh: `{integration: 'aws', aws: {log_info: …, …event}}` for bucket
 * types, or whatever shape a service/subscriber builds.
 */
export type WazuhMessage = JsonObject;

/** A listed S3 object. */
export interface ObjectRef {
  readonly bucket: string;
  readonly key: string;
  readonly lastModified?: Date | undefined;
  readonly size?: number | undefined;
}

/**
 * The decompressed content of one object. Decoding is strict UTF-8; invalid bytes raise a
 * `ParseError`, bad compressed data a `DecompressError`. Each accessor may be used once.
 */
export interface ObjectContent {
  readonly key: string;
  /** The whole text. Universal newlines are NOT applied (JSON does not need them). */
  text(): Promise<string>;
  /** Lines split at `\n`, `\r\n` or `\r` (Python universal newlines), without terminators. */
  lines(): AsyncIterable<string>;
  /** The decompressed bytes as a stream. */
  stream(): Readable;
}

/** What a parser or reformatter may know about the file at hand. */
export interface FileContext {
  readonly bucket: string;
  readonly key: string;
  /** `--trail_prefix` as normalised by the CLI ('' or ending in '/'). */
  readonly prefix: string;
  readonly skipOnError: boolean;
  readonly logger: Logger;
}

/** How keys are laid out in the bucket (buckets.md §1.3). */
export type KeyLayout =
  /** `<prefix>AWSLogs/<suffix>[<org>/]<account>/<Service>/<region>/…` — cloudtrail, config, vpcflow, guardduty */
  | 'awslogs'
  /** `<prefix>AWSLogs/<suffix><account>/elasticloadbalancing/<region>/…` (no organization id) */
  | 'load-balancer'
  /** `<prefix>…`, no account/region iteration — custom, waf, server_access, cisco_umbrella */
  | 'flat';

/** State table shape (buckets.md §2). */
export type TableSchema = 'awslogs' | 'vpcflow' | 'custom';

/** Date folder format used in markers. */
export type MarkerDateFormat = 'YYYY/MM/DD' | 'YYYY/M/D' | 'YYYY-MM-DD';

/**
 * A bucket type: what its keys, table and files look like. Core's bucket engine does all I/O;
 * the plugin only describes and transforms.
 */
export interface BucketPlugin<Name extends string = string> {
  readonly kind: 'bucket';
  /** Value of `--type`. */
  readonly name: Name;
  /** Legacy SQLite table in `s3_cloudtrail.db`. */
  readonly table: string;
  readonly schema: TableSchema;
  readonly layout: KeyLayout;
  /** Service folder after the account id (`CloudTrail`, `Config`, `vpcflowlogs`, `GuardDuty`, `elasticloadbalancing`). */
  readonly serviceFolder?: string;
  readonly markerDateFormat: MarkerDateFormat;
  /** Regex finding the key's date; its match must start right after the full prefix when `checkPrefix`. @default /\d{4}\/\d{2}\/\d{2}/ */
  readonly dateRegex?: RegExp;
  /** Skip keys whose date does not start exactly after the full prefix (§1.7). */
  readonly checkPrefix: boolean;
  /** One-day marker rewind for late-arriving files (cloudtrail and load balancers). */
  readonly lateArrival: boolean;
  /** Marker post-processing: Config's year-folder truncation or GuardDuty's day-folder cut. */
  readonly markerMode?: 'default' | 'year-folder' | 'day-folder';
  /** Replace `/` by this after the prefix in StartAfter (server_access: `-`). */
  readonly markerDelimiter?: string;
  /**
   * `server-access`: the reference's own listing loop of that type (buckets.md §3.10): no
   * `++ Reparse mode enabled` line, the already-processed skip line at debug level 2, and every
   * listing failure (client errors and throttling included) "unexpected", exit 7.
   * @default the common loop (§1.7)
   */
  readonly listingStyle?: 'server-access';
  /** The bucket must hold an `AWSLogs` folder under the prefix (GuardDuty's native export), else exit 12. */
  readonly requiresAwsLogsFolder?: boolean;
  /** Add `aws.aws_account_id` to every message (AWSLogs role: cloudtrail, config, vpcflow). */
  readonly accountIdInMessage: boolean;
  /** How `created_date` is derived: from the `_YYYYMMDDT` file-name piece or the last date in the key. */
  readonly createdDate: 'file-name' | 'key-date';
  /**
   * Keep only the keys this type owns (e.g. the load balancer kind) — applied after the folder filter.
   * @default every key
   */
  accepts?(key: string): boolean;
  /** Sort and filter one listing page (Config's chronological order and OLA drop). */
  orderPage?(objects: ObjectRef[], onlyLogsAfter: string | undefined): ObjectRef[];
  /** Checks before the run (e.g. the Cisco Umbrella prefix); throw a `WazuhAwsError` to stop. */
  validate?(options: { prefix: string; logger: Logger }): void;
  /** Turns one object's content into events (each already carrying `source`). */
  parse(content: ObjectContent, context: FileContext): AsyncIterable<AwsEvent> | Iterable<AwsEvent>;
  /**
   * Turns one built message into the messages to send (usually one). Receives the message after
   * the template was applied; must apply the generic reformat itself if it wants it.
   */
  reformat(message: WazuhMessage, context: FileContext): WazuhMessage[];
}

/** Identity helper that freezes a bucket plugin descriptor and keeps its literal name type. */
export const defineBucketPlugin = <const N extends string>(plugin: BucketPlugin<N>): BucketPlugin<N> =>
  Object.freeze(plugin);
