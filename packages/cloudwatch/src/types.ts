import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { LogStreamState, ServiceRegionRun } from '@wazuh-aws/core';

/** The clients the engine injects for CloudWatch Logs. */
export interface CloudWatchClients extends Record<string, unknown> {
  logs: CloudWatchLogsClient;
}

/** One region's collection as the CloudWatch plugin sees it. */
export type CloudWatchRun = ServiceRegionRun<CloudWatchClients, LogStreamState>;

/** Loop bounds and retry pacing. */
export interface CloudWatchTuning {
  /** Pauses before re-trying a GetLogEvents call whose endpoint was unreachable (decision S3). @default [1000, 2000, 4000] */
  endpointRetryDelaysMs: readonly number[];
  /** Upper bound of pages per range and per stream listing (decision S4). @default 100000 */
  maxPages: number;
}

export const DEFAULT_TUNING: CloudWatchTuning = Object.freeze({
  endpointRetryDelaysMs: Object.freeze([1000, 2000, 4000]),
  maxPages: 100_000,
});
