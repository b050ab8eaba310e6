/**
 * Region lists of the command line (cli.md §6.1), with the GovCloud and China additions of
 * decision L9. The fallback lists (used when no region is given) stay the commercial ones: another
 * partition needs other credentials, so it is only used when asked for by name.
 */

/** Every commercial region the reference knows (33, ascending). Bucket mode and cloudwatchlogs. */
export const ALL_REGIONS = Object.freeze([
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
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
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const);

/** Regions where Inspector v2 exists (31): {@link ALL_REGIONS} without `ap-east-2` and `me-south-1`. */
export const INSPECTOR_V2_REGIONS = Object.freeze(
  ALL_REGIONS.filter((r) => r !== 'ap-east-2' && r !== 'me-south-1'),
);

/** AWS GovCloud (US) regions, accepted by name (decision L9). Inspector v2 exists in both. */
export const GOVCLOUD_REGIONS = Object.freeze(['us-gov-east-1', 'us-gov-west-1'] as const);

/** AWS China regions, accepted by name for S3 and CloudWatch Logs (decision L9); no Inspector v2. */
export const CHINA_REGIONS = Object.freeze(['cn-north-1', 'cn-northwest-1'] as const);

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
