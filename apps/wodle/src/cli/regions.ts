/**
 * Region lists of the command line (cli.md §6.1), with the GovCloud and China additions of
 * decision L9. The fallback lists (used when no region is given) stay the commercial ones: another
 * partition needs other credentials, so it is only used when asked for by name.
 */

import { ALL_REGIONS, CHINA_REGIONS, GOVCLOUD_REGIONS, INSPECTOR_V2_REGIONS } from '@wazuh-aws/core';

export { ALL_REGIONS, CHINA_REGIONS, GOVCLOUD_REGIONS, INSPECTOR_V2_REGIONS };

/** What a region list is validated against, and the text used when a name is not in it. */
export interface RegionCatalog {
  /** Names accepted when given explicitly (`--regions` or the profile's region). */
  readonly accepted: ReadonlySet<string>;
  /** The list used when no region is given at all. */
  readonly fallback: readonly string[];
  /** `Invalid` (S3, CloudWatch Logs) or `Unsupported` (Inspector), as the reference words it. */
  readonly failure: 'Invalid' | 'Unsupported';
}

/** Bucket mode, cloudwatchlogs and subscribers: every commercial, GovCloud and China region. */
export const GENERAL_REGION_CATALOG: RegionCatalog = Object.freeze({
  accepted: new Set<string>([...ALL_REGIONS, ...GOVCLOUD_REGIONS, ...CHINA_REGIONS]),
  fallback: ALL_REGIONS,
  failure: 'Invalid',
});

/** Inspector: the Inspector v2 regions plus GovCloud (Inspector v2 is not offered in China). */
export const INSPECTOR_REGION_CATALOG: RegionCatalog = Object.freeze({
  accepted: new Set<string>([...INSPECTOR_V2_REGIONS, ...GOVCLOUD_REGIONS]),
  fallback: INSPECTOR_V2_REGIONS,
  failure: 'Unsupported',
});
