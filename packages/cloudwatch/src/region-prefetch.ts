// Read-ahead across regions: while the previous region is collected, the first log group's stream
// listing of the next region is fetched. Only that: the streams' reads depend on their rows, which
// are read at the region's turn (decision S1). At its turn the region's read-ahead adopts the
// listing chain and goes on from there, exactly as with the next group's listing within a region.
import type { RegionPrefetch, UpcomingRegion } from '@wazuh-aws/core';
import { createListingChain } from './log-chains.js';
import type { StreamsPage } from './log-requests.js';
import type { PageChain } from './page-chain.js';
import type { CloudWatchClients, CloudWatchTuning } from './types.js';

/** The first group's listing of a region, fetched before its turn. */
export interface FirstListing extends RegionPrefetch {
  /**
   * Hands the chain to the region's read-ahead when it lists `group` with `client`; from then on
   * the chain reports to `onSettled`. Undefined when there is nothing to hand over.
   */
  adopt(
    group: string,
    client: CloudWatchClients['logs'],
    onSettled: () => void,
  ): PageChain<StreamsPage> | undefined;
}

const NOTHING: FirstListing = Object.freeze({ adopt: () => undefined, cancel: () => {} });

export function prefetchFirstListing(
  upcoming: UpcomingRegion<CloudWatchClients>,
  tuning: CloudWatchTuning,
): FirstListing {
  const group = upcoming.settings.logGroups[0];
  if (group === undefined || tuning.readAheadPages <= 0) return NOTHING;
  const client = upcoming.clients.logs;
  let owner: (() => void) | undefined;
  let chain: PageChain<StreamsPage> | undefined;
  // Until adopted, the listing's pages are fetched one after the other up to the page budget.
  const fetchMore = () => {
    if (chain?.canFetch) chain.fetchNext();
  };
  chain = createListingChain(
    { client, onSettled: () => (owner ?? fetchMore)() },
    group,
    tuning.readAheadPages,
  );
  fetchMore();
  return {
    adopt(name, runClient, onSettled) {
      const adopted = chain;
      chain = undefined;
      if (!adopted) return undefined;
      if (name !== group || runClient !== client) {
        adopted.drop();
        return undefined;
      }
      owner = onSettled;
      return adopted;
    },
    cancel() {
      chain?.drop();
      chain = undefined;
    },
  };
}
