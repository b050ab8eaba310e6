// Default AWS request-rate quotas (calls per second, per account and region) of the operations the
// service plugins call in bulk. The request gate keeps every run below them, so read-ahead never
// bursts into throttling; a throttling error that still happens goes through the SDK's retries.
import type { AwsServiceName } from '../../aws/types.js';

/** Calls per second by SDK service id, then by operation name (`GetLogEvents`). */
export type ApiQuotas = Readonly<Partial<Record<AwsServiceName, Readonly<Record<string, number>>>>>;

/**
 * CloudWatch Logs: DescribeLogStreams 25 TPS (its API reference) and GetLogEvents 25 per second,
 * both per account and Region (older editions of the quotas page said 5 and 10).
 */
export const SERVICE_API_QUOTAS: ApiQuotas = Object.freeze({
  logs: Object.freeze({ GetLogEvents: 25, DescribeLogStreams: 25 }),
});
