// A tiny HTTP front for the testkit's fake AWS handlers (JSON protocol by X-Amz-Target prefix,
// REST-JSON by route), bound to 127.0.0.1:0. Stands in until the shared fake server serves them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FakeAwsError,
  type FakeRequest,
  type JsonTargetHandler,
  type RestJsonHandler,
} from '../../../../tooling/testkit/src/fake-aws/types.js';

export interface FakeServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface FakeRoutes {
  /** `X-Amz-Target` prefix → handler. */
  targets?: Record<string, JsonTargetHandler>;
  /** `METHOD /path` → handler. */
  routes?: Record<string, RestJsonHandler>;
}

const SCOPE = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

export async function startFakeServer(routes: FakeRoutes): Promise<FakeServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void dispatch(req, res, Buffer.concat(chunks), routes));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function dispatch(req: IncomingMessage, res: ServerResponse, body: Buffer, routes: FakeRoutes) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const scope = SCOPE.exec(String(req.headers.authorization ?? ''));
  const request: FakeRequest = {
    method: req.method ?? 'GET',
    url,
    headers: req.headers,
    body,
    region: scope?.[2] ?? 'us-east-1',
    service: scope?.[3],
    accessKeyId: scope?.[1],
  };
  const target = req.headers['x-amz-target'];
  const json = typeof target === 'string';
  const contentType = json ? 'application/x-amz-json-1.1' : 'application/json';
  try {
    const input = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    let output: unknown;
    if (json) {
      const [prefix, operation] = target.split('.', 2) as [string, string];
      const handler = routes.targets?.[prefix];
      if (!handler) throw new FakeAwsError(400, 'UnrecognizedClientException', `No fake for ${prefix}`);
      output = await handler(operation, input, request);
    } else {
      const handler = routes.routes?.[`${request.method} ${url.pathname}`];
      if (!handler) throw new FakeAwsError(404, 'ResourceNotFoundException', `No route ${url.pathname}`);
      output = await handler(input, request);
    }
    res.writeHead(200, { 'content-type': contentType });
    res.end(JSON.stringify(output ?? {}));
  } catch (error) {
    // A handler can ask for a dropped connection (an unreachable endpoint, as the SDK sees it).
    if ((error as { resetConnection?: boolean }).resetConnection) {
      req.socket.destroy();
      return;
    }
    const e =
      error instanceof FakeAwsError
        ? error
        : new FakeAwsError(500, 'InternalFailure', (error as Error).message);
    res.writeHead(e.status, { 'content-type': contentType, 'x-amzn-errortype': e.code });
    res.end(JSON.stringify(json ? { __type: e.code, message: e.message } : { message: e.message }));
  }
}
