import { createRandom, type Random } from '../random.js';
import { ACCOUNT } from './cloudtrail.js';
import { gzipAll } from './gzip-all.js';
import { type Corpus, type CorpusObject, summarise } from './types.js';

const TYPES = [
  'Recon:EC2/PortProbeUnprotectedPort',
  'UnauthorizedAccess:EC2/SSHBruteForce',
  'CryptoCurrency:EC2/BitcoinTool.B!DNS',
  'Policy:IAMUser/RootCredentialUsage',
];

function finding(r: Random, region: string, time: string): Record<string, unknown> {
  const id = r.hex(32);
  return {
    schemaVersion: '2.0',
    accountId: ACCOUNT,
    region,
    partition: 'aws',
    id,
    arn: `arn:aws:guardduty:${region}:${ACCOUNT}:detector/${r.hex(32)}/finding/${id}`,
    type: r.pick(TYPES),
    resource: {
      resourceType: 'Instance',
      instanceDetails: {
        instanceId: `i-${r.hex(17)}`,
        instanceType: 't3.micro',
        launchTime: time,
        platform: null,
        productCodes: [],
        iamInstanceProfile: {
          arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web`,
          id: `AIPA${r.hex(16).toUpperCase()}`,
        },
        networkInterfaces: [
          {
            ipv6Addresses: [],
            networkInterfaceId: `eni-${r.hex(17)}`,
            privateDnsName: `ip-10-0-${r.int(0, 255)}-${r.int(1, 254)}.ec2.internal`,
            privateIpAddress: `10.0.${r.int(0, 255)}.${r.int(1, 254)}`,
            publicIp: r.ip(),
            securityGroups: [{ groupId: `sg-${r.hex(17)}`, groupName: 'web' }],
            subnetId: `subnet-${r.hex(17)}`,
            vpcId: `vpc-${r.hex(17)}`,
          },
        ],
        tags: [{ key: 'Name', value: `web-${r.int(1, 40)}` }],
        instanceState: 'running',
        imageId: `ami-${r.hex(17)}`,
      },
    },
    service: {
      serviceName: 'guardduty',
      detectorId: r.hex(32),
      action: {
        actionType: 'NETWORK_CONNECTION',
        networkConnectionAction: {
          connectionDirection: 'INBOUND',
          remoteIpDetails: {
            ipAddressV4: r.ip(),
            organization: {
              asn: String(r.int(1000, 65000)),
              asnOrg: 'Example Networks',
              isp: 'Example ISP',
              org: 'Example',
            },
            country: { countryName: r.pick(['Netherlands', 'Brazil', 'Japan']) },
            city: { cityName: 'Somewhere' },
            geoLocation: { lat: r.int(-80, 80) + 0.5, lon: r.int(-170, 170) + 0.25 },
          },
          remotePortDetails: { port: r.int(1024, 65535), portName: 'Unknown' },
          localPortDetails: { port: r.pick([22, 80, 443]), portName: 'SSH' },
          protocol: 'TCP',
          blocked: false,
        },
      },
      resourceRole: 'TARGET',
      additionalInfo: { threatListName: 'ProofPoint', sample: r.next() < 0.5 },
      eventFirstSeen: time,
      eventLastSeen: time,
      archived: false,
      count: r.int(1, 30),
    },
    severity: r.pick([2, 5, 8]),
    createdAt: time,
    updatedAt: time,
    title: 'Unprotected port on EC2 instance is being probed.',
    description: 'EC2 instance has an unprotected port which is being probed by a known malicious host.',
  };
}

/** GuardDuty native exports: `events` findings in `.jsonl.gz` files of about `perFile` lines. */
export async function generateGuardDuty(options: {
  events: number;
  perFile: number;
  seed: number;
  bucket: string;
}): Promise<Corpus> {
  const r = createRandom(options.seed);
  const region = 'us-east-1';
  const files: Array<{ key: string; rawBytes: number; events: number }> = [];
  const bodies = await gzipAll(texts());
  return summarise(
    options.bucket,
    files.map((f, i): CorpusObject => ({ ...f, body: bodies[i] as Buffer })),
  );

  function* texts(): Generator<string> {
    let left = options.events;
    let slot = 0;
    while (left > 0) {
      const count = Math.min(
        left,
        r.int(Math.ceil(options.perFile / 2), Math.floor((options.perFile * 3) / 2)),
      );
      left -= count;
      const at = new Date(Date.UTC(2024, 5, 1) + slot++ * 900_000);
      const time = `${at.toISOString().slice(0, 19)}Z`;
      const day = at.toISOString().slice(0, 10).replaceAll('-', '/');
      const key = `AWSLogs/${ACCOUNT}/GuardDuty/${region}/${day}/${r.uuid()}.jsonl.gz`;
      const lines = Array.from({ length: count }, () => JSON.stringify(finding(r, region, time)));
      const text = `${lines.join('\n')}\n`;
      files.push({ key, rawBytes: Buffer.byteLength(text), events: count });
      yield text;
    }
  }
}
