// The pages of one stream (or one group's listing) fetched ahead of the collector, one after the
// other because each page's request needs the previous page's token. The collector takes them in
// the same order; anything else it asks for is not here, and the chain is of no more use.

/** How to walk one paged read. */
export interface ChainSpec<R, P> {
  first: R;
  key(request: R): string;
  fetch(request: R, signal: AbortSignal): Promise<P>;
  /** The request of the page after `page`, or undefined when `page` was the last one. */
  next(request: R, page: P): R | undefined;
  /** Most pages held (fetched or in flight, not yet taken). */
  depth: number;
  /** Called when a fetch settles, so the owner can start more. */
  onSettled(): void;
}

interface Held<P> {
  key: string;
  page: Promise<P>;
}

/** A chain of pages read ahead; see {@link createPageChain}. */
export interface PageChain<P> {
  /** Pages held: the chain's share of the read-ahead budget. */
  readonly held: number;
  /** Whether another fetch may start now. */
  readonly canFetch: boolean;
  /** Starts fetching the next page (check `canFetch` first). */
  fetchNext(): void;
  /** The next held page when it is the one asked for by `key`; undefined otherwise. */
  take(key: string): Promise<P> | undefined;
  /** Forgets every held page, aborts the call in flight and fetches no more. */
  drop(): void;
}

export function createPageChain<R, P>(spec: ChainSpec<R, P>): PageChain<P> {
  // One signal per chain: a dropped chain's call is cancelled, and a signal never has more than
  // one listener (the chain's single call in flight).
  const controller = new AbortController();
  const held: Array<Held<P>> = [];
  let pending: R | undefined = spec.first;
  let inFlight = false;
  let dropped = false;

  return {
    get held() {
      return held.length;
    },
    get canFetch() {
      return !dropped && !inFlight && pending !== undefined && held.length < spec.depth;
    },
    fetchNext() {
      const request = pending;
      if (request === undefined) return;
      pending = undefined;
      inFlight = true;
      const page = spec.fetch(request, controller.signal);
      held.push({ key: spec.key(request), page });
      page.then(
        (result) => {
          inFlight = false;
          if (!dropped) pending = spec.next(request, result);
          spec.onSettled();
        },
        // The error reaches the collector when it takes this page; the chain ends here.
        () => {
          inFlight = false;
          spec.onSettled();
        },
      );
    },
    take(key) {
      if (held[0]?.key !== key) return undefined;
      return held.shift()!.page;
    },
    drop() {
      dropped = true;
      pending = undefined;
      held.length = 0;
      controller.abort();
    },
  };
}
