import { createRandom, type Random } from '../random.js';
import { gzipAll } from './gzip-all.js';
import { type Corpus, type CorpusObject, summarise } from './types.js';

export const ACCOUNT = '123456789012';
const REGIONS = ['eu-west-1', 'us-east-1'];
const USERS = ['alice', 'bob', 'ci-deployer', 'José Müller', 'ops-oncall', 'terraform'];
const AGENTS = [
  'aws-cli/2.15.30 Python/3.11.8 Linux/5.10.213 exe/x86_64.amzn.2 prompt/off command/s3.ls',
  'aws-sdk-js/3.540.0 ua/2.0 os/linux#5.10.213 lang/js md/nodejs#20.11.1 api/s3#3.540.0',
  'console.amazonaws.com',
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1.79 md/arch#x86_64 lang/python#3.12.2',
];
type Shape = [source: string, name: string, params: (r: Random) => unknown, response: (r: Random) => unknown];
const SHAPES: Shape[] = [
  [
    's3.amazonaws.com',
    'GetObject',
    (r) => ({ bucketName: `data-${r.hex(6)}`, key: `reports/${r.hex(12)}.csv`, Host: 's3.amazonaws.com' }),
    () => null,
  ],
  [
    's3.amazonaws.com',
    'PutObject',
    (r) => ({ bucketName: `data-${r.hex(6)}`, key: `uploads/${r.uuid()}`, 'x-amz-acl': 'private' }),
    () => null,
  ],
  [
    'ec2.amazonaws.com',
    'DescribeInstances',
    (r) => ({ instancesSet: { items: [{ instanceId: `i-${r.hex(17)}` }] }, filterSet: {} }),
    () => null,
  ],
  [
    'ec2.amazonaws.com',
    'RunInstances',
    (r) => ({
      instanceType: r.pick(['t3.micro', 'm6i.large']),
      disableApiTermination: r.next() < 0.5,
      minCount: 1,
      maxCount: 1,
    }),
    (r) => ({ reservationId: `r-${r.hex(17)}`, ownerId: ACCOUNT }),
  ],
  [
    'sts.amazonaws.com',
    'AssumeRole',
    (r) => ({
      roleArn: `arn:aws:iam::${ACCOUNT}:role/reader-${r.hex(4)}`,
      roleSessionName: r.uuid(),
      durationSeconds: 3600,
    }),
    (r) => ({
      credentials: {
        accessKeyId: `ASIA${r.hex(16).toUpperCase()}`,
        expiration: 'Jun 1, 2024, 1:00:00 PM',
        sessionToken: r.hex(64),
      },
    }),
  ],
  ['iam.amazonaws.com', 'ListRoles', () => null, () => null],
  [
    'kms.amazonaws.com',
    'Decrypt',
    (r) => ({
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      encryptionContext: { 'aws:s3:arn': `arn:aws:s3:::data-${r.hex(6)}` },
    }),
    () => null,
  ],
];

function event(r: Random, region: string, time: string): Record<string, unknown> {
  const [source, name, params, response] = r.pick(SHAPES);
  const user = r.pick(USERS);
  const record: Record<string, unknown> = {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: `AIDA${r.hex(16).toUpperCase()}`,
      arn: `arn:aws:iam::${ACCOUNT}:user/${user}`,
      accountId: ACCOUNT,
      accessKeyId: `AKIA${r.hex(16).toUpperCase()}`,
      userName: user,
      sessionContext: { attributes: { creationDate: time, mfaAuthenticated: 'false' } },
    },
    eventTime: time,
    eventSource: source,
    eventName: name,
    awsRegion: region,
    sourceIPAddress: r.ip(),
    userAgent: r.pick(AGENTS),
    requestParameters: params(r),
    responseElements: response(r),
    requestID: r.uuid(),
    eventID: r.uuid(),
    readOnly: name.startsWith('Get') || name.startsWith('Describe') || name.startsWith('List'),
    eventType: 'AwsApiCall',
    managementEvent: !source.startsWith('s3'),
    recipientAccountId: ACCOUNT,
    eventCategory: source.startsWith('s3') ? 'Data' : 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: source,
    },
  };
  if (r.next() < 0.1) record.errorCode = 'AccessDenied';
  return record;
}

/**
 * CloudTrail: `events` records in many small `.json.gz` files (`perFile` records on average),
 * over two regions and consecutive days from 2024-06-01, five minutes apart.
 */
export async function generateCloudTrail(options: {
  events: number;
  perFile: number;
  seed: number;
  bucket: string;
}): Promise<Corpus> {
  const r = createRandom(options.seed);
  const files: Array<{ key: string; rawBytes: number; events: number }> = [];
  const bodies = await gzipAll(texts());
  const objects: CorpusObject[] = files.map((f, i) => ({ ...f, body: bodies[i] as Buffer }));
  return summarise(options.bucket, objects);

  function* texts(): Generator<string> {
    let left = options.events;
    let slot = 0;
    while (left > 0) {
      const count = Math.min(
        left,
        r.int(Math.ceil(options.perFile / 4), Math.floor((options.perFile * 7) / 4)),
      );
      left -= count;
      const region = REGIONS[slot % REGIONS.length] as string;
      const at = new Date(Date.UTC(2024, 5, 1) + Math.floor(slot / REGIONS.length) * 300_000);
      slot++;
      const day = at.toISOString().slice(0, 10).replaceAll('-', '/');
      const stamp = `${at.toISOString().slice(0, 16).replaceAll('-', '').replace(':', '')}Z`;
      const time = `${at.toISOString().slice(0, 19)}Z`;
      const key = `AWSLogs/${ACCOUNT}/CloudTrail/${region}/${day}/${ACCOUNT}_CloudTrail_${region}_${stamp}_${r.hex(16)}.json.gz`;
      const records = Array.from({ length: count }, () => event(r, region, time));
      const text = JSON.stringify({ Records: records });
      files.push({ key, rawBytes: Buffer.byteLength(text), events: count });
      yield text;
    }
  }
}
