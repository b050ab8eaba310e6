import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Dispatch, dispatch, readRequest } from './dispatch.js';
import { type Fault, FaultRegistry, faultError } from './faults.js';
import type { FakeInspector } from './inspector.js';
import { JsonServices, type JsonTargetOptions } from './json-services.js';
import type { FakeLogs } from './logs.js';
import { type CallerIdentity, type FakeFlowLog, QueryServices, queryError } from './query-services.js';
import { handleS3, s3Error } from './s3-handler.js';
import { S3Store } from './s3-store.js';
import type { FakeSqs } from './sqs.js';
import {
  FakeAwsError,
  type FakeRequest,
  type FakeResponse,
  type JsonTargetHandler,
  type QueryActionHandler,
  type RequestLogEntry,
  type RestJsonHandler,
} from './types.js';

/** Options of {@link startFakeAws}. */
export interface FakeAwsOptions {
  /** STS caller identity. @default account 123456789012 */
  identity?: Partial<CallerIdentity>;
  /** Flow logs per region for EC2 DescribeFlowLogs. */
  flowLogs?: Record<string, Array<string | FakeFlowLog>>;
  /** DescribeFlowLogs page size when the request sets no MaxResults. @default 1000 */
  flowLogsPageSize?: number;
  /** JSON-protocol targets by `X-Amz-Target` prefix (e.g. `Logs_20140328`, `AmazonSQS`). */
  jsonTargets?: Record<string, JsonTargetHandler>;
  /** Serve S3 only (every request is read as S3), like a plain S3 endpoint. @default false */
  s3Only?: boolean;
  /** Serve these buckets (e.g. a second, S3-only endpoint over the same store). @default a new store */
  s3Store?: S3Store;
  /** Mount a CloudWatch Logs fake (`X-Amz-Target: Logs_20140328.*`, service `logs`). */
  logs?: FakeLogs;
  /** Mount an Inspector fake: Inspector2 `POST /findings/list` and Classic `InspectorService.*`. */
  inspector?: FakeInspector;
  /** Mount an SQS fake (`X-Amz-Target: AmazonSQS.*`); its queue URLs are pointed at this server. */
  sqs?: FakeSqs;
}

/** Sees a request before it is served. */
export type RequestListener = (request: {
  service: string;
  op: string;
  params: Record<string, unknown>;
  body: Buffer;
}) => void | Promise<void>;

/** A running fake of S3, STS, EC2 and any JSON services registered on it, on 127.0.0.1. */
export interface FakeAws {
  /** `http://127.0.0.1:<port>`: use as the SDK's `endpoint` with `forcePathStyle: true`. */
  readonly url: string;
  readonly port: number;
  /** The buckets; changes are visible to the next request. */
  readonly s3: S3Store;
  readonly faults: FaultRegistry;
  /** Every request served, in order (setup through `s3` is not logged). */
  readonly requests: RequestLogEntry[];
  /** Requests of one operation. */
  requestsOf(op: string): RequestLogEntry[];
  clearRequests(): void;
  setCallerIdentity(identity: Partial<CallerIdentity>): void;
  setCallerAccount(accountId: string): void;
  setFlowLogs(region: string, flowLogs: Array<string | FakeFlowLog>): void;
  registerJsonTarget(prefix: string, handler: JsonTargetHandler, options?: JsonTargetOptions): void;
  registerRestJson(
    method: string,
    path: string | RegExp,
    handler: RestJsonHandler,
    op?: string,
    service?: string,
  ): void;
  /**
   * Calls `listener` with each request's service, operation and parameters before it is served (the
   * response waits for it): lets a test look at the world at the moment of a call. Returns a remover.
   */
  onRequest(listener: RequestListener): () => void;
  /** Adds or overrides a query action; `service` may be `sts`, `ec2` or another signing name. */
  registerQueryAction(service: string, action: string, handler: QueryActionHandler): void;
  close(): Promise<void>;
}

const asFlowLog = (f: string | FakeFlowLog): FakeFlowLog =>
  typeof f === 'string' ? { FlowLogId: f, FlowLogStatus: 'ACTIVE', LogDestinationType: 's3' } : f;

/**
 * Starts the fake on 127.0.0.1:0.
 *
 * @example
 * const aws = await startFakeAws();
 * aws.s3.putObject('bucket', 'AWSLogs/a.json', '{}');
 * const s3 = new S3Client({ endpoint: aws.url, forcePathStyle: true, region: 'us-east-1', credentials });
 */
export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const s3 = options.s3Store ?? new S3Store();
  const faults = new FaultRegistry();
  const query = new QueryServices(options.flowLogsPageSize);
  const json = new JsonServices();
  const requests: RequestLogEntry[] = [];
  const listeners = new Set<RequestListener>();
  query.identity = { ...query.identity, ...options.identity };
  for (const [region, logs] of Object.entries(options.flowLogs ?? {}))
    query.flowLogs.set(region, logs.map(asFlowLog));
  for (const [prefix, handler] of Object.entries(options.jsonTargets ?? {}))
    json.registerTarget(prefix, handler);
  mountServices(json, options);

  async function execute(request: FakeRequest, d: Dispatch): Promise<FakeResponse> {
    if (d.protocol === 'rest-xml') return handleS3(s3, d.s3 ?? { op: 'Unknown' }, request);
    if (d.protocol === 'json') return json.handleTarget(d.prefix ?? '', d.op, request);
    if (d.protocol === 'rest-json') {
      const route = json.route(request);
      if (route) return json.handleRoute(route, request);
    }
    return query.handle(d.service, d.op, d.query ?? {}, request);
  }

  function errorResponse(d: Dispatch, error: FakeAwsError, request: FakeRequest): FakeResponse {
    const id = randomUUID();
    if (d.protocol === 'rest-xml') return s3Error(error, id, request.method === 'HEAD');
    if (d.protocol === 'json') return json.error(d.prefix, error);
    if (d.protocol === 'rest-json') return json.error(undefined, error);
    return queryError(d.service, error, id);
  }

  function send(res: ServerResponse, response: FakeResponse, cutAfter?: number): void {
    const body = response.body === undefined ? undefined : Buffer.from(response.body);
    const headers: Record<string, string | number> = {
      'x-amz-request-id': randomUUID(),
      ...response.headers,
    };
    if (body && headers['content-length'] === undefined) headers['content-length'] = body.length;
    if (!body && headers['content-length'] === undefined) headers['content-length'] = 0;
    res.writeHead(response.status, headers);
    if (cutAfter === undefined || !body) {
      res.end(body);
      return;
    }
    // Headers promise the whole body; send part of it and drop the connection.
    res.write(body.subarray(0, Math.min(cutAfter, body.length)), () => res.socket?.destroy());
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req);
    const d = dispatch(request, json, options.s3Only ?? false);
    for (const listener of listeners)
      await listener({ service: d.service, op: d.op, params: d.params, body: request.body });
    const fault: Fault | undefined = faults.take(d.service, d.op, d.s3?.bucket, d.s3?.key);
    let response: FakeResponse;
    if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 100);
    if (fault?.kind === 'reset') {
      requests.push({
        service: d.service,
        op: d.op,
        region: request.region,
        params: d.params,
        status: 0,
        fault: 'reset',
      });
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      const { status, code, message } = faultError(fault);
      response = errorResponse(d, new FakeAwsError(status, code, message), request);
    } else {
      try {
        response = await execute(request, d);
      } catch (error) {
        const known =
          error instanceof FakeAwsError
            ? error
            : new FakeAwsError(500, 'InternalError', (error as Error).message);
        response = errorResponse(d, known, request);
      }
    }
    requests.push({
      service: d.service,
      op: d.op,
      region: request.region,
      params: d.params,
      status: response.status,
      ...(fault ? { fault: fault.kind } : {}),
    });
    const bodyLength = response.body === undefined ? 0 : Buffer.byteLength(response.body);
    send(res, response, fault?.kind === 'truncate' ? (fault.bytes ?? Math.floor(bodyLength / 2)) : undefined);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  options.sqs?.setBaseUrl(`http://127.0.0.1:${port}`);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    s3,
    faults,
    requests,
    requestsOf: (op) => requests.filter((r) => r.op === op),
    clearRequests: () => {
      requests.length = 0;
    },
    setCallerIdentity: (identity) => {
      query.identity = { ...query.identity, ...identity };
    },
    setCallerAccount: (accountId) => {
      query.identity = {
        ...query.identity,
        Account: accountId,
        Arn: query.identity.Arn.replace(/::\d{12}:/, `::${accountId}:`),
      };
    },
    setFlowLogs: (region, flowLogs) => {
      query.flowLogs.set(region, flowLogs.map(asFlowLog));
    },
    registerJsonTarget: (prefix, handler, targetOptions) =>
      json.registerTarget(prefix, handler, targetOptions),
    registerRestJson: (method, path, handler, op, service) =>
      json.registerRoute(method, path, handler, op, service),
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    registerQueryAction: (service, action, handler) => {
      query.actions.set(`${service}:${action}`, handler);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Mounts the CloudWatch Logs, Inspector and SQS fakes given in the options on one endpoint. */
function mountServices(json: JsonServices, options: FakeAwsOptions): void {
  const { logs, inspector, sqs } = options;
  if (logs) json.registerTarget(logs.targetPrefix, logs.handle, { service: 'logs' });
  if (inspector) {
    json.registerTarget(inspector.classicTargetPrefix, inspector.handleClassic, { service: 'inspector' });
    json.registerRoute('POST', inspector.v2Route.path, inspector.handleV2, 'ListFindings', 'inspector2');
  }
  if (sqs) {
    // The SQS fake writes AWS's own error shape (namespaced __type, x-amzn-query-error): keep it as is.
    json.registerRawTarget(
      'AmazonSQS',
      async (operation, input) => {
        const out = await sqs.handle(operation, input);
        return {
          status: out.status,
          headers: { 'content-type': 'application/x-amz-json-1.0', ...out.headers },
          body: JSON.stringify(out.body),
        };
      },
      { service: 'sqs' },
    );
  }
}
