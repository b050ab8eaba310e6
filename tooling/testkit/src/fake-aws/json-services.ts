import {
  FakeAwsError,
  type FakeRequest,
  type FakeResponse,
  type JsonTargetHandler,
  type RestJsonHandler,
} from './types.js';

/** Options of a JSON target. */
export interface JsonTargetOptions {
  /** @default 'application/x-amz-json-1.1' ('1.0' for the `AmazonSQS` prefix) */
  contentType?: string;
  /** Service name for the request log and faults. @default the prefix */
  service?: string;
}

/** A target that writes its own response (status, headers and body), for fakes with their own error shapes. */
export type RawJsonTargetHandler = (
  operation: string,
  input: Record<string, unknown>,
  request: FakeRequest,
) => Promise<FakeResponse>;

interface Target extends JsonTargetOptions {
  handler: JsonTargetHandler;
  raw?: RawJsonTargetHandler;
}
interface Route {
  method: string;
  path: string | RegExp;
  op: string;
  service: string;
  handler: RestJsonHandler;
}

/** Extension point for JSON-protocol services written by other tests (CloudWatch Logs, SQS, Inspector2). */
export class JsonServices {
  private readonly targets = new Map<string, Target>();
  private readonly routes: Route[] = [];

  /** Serves `X-Amz-Target: <prefix>.<Operation>`; the handler returns the output object or throws {@link FakeAwsError}. */
  registerTarget(prefix: string, handler: JsonTargetHandler, options: JsonTargetOptions = {}): void {
    this.targets.set(prefix, { handler, ...options });
  }

  /** Serves `X-Amz-Target: <prefix>.<Operation>` with a handler that builds the whole response. */
  registerRawTarget(prefix: string, raw: RawJsonTargetHandler, options: JsonTargetOptions = {}): void {
    this.targets.set(prefix, {
      handler: () => {
        throw new FakeAwsError(500, 'InternalError', 'raw target');
      },
      raw,
      ...options,
    });
  }

  /** Serves a REST-JSON route (e.g. Inspector2's `POST /findings/list`). */
  registerRoute(
    method: string,
    path: string | RegExp,
    handler: RestJsonHandler,
    op?: string,
    service = 'rest',
  ): void {
    this.routes.push({ method, path, handler, op: op ?? String(path), service });
  }

  /** Resolves a target header to its service and operation. */
  target(header: string): { prefix: string; op: string; service: string } {
    const dot = header.lastIndexOf('.');
    const prefix = header.slice(0, dot);
    return { prefix, op: header.slice(dot + 1), service: this.targets.get(prefix)?.service ?? prefix };
  }

  route(request: FakeRequest): Route | undefined {
    return this.routes.find(
      (r) =>
        r.method === request.method &&
        (typeof r.path === 'string' ? r.path === request.url.pathname : r.path.test(request.url.pathname)),
    );
  }

  async handleTarget(prefix: string, op: string, request: FakeRequest): Promise<FakeResponse> {
    const target = this.targets.get(prefix);
    if (!target)
      throw new FakeAwsError(400, 'UnknownOperationException', `The fake does not serve ${prefix}.${op}`);
    if (target.raw) return target.raw(op, parseJson(request.body), request);
    const output = await target.handler(op, parseJson(request.body), request);
    return json(200, output ?? {}, contentTypeOf(prefix, target));
  }

  async handleRoute(route: Route, request: FakeRequest): Promise<FakeResponse> {
    return json(200, (await route.handler(parseJson(request.body), request)) ?? {}, 'application/json');
  }

  /** The JSON protocols' error shape (`__type` + `message`, `x-amzn-errortype`). */
  error(prefix: string | undefined, error: FakeAwsError): FakeResponse {
    const contentType =
      prefix === undefined ? 'application/json' : contentTypeOf(prefix, this.targets.get(prefix));
    const response = json(error.status, { __type: error.code, message: error.message }, contentType);
    response.headers = { ...response.headers, 'x-amzn-errortype': error.code };
    if (prefix === 'AmazonSQS') response.headers['x-amzn-query-error'] = `${error.code};Sender`;
    return response;
  }
}

function contentTypeOf(prefix: string, target?: Target): string {
  return (
    target?.contentType ??
    (prefix === 'AmazonSQS' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1')
  );
}

function parseJson(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new FakeAwsError(400, 'SerializationException', 'The request body is not valid JSON');
  }
}

function json(status: number, value: unknown, contentType: string): FakeResponse {
  return { status, headers: { 'content-type': contentType }, body: JSON.stringify(value) };
}
