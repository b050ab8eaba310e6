import { customReformat, defineBucketPlugin } from '@wazuh-aws/core';
import { parseServerAccessLog } from './parse-server-access.js';

/**
 * `--type server_access`: S3 server access logs, keys `<prefix>YYYY-MM-DD-hh-mm-ss-<unique>`
 * (buckets.md §3.10). The date-time must start right after the prefix.
 */
export const serverAccess = defineBucketPlugin({
  kind: 'bucket',
  name: 'server_access',
  table: 's3_server_access',
  schema: 'custom',
  layout: 'flat',
  markerDateFormat: 'YYYY-MM-DD',
  dateRegex: /\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}/,
  checkPrefix: true,
  markerDelimiter: '-',
  listingStyle: 'server-access',
  lateArrival: false,
  accountIdInMessage: false,
  createdDate: 'key-date',
  parse: (content) => parseServerAccessLog(content),
  reformat: (message) => [customReformat(message)],
});
