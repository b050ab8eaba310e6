/** One run of the real CLI in the demo: a label for the screen and the command line modulesd would build. */
export interface DemoRun {
  /** What the run reads, as shown on screen (the bucket type, service or subscriber name). */
  label: string;
  mode: 'bucket' | 'service' | 'subscriber';
  args: string[];
  /** The sample bucket it reads (bucket mode), to count its objects. */
  bucket?: string;
}

/** The SQS queue of the subscriber run (its messages are S3 notifications for `acme-app-logs`). */
export const DEMO_QUEUE = 'wazuh-s3-notifications';

/** Every sample is from March 2025: read from the first of the month instead of "today". */
const SINCE = ['--only_logs_after', '2025-MAR-01'];

const bucketRun = (type: string, bucket: string, ...extra: string[]): DemoRun => ({
  label: type,
  mode: 'bucket',
  bucket,
  args: ['--bucket', bucket, '--type', type, ...extra, ...SINCE],
});

/** The demo's runs, in display order: every bucket type, both services, one subscriber. */
export const DEMO_RUNS: readonly DemoRun[] = [
  bucketRun('cloudtrail', 'acme-cloudtrail'),
  bucketRun('config', 'acme-config'),
  bucketRun('vpcflow', 'acme-vpcflow'),
  bucketRun('guardduty', 'acme-guardduty'),
  bucketRun('custom', 'acme-firehose', '--trail_prefix', 'firehose'),
  bucketRun('waf', 'acme-waf', '--trail_prefix', 'waf'),
  bucketRun('alb', 'acme-alb-logs'),
  bucketRun('clb', 'acme-clb-logs'),
  bucketRun('nlb', 'acme-nlb-logs'),
  bucketRun('server_access', 'acme-s3-access', '--trail_prefix', 's3-access'),
  bucketRun('cisco_umbrella', 'acme-umbrella', '--trail_prefix', 'umbrella/dnslogs'),
  {
    label: 'cloudwatchlogs',
    mode: 'service',
    args: [
      '--service',
      'cloudwatchlogs',
      '--aws_log_groups',
      '/aws/lambda/payments-api,/ecs/web-frontend,CloudTrail/DefaultLogGroup',
      '--regions',
      'us-east-1',
      ...SINCE,
    ],
  },
  {
    label: 'subscriber buckets',
    mode: 'subscriber',
    args: ['--subscriber', 'buckets', '--queue', DEMO_QUEUE, '--regions', 'us-east-1'],
  },
];
