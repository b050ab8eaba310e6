/** The state rows of one listing scope (buckets.md §2). */
export interface RowScope {
  bucketPath: string;
  accountId: string;
  region?: string | undefined;
  flowLogId?: string | undefined;
}

/**
 * What the bucket engine needs from the state database (implemented in `@wazuh-aws/core/state`).
 * `markProcessed` commits at once, so a crash never loses a file whose events were all sent.
 */
export interface BucketStateStore {
  ensureTable(): void;
  isProcessed(scope: RowScope, key: string): boolean;
  lastKey(scope: RowScope, keyPrefix: string): string | undefined;
  markProcessed(scope: RowScope, key: string, createdDate: number): void;
  prune(scope: RowScope, options: { keyPrefix?: string; keepFrom?: string }): void;
}
