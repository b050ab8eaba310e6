import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** One stored object. */
export interface StoredObject {
  readonly key: string;
  readonly body: Buffer;
  readonly lastModified: Date;
  /** Quoted MD5, as S3 returns it. */
  readonly etag: string;
  readonly contentType: string;
}

/** Options of {@link S3Store.putObject}. */
export interface PutObjectOptions {
  lastModified?: Date;
  contentType?: string;
}

/** One page of a listing, before it is written as XML. */
export interface ListPage {
  contents: StoredObject[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** Key or common prefix the next page starts after. */
  resumeAfter?: string;
  /** Whether {@link resumeAfter} is a common prefix (the next page skips its keys). */
  resumeIsPrefix?: boolean;
}

/** Inputs of {@link S3Store.list}. */
export interface ListInput {
  prefix?: string;
  delimiter?: string;
  /** Only keys (and common prefixes) strictly after this one. */
  after?: string;
  maxKeys?: number;
  /** Skip keys under this common prefix (it ended the previous page). */
  skipPrefix?: string;
}

/** Compares keys by their UTF-8 bytes, the order S3 lists them in. */
export const compareKeys = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** In-memory buckets; the fake's S3 operations and the tests' setup both use it. */
export class S3Store {
  private readonly buckets = new Map<string, Map<string, StoredObject>>();

  createBucket(bucket: string): void {
    if (!this.buckets.has(bucket)) this.buckets.set(bucket, new Map());
  }

  hasBucket(bucket: string): boolean {
    return this.buckets.has(bucket);
  }

  bucketNames(): string[] {
    return [...this.buckets.keys()].sort(compareKeys);
  }

  deleteBucket(bucket: string): void {
    this.buckets.delete(bucket);
  }

  /** Stores an object, creating its bucket on demand. */
  putObject(
    bucket: string,
    key: string,
    body: string | Uint8Array,
    options: PutObjectOptions = {},
  ): StoredObject {
    this.createBucket(bucket);
    const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
    const object: StoredObject = {
      key,
      body: bytes,
      lastModified: options.lastModified ?? new Date(),
      etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
      contentType: options.contentType ?? 'application/octet-stream',
    };
    this.buckets.get(bucket)?.set(key, object);
    return object;
  }

  getObject(bucket: string, key: string): StoredObject | undefined {
    return this.buckets.get(bucket)?.get(key);
  }

  /** Deletes a key; `false` when it was not there. */
  deleteObject(bucket: string, key: string): boolean {
    return this.buckets.get(bucket)?.delete(key) ?? false;
  }

  /** Every key of a bucket in listing order (empty for an unknown bucket). */
  listKeys(bucket: string, prefix = ''): string[] {
    return [...(this.buckets.get(bucket)?.keys() ?? [])]
      .filter((k) => k.startsWith(prefix))
      .sort(compareKeys);
  }

  /**
   * Uploads every file under `dir` as `<keyPrefix><relative path with />`. Returns the keys.
   * Empty directories are not uploaded (S3 has no folders).
   */
  async loadDirectory(
    bucket: string,
    dir: string,
    keyPrefix = '',
    options: PutObjectOptions = {},
  ): Promise<string[]> {
    this.createBucket(bucket);
    const keys: string[] = [];
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
      const key = keyPrefix + relative(dir, path).split(sep).join('/');
      this.putObject(bucket, key, await readFile(path), options);
      keys.push(key);
    }
    return keys.sort(compareKeys);
  }

  /** One listing page with S3's prefix/delimiter/start-after/max-keys semantics. */
  list(bucket: string, input: ListInput): ListPage {
    const prefix = input.prefix ?? '';
    const maxKeys = input.maxKeys ?? 1000;
    const page: ListPage = { contents: [], commonPrefixes: [], isTruncated: false };
    let lastPrefix: string | undefined;
    for (const key of this.listKeys(bucket, prefix)) {
      if (input.after !== undefined && compareKeys(key, input.after) <= 0) continue;
      if (input.skipPrefix !== undefined && key.startsWith(input.skipPrefix)) continue;
      let commonPrefix: string | undefined;
      if (input.delimiter) {
        const at = key.indexOf(input.delimiter, prefix.length);
        if (at >= 0) commonPrefix = key.slice(0, at + input.delimiter.length);
      }
      if (commonPrefix !== undefined && commonPrefix === lastPrefix) continue;
      if (page.contents.length + page.commonPrefixes.length >= maxKeys) {
        page.isTruncated = true;
        break;
      }
      if (commonPrefix !== undefined) {
        page.commonPrefixes.push(commonPrefix);
        lastPrefix = commonPrefix;
        page.resumeAfter = commonPrefix;
        page.resumeIsPrefix = true;
      } else {
        const object = this.getObject(bucket, key) as StoredObject;
        page.contents.push(object);
        page.resumeAfter = key;
        page.resumeIsPrefix = false;
      }
    }
    return page;
  }
}
