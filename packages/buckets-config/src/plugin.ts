import { defineBucketPlugin } from '@wazuh-aws/core';
import { orderConfigPage } from './order.js';
import { parseConfigContent } from './records.js';
import { reformatConfig } from './reformat.js';

/** `--type config`: AWSLogs layout with `YYYY/M/D` folders, `configurationItems` per file (buckets.md §3.2). */
export const config = defineBucketPlugin({
  kind: 'bucket',
  name: 'config',
  table: 'config',
  schema: 'awslogs',
  layout: 'awslogs',
  serviceFolder: 'Config',
  markerDateFormat: 'YYYY/M/D',
  markerMode: 'year-folder',
  checkPrefix: false,
  lateArrival: false,
  accountIdInMessage: true,
  createdDate: 'file-name',
  orderPage: orderConfigPage,
  parse: (content) => parseConfigContent(content),
  reformat: reformatConfig,
});
