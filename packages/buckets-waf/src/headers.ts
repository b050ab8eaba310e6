import { isObject } from '@wazuh-aws/core';

/** The 43 standard request headers WAF events keep, lower-cased (buckets.md §3.6). */
export const STANDARD_HTTP_HEADERS: ReadonlySet<string> = new Set([
  'a-im',
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'access-control-request-method',
  'access-control-request-headers',
  'authorization',
  'cache-control',
  'connection',
  'content-encoding',
  'content-length',
  'content-type',
  'cookie',
  'date',
  'expect',
  'forwarded',
  'from',
  'host',
  'http2-settings',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-range',
  'if-unmodified-since',
  'max-forwards',
  'origin',
  'pragma',
  'prefer',
  'proxy-authorization',
  'range',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'user-agent',
  'upgrade',
  'via',
  'warning',
  'x-requested-with',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
]);

/**
 * Turns `httpRequest.headers` (an array of `{name, value}`) into a `name → value` object of the
 * whitelisted headers, names as written, later duplicates winning. Returns `undefined` when the
 * structure is not the expected one (the caller reports it); the event is never changed here.
 */
export function filterHeaders(event: Record<string, unknown>): Record<string, unknown> | undefined {
  const request = event.httpRequest;
  if (!isObject(request) || !('headers' in request)) return undefined;
  const headers = request.headers;
  // Python iterates whatever it gets: an empty object or string yields no header at all.
  if (headers === '' || (isObject(headers) && Object.keys(headers).length === 0)) return {};
  if (!Array.isArray(headers)) return undefined;
  const kept: Record<string, unknown> = {};
  for (const element of headers) {
    if (!isObject(element) || typeof element.name !== 'string') return undefined;
    if (!STANDARD_HTTP_HEADERS.has(element.name.toLowerCase())) continue;
    if (!('value' in element)) return undefined;
    Object.defineProperty(kept, element.name, {
      value: element.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return kept;
}
