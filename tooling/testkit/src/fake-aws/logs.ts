// A CloudWatch Logs fake with the corpus' behaviour (JSON protocol, `X-Amz-Target: Logs_20140328.*`):
// DescribeLogStreams pages of 2, GetLogEvents pages of at most 4 events, forward tokens
// `f/<56 digits>/s` that come back unchanged at the end of a stream, DeleteLogStream, and
// ResourceNotFoundException / InvalidParameterException like the service.
import { createHash } from 'node:crypto';
import { FakeAwsError, type JsonTargetHandler } from './types.js';

/** One log event as the fixtures hold it. */
export interface FakeLogEvent {
  timestamp: number;
  message: string;
}

/** region → group → stream → events (the corpus' `cloudwatch-*.json`). */
export type LogsFixture = Record<string, Record<string, Record<string, FakeLogEvent[]>>>;

export interface FakeLogsOptions {
  /** Most events per GetLogEvents page. @default 4 */
  eventsPerPage?: number;
  /** Most streams per DescribeLogStreams page. @default 2 */
  streamsPerPage?: number;
}

/** The CloudWatch Logs fake: state plus a handler for the JSON-protocol target prefix. */
export interface FakeLogs {
  /** The `X-Amz-Target` prefix this fake serves. */
  readonly targetPrefix: 'Logs_20140328';
  readonly handle: JsonTargetHandler;
  /** Merges groups, streams and events (events sorted by timestamp, like the service). */
  load(fixture: LogsFixture): void;
  /** Creates an empty group. */
  createGroup(region: string, group: string): void;
  /** Deletes a stream as if it expired. */
  deleteStream(region: string, group: string, stream: string): void;
  /** stream → event count of a group, or undefined when the group does not exist. */
  streams(region: string, group: string): Record<string, number> | undefined;
  /** region → group → stream → event count, every level sorted by name (what is left, for state checks). */
  snapshot(): Record<string, Record<string, Record<string, number>>>;
  /** Every handled call, in order. */
  readonly calls: Array<{ operation: string; region: string; input: Record<string, unknown> }>;
  /** Makes the next call of `operation` fail with this AWS error. */
  failNext(operation: string, code: string, message: string, status?: number): void;
}

const notFound = (what: string) =>
  new FakeAwsError(400, 'ResourceNotFoundException', `The specified ${what} does not exist.`);

/** Creates an empty CloudWatch Logs fake. */
export function createFakeLogs(options: FakeLogsOptions = {}): FakeLogs {
  const eventsPerPage = options.eventsPerPage ?? 4;
  const streamsPerPage = options.streamsPerPage ?? 2;
  const regions = new Map<string, Map<string, Map<string, FakeLogEvent[]>>>();
  const calls: FakeLogs['calls'] = [];
  const failures = new Map<string, FakeAwsError[]>();

  const groupsOf = (region: string) => {
    const groups = regions.get(region) ?? new Map<string, Map<string, FakeLogEvent[]>>();
    regions.set(region, groups);
    return groups;
  };
  const group = (region: string, name: unknown) => {
    const found = typeof name === 'string' ? regions.get(region)?.get(name) : undefined;
    if (!found) throw notFound('log group');
    return found;
  };
  const stream = (region: string, input: Record<string, unknown>) => {
    const events = group(region, input.logGroupName).get(String(input.logStreamName));
    if (!events) throw notFound('log stream');
    return events;
  };

  const operations: Record<string, (input: Record<string, unknown>, region: string) => unknown> = {
    DescribeLogGroups(input, region) {
      const prefix = String(input.logGroupNamePrefix ?? '');
      const names = [...groupsOf(region).keys()].filter((n) => n.startsWith(prefix)).sort();
      return {
        logGroups: names.map((logGroupName) => ({
          logGroupName,
          creationTime: 1736942400000,
          storedBytes: 0,
        })),
      };
    },
    DescribeLogStreams(input, region) {
      const streams = group(region, input.logGroupName);
      const prefix = String(input.logStreamNamePrefix ?? '');
      const names = [...streams.keys()].filter((n) => n.startsWith(prefix)).sort();
      if (input.orderBy === 'LastEventTime')
        names.sort((a, b) => lastTimestamp(streams.get(a)!) - lastTimestamp(streams.get(b)!));
      if (input.descending) names.reverse();
      const start = typeof input.nextToken === 'string' ? Number(input.nextToken.split('/')[1]) : 0;
      if (!Number.isInteger(start))
        throw new FakeAwsError(400, 'InvalidParameterException', 'The specified nextToken is invalid.');
      const size = Math.min(Number(input.limit ?? 50), streamsPerPage);
      const page = names.slice(start, start + size);
      const out: Record<string, unknown> = {
        logStreams: page.map((n) => streamInfo(region, String(input.logGroupName), n, streams.get(n)!)),
      };
      if (start + size < names.length) {
        const digest = createHash('md5').update(String(input.logGroupName)).digest('hex');
        out.nextToken = `ls/${String(start + size).padStart(8, '0')}/${digest}`;
      }
      return out;
    },
    GetLogEvents(input, region) {
      const events = stream(region, input);
      const lo = typeof input.startTime === 'number' ? input.startTime : undefined;
      const hi = typeof input.endTime === 'number' ? input.endTime : undefined;
      const token = typeof input.nextToken === 'string' ? input.nextToken : undefined;
      const forward = token === undefined ? Boolean(input.startFromHead) : token.startsWith('f/');
      const window: number[] = [];
      events.forEach((e, i) => {
        if ((lo === undefined || e.timestamp >= lo) && (hi === undefined || e.timestamp < hi)) window.push(i);
      });
      const size = Math.min(Number(input.limit ?? 10000), eventsPerPage);
      let chosen: number[];
      let next: number;
      let back: number;
      if (forward) {
        const pos = token === undefined ? 0 : tokenIndex(token, 'f');
        chosen = window.filter((i) => i >= pos).slice(0, size);
        next = chosen.length > 0 ? chosen[chosen.length - 1]! + 1 : pos;
        back = chosen[0] ?? pos;
      } else {
        const pos = token === undefined ? events.length : tokenIndex(token, 'b');
        chosen = window.filter((i) => i < pos).slice(-size);
        next = chosen.length > 0 ? chosen[chosen.length - 1]! + 1 : pos;
        back = chosen[0] ?? pos;
      }
      return {
        events: chosen.map((i) => ({ ...events[i]!, ingestionTime: events[i]!.timestamp + 500 })),
        nextForwardToken: `f/${String(next).padStart(56, '0')}/s`,
        nextBackwardToken: `b/${String(back).padStart(56, '0')}/s`,
      };
    },
    DeleteLogStream(input, region) {
      stream(region, input);
      group(region, input.logGroupName).delete(String(input.logStreamName));
      return {};
    },
  };

  const handle: JsonTargetHandler = (operation, input, request) => {
    calls.push({ operation, region: request.region, input });
    const queued = failures.get(operation)?.shift();
    if (queued) throw queued;
    const op = operations[operation];
    if (!op) throw new FakeAwsError(400, 'UnknownOperationException', `Unknown operation ${operation}`);
    return op(input, request.region);
  };

  return {
    targetPrefix: 'Logs_20140328',
    handle,
    calls,
    load(fixture) {
      for (const [region, groups] of Object.entries(fixture)) {
        for (const [name, streams] of Object.entries(groups)) {
          const g = groupsOf(region).get(name) ?? new Map<string, FakeLogEvent[]>();
          groupsOf(region).set(name, g);
          for (const [streamName, events] of Object.entries(streams)) {
            const list = g.get(streamName) ?? [];
            list.push(...events.map((e) => ({ timestamp: e.timestamp, message: e.message })));
            list.sort((a, b) => a.timestamp - b.timestamp);
            g.set(streamName, list);
          }
        }
      }
    },
    createGroup(region, name) {
      if (!groupsOf(region).has(name)) groupsOf(region).set(name, new Map());
    },
    deleteStream(region, name, streamName) {
      regions.get(region)?.get(name)?.delete(streamName);
    },
    snapshot() {
      const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(
        sorted(regions).map(([region, groups]) => [
          region,
          Object.fromEntries(
            sorted(groups).map(([name, streams]) => [
              name,
              Object.fromEntries(sorted(streams).map(([s, events]) => [s, events.length])),
            ]),
          ),
        ]),
      );
    },
    streams(region, name) {
      const g = regions.get(region)?.get(name);
      return g ? Object.fromEntries([...g].map(([s, events]) => [s, events.length])) : undefined;
    },
    failNext(operation, code, message, status = 400) {
      const list = failures.get(operation) ?? [];
      list.push(new FakeAwsError(status, code, message));
      failures.set(operation, list);
    },
  };
}

function tokenIndex(token: string, kind: 'f' | 'b'): number {
  const m = new RegExp(`^${kind}/(\\d+)/s$`).exec(token);
  if (!m) throw new FakeAwsError(400, 'InvalidParameterException', 'The specified nextToken is invalid.');
  return Number(m[1]);
}

const lastTimestamp = (events: FakeLogEvent[]) => events[events.length - 1]?.timestamp ?? 0;

function streamInfo(
  region: string,
  group: string,
  name: string,
  events: FakeLogEvent[],
): Record<string, unknown> {
  const info: Record<string, unknown> = {
    logStreamName: name,
    creationTime: events.length > 0 ? events[0]!.timestamp - 1000 : 1741392000000,
    arn: `arn:aws:logs:${region}:123456789012:log-group:${group}:log-stream:${name}`,
    storedBytes: 0,
  };
  if (events.length > 0) {
    info.firstEventTimestamp = events[0]!.timestamp;
    info.lastEventTimestamp = lastTimestamp(events);
    info.lastIngestionTime = lastTimestamp(events) + 500;
  }
  return info;
}
