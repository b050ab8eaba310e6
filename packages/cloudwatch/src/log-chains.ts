// The two reads that are fetched ahead, as page chains: a group's stream listing, and a stream's
// ranges (the `before` range, then the `after` one) page after page, stopping exactly where the
// collector stops (log-requests.ts).
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  type EventsPage,
  type EventsRequest,
  endsRange,
  eventsKey,
  forwardToken,
  nextListingToken,
  type StreamsPage,
  type StreamsRequest,
  sendEvents,
  sendStreams,
  streamsKey,
} from './log-requests.js';
import { createPageChain, type PageChain } from './page-chain.js';
import type { LogRange } from './stream-plan.js';

/** What every chain of one read-ahead shares. */
export interface ChainContext {
  client: CloudWatchLogsClient;
  /** Called when a page settles. */
  onSettled(): void;
}

export function createListingChain(
  context: ChainContext,
  group: string,
  depth: number,
): PageChain<StreamsPage> {
  return createPageChain<StreamsRequest, StreamsPage>({
    first: { group },
    key: streamsKey,
    fetch: (request, signal) => sendStreams(context.client, request, signal),
    next: (request, page) => {
      const token = nextListingToken(request, page);
      return token === undefined ? undefined : { group, token };
    },
    depth,
    onSettled: context.onSettled,
  });
}

type RangeStep = { index: number; request: EventsRequest };

/** `ranges` in reading order, as planned from the stream's row (`planStream`). */
export function createStreamChain(
  context: ChainContext,
  ref: { group: string; stream: string },
  ranges: readonly LogRange[],
  depth: number,
): PageChain<EventsPage> {
  const start = (index: number): RangeStep | undefined => {
    const range = ranges[index];
    return range && { index, request: { ...ref, token: range.token, start: range.start, end: range.end } };
  };
  return createPageChain<RangeStep, EventsPage>({
    first: start(0)!,
    key: (step) => eventsKey(step.request),
    fetch: (step, signal) => sendEvents(context.client, step.request, signal),
    next: ({ index, request }, page) =>
      endsRange(request, page)
        ? start(index + 1)
        : { index, request: { ...request, token: forwardToken(request, page) } },
    depth,
    onSettled: context.onSettled,
  });
}
