import { defineBucketPlugin } from '@wazuh-aws/core';
import { reformatCloudTrail } from './reformat.js';
import { streamRecords } from './stream-records.js';

/** `--type cloudtrail`: AWSLogs layout, one JSON document with `Records` per file (buckets.md §3.1). */
export const cloudtrail = defineBucketPlugin({
  kind: 'bucket',
  name: 'cloudtrail',
  table: 'cloudtrail',
  schema: 'awslogs',
  layout: 'awslogs',
  serviceFolder: 'CloudTrail',
  markerDateFormat: 'YYYY/MM/DD',
  checkPrefix: false,
  lateArrival: true,
  accountIdInMessage: true,
  createdDate: 'file-name',
  parse: (content) => streamRecords(content, { field: 'Records', source: 'cloudtrail' }),
  reformat: reformatCloudTrail,
});
