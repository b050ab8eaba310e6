import { decodeAwsChunked, isAwsChunked } from './aws-chunked.js';
import type { S3Route } from './s3-routes.js';
import type { ListPage, S3Store, StoredObject } from './s3-store.js';
import { FakeAwsError, type FakeRequest, type FakeResponse } from './types.js';
import { el, XML_HEADER, xmlUnescape } from './xml.js';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const xml = (body: string): FakeResponse => ({
  status: 200,
  headers: { 'content-type': 'application/xml' },
  body: XML_HEADER + body,
});

const noSuchBucket = (bucket: string) =>
  new FakeAwsError(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });
const noSuchKey = (key: string) =>
  new FakeAwsError(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });

function objectHeaders(object: StoredObject): Record<string, string | number> {
  return {
    'content-type': object.contentType,
    etag: object.etag,
    'last-modified': object.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
  };
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` → [start, end] inclusive; `undefined` for no/complex ranges. */
function parseRange(header: string | undefined, size: number): [number, number] | undefined {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') return [Math.max(0, size - Number(m[2])), size - 1];
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start)
    throw new FakeAwsError(416, 'InvalidRange', 'The requested range is not satisfiable');
  return [start, end];
}

const token = (page: ListPage) =>
  Buffer.from(JSON.stringify({ a: page.resumeAfter, p: page.resumeIsPrefix })).toString('base64url');
function readToken(value: string): { after?: string; skipPrefix?: string } {
  try {
    const { a, p } = JSON.parse(Buffer.from(value, 'base64url').toString()) as { a: string; p: boolean };
    return p ? { after: a, skipPrefix: a } : { after: a };
  } catch {
    throw new FakeAwsError(400, 'InvalidArgument', 'The continuation token provided is incorrect');
  }
}

function listXml(bucket: string, page: ListPage, fields: string, encode: (s: string) => string): string {
  const contents = page.contents.map(
    (o) =>
      `<Contents>${el('Key', encode(o.key))}${el('LastModified', o.lastModified.toISOString())}${el('ETag', o.etag)}` +
      `${el('Size', o.body.length)}<StorageClass>STANDARD</StorageClass></Contents>`,
  );
  const prefixes = page.commonPrefixes.map(
    (p) => `<CommonPrefixes>${el('Prefix', encode(p))}</CommonPrefixes>`,
  );
  return `<ListBucketResult xmlns="${NS}">${el('Name', bucket)}${fields}${el('IsTruncated', page.isTruncated)}${contents.join('')}${prefixes.join('')}</ListBucketResult>`;
}

function listObjects(store: S3Store, bucket: string, request: FakeRequest, v2: boolean): FakeResponse {
  const q = request.url.searchParams;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? undefined;
  const maxKeys = q.has('max-keys') ? Number(q.get('max-keys')) : 1000;
  const startAfter = q.get(v2 ? 'start-after' : 'marker') ?? undefined;
  const continuation = v2 ? (q.get('continuation-token') ?? undefined) : undefined;
  const resume = continuation !== undefined ? readToken(continuation) : { after: startAfter };
  const page = store.list(bucket, { prefix, delimiter, maxKeys, ...resume });
  const urlEncoded = q.get('encoding-type') === 'url';
  const encode = (s: string) => (urlEncoded ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
  let fields = `${el('Prefix', encode(prefix))}${el('MaxKeys', maxKeys)}${delimiter ? el('Delimiter', encode(delimiter)) : ''}`;
  if (urlEncoded) fields += '<EncodingType>url</EncodingType>';
  if (v2) {
    fields += el('KeyCount', page.contents.length + page.commonPrefixes.length);
    if (startAfter !== undefined) fields += el('StartAfter', encode(startAfter));
    if (continuation !== undefined) fields += el('ContinuationToken', continuation);
    if (page.isTruncated) fields += el('NextContinuationToken', token(page));
  } else {
    fields += el('Marker', startAfter ?? '');
    if (page.isTruncated && delimiter) fields += el('NextMarker', page.resumeAfter);
  }
  return xml(listXml(bucket, page, fields, encode));
}

function deleteObjects(store: S3Store, bucket: string, body: Buffer): FakeResponse {
  const text = body.toString('utf8');
  const quiet = /<Quiet>\s*true\s*<\/Quiet>/i.test(text);
  const keys = [...text.matchAll(/<Key>([\s\S]*?)<\/Key>/g)].map((m) => xmlUnescape(m[1] as string));
  for (const key of keys) store.deleteObject(bucket, key);
  const deleted = quiet ? '' : keys.map((k) => `<Deleted>${el('Key', k)}</Deleted>`).join('');
  return xml(`<DeleteResult xmlns="${NS}">${deleted}</DeleteResult>`);
}

function getObject(object: StoredObject, request: FakeRequest, head: boolean): FakeResponse {
  const range = parseRange(request.headers.range, object.body.length);
  const headers = objectHeaders(object);
  if (!range)
    return {
      status: 200,
      headers: { ...headers, 'content-length': object.body.length },
      body: head ? undefined : object.body,
    };
  const [start, end] = range;
  headers['content-range'] = `bytes ${start}-${end}/${object.body.length}`;
  headers['content-length'] = end - start + 1;
  return { status: 206, headers, body: head ? undefined : object.body.subarray(start, end + 1) };
}

/** Executes one routed S3 operation against the store. */
export function handleS3(store: S3Store, route: S3Route, request: FakeRequest): FakeResponse {
  const { bucket = '', key = '' } = route;
  if (route.op === 'ListBuckets') {
    const buckets = store
      .bucketNames()
      .map((b) => `<Bucket>${el('Name', b)}<CreationDate>2025-01-01T00:00:00.000Z</CreationDate></Bucket>`);
    return xml(
      `<ListAllMyBucketsResult xmlns="${NS}"><Owner><ID>fake</ID></Owner><Buckets>${buckets.join('')}</Buckets></ListAllMyBucketsResult>`,
    );
  }
  if (route.op === 'CreateBucket') {
    store.createBucket(bucket);
    return { status: 200, headers: { location: `/${bucket}` } };
  }
  // Buckets are created on demand by uploads, so tests need no CreateBucket step.
  if (!store.hasBucket(bucket) && route.op !== 'PutObject') throw noSuchBucket(bucket);
  switch (route.op) {
    case 'HeadBucket':
      return { status: 200, headers: { 'x-amz-bucket-region': request.region } };
    case 'DeleteBucket':
      store.deleteBucket(bucket);
      return { status: 204 };
    case 'GetBucketLocation':
      return xml(`<LocationConstraint xmlns="${NS}"></LocationConstraint>`);
    case 'ListObjectsV2':
    case 'ListObjects':
      return listObjects(store, bucket, request, route.op === 'ListObjectsV2');
    case 'DeleteObjects':
      return deleteObjects(store, bucket, request.body);
    case 'GetObject':
    case 'HeadObject': {
      const object = store.getObject(bucket, key);
      if (!object) throw noSuchKey(key);
      return getObject(object, request, route.op === 'HeadObject');
    }
    case 'PutObject': {
      const body = isAwsChunked(request.headers) ? decodeAwsChunked(request.body) : request.body;
      const contentType = request.headers['content-type'];
      const object = store.putObject(bucket, key, body, contentType ? { contentType } : {});
      return { status: 200, headers: { etag: object.etag } };
    }
    case 'CopyObject': {
      const source = decodeURIComponent(String(request.headers['x-amz-copy-source'])).replace(/^\//, '');
      const [from = '', ...rest] = source.split('/');
      const original = store.getObject(from, rest.join('/').replace(/\?versionId=.*$/, ''));
      if (!original) throw noSuchKey(rest.join('/'));
      const copy = store.putObject(bucket, key, original.body, { contentType: original.contentType });
      return xml(
        `<CopyObjectResult>${el('ETag', copy.etag)}${el('LastModified', copy.lastModified.toISOString())}</CopyObjectResult>`,
      );
    }
    case 'DeleteObject':
      store.deleteObject(bucket, key);
      return { status: 204 };
    default:
      throw new FakeAwsError(
        405,
        'MethodNotAllowed',
        `The fake does not implement ${request.method} ${request.url.pathname}`,
      );
  }
}

/** S3's XML error document (HEAD responses carry no body). */
export function s3Error(error: FakeAwsError, requestId: string, head: boolean): FakeResponse {
  const extra = Object.entries(error.extra)
    .map(([k, v]) => el(k, v))
    .join('');
  const body = `${XML_HEADER}<Error>${el('Code', error.code)}${el('Message', error.message)}${extra}${el('RequestId', requestId)}</Error>`;
  return {
    status: error.status,
    headers: { 'content-type': 'application/xml' },
    body: head ? undefined : body,
  };
}
