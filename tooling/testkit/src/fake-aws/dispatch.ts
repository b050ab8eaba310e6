import type { IncomingMessage } from 'node:http';
import type { JsonServices } from './json-services.js';
import { queryService } from './query-services.js';
import { routeS3, type S3Route, s3Params } from './s3-routes.js';
import type { FakeRequest, Protocol } from './types.js';

/** A request resolved to its protocol, service and operation, before faults and handlers. */
export interface Dispatch {
  protocol: Protocol;
  service: string;
  op: string;
  params: Record<string, unknown>;
  /** S3 only. */
  s3?: S3Route;
  /** JSON target prefix. */
  prefix?: string;
  /** Query protocol parameters. */
  query?: Record<string, string>;
}

const SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

/** Reads the request body and the SigV4 scope (region, service, access key). */
export async function readRequest(req: IncomingMessage): Promise<FakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const scope = SCOPE.exec(String(req.headers.authorization ?? ''));
  return {
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', 'http://127.0.0.1'),
    headers: req.headers,
    body: Buffer.concat(chunks),
    region: scope?.[2] ?? 'us-east-1',
    service: scope?.[3],
    accessKeyId: scope?.[1],
  };
}

/** Decides which protocol and operation a request is. */
export function dispatch(request: FakeRequest, json: JsonServices, s3Only: boolean): Dispatch {
  const target = request.headers['x-amz-target'];
  if (!s3Only && typeof target === 'string') {
    const { prefix, op, service } = json.target(target);
    let params: Record<string, unknown> = {};
    try {
      params = JSON.parse(request.body.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {}
    return { protocol: 'json', service, op, prefix, params };
  }
  const form = String(request.headers['content-type'] ?? '').includes('x-www-form-urlencoded');
  if (
    !s3Only &&
    request.method === 'POST' &&
    (form || request.body.subarray(0, 7).toString() === 'Action=')
  ) {
    const query = Object.fromEntries(new URLSearchParams(request.body.toString('utf8')));
    const op = query.Action ?? '';
    const service = queryService(request, op);
    const { Action: _a, Version: _v, ...params } = query;
    return { protocol: service === 'ec2' ? 'ec2-query' : 'query', service, op, params, query: params };
  }
  const route = s3Only ? undefined : json.route(request);
  if (route) return { protocol: 'rest-json', service: route.service, op: route.op, params: {} };
  const s3 = routeS3(request);
  return { protocol: 'rest-xml', service: 's3', op: s3.op, params: s3Params(s3, request), s3 };
}
