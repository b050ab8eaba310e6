import {
  type AwsEvent,
  createDelimitedRowAssembler,
  defineBucketPlugin,
  genericReformat,
  type ObjectContent,
  readLineBatches,
} from '@wazuh-aws/core';
import { createFlowLogReader } from './flow-log-rows.js';

/**
 * Reads a flow log file as a stream of space-separated rows (Python csv rules, buckets.md §3.0),
 * so memory does not grow with the file. (Holding a file's messages until it parsed cleanly is
 * the engine's job, for every type.)
 */
async function* parseFlowLogContent(content: ObjectContent): AsyncGenerator<AwsEvent> {
  const rows = createDelimitedRowAssembler({ delimiter: ' ' });
  const reader = createFlowLogReader({ convertTimes: true });
  for await (const lines of readLineBatches(content)) {
    for (const line of lines) {
      const row = rows.push(line);
      const event = row === undefined ? undefined : reader.read(row);
      if (event !== undefined) yield event;
    }
  }
  const row = rows.finish(false);
  const event = row === undefined ? undefined : reader.read(row);
  if (event !== undefined) yield event;
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
