// The two paged reads of CloudWatch Logs, as plain requests: the collector and the read-ahead build
// them the same way and agree on when a range or a listing has no next page.
import {
  type CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  type DescribeLogStreamsCommandOutput,
  GetLogEventsCommand,
  type GetLogEventsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';

/** One GetLogEvents page of a range (always read forward, from the head). */
export interface EventsRequest {
  group: string;
  stream: string;
  token?: string | undefined;
  start: number;
  end?: number | undefined;
}

/** One DescribeLogStreams page of a group. */
export interface StreamsRequest {
  group: string;
  token?: string | undefined;
}

export type EventsPage = GetLogEventsCommandOutput;
export type StreamsPage = DescribeLogStreamsCommandOutput;

/** Where the collector gets its pages: straight from AWS, or what the read-ahead fetched early. */
export interface PageSource {
  events(request: EventsRequest): Promise<EventsPage>;
  streams(request: StreamsRequest): Promise<StreamsPage>;
}

export function sendEvents(
  client: CloudWatchLogsClient,
  request: EventsRequest,
  signal?: AbortSignal,
): Promise<EventsPage> {
  const command = new GetLogEventsCommand({
    logGroupName: request.group,
    logStreamName: request.stream,
    nextToken: request.token,
    startTime: request.start,
    endTime: request.end,
    startFromHead: true,
  });
  return signal ? client.send(command, { abortSignal: signal }) : client.send(command);
}

export function sendStreams(
  client: CloudWatchLogsClient,
  request: StreamsRequest,
  signal?: AbortSignal,
): Promise<StreamsPage> {
  const command = new DescribeLogStreamsCommand({ logGroupName: request.group, nextToken: request.token });
  return signal ? client.send(command, { abortSignal: signal }) : client.send(command);
}

/** The token the range's next page is asked with. */
export const forwardToken = (request: EventsRequest, page: EventsPage): string | undefined =>
  page.nextForwardToken ?? request.token;

/** A range ends on an empty page or when AWS hands back the token it was sent (decision S4). */
export const endsRange = (request: EventsRequest, page: EventsPage): boolean =>
  (page.events ?? []).length === 0 || forwardToken(request, page) === request.token;

/** The token of the listing's next page; undefined at its end. */
export const nextListingToken = (request: StreamsRequest, page: StreamsPage): string | undefined =>
  page.nextToken && page.nextToken !== request.token ? page.nextToken : undefined;

export const eventsKey = (r: EventsRequest): string =>
  JSON.stringify(['events', r.group, r.stream, r.token ?? null, r.start, r.end ?? null]);

export const streamsKey = (r: StreamsRequest): string =>
  JSON.stringify(['streams', r.group, r.token ?? null]);
