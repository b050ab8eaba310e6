// An Amazon Inspector fake: Inspector2 ListFindings (REST-JSON `POST /findings/list`, pages of 7,
// `updatedAt` range filter) and Inspector Classic ListFindings / DescribeFindings (JSON protocol,
// `X-Amz-Target: InspectorService.*`, creation-time filter, at most 10 ARNs per describe call).
import { FakeAwsError, type JsonTargetHandler, type RestJsonHandler } from './types.js';

/** A finding in wire format (timestamps as epoch seconds), as the corpus' `inspector-*.json` holds them. */
export type WireFinding = Record<string, unknown>;

/** region → findings. */
export type FindingsFixture = Record<string, WireFinding[]>;

export interface FakeInspectorOptions {
  /** Most findings per ListFindings page (both generations). @default 7 */
  findingsPerPage?: number;
}

export interface FakeInspector {
  /** Route of Inspector2 ListFindings. */
  readonly v2Route: { method: 'POST'; path: '/findings/list' };
  readonly handleV2: RestJsonHandler;
  /** The `X-Amz-Target` prefix of Inspector Classic. */
  readonly classicTargetPrefix: 'InspectorService';
  readonly handleClassic: JsonTargetHandler;
  /** Adds Inspector2 findings per region (in order). */
  loadV2(fixture: FindingsFixture): void;
  /** Adds Inspector Classic findings per region. */
  loadClassic(fixture: FindingsFixture): void;
  /** Regions where Classic answers AccessDeniedException (account not subscribed). */
  readonly classicDenied: Set<string>;
  readonly calls: Array<{
    api: 'v2' | 'classic';
    operation: string;
    region: string;
    input: Record<string, unknown>;
  }>;
  /** Makes the next call of `operation` (`v2:ListFindings`, `classic:DescribeFindings`, …) fail. */
  failNext(operation: string, code: string, message: string, status?: number): void;
}

/** Epoch seconds of a wire timestamp (number or ISO text). */
function epochSeconds(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
    if (Number.isFinite(ms)) return ms / 1000;
  }
  throw new FakeAwsError(400, 'ValidationException', `invalid timestamp ${JSON.stringify(value)}`);
}

const inRange = (at: unknown, from: unknown, to: unknown) => {
  const t = epochSeconds(at);
  return (from === undefined || t >= epochSeconds(from)) && (to === undefined || t <= epochSeconds(to));
};

/** Creates an empty Inspector fake. */
export function createFakeInspector(options: FakeInspectorOptions = {}): FakeInspector {
  const perPage = options.findingsPerPage ?? 7;
  const v2 = new Map<string, WireFinding[]>();
  const classic = new Map<string, WireFinding[]>();
  const classicDenied = new Set<string>();
  const calls: FakeInspector['calls'] = [];
  const failures = new Map<string, FakeAwsError[]>();
  const failure = (key: string) => failures.get(key)?.shift();

  const page = <T>(items: T[], input: Record<string, unknown>, prefix: string, fallbackSize: number) => {
    const start = typeof input.nextToken === 'string' ? Number(input.nextToken.split('/')[1]) : 0;
    if (!Number.isInteger(start)) throw new FakeAwsError(400, 'ValidationException', 'Invalid nextToken');
    const size = Math.min(Number(input.maxResults ?? fallbackSize), perPage);
    const nextToken = start + size < items.length ? `${prefix}/${start + size}/${'Q'.repeat(40)}` : undefined;
    return { items: items.slice(start, start + size), nextToken };
  };

  const handleV2: RestJsonHandler = (input, request) => {
    calls.push({ api: 'v2', operation: 'ListFindings', region: request.region, input });
    const queued = failure('v2:ListFindings');
    if (queued) throw queued;
    const ranges = ((input.filterCriteria as Record<string, unknown> | undefined)?.updatedAt ?? []) as Array<
      Record<string, unknown>
    >;
    const selected = (v2.get(request.region) ?? []).filter(
      (f) =>
        ranges.length === 0 || ranges.some((r) => inRange(f.updatedAt, r.startInclusive, r.endInclusive)),
    );
    const { items, nextToken } = page(selected, input, 'in2', 50);
    return nextToken === undefined ? { findings: items } : { findings: items, nextToken };
  };

  const handleClassic: JsonTargetHandler = (operation, input, request) => {
    calls.push({ api: 'classic', operation, region: request.region, input });
    const queued = failure(`classic:${operation}`);
    if (queued) throw queued;
    if (classicDenied.has(request.region)) {
      throw new FakeAwsError(
        400,
        'AccessDeniedException',
        'Amazon Inspector Classic is not available for this account.',
      );
    }
    const findings = classic.get(request.region) ?? [];
    if (operation === 'ListFindings') {
      const range = (input.filter as Record<string, Record<string, unknown>> | undefined)?.creationTimeRange;
      const selected = findings.filter((f) => !range || inRange(f.createdAt, range.beginDate, range.endDate));
      const { items, nextToken } = page(selected, input, 'in1', 10);
      const findingArns = items.map((f) => f.arn);
      return nextToken === undefined ? { findingArns } : { findingArns, nextToken };
    }
    if (operation === 'DescribeFindings') {
      const arns = (input.findingArns ?? []) as string[];
      if (arns.length < 1 || arns.length > 10) {
        throw new FakeAwsError(400, 'InvalidInputException', 'findingArns must hold between 1 and 10 ARNs');
      }
      const byArn = new Map(findings.map((f) => [f.arn as string, f]));
      const failedItems: Record<string, unknown> = {};
      const found: WireFinding[] = [];
      for (const arn of arns) {
        const f = byArn.get(arn);
        if (f) found.push(f);
        else failedItems[arn] = { failureCode: 'ITEM_DOES_NOT_EXIST', retryable: false };
      }
      return { findings: found, failedItems };
    }
    throw new FakeAwsError(400, 'UnknownOperationException', `Unknown operation ${operation}`);
  };

  const add = (store: Map<string, WireFinding[]>, fixture: FindingsFixture) => {
    for (const [region, findings] of Object.entries(fixture)) {
      store.set(region, [...(store.get(region) ?? []), ...findings]);
    }
  };

  return {
    v2Route: { method: 'POST', path: '/findings/list' },
    handleV2,
    classicTargetPrefix: 'InspectorService',
    handleClassic,
    loadV2: (fixture) => add(v2, fixture),
    loadClassic: (fixture) => add(classic, fixture),
    classicDenied,
    calls,
    failNext(operation, code, message, status = 400) {
      const list = failures.get(operation) ?? [];
      list.push(new FakeAwsError(status, code, message));
      failures.set(operation, list);
    },
  };
}
