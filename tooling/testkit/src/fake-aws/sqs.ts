import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message attribute as the SQS JSON protocol carries it. */
export interface FakeMessageAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

interface StoredMessage {
  id: string;
  body: string;
  attributes: Record<string, FakeMessageAttribute>;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  /** The handle of the latest receive; older handles are invalid. */
  handle: string | undefined;
}

interface FakeQueue {
  name: string;
  url: string;
  visibilityTimeout: number;
  messages: StoredMessage[];
}

/** One answer of a JSON-protocol handler. */
export interface FakeJsonResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Options of {@link createFakeSqs}. */
export interface FakeSqsOptions {
  /** Base of queue URLs (account path included). @default 'http://127.0.0.1/123456789012' */
  baseUrl?: string;
  /** Longest real wait of a long-poll receive, whatever WaitTimeSeconds says. @default 200 ms */
  maxWaitMs?: number;
}

/** An SQS fake with AWS-like semantics, speaking the JSON protocol (`X-Amz-Target: AmazonSQS.*`). */
export interface FakeSqs {
  /** Handles one request: `target` is the part after `AmazonSQS.`. */
  handle(target: string, input: Record<string, unknown>): Promise<FakeJsonResponse>;
  createQueue(name: string, options?: { visibilityTimeout?: number }): string;
  send(queue: string, body: string, attributes?: Record<string, FakeMessageAttribute>): string;
  /** Names of every queue, sorted. */
  queueNames(): string[];
  /** Bodies of every message still in the queue (visible or in flight), in send order. */
  bodies(queue: string): string[];
  /** Every handled call, in order: the operation and its input. */
  readonly calls: Array<{ operation: string; input: Record<string, unknown> }>;
  /** Makes the next call of `operation` fail with this AWS error. */
  failNext(operation: string, code: string, message: string, status?: number): void;
  /** Points queue URLs at a server: `<url>/123456789012/<name>`. */
  setBaseUrl(url: string): void;
}

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');

function lengthPrefixed(value: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32BE(value.length);
  return Buffer.concat([size, value]);
}

/** The MD5OfMessageAttributes algorithm the SDK checks. */
function attributesMd5(attributes: Record<string, FakeMessageAttribute>): string {
  const parts: Buffer[] = [];
  for (const name of Object.keys(attributes).sort()) {
    const a = attributes[name] as FakeMessageAttribute;
    parts.push(lengthPrefixed(Buffer.from(name)), lengthPrefixed(Buffer.from(a.DataType)));
    if (a.BinaryValue !== undefined)
      parts.push(Buffer.from([2]), lengthPrefixed(Buffer.from(a.BinaryValue, 'base64')));
    else parts.push(Buffer.from([1]), lengthPrefixed(Buffer.from(a.StringValue ?? '')));
  }
  return md5(Buffer.concat(parts));
}

const awsError = (code: string, message: string, status = 400): FakeJsonResponse => ({
  status,
  body: { __type: `com.amazonaws.sqs#${code}`, message },
  headers: { 'x-amzn-query-error': `AWS.SimpleQueueService.${code};Sender` },
});

/** Creates an in-memory SQS. */
export function createFakeSqs(options: FakeSqsOptions = {}): FakeSqs {
  let baseUrl = options.baseUrl ?? 'http://127.0.0.1/123456789012';
  const maxWaitMs = options.maxWaitMs ?? 200;
  const queues = new Map<string, FakeQueue>();
  const calls: FakeSqs['calls'] = [];
  const failures = new Map<string, FakeJsonResponse[]>();

  const byUrl = (url: unknown): FakeQueue | undefined => {
    const name = typeof url === 'string' ? url.slice(url.lastIndexOf('/') + 1) : '';
    return queues.get(name);
  };
  const findInFlight = (queue: FakeQueue, handle: unknown) =>
    queue.messages.find((m) => m.handle !== undefined && m.handle === handle);

  const receiveNow = (queue: FakeQueue, max: number, visibility: number, wantAll: boolean) => {
    const now = Date.now();
    const out: unknown[] = [];
    for (const m of queue.messages) {
      if (out.length >= max) break;
      if (m.visibleAt > now) continue;
      m.receiveCount += 1;
      m.handle = `${m.id}#${randomUUID()}`;
      m.visibleAt = now + visibility * 1000;
      const hasAttributes = Object.keys(m.attributes).length > 0;
      out.push({
        MessageId: m.id,
        ReceiptHandle: m.handle,
        MD5OfBody: md5(m.body),
        Body: m.body,
        ...(wantAll
          ? {
              Attributes: {
                ApproximateReceiveCount: String(m.receiveCount),
                SentTimestamp: String(m.sentAt),
                ApproximateFirstReceiveTimestamp: String(now),
              },
            }
          : {}),
        ...(hasAttributes
          ? { MessageAttributes: m.attributes, MD5OfMessageAttributes: attributesMd5(m.attributes) }
          : {}),
      });
    }
    return out;
  };

  const operations: Record<string, (input: Record<string, unknown>) => Promise<FakeJsonResponse>> = {
    async GetQueueUrl(input) {
      const queue = queues.get(String(input.QueueName));
      if (!queue) return awsError('QueueDoesNotExist', 'The specified queue does not exist.');
      return { status: 200, body: { QueueUrl: queue.url } };
    },
    async GetQueueAttributes(input) {
      const queue = byUrl(input.QueueUrl);
      if (!queue) return awsError('QueueDoesNotExist', 'The specified queue does not exist.');
      const now = Date.now();
      return {
        status: 200,
        body: {
          Attributes: {
            VisibilityTimeout: String(queue.visibilityTimeout),
            ApproximateNumberOfMessages: String(queue.messages.filter((m) => m.visibleAt <= now).length),
            ApproximateNumberOfMessagesNotVisible: String(
              queue.messages.filter((m) => m.visibleAt > now).length,
            ),
          },
        },
      };
    },
    async SendMessage(input) {
      const queue = byUrl(input.QueueUrl);
      if (!queue) return awsError('QueueDoesNotExist', 'The specified queue does not exist.');
      const id = api.send(
        queue.name,
        String(input.MessageBody),
        (input.MessageAttributes ?? {}) as Record<string, FakeMessageAttribute>,
      );
      const body = String(input.MessageBody);
      return { status: 200, body: { MessageId: id, MD5OfMessageBody: md5(body) } };
    },
    async ReceiveMessage(input) {
      const queue = byUrl(input.QueueUrl);
      if (!queue) return awsError('QueueDoesNotExist', 'The specified queue does not exist.');
      const max = input.MaxNumberOfMessages === undefined ? 1 : Number(input.MaxNumberOfMessages);
      if (!(max >= 1 && max <= 10))
        return awsError(
          'InvalidParameterValue',
          `Value ${max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.`,
        );
      const visibility =
        input.VisibilityTimeout === undefined ? queue.visibilityTimeout : Number(input.VisibilityTimeout);
      const names = [
        ...((input.AttributeNames as string[]) ?? []),
        ...((input.MessageSystemAttributeNames as string[]) ?? []),
      ];
      const wantAll = names.includes('All') || names.includes('ApproximateReceiveCount');
      const deadline = Date.now() + Math.min(Number(input.WaitTimeSeconds ?? 0) * 1000, maxWaitMs);
      for (;;) {
        const messages = receiveNow(queue, max, visibility, wantAll);
        if (messages.length > 0 || Date.now() >= deadline)
          return { status: 200, body: messages.length ? { Messages: messages } : {} };
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async ChangeMessageVisibility(input) {
      const queue = byUrl(input.QueueUrl);
      if (!queue) return awsError('QueueDoesNotExist', 'The specified queue does not exist.');
      const message = findInFlight(queue, input.ReceiptHandle);
      if (!message)
        return awsError(
          'ReceiptHandleIsInvalid',
          `The input receipt handle "${String(input.ReceiptHandle)}" is not a valid receipt handle.`,
        );
      if (message.visibleAt <= Date.now())
        return awsError(
          'MessageNotInflight',
          'Message does not exist or is not available for visibility timeout change.',
        );
      message.visibleAt = Date.now() + Number(input.VisibilityTimeout) * 1000;
      return { status: 200, body: {} };
    },
    async DeleteMessage(input) {
      const queue = byUrl(input.QueueUrl);
      if (!queue) return awsError('QueueDoesNotExist', 'The specified queue does not exist.');
      const message = findInFlight(queue, input.ReceiptHandle);
      if (!message)
        return awsError(
          'ReceiptHandleIsInvalid',
          `The input receipt handle "${String(input.ReceiptHandle)}" is not a valid receipt handle.`,
        );
      queue.messages.splice(queue.messages.indexOf(message), 1);
      return { status: 200, body: {} };
    },
    async DeleteMessageBatch(input) {
      const queue = byUrl(input.QueueUrl);
      if (!queue) return awsError('QueueDoesNotExist', 'The specified queue does not exist.');
      const entries = (input.Entries as Array<{ Id: string; ReceiptHandle: string }>) ?? [];
      if (entries.length === 0)
        return awsError(
          'EmptyBatchRequest',
          'There should be at least one DeleteMessageBatchRequestEntry in the request.',
        );
      if (entries.length > 10)
        return awsError('TooManyEntriesInBatchRequest', 'Maximum number of entries per request are 10.');
      const Successful: unknown[] = [];
      const Failed: unknown[] = [];
      for (const entry of entries) {
        const message = findInFlight(queue, entry.ReceiptHandle);
        if (!message) {
          Failed.push({
            Id: entry.Id,
            SenderFault: true,
            Code: 'ReceiptHandleIsInvalid',
            Message: 'The input receipt handle is not a valid receipt handle.',
          });
          continue;
        }
        queue.messages.splice(queue.messages.indexOf(message), 1);
        Successful.push({ Id: entry.Id });
      }
      return { status: 200, body: { Successful, Failed } };
    },
  };

  const api: FakeSqs = {
    calls,
    setBaseUrl(url) {
      baseUrl = `${url.replace(/\/$/, '')}/123456789012`;
      for (const q of queues.values()) q.url = `${baseUrl}/${q.name}`;
    },
    createQueue(name, queueOptions = {}) {
      const url = `${baseUrl}/${name}`;
      if (!queues.has(name))
        queues.set(name, {
          name,
          url,
          visibilityTimeout: queueOptions.visibilityTimeout ?? 30,
          messages: [],
        });
      return (queues.get(name) as FakeQueue).url;
    },
    send(queueName, body, attributes = {}) {
      const queue = queues.get(queueName);
      if (!queue) throw new Error(`fake SQS: no queue ${queueName}`);
      const id = randomUUID();
      queue.messages.push({
        id,
        body,
        attributes,
        sentAt: Date.now(),
        visibleAt: 0,
        receiveCount: 0,
        handle: undefined,
      });
      return id;
    },
    queueNames() {
      return [...queues.keys()].sort();
    },
    bodies(queueName) {
      return (queues.get(queueName)?.messages ?? []).map((m) => m.body);
    },
    failNext(operation, code, message, status = 400) {
      const list = failures.get(operation) ?? [];
      list.push(awsError(code, message, status));
      failures.set(operation, list);
    },
    async handle(target, input) {
      calls.push({ operation: target, input });
      const injected = failures.get(target)?.shift();
      if (injected) return injected;
      const op = operations[target];
      if (!op)
        return awsError('UnsupportedOperation', `The operation ${target} is not supported by the fake.`);
      return op(input);
    },
  };
  return api;
}

/** Serves one JSON-protocol request with the fake; answers false when it is not an SQS request. */
export async function serveSqsRequest(
  fake: FakeSqs,
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: string,
): Promise<boolean> {
  const target = req.headers['x-amz-target'];
  if (typeof target !== 'string' || !target.startsWith('AmazonSQS.')) return false;
  let input: Record<string, unknown> = {};
  try {
    input = rawBody ? (JSON.parse(rawBody) as Record<string, unknown>) : {};
  } catch {
    res
      .writeHead(400, { 'content-type': 'application/x-amz-json-1.0' })
      .end(JSON.stringify({ __type: 'com.amazon.coral.service#SerializationException' }));
    return true;
  }
  const out = await fake.handle(target.slice('AmazonSQS.'.length), input);
  res.writeHead(out.status, {
    'content-type': 'application/x-amz-json-1.0',
    'x-amzn-requestid': randomUUID(),
    ...(out.headers ?? {}),
  });
  res.end(JSON.stringify(out.body));
  return true;
}

/** A standalone HTTP server on 127.0.0.1:0 serving only the SQS fake. */
export async function startFakeSqsServer(
  fake: FakeSqs = createFakeSqs(),
): Promise<{ url: string; fake: FakeSqs; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      serveSqsRequest(fake, req, res, Buffer.concat(chunks).toString('utf8'))
        .then((handled) => {
          if (!handled) res.writeHead(400).end('not an SQS request');
        })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.setBaseUrl(url);
  return {
    url,
    fake,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
