import type { BucketPlugin, ObjectRef } from '../../plugin/types.js';

const KEY_DATE = /(\d{4})[/-](\d{2})[/-](\d{2})/g;

function fromLastModified(object: ObjectRef): number {
  const d = object.lastModified ?? new Date();
  return d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/**
 * The `created_date` of a state row (buckets.md §1.15). Falls back to the object's LastModified
 * when the key has no usable date (decision B20: the file is always recorded).
 */
export function createdDateOf(plugin: BucketPlugin, object: ObjectRef): number {
  if (plugin.createdDate === 'file-name') {
    const name = object.key.slice(object.key.lastIndexOf('/') + 1);
    const pieces = name.split('_');
    const piece = pieces.length >= 2 ? pieces[pieces.length - 2]! : '';
    const digits = piece.split('T')[0]!;
    return /^\d+$/.test(digits) ? Number(digits) : fromLastModified(object);
  }
  let last: RegExpMatchArray | undefined;
  for (const match of object.key.matchAll(KEY_DATE)) last = match;
  return last ? Number(`${last[1]}${last[2]}${last[3]}`) : fromLastModified(object);
}
