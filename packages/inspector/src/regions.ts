import type { ServiceRegions } from '@wazuh-aws/core';

/** Inspector v2 regions of the reference (31, ascending; services.md §1.2). */
export const INSPECTOR_V2_REGIONS: readonly string[] = Object.freeze([
  'af-south-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
]);

/** Regions where Inspector Classic exists (v4.12.0 list, 12). */
export const INSPECTOR_CLASSIC_REGIONS: readonly string[] = Object.freeze([
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'ap-southeast-2',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
]);

/** Inspector: v2 regions plus GovCloud by name (decision L9; no Inspector v2 in China). */
export const INSPECTOR_REGIONS: ServiceRegions = Object.freeze({
  accepted: Object.freeze([...INSPECTOR_V2_REGIONS, 'us-gov-east-1', 'us-gov-west-1']),
  fallback: INSPECTOR_V2_REGIONS,
  failure: 'Unsupported',
  fallbackWarning: '+++ Warning: No regions were specified, trying to get events from supported regions',
});
