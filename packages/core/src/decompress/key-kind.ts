/** How an object's bytes are stored, chosen by its key's ending (core.md §6). */
export type Compression = 'gzip' | 'zip' | 'snappy' | 'none';

/**
 * The compression of an object named `key`. Suffixes are compared case-insensitively
 * (decision C22: `.GZ` is gzip too).
 */
export function compressionOfKey(key: string): Compression {
  const lower = key.toLowerCase();
  if (lower.endsWith('.gz')) return 'gzip';
  if (lower.endsWith('.zip')) return 'zip';
  if (lower.endsWith('.snappy')) return 'snappy';
  return 'none';
}

/** Whether `key` names a compressed object (`.gz`, `.zip` or `.snappy`, any case). */
export function isCompressedKey(key: string): boolean {
  return compressionOfKey(key) !== 'none';
}
