import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  createFakeLogs,
  createFakeSqs,
  createWazuhDir,
  type FakeAws,
  type LogsFixture,
  startFakeAws,
  startFakeSqsServer,
  type WazuhDir,
} from '@wazuh-aws/testkit';
import { DEMO_QUEUE } from './scenarios.js';

/** The fakes a demo run talks to, and the environment that points the CLI at them. */
export interface DemoEnvironment {
  readonly aws: FakeAws;
  readonly wazuh: WazuhDir;
  /** Objects loaded per sample bucket. */
  readonly objects: ReadonlyMap<string, number>;
  /** The CLI's whole environment (no real AWS credentials or endpoints leak in). */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Starts a fake S3/STS/EC2/CloudWatch Logs on 127.0.0.1 filled from `samplesDir` (`s3/<bucket>/<key>`,
 * `cloudwatch-logs.json`), a fake SQS holding `sqs-notifications.json`, and a
 * throwaway Wazuh directory.
 */
export async function startDemoEnvironment(samplesDir: string): Promise<DemoEnvironment> {
  const logs = createFakeLogs();
  logs.load(JSON.parse(readFileSync(join(samplesDir, 'cloudwatch-logs.json'), 'utf8')) as LogsFixture);
  const aws = await startFakeAws({ jsonTargets: { [logs.targetPrefix]: logs.handle } });
  const objects = new Map<string, number>();
  const s3Root = join(samplesDir, 's3');
  for (const bucket of readdirSync(s3Root)) {
    const files = filesUnder(join(s3Root, bucket));
    for (const file of files) {
      aws.s3.putObject(bucket, relative(join(s3Root, bucket), file).split(sep).join('/'), readFileSync(file));
    }
    objects.set(bucket, files.length);
  }
  const sqs = await startFakeSqsServer(createFakeSqs());
  sqs.fake.createQueue(DEMO_QUEUE);
  const bodies = JSON.parse(readFileSync(join(samplesDir, 'sqs-notifications.json'), 'utf8')) as string[];
  for (const body of bodies) sqs.fake.send(DEMO_QUEUE, body);
  const wazuh = createWazuhDir();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: wazuh.root,
    WAZUH_PATH: wazuh.root,
    AWS_ENDPOINT_URL: aws.url,
    AWS_ENDPOINT_URL_SQS: sqs.url,
    AWS_ACCESS_KEY_ID: 'AKIADEMODEMODEMODEMO',
    AWS_SECRET_ACCESS_KEY: 'demo-secret-key',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(wazuh.root, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(wazuh.root, 'no-aws-credentials'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TZ: 'UTC',
  };
  return {
    aws,
    wazuh,
    objects,
    env,
    async close() {
      await sqs.close();
      await aws.close();
      wazuh.cleanup();
    },
  };
}
