// Read-ahead for one region: while the collector sends stream k, the next pages of stream k, the
// first pages of the streams after it and the listing of the next log group are fetched (the
// first group's listing may come from the previous region's turn: region-prefetch.ts). Nothing
// is logged, sent or saved here: the collector takes each page at its turn and does all of that
// exactly as without read-ahead. Bounds: `readAheadPages` pages held in all (memory) and
// `readAheadPagesPerStream` per stream; core's request gate bounds the calls in flight
// (`--concurrency`) and their rate (API quotas).
import { type ChainContext, createListingChain, createStreamChain } from './log-chains.js';
import {
  type EventsPage,
  eventsKey,
  type PageSource,
  type StreamsPage,
  sendEvents,
  sendStreams,
  streamsKey,
} from './log-requests.js';
import type { PageChain } from './page-chain.js';
import { type PlanInput, planStream } from './stream-plan.js';
import type { CloudWatchRun, CloudWatchTuning } from './types.js';

/** The collector's side: where it is, and the pages it reads. */
export interface ReadAhead extends PageSource {
  /** The collector starts on `settings.logGroups[index]` (its listing comes next). */
  enterGroup(index: number): void;
  /** The current group's streams were listed; their pages may be read ahead. */
  enterStreams(streams: readonly string[]): void;
  /** The collector starts on the current group's stream `index`. */
  enterStream(index: number): void;
  /** Stops reading ahead: in-flight calls are aborted and every held page is dropped. */
  close(): void;
}

export function createReadAhead(run: CloudWatchRun, plan: PlanInput, tuning: CloudWatchTuning): ReadAhead {
  const client = run.clients.logs;
  const groups = run.settings.logGroups;
  const listings = new Map<number, PageChain<StreamsPage>>();
  const chains = new Map<string, PageChain<EventsPage>>();
  let groupIndex = -1;
  let streams: readonly string[] | undefined;
  let streamIndex = 0;
  let closed = tuning.readAheadPages <= 0;

  const held = () => {
    let total = 0;
    for (const chain of listings.values()) total += chain.held;
    for (const chain of chains.values()) total += chain.held;
    return total;
  };

  const context: ChainContext = { client, onSettled: () => pump() };

  // The first group's listing may have been fetched while the previous region was collected.
  const first = closed ? undefined : run.prefetched?.adopt(groups[0] ?? '', client, context.onSettled);
  if (first) listings.set(0, first);

  // The ranges come from the stream's row as it is now: the collector reads the same row at its
  // turn, since only its own stream's row changes meanwhile.
  const streamChain = (group: string, stream: string) => {
    const { before, after } = planStream(run.state.get(group, stream), plan);
    const ranges = before ? [before, after] : [after];
    return createStreamChain(context, { group, stream }, ranges, tuning.readAheadPagesPerStream);
  };

  const listingOf = (index: number) => {
    let chain = listings.get(index);
    if (!chain) {
      chain = createListingChain(context, groups[index]!, tuning.readAheadPages);
      listings.set(index, chain);
    }
    return chain;
  };

  /** Starts what the budget allows, nearest to the collector first. */
  function pump(): void {
    if (closed || groupIndex < 0) return;
    let budget = tuning.readAheadPages - held();
    const fill = (chain: PageChain<unknown>) => {
      if (budget > 0 && chain.canFetch) {
        chain.fetchNext();
        budget--;
      }
    };
    if (streams === undefined) {
      fill(listingOf(groupIndex));
      return;
    }
    const group = groups[groupIndex]!;
    for (let i = streamIndex; i < streams.length && budget > 0; i++) {
      const stream = streams[i]!;
      let chain = chains.get(stream);
      if (!chain) {
        try {
          chain = streamChain(group, stream);
        } catch {
          return; // a state read failed: the collector meets the same error at its turn
        }
        chains.set(stream, chain);
      }
      fill(chain);
    }
    const nextGroup = groupIndex + 1;
    // A group named twice is listed again at its turn, after what the first pass changed.
    if (nextGroup < groups.length && !groups.slice(0, nextGroup).includes(groups[nextGroup]!)) {
      fill(listingOf(nextGroup));
    }
  }

  const dropAll = <P>(map: Map<unknown, PageChain<P>>) => {
    for (const chain of map.values()) chain.drop();
    map.clear();
  };

  return {
    enterGroup(index) {
      dropAll(chains);
      for (const [i, chain] of listings) {
        if (i < index) {
          chain.drop();
          listings.delete(i);
        }
      }
      groupIndex = index;
      streams = undefined;
      streamIndex = 0;
      pump();
    },
    enterStreams(list) {
      listings.get(groupIndex)?.drop();
      listings.delete(groupIndex);
      streams = list;
      streamIndex = 0;
      pump();
    },
    enterStream(index) {
      for (let i = streamIndex; i < index; i++) {
        const name = streams?.[i];
        if (name === undefined) continue;
        chains.get(name)?.drop();
        chains.delete(name);
      }
      streamIndex = index;
      pump();
    },
    events(request) {
      const chain = request.group === groups[groupIndex] ? chains.get(request.stream) : undefined;
      const page = chain?.take(eventsKey(request));
      if (page) {
        pump();
        return page;
      }
      // Not the page read ahead (a rejected token, a stream that vanished…): read it now. The
      // dropped chain stays in place, so the stream is not read ahead again.
      chain?.drop();
      return sendEvents(client, request);
    },
    streams(request) {
      const chain = request.group === groups[groupIndex] ? listings.get(groupIndex) : undefined;
      const page = chain?.take(streamsKey(request));
      if (page) {
        pump();
        return page;
      }
      chain?.drop();
      return sendStreams(client, request);
    },
    close() {
      closed = true;
      dropAll(listings);
      dropAll(chains);
    },
  };
}
