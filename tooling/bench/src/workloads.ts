import { generateCloudTrail } from './corpus/cloudtrail.js';
import { generateGuardDuty } from './corpus/guardduty.js';
import {
  generateSecurityLake,
  SECURITY_LAKE_QUEUE,
  securityLakeNotification,
} from './corpus/security-lake.js';
import type { Corpus } from './corpus/types.js';
import { FLOW_LOG_ID, FLOW_REGION, generateVpcFlow } from './corpus/vpcflow.js';
import type { FloorFormat } from './floor.js';
import type { FakeAws, FakeSqs } from './testkit.js';

/** Sizes of a run; `--quick` shrinks them for a smoke test. */
export interface Scale {
  cloudtrailEvents: number;
  vpcflowBytes: number;
  guarddutyEvents: number;
  parquetBytes: number;
}

export const FULL: Scale = {
  cloudtrailEvents: 1_000_000,
  vpcflowBytes: 1024 ** 3,
  guarddutyEvents: 100_000,
  parquetBytes: 100 * 1024 ** 2,
};
export const QUICK: Scale = {
  cloudtrailEvents: 50_000,
  vpcflowBytes: 64 * 1024 ** 2,
  guarddutyEvents: 10_000,
  parquetBytes: 8 * 1024 ** 2,
};

export interface Workload {
  readonly name: string;
  readonly description: string;
  readonly floor: FloorFormat;
  generate(scale: Scale): Promise<Corpus>;
  /** Registers anything besides the objects (queues, flow logs) on the fakes. */
  prepare?(fakes: { aws: FakeAws; sqs: FakeSqs }, corpus: Corpus): void;
  args(corpus: Corpus, concurrency: number): string[];
  /** Peak RSS the run must stay under, when the issue sets one. */
  readonly rssLimit?: number;
}

const MB = 1024 ** 2;

export const WORKLOADS: Workload[] = [
  {
    name: 'cloudtrail',
    description: 'CloudTrail: many small .json.gz files',
    floor: 'json-records',
    generate: (s) =>
      generateCloudTrail({ events: s.cloudtrailEvents, perFile: 200, seed: 1, bucket: 'bench-cloudtrail' }),
    args: (c, n) => [
      '--bucket',
      c.bucket,
      '--type',
      'cloudtrail',
      '--only_logs_after',
      '2024-JUN-01',
      '--concurrency',
      String(n),
    ],
  },
  {
    name: 'vpcflow',
    description: 'VPC Flow: one very large .log.gz object',
    floor: 'space-rows',
    rssLimit: 300 * MB,
    generate: (s) => generateVpcFlow({ bytes: s.vpcflowBytes, files: 1, seed: 2, bucket: 'bench-vpcflow' }),
    prepare: ({ aws }) => aws.setFlowLogs(FLOW_REGION, [FLOW_LOG_ID]),
    args: (c, n) => [
      '--bucket',
      c.bucket,
      '--type',
      'vpcflow',
      '--only_logs_after',
      '2024-JUN-01',
      '--concurrency',
      String(n),
    ],
  },
  {
    name: 'guardduty',
    description: 'GuardDuty: native .jsonl.gz exports',
    floor: 'json-lines',
    generate: (s) =>
      generateGuardDuty({ events: s.guarddutyEvents, perFile: 500, seed: 3, bucket: 'bench-guardduty' }),
    args: (c, n) => [
      '--bucket',
      c.bucket,
      '--type',
      'guardduty',
      '--only_logs_after',
      '2024-JUN-01',
      '--concurrency',
      String(n),
    ],
  },
  {
    name: 'security_lake',
    description: 'Security Lake: one large Parquet object via SQS',
    floor: 'parquet',
    rssLimit: 300 * MB,
    generate: (s) => generateSecurityLake({ bytes: s.parquetBytes, seed: 4, bucket: 'bench-security-lake' }),
    prepare: ({ sqs }, c) => {
      sqs.createQueue(SECURITY_LAKE_QUEUE);
      for (const o of c.objects) sqs.send(SECURITY_LAKE_QUEUE, securityLakeNotification(c.bucket, o));
    },
    args: (_c, n) => [
      '--subscriber',
      'security_lake',
      '--queue',
      SECURITY_LAKE_QUEUE,
      '--iam_role_arn',
      'arn:aws:iam::123456789012:role/bench',
      '--external_id',
      'bench',
      '--concurrency',
      String(n),
    ],
  },
];
