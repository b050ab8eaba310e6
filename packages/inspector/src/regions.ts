import { GOVCLOUD_REGIONS, INSPECTOR_V2_REGIONS, type ServiceRegions } from '@wazuh-aws/core';

export { INSPECTOR_V2_REGIONS };

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
  accepted: Object.freeze([...INSPECTOR_V2_REGIONS, ...GOVCLOUD_REGIONS]),
  fallback: INSPECTOR_V2_REGIONS,
  failure: 'Unsupported',
  fallbackWarning: '+++ Warning: No regions were specified, trying to get events from supported regions',
});
