import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { LogStreamState, ServiceRegionRun } from '@wazuh-aws/core';
import type { FirstListing } from './region-prefetch.js';

/** The clients the engine injects for CloudWatch Logs. */
export interface CloudWatchClients extends Record<string, unknown> {
  logs: CloudWatchLogsClient;
}

/** One region's collection as the CloudWatch plugin sees it. */
export type CloudWatchRun = ServiceRegionRun<CloudWatchClients, LogStreamState, FirstListing>;

/** Loop bounds, retry pacing and read-ahead budget. */
export interface CloudWatchTuning {
  /** Pauses before re-trying a GetLogEvents call whose endpoint was unreachable (decision S3). @default [1000, 2000, 4000] */
  endpointRetryDelaysMs: readonly number[];
  /** Upper bound of pages per range and per stream listing (decision S4). @default 100000 */
  maxPages: number;
  /**
   * Pages fetched ahead of the collector and not yet taken, all streams and listings together
   * (a GetLogEvents page is at most 1 MB); 0 turns read-ahead off. @default 16
   */
  readAheadPages: number;
  /** Of those, the most held for one stream; longer streams go on page by page at their turn. @default 2 */
  readAheadPagesPerStream: number;
}

export const DEFAULT_TUNING: CloudWatchTuning = Object.freeze({
  endpointRetryDelaysMs: Object.freeze([1000, 2000, 4000]),
  maxPages: 100_000,
  readAheadPages: 16,
  readAheadPagesPerStream: 2,
});
