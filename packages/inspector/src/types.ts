import type { InspectorClient } from '@aws-sdk/client-inspector';
import type { Inspector2Client } from '@aws-sdk/client-inspector2';
import type { ScanHistoryState, ServiceRegionRun } from '@wazuh-aws/core';

/** The clients the engine injects: v2 everywhere, Classic only in its regions. */
export interface InspectorClients extends Record<string, unknown> {
  v2: Inspector2Client;
  classic?: InspectorClient | undefined;
}

/** One region's collection as the Inspector plugin sees it. */
export type InspectorRun = ServiceRegionRun<InspectorClients, ScanHistoryState>;

/** The time window of one scan (both ends inclusive, decision S28). */
export interface ScanWindow {
  from: Date;
  to: Date;
}

/** Page size of ListFindings (the reference's). */
export const PAGE_SIZE = 100;
/** DescribeFindings accepts at most 10 ARNs per call (decision S31). */
export const DESCRIBE_BATCH = 10;
/** Upper bound of ListFindings pages per scan. */
export const MAX_PAGES = 100_000;
