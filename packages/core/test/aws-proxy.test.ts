import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { type FakeAws, startFakeAws } from '@wazuh-aws/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsClientFactory } from '../src/aws/index.js';
import { bypassesProxy } from '../src/aws/proxy.js';
import { silentLogger } from '../src/index.js';

// A forward proxy on 127.0.0.1 that relays absolute-URI requests and counts them.
let proxy: Server;
let proxyUrl: string;
let relayed = 0;
let fake: FakeAws;
let home: string;
const saved = { ...process.env };

beforeAll(async () => {
  fake = await startFakeAws();
  fake.s3.putObject('trail', 'AWSLogs/x', 'data');
  proxy = createServer((req, res) => {
    relayed++;
    const target = new URL(req.url ?? '/');
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await fake.close();
});
beforeEach(() => {
  relayed = 0;
  home = mkdtempSync(join(tmpdir(), 'aws-proxy-'));
  writeFileSync(
    join(home, 'credentials'),
    '[default]\naws_access_key_id = AKIAPROXY\naws_secret_access_key = s\n',
  );
  process.env = {
    ...saved,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_ENDPOINT_URL: fake.url,
    AWS_REGION: 'us-east-1',
  };
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
    delete process.env[name];
  }
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  process.env = { ...saved };
});

async function listThroughFactory() {
  const aws = await createAwsClientFactory({ logger: silentLogger });
  const s3 = await aws.create(S3Client, { service: 's3' });
  return s3.send(new ListObjectsV2Command({ Bucket: 'trail' }));
}

describe('proxies (decision C4)', () => {
  it('uses HTTP_PROXY from the environment', async () => {
    process.env.HTTP_PROXY = proxyUrl;
    const out = await listThroughFactory();
    expect(out.Contents?.map((o) => o.Key)).toEqual(['AWSLogs/x']);
    expect(relayed).toBeGreaterThan(0);
  });

  it('goes direct to hosts listed in NO_PROXY', async () => {
    process.env.HTTP_PROXY = proxyUrl;
    process.env.NO_PROXY = 'localhost,127.0.0.1';
    await listThroughFactory();
    expect(relayed).toBe(0);
  });

  it("uses the profile's proxy block", async () => {
    writeFileSync(
      join(home, 'config'),
      `[default]\nproxy =\n  host = 127.0.0.1\n  port = ${new URL(proxyUrl).port}\n`,
    );
    await listThroughFactory();
    expect(relayed).toBeGreaterThan(0);
  });

  it('rejects a proxy without a numeric port (exit 17)', async () => {
    writeFileSync(join(home, 'config'), '[default]\nproxy =\n  host = 127.0.0.1\n');
    await expect(createAwsClientFactory({ logger: silentLogger })).rejects.toMatchObject({ exitCode: 17 });
  });

  it('matches NO_PROXY entries by domain suffix', () => {
    const env = { NO_PROXY: '.amazonaws.com, internal' };
    expect(bypassesProxy('s3.us-east-1.amazonaws.com', env)).toBe(true);
    expect(bypassesProxy('minio.internal', env)).toBe(true);
    expect(bypassesProxy('example.com', env)).toBe(false);
    expect(bypassesProxy('anything', { NO_PROXY: '*' })).toBe(true);
  });
});
