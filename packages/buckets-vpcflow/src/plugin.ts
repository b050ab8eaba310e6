import {
  type AwsEvent,
  defineBucketPlugin,
  genericReformat,
  type ObjectContent,
  readDelimitedRows,
} from '@wazuh-aws/core';
import { flowLogEvents } from './flow-log-rows.js';

/** Reads a flow log file: space-separated rows (Python csv rules, buckets.md §3.0). */
async function* parseFlowLogContent(content: ObjectContent): AsyncGenerator<AwsEvent> {
  const rows = readDelimitedRows(await content.text(), { delimiter: ' ' });
  // Convert the whole file first: a bad row sends nothing of the file, as in the reference.
  yield* [...flowLogEvents(rows, { convertTimes: true })];
}

/** `--type vpcflow`: AWSLogs layout per flow log id, space-separated records (buckets.md §3.3). */
export const vpcflow = defineBucketPlugin({
  kind: 'bucket',
  name: 'vpcflow',
  table: 'vpcflow',
  schema: 'vpcflow',
  layout: 'awslogs',
  serviceFolder: 'vpcflowlogs',
  markerDateFormat: 'YYYY/MM/DD',
  checkPrefix: false,
  lateArrival: false,
  accountIdInMessage: true,
  createdDate: 'file-name',
  parse: (content) => parseFlowLogContent(content),
  reformat: (message) => [genericReformat(message)],
});
