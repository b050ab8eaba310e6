import { DescribeFlowLogsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { ObjectStore } from '../../aws/object-store.js';
import type { AwsClientFactory } from '../../aws/types.js';

const FLOW_LOG_ID = /_vpcflowlogs_[^_/]+_(fl-[0-9A-Za-z]+)_/;
const MAX_PAGES = 1000;

/** The flow log id in a VPC Flow Logs key name, if any. */
export function flowLogIdOf(key: string): string | undefined {
  return FLOW_LOG_ID.exec(key)?.[1];
}

/** Flow log ids EC2 reports for a region, all pages (decision B6). EC2 never uses --service_endpoint (B7). */
export async function describeFlowLogIds(aws: AwsClientFactory, region: string): Promise<string[]> {
  const ec2 = await aws.create(EC2Client, { service: 'ec2', region, useServiceEndpoint: false });
  const ids: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await ec2.send(new DescribeFlowLogsCommand(token ? { NextToken: token } : {}));
    for (const flowLog of out.FlowLogs ?? []) if (flowLog.FlowLogId) ids.push(flowLog.FlowLogId);
    if (!out.NextToken || out.NextToken === token) break;
    token = out.NextToken;
  }
  return ids;
}

/**
 * Ids of flow logs whose files lie under the region prefix after `startAfter`: central buckets hold
 * other accounts' flow logs that EC2 of this account does not report (decision B6).
 */
export async function flowLogIdsInKeys(
  store: ObjectStore,
  bucket: string,
  prefix: string,
  startAfter: string,
): Promise<string[]> {
  const ids = new Set<string>();
  let token: string | undefined;
  let first = true;
  while (first || token) {
    const page = await store.list({
      bucket,
      prefix,
      startAfter: first ? startAfter : undefined,
      continuationToken: token,
    });
    first = false;
    for (const object of page.objects) {
      const id = flowLogIdOf(object.key);
      if (id) ids.add(id);
    }
    token = page.nextToken;
  }
  return [...ids].sort();
}
