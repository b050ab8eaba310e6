import type { FakeRequest } from './types.js';

/** An S3 request resolved to its operation (path-style addressing only). */
export interface S3Route {
  op: string;
  bucket?: string;
  key?: string;
}

/** Maps method + path + query to the S3 operation name the SDK uses. */
export function routeS3(request: FakeRequest): S3Route {
  const { method, url } = request;
  const path = url.pathname.slice(1);
  const slash = path.indexOf('/');
  const bucket = decodeURIComponent(slash < 0 ? path : path.slice(0, slash));
  const rawKey = slash < 0 ? '' : path.slice(slash + 1);
  const q = url.searchParams;
  if (!bucket) return { op: method === 'GET' ? 'ListBuckets' : 'Unknown' };
  if (!rawKey) {
    const op =
      method === 'GET'
        ? q.get('list-type') === '2'
          ? 'ListObjectsV2'
          : q.has('location')
            ? 'GetBucketLocation'
            : 'ListObjects'
        : method === 'HEAD'
          ? 'HeadBucket'
          : method === 'PUT'
            ? 'CreateBucket'
            : method === 'DELETE'
              ? 'DeleteBucket'
              : method === 'POST' && q.has('delete')
                ? 'DeleteObjects'
                : 'Unknown';
    return { op, bucket };
  }
  const key = decodeURIComponent(rawKey);
  const byMethod: Record<string, string> = {
    GET: 'GetObject',
    HEAD: 'HeadObject',
    PUT: request.headers['x-amz-copy-source'] ? 'CopyObject' : 'PutObject',
    DELETE: 'DeleteObject',
  };
  return { op: byMethod[method] ?? 'Unknown', bucket, key };
}

/** The request's parameters for the request log. */
export function s3Params(route: S3Route, request: FakeRequest): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (route.bucket !== undefined) params.Bucket = route.bucket;
  if (route.key !== undefined) params.Key = route.key;
  const names: Record<string, string> = {
    prefix: 'Prefix',
    delimiter: 'Delimiter',
    'start-after': 'StartAfter',
    'max-keys': 'MaxKeys',
    'continuation-token': 'ContinuationToken',
    marker: 'Marker',
  };
  for (const [query, name] of Object.entries(names)) {
    const value = request.url.searchParams.get(query);
    if (value !== null) params[name] = value;
  }
  if (request.headers.range) params.Range = request.headers.range;
  return params;
}
