// @wazuh-aws/cloudwatch — the `--service cloudwatchlogs` plugin: stream paging against an
// injected CloudWatch Logs client; core's service engine does state, sending and clients.

export { onlyLogsAfterMs } from './collect.js';
export { cloudwatchlogs, cloudwatchlogs as default, createCloudWatchLogsPlugin } from './plugin.js';
export type { FirstListing } from './region-prefetch.js';
export { ALL_REGIONS, CLOUDWATCH_REGIONS } from './regions.js';
export {
  type LogRange,
  mergeCheckpoint,
  type PlanInput,
  planStream,
  type RangeProgress,
  type StreamPlan,
} from './stream-plan.js';
export type { CloudWatchClients, CloudWatchRun, CloudWatchTuning } from './types.js';
