import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { defineServicePlugin } from '@wazuh-aws/core';
import { collectCloudWatch } from './collect.js';
import { type FirstListing, prefetchFirstListing } from './region-prefetch.js';
import { CLOUDWATCH_REGIONS } from './regions.js';
import { type CloudWatchClients, type CloudWatchTuning, DEFAULT_TUNING } from './types.js';

/**
 * Builds the `cloudwatchlogs` service plugin; `tuning` only changes loop bounds and retry pacing.
 *
 * @example
 * const plugin = createCloudWatchLogsPlugin({ endpointRetryDelaysMs: [] });
 */
export function createCloudWatchLogsPlugin(tuning: Partial<CloudWatchTuning> = {}) {
  const resolved: CloudWatchTuning = { ...DEFAULT_TUNING, ...tuning };
  return defineServicePlugin<'cloudwatchlogs', 'cloudwatch_logs', CloudWatchClients, FirstListing>({
    kind: 'service',
    name: 'cloudwatchlogs',
    table: 'cloudwatch_logs',
    regions: CLOUDWATCH_REGIONS,
    clients: { logs: { service: 'logs', Client: CloudWatchLogsClient } },
    // Decision S23: the account id is never used, so STS is not called.
    needsAccountId: false,
    // While a region is collected, the next region's first stream listing is fetched.
    prefetchRegion: (upcoming) => prefetchFirstListing(upcoming, resolved),
    collect: (run) => collectCloudWatch(run, resolved),
  });
}

/** The `--service cloudwatchlogs` plugin (services.md §2). */
export const cloudwatchlogs = createCloudWatchLogsPlugin();
