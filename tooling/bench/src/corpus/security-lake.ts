import { parquetWriteBuffer } from 'hyparquet-writer';
import { createRandom } from '../random.js';
import { ACCOUNT } from './cloudtrail.js';
import { type Corpus, summarise } from './types.js';

export const SECURITY_LAKE_QUEUE = 'bench-security-lake';
const ROWS_PER_BATCH = 20_000;
const OPERATIONS = ['AssumeRole', 'GetObject', 'DescribeInstances', 'PutObject', 'Decrypt', 'ListRoles'];
const SERVICES = [
  'sts.amazonaws.com',
  's3.amazonaws.com',
  'ec2.amazonaws.com',
  'kms.amazonaws.com',
  'iam.amazonaws.com',
];

/**
 * Security Lake: one OCSF-shaped (flattened) CloudTrail Parquet object of about `bytes`
 * (SNAPPY, the writer's default row groups), and the S3 notification that routes it.
 */
export async function generateSecurityLake(options: {
  bytes: number;
  seed: number;
  bucket: string;
}): Promise<Corpus> {
  const r = createRandom(options.seed);
  // Rows take about 240 bytes each in the file.
  const rowsFor = (n: number) => {
    const start = Date.UTC(2024, 5, 1);
    const cols = {
      time: [] as bigint[],
      uid: [] as string[],
      region: [] as string[],
      operation: [] as string[],
      service: [] as string[],
      user_name: [] as string[],
      user_uid: [] as string[],
      src_ip: [] as string[],
      user_agent: [] as string[],
      status: [] as string[],
      severity_id: [] as number[],
      type_uid: [] as bigint[],
      request_uid: [] as string[],
      unmapped: [] as string[],
    };
    for (let i = 0; i < n; i++) {
      cols.time.push(BigInt(start + i * 37));
      cols.uid.push(r.uuid());
      cols.region.push(r.pick(['us-east-1', 'eu-west-1']));
      cols.operation.push(r.pick(OPERATIONS));
      cols.service.push(r.pick(SERVICES));
      cols.user_name.push(r.pick(['alice', 'bob', 'José Müller', 'terraform']));
      cols.user_uid.push(`AIDA${r.hex(16).toUpperCase()}`);
      cols.src_ip.push(r.ip());
      cols.user_agent.push(
        `aws-sdk-js/3.${r.int(400, 600)}.0 ua/2.0 os/linux#5.10.${r.int(100, 240)} lang/js md/nodejs#20.${r.int(1, 19)}.1`,
      );
      cols.status.push(r.next() < 0.9 ? 'Success' : 'Failure');
      cols.severity_id.push(1);
      cols.type_uid.push(600302n);
      cols.request_uid.push(r.uuid());
      cols.unmapped.push(
        JSON.stringify({
          recipientAccountId: ACCOUNT,
          eventCategory: 'Management',
          sessionToken: r.hex(96),
          requestParameters: { roleSessionName: r.uuid(), durationSeconds: 3600 },
        }),
      );
    }
    return cols;
  };
  const parts: Array<{ rows: number; columns: ReturnType<typeof rowsFor> }> = [];
  let rows = 0;
  const estimate = 240;
  while (rows * estimate < options.bytes) {
    const n = Math.min(ROWS_PER_BATCH, Math.ceil((options.bytes - rows * estimate) / estimate));
    parts.push({ rows: n, columns: rowsFor(n) });
    rows += n;
  }
  const column = (name: keyof ReturnType<typeof rowsFor>): unknown[] =>
    parts.flatMap((p): unknown[] => p.columns[name]);
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'time', data: column('time'), type: 'INT64' },
      { name: 'uid', data: column('uid'), type: 'STRING' },
      { name: 'region', data: column('region'), type: 'STRING' },
      { name: 'operation', data: column('operation'), type: 'STRING' },
      { name: 'service', data: column('service'), type: 'STRING' },
      { name: 'user_name', data: column('user_name'), type: 'STRING' },
      { name: 'user_uid', data: column('user_uid'), type: 'STRING' },
      { name: 'src_ip', data: column('src_ip'), type: 'STRING' },
      { name: 'user_agent', data: column('user_agent'), type: 'STRING' },
      { name: 'status', data: column('status'), type: 'STRING' },
      { name: 'severity_id', data: column('severity_id'), type: 'INT32' },
      { name: 'type_uid', data: column('type_uid'), type: 'INT64' },
      { name: 'request_uid', data: column('request_uid'), type: 'STRING' },
      { name: 'unmapped', data: column('unmapped'), type: 'STRING' },
    ],
  });
  const body = Buffer.from(buffer);
  const key = `aws/CLOUD_TRAIL_MGMT/2.0/region=us-east-1/accountId=${ACCOUNT}/eventDay=20240601/${r.hex(32)}.gz.parquet`;
  // A Parquet object has no single decompressed size: its MB/s are of the object itself.
  return summarise(options.bucket, [{ key, body, rawBytes: body.length, events: rows }]);
}

/** The EventBridge "Object Created" notification Security Lake sends for one object. */
export function securityLakeNotification(bucket: string, object: { key: string; body: Buffer }): string {
  return JSON.stringify({
    version: '0',
    id: '52b27af3-df70-4627-9abe-025e535b82bb',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: ACCOUNT,
    time: '2024-06-01T23:00:00Z',
    region: 'us-east-1',
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: '0',
      bucket: { name: bucket },
      object: {
        key: object.key,
        size: object.body.length,
        etag: 'e249cd43e2cb804aea15cc1e4c013f6d',
        sequencer: '065C6CE0280C3C7258',
      },
      'request-id': '2F1983CECE339457',
      requester: 'logs.amazonaws.com',
      'source-ip-address': '10.0.0.1',
      reason: 'PutObject',
    },
  });
}
