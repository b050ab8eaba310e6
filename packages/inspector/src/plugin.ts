import { InspectorClient } from '@aws-sdk/client-inspector';
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { defineServicePlugin } from '@wazuh-aws/core';
import { collectInspector } from './collect.js';
import { INSPECTOR_CLASSIC_REGIONS, INSPECTOR_REGIONS } from './regions.js';
import type { InspectorClients } from './types.js';

/**
 * The `--service inspector` plugin: Inspector v2 findings in every region, plus Inspector Classic
 * findings where Classic exists (services.md §3, §4).
 */
export const inspector = defineServicePlugin<'inspector', 'aws_services', InspectorClients>({
  kind: 'service',
  name: 'inspector',
  table: 'aws_services',
  regions: INSPECTOR_REGIONS,
  // One client per generation and region (decision S25); the unused reference `inspector` client is gone.
  clients: {
    v2: { service: 'inspector2', Client: Inspector2Client },
    classic: { service: 'inspector', Client: InspectorClient, regions: INSPECTOR_CLASSIC_REGIONS },
  },
  // Double members of the Inspector2 and Classic API models (Python writes them as `10.0`).
  floatFields: [
    'inspectorScore',
    'epss.score',
    'inspectorScoreDetails.adjustedCvss.score',
    'packageVulnerabilityDetails.cvss.baseScore',
    'numericSeverity',
  ],
  needsAccountId: true,
  collect: collectInspector,
});
