import { defineBucketPlugin } from '@wazuh-aws/core';
import { parseGuardDutyContent } from './findings.js';
import { reformatGuardDuty } from './reformat.js';

/** `--type guardduty`: native GuardDuty exports in the AWSLogs layout (buckets.md §3.4). */
export const guardduty = defineBucketPlugin({
  kind: 'bucket',
  name: 'guardduty',
  table: 'guardduty',
  schema: 'custom',
  layout: 'awslogs',
  serviceFolder: 'GuardDuty',
  markerDateFormat: 'YYYY/MM/DD',
  markerMode: 'day-folder',
  requiresAwsLogsFolder: true,
  checkPrefix: true,
  lateArrival: false,
  accountIdInMessage: false,
  createdDate: 'key-date',
  parse: (content, context) => parseGuardDutyContent(content, context.key),
  reformat: (message) => reformatGuardDuty(message),
});
