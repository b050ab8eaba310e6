import { ALL_REGIONS, CHINA_REGIONS, GOVCLOUD_REGIONS, type ServiceRegions } from '@wazuh-aws/core';

export { ALL_REGIONS };

/** CloudWatch Logs regions: all commercial ones, plus GovCloud and China by name (decision L9). */
export const CLOUDWATCH_REGIONS: ServiceRegions = Object.freeze({
  accepted: Object.freeze([...ALL_REGIONS, ...GOVCLOUD_REGIONS, ...CHINA_REGIONS]),
  fallback: ALL_REGIONS,
  failure: 'Invalid',
  fallbackWarning: '+++ Warning: No regions were specified, trying to get events from all regions',
});
