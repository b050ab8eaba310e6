import type { IncomingHttpHeaders } from 'node:http';

/** Which wire protocol a request used; decides how errors are written. */
export type Protocol = 'rest-xml' | 'query' | 'ec2-query' | 'json' | 'rest-json';

/** One request as the fake understood it. */
export interface FakeRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** From the SigV4 credential scope; `us-east-1` when unsigned. */
  readonly region: string;
  /** Service of the credential scope (`s3`, `sts`, `ec2`, `logs`…), when signed. */
  readonly service: string | undefined;
  readonly accessKeyId: string | undefined;
}

/** A response before it is written. */
export interface FakeResponse {
  status: number;
  headers?: Record<string, string | number>;
  body?: Buffer | string;
}

/** An error the fake answers in the request's protocol. */
export class FakeAwsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra S3 error elements such as `Key` or `BucketName`. */
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'FakeAwsError';
  }
}

/** What the fake records of each request (control calls through the store API are not logged). */
export interface RequestLogEntry {
  readonly service: string;
  readonly op: string;
  readonly region: string;
  readonly params: Record<string, unknown>;
  readonly status: number;
  /** The fault applied to this request, if any. */
  readonly fault?: string;
}

/** Handler of a JSON-protocol target (`X-Amz-Target: <prefix>.<Operation>`). */
export type JsonTargetHandler = (
  operation: string,
  input: Record<string, unknown>,
  request: FakeRequest,
) => unknown | Promise<unknown>;

/** Handler of a REST route: gets the parsed JSON body (or `{}`) and returns the JSON output. */
export type RestJsonHandler = (
  input: Record<string, unknown>,
  request: FakeRequest,
) => unknown | Promise<unknown>;

/** Handler of a query-protocol action (`Action=…`); returns the XML inside the `<…Result>` element. */
export type QueryActionHandler = (
  params: Record<string, string>,
  request: FakeRequest,
) => string | Promise<string>;
