const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Decodes a key from an S3 event notification (form-style URL encoding): `+` is a space, each
 * run of `%XX` bytes is UTF-8 (invalid sequences become U+FFFD), a `%` not followed by two hex
 * digits stays as is (decisions Q8, Q9).
 *
 * @example decodeObjectKey('exports/dt%3D2025-03-09/a+b.csv') // 'exports/dt=2025-03-09/a b.csv'
 */
export function decodeObjectKey(key: string): string {
  return key
    .replace(/\+/g, ' ')
    .replace(/(?:%[0-9a-fA-F]{2})+/g, (run) =>
      decoder.decode(Uint8Array.from(run.slice(1).split('%'), (h) => Number.parseInt(h, 16))),
    );
}
