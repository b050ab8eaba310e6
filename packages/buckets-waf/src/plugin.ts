import { customReformat, defineBucketPlugin } from '@wazuh-aws/core';
import { parseWafLog } from './parse-waf.js';

/** `--type waf`: WAF logs delivered to S3 by Firehose (buckets.md §3.6). */
export const waf = defineBucketPlugin({
  kind: 'bucket',
  name: 'waf',
  table: 'waf',
  schema: 'custom',
  layout: 'flat',
  markerDateFormat: 'YYYY/MM/DD',
  checkPrefix: true,
  lateArrival: false,
  accountIdInMessage: false,
  createdDate: 'key-date',
  parse: (content, context) =>
    parseWafLog(content, { key: context.key, skipOnError: context.skipOnError, logger: context.logger }),
  reformat: (message) => [customReformat(message)],
});
