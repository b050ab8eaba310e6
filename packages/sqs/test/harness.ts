import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createDiscardFilter, createLineLogger } from '@wazuh-aws/core';
import type { RunContext } from '@wazuh-aws/core/engine';
import { createFakeSqs, type FakeSqs, serveSqsRequest } from '../../../tooling/testkit/src/fake-aws/sqs.js';

/** A path-style S3 GET server with per-key gates (to hold a download open). */
export interface FakeAws {
  url: string;
  sqs: FakeSqs;
  objects: Map<string, Uint8Array>;
  gets: string[];
  /** Holds GetObject of `bucket/key` until the returned function is called. */
  hold(path: string): () => void;
  close(): Promise<void>;
}

export async function startFakeAws(): Promise<FakeAws> {
  const sqs = createFakeSqs({ maxWaitMs: 100 });
  const objects = new Map<string, Uint8Array>();
  const gates = new Map<string, Promise<void>>();
  const gets: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (await serveSqsRequest(sqs, req, res, Buffer.concat(chunks).toString('utf8'))) return;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
      gets.push(path);
      await gates.get(path);
      const body = objects.get(path);
      if (!body) {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
        );
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(body.length),
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sqs.setBaseUrl(url);
  return {
    url,
    sqs,
    objects,
    gets,
    hold(path) {
      let release = () => {};
      gates.set(path, new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const clientConfig = (url: string) => ({
  endpoint: url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  forcePathStyle: true,
  maxAttempts: 1,
});

export const sqsClient = (url: string) => new SQSClient(clientConfig(url));

export interface Captured {
  ctx: RunContext;
  sent: string[];
  lines: string[];
  abort: AbortController;
}

/** A run context whose sink and logger capture what they get. */
export function captureContext(
  url: string,
  options: {
    concurrency?: number;
    skipOnError?: boolean;
    discardField?: string;
    discardRegex?: string;
    debug?: number;
  } = {},
): Captured {
  const sent: string[] = [];
  const lines: string[] = [];
  const abort = new AbortController();
  const discard =
    options.discardField || options.discardRegex
      ? createDiscardFilter({ field: options.discardField, regex: options.discardRegex })
      : undefined;
  const ctx = {
    logger: createLineLogger({ level: options.debug ?? 2, write: (line) => lines.push(line.trimEnd()) }),
    sink: { send: (json: string) => void sent.push(json) },
    wazuh: { home: '/tmp', version: 'v5.1.0', wodleDir: '/tmp' },
    aws: {
      async create<T>(Client: new (config: unknown) => T) {
        return new Client(clientConfig(url));
      },
      async callerAccountId() {
        return '123456789012';
      },
    },
    options: {
      reparse: false,
      skipOnError: options.skipOnError ?? false,
      accountAlias: '',
      discard,
      concurrency: options.concurrency ?? 4,
    },
    signal: abort.signal,
    defaultDate: new Date(),
  } as unknown as RunContext;
  return { ctx, sent, lines, abort };
}
