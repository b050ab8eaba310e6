import { type AwsEvent, DecompressError, ParseError, rowToObject } from '@wazuh-aws/core';

/** The default (version 2) flow log fields, as the reference names them. */
export const DEFAULT_FLOW_LOG_FIELDS: readonly string[] = [
  'version',
  'account_id',
  'interface_id',
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'action',
  'log_status',
];

// Flow log record fields of formats v2–v8 (AWS documentation), as written in file headers.
const KNOWN_FIELDS = new Set([
  ...DEFAULT_FLOW_LOG_FIELDS.map((name) => name.replaceAll('_', '-')),
  ...[
    'vpc-id',
    'subnet-id',
    'instance-id',
    'tcp-flags',
    'type',
    'pkt-srcaddr',
    'pkt-dstaddr',
    'region',
    'az-id',
  ],
  ...['sublocation-type', 'sublocation-id', 'pkt-src-aws-service', 'pkt-dst-aws-service', 'flow-direction'],
  ...[
    'traffic-path',
    'ecs-cluster-arn',
    'ecs-cluster-name',
    'ecs-container-instance-arn',
    'ecs-container-id',
  ],
  ...['ecs-container-instance-id', 'ecs-second-container-id', 'ecs-service-name', 'ecs-task-definition-arn'],
  ...['ecs-task-arn', 'ecs-task-id', 'reject-reason'],
]);
const HEADER_FIELD = /^[a-z][a-z0-9-]*$/;
const TIME_FIELDS = ['start', 'end'] as const;
const INTEGER = /^\s*[+-]?\d+\s*$/;

/**
 * Whether a row is a flow log header: only lower-case field names, at least one of them a known
 * flow log field (data rows always hold numbers, addresses or upper-case words).
 */
export function isFlowLogHeader(row: readonly string[]): boolean {
  return (
    row.length > 0 && row.every((field) => HEADER_FIELD.test(field)) && row.some((f) => KNOWN_FIELDS.has(f))
  );
}

// Rows of one file share few distinct times: remember the last conversions.
const recentTimes = new Map<string, string>();

/** Unix seconds → `YYYY-MM-DDTHH:MM:SSZ` (UTC), with the reference's error classes. */
export function flowLogTime(value: unknown): string {
  const known = typeof value === 'string' ? recentTimes.get(value) : undefined;
  if (known !== undefined) return known;
  const text = convertFlowLogTime(value);
  if (recentTimes.size >= 4096) recentTimes.clear();
  recentTimes.set(value as string, text);
  return text;
}

function convertFlowLogTime(value: unknown): string {
  if (typeof value !== 'string') {
    throw new DecompressError(
      "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
      undefined,
      'TypeError',
    );
  }
  const date = INTEGER.test(value) ? new Date(Number(value) * 1000) : undefined;
  if (date === undefined || Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
    throw new ParseError(`invalid literal for int() with base 10: '${value}'`, undefined, 'ValueError');
  }
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Options of {@link flowLogEvents}. */
export interface FlowLogOptions {
  /** Convert `start`/`end` from Unix seconds to ISO UTC (`vpcflow`); the custom type keeps them. */
  convertTimes: boolean;
}

/**
 * Turns space-separated flow log rows into events with `source: 'vpc'` (buckets.md §3.3).
 * Header rows are not events (decision B5): they name the fields of the rows after them (hyphens
 * become underscores), so custom formats (v3+) are read by name; without a header the default
 * 14 fields apply. Surplus values go to `extra_fields` (decision B30).
 *
 * @throws ParseError for a non-integer `start`/`end`; DecompressError (the reference's TypeError
 * class, quirk B8) for a row too short to hold them.
 */
export function* flowLogEvents(rows: Iterable<string[]>, options: FlowLogOptions): Generator<AwsEvent> {
  const reader = createFlowLogReader(options);
  for (const row of rows) {
    const event = reader.read(row);
    if (event !== undefined) yield event;
  }
}

/**
 * The row-by-row form of {@link flowLogEvents}, for streamed rows: `read` returns the event of a
 * data row and `undefined` for a header row (which names the fields of the rows after it).
 */
export function createFlowLogReader(options: FlowLogOptions): { read(row: string[]): AwsEvent | undefined } {
  let names = DEFAULT_FLOW_LOG_FIELDS;
  let times = TIME_FIELDS.filter((field) => names.includes(field));
  return {
    read(row) {
      if (isFlowLogHeader(row)) {
        names = row.map((field) => field.replaceAll('-', '_'));
        times = TIME_FIELDS.filter((field) => names.includes(field));
        return undefined;
      }
      const { object, extra } = rowToObject(names, row);
      if (options.convertTimes) {
        for (const field of times) {
          const value = object[field];
          if (value !== 'start' && value !== 'end') object[field] = flowLogTime(value);
        }
      }
      if (extra.length > 0) object.extra_fields = extra;
      object.source = 'vpc';
      return object;
    },
  };
}
