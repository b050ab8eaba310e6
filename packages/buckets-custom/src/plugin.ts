import { type AwsEvent, customReformat, defineBucketPlugin, type ObjectContent } from '@wazuh-aws/core';
import { customEvents } from './custom-events.js';

async function* parseCustomContent(content: ObjectContent): AsyncGenerator<AwsEvent> {
  // Decode the whole file first: a bad file sends nothing, as in the reference.
  yield* [...customEvents(await content.text())];
}

/** `--type custom`: Firehose-style `<prefix>YYYY/MM/DD/…` keys of EventBridge envelopes or VPC text (buckets.md §3.5). */
export const custom = defineBucketPlugin({
  kind: 'bucket',
  name: 'custom',
  table: 'custom',
  schema: 'custom',
  layout: 'flat',
  markerDateFormat: 'YYYY/MM/DD',
  checkPrefix: true,
  lateArrival: false,
  accountIdInMessage: false,
  createdDate: 'key-date',
  parse: (content) => parseCustomContent(content),
  reformat: (message) => [customReformat(message)],
});
