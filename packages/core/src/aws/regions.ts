// Region names the wodle knows (cli.md §6.1), with the GovCloud and China additions of decision L9.
// Plain data: shared by the CLI's validation and the service plugins.

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
