/** What a fault does to a matching request. */
export type FaultKind = 'status' | 'reset' | 'truncate' | 'delay';

/** A fault to inject, e.g. `{ op: 'GetObject', kind: 'status', code: 'SlowDown', times: 2 }`. */
export interface FaultSpec {
  /** Operation name as the SDK names it (`GetObject`, `ListObjectsV2`, `AssumeRole`, `GetLogEvents`…). */
  op: string;
  /** Restrict to one service (`s3`, `sts`, `ec2`, a JSON target prefix…). */
  service?: string;
  bucket?: string;
  /** S3 key (exact or pattern). */
  key?: string | RegExp;
  kind: FaultKind;
  /** HTTP status for `status` faults; derived from `code` when omitted. */
  status?: number;
  /** Error code, e.g. `SlowDown`, `ThrottlingException`, `RequestTimeTooSkewed`, `AccessDenied`. */
  code?: string;
  message?: string;
  /** How many matching requests are affected. @default 1 */
  times?: number;
  /** `delay` faults: milliseconds before the normal response. @default 100 */
  delayMs?: number;
  /** `truncate` faults: body bytes sent before the connection is cut. @default half the body */
  bytes?: number;
}

/** An added fault and how many more requests it will affect. */
export interface Fault extends Readonly<FaultSpec> {
  readonly remaining: number;
  /** Requests this fault was applied to. */
  readonly hits: number;
}

const STATUS_BY_CODE: Record<string, number> = {
  SlowDown: 503,
  ServiceUnavailable: 503,
  InternalError: 500,
  InternalFailure: 500,
  ThrottlingException: 400,
  Throttling: 400,
  TooManyRequestsException: 429,
  RequestTimeTooSkewed: 403,
  SignatureDoesNotMatch: 403,
  AccessDenied: 403,
  AccessDeniedException: 400,
  ExpiredToken: 400,
  InvalidAccessKeyId: 403,
};
const CODE_BY_STATUS: Record<number, string> = {
  500: 'InternalError',
  503: 'SlowDown',
  403: 'AccessDenied',
  400: 'ThrottlingException',
};

/** Status and code of a `status` fault, each filled in from the other when missing. */
export function faultError(fault: FaultSpec): { status: number; code: string; message: string } {
  const status = fault.status ?? (fault.code ? (STATUS_BY_CODE[fault.code] ?? 400) : 500);
  const code = fault.code ?? CODE_BY_STATUS[status] ?? 'InternalError';
  return { status, code, message: fault.message ?? `Injected ${code} fault` };
}

interface MutableFault extends FaultSpec {
  remaining: number;
  hits: number;
}

/** Faults waiting to be applied, matched in the order they were added. */
export class FaultRegistry {
  private readonly faults: MutableFault[] = [];

  /** Adds a fault; returns it so a test can check `hits` later. */
  add(spec: FaultSpec): Fault {
    const fault: MutableFault = { ...spec, remaining: spec.times ?? 1, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Faults still able to fire. */
  pending(): Fault[] {
    return this.faults.filter((f) => f.remaining > 0);
  }

  /** Finds and consumes the first fault matching this request. */
  take(service: string, op: string, bucket?: string, key?: string): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        f.op === op &&
        (f.service === undefined || f.service === service) &&
        (f.bucket === undefined || f.bucket === bucket) &&
        (f.key === undefined ||
          (key !== undefined && (typeof f.key === 'string' ? f.key === key : f.key.test(key)))),
    );
    if (fault) {
      fault.remaining--;
      fault.hits++;
    }
    return fault;
  }
}
