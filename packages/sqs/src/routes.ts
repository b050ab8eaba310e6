import { type MessageRoutes, type ObjectRoute, parsePythonJson } from '@wazuh-aws/core';
import { decodeObjectKey } from './keys.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** An SNS notification's inner message, parsed (decision Q12), or undefined. */
function unwrapSns(body: Json): unknown {
  if (body.Type !== 'Notification' || typeof body.Message !== 'string') return undefined;
  try {
    return parsePythonJson(body.Message);
  } catch {
    return undefined;
  }
}

/** An EventBridge "Object Created" event's object, or undefined. */
function eventBridgeObject(body: Json): ObjectRoute | undefined {
  const detail = body.detail;
  if (!isObject(detail) || !isObject(detail.bucket) || !isObject(detail.object)) return undefined;
  const bucket = str(detail.bucket.name);
  const key = str(detail.object.key);
  return bucket !== undefined && key !== undefined ? { bucket, key: decodeObjectKey(key) } : undefined;
}

/**
 * Routes an S3 event notification (`Records[].s3`), also SNS-wrapped or as an EventBridge "Object
 * Created" event. Every record is read (Q14); only `ObjectCreated:*` records download their
 * object, others are skipped with a note (Q15); the S3 test event routes to nothing, so it is
 * deleted (Q12). Anything else is `undefined` (left on the queue).
 */
export function routeS3Notification(body: unknown): MessageRoutes | undefined {
  if (!isObject(body)) return undefined;
  const inner = unwrapSns(body);
  if (inner !== undefined) return routeS3Notification(inner);
  if (body.Event === 's3:TestEvent') return { objects: [], skipped: ['Deleting the s3:TestEvent message.'] };
  if (body['detail-type'] === 'Object Created') {
    const route = eventBridgeObject(body);
    return route ? { objects: [route], skipped: [] } : undefined;
  }
  if (!Array.isArray(body.Records) || body.Records.length === 0) return undefined;
  const objects: ObjectRoute[] = [];
  const skipped: string[] = [];
  for (const record of body.Records) {
    const s3 = isObject(record) && isObject(record.s3) ? record.s3 : undefined;
    const bucket = s3 && isObject(s3.bucket) ? str(s3.bucket.name) : undefined;
    const key = s3 && isObject(s3.object) ? str(s3.object.key) : undefined;
    if (bucket === undefined || key === undefined) return undefined;
    const eventName = str((record as Json).eventName);
    if (eventName !== undefined && !eventName.startsWith('ObjectCreated:')) {
      skipped.push(`Skipping the ${eventName} event of ${decodeObjectKey(key)} in ${bucket}.`);
      continue;
    }
    objects.push({ bucket, key: decodeObjectKey(key) });
  }
  return { objects, skipped };
}

/** Routes an EventBridge "Object Created" event (Security Lake), also SNS-wrapped. */
export function routeEventBridgeObject(body: unknown): MessageRoutes | undefined {
  if (!isObject(body)) return undefined;
  const inner = unwrapSns(body);
  if (inner !== undefined) return routeEventBridgeObject(inner);
  const route = eventBridgeObject(body);
  return route ? { objects: [route], skipped: [] } : undefined;
}
