import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandInput,
  S3Client,
} from '@aws-sdk/client-s3';
import { errorText, InterruptedError } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import type { ObjectRef } from '../plugin/types.js';
import { type BodyPart, resumableBody } from './resumable-body.js';
import type { AwsClientFactory } from './types.js';

export interface ListRequest {
  bucket: string;
  prefix: string;
  delimiter?: string | undefined;
  startAfter?: string | undefined;
  continuationToken?: string | undefined;
  maxKeys?: number | undefined;
}

export interface ListPage {
  objects: ObjectRef[];
  /** `CommonPrefixes[].Prefix` (delimiter listings). */
  folders: string[];
  /** Whether the response had a `Contents` member at all. */
  hasContents: boolean;
  hasFolders: boolean;
  nextToken?: string | undefined;
}

/** The narrow S3 port the bucket engine depends on. */
export interface ObjectStore {
  list(request: ListRequest): Promise<ListPage>;
  /** The object's body as a stream (not read yet). */
  open(bucket: string, key: string, signal?: AbortSignal): Promise<Readable>;
  remove(bucket: string, key: string): Promise<void>;
}

export interface S3ObjectStoreOptions {
  /** For the debug line of a resumed body. */
  logger?: Logger;
}

/**
 * ObjectStore over an SDK v3 S3 client. SDK errors propagate unchanged (classified by callers);
 * bodies cut short are resumed with ranged GETs (see {@link resumableBody}).
 */
export function createS3ObjectStore(client: S3Client, options: S3ObjectStoreOptions = {}): ObjectStore {
  return {
    async list(request) {
      const input: ListObjectsV2CommandInput = {
        Bucket: request.bucket,
        Prefix: request.prefix,
        ...(request.delimiter ? { Delimiter: request.delimiter } : {}),
        ...(request.startAfter ? { StartAfter: request.startAfter } : {}),
        ...(request.continuationToken ? { ContinuationToken: request.continuationToken } : {}),
        ...(request.maxKeys ? { MaxKeys: request.maxKeys } : {}),
      };
      const out = await client.send(new ListObjectsV2Command(input));
      return {
        objects: (out.Contents ?? []).map((o) => ({
          bucket: request.bucket,
          key: o.Key ?? '',
          lastModified: o.LastModified,
          size: o.Size,
        })),
        folders: (out.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''),
        hasContents: out.Contents !== undefined && out.Contents.length > 0,
        hasFolders: out.CommonPrefixes !== undefined && out.CommonPrefixes.length > 0,
        nextToken: out.IsTruncated ? out.NextContinuationToken : undefined,
      };
    },
    async open(bucket, key, signal) {
      const get = async (offset: number): Promise<BodyPart> => {
        try {
          const out = await client.send(
            new GetObjectCommand({
              Bucket: bucket,
              Key: key,
              ...(offset > 0 ? { Range: `bytes=${offset}-` } : {}),
            }),
            signal ? { abortSignal: signal } : {},
          );
          return { body: out.Body as Readable, length: out.ContentLength, etag: out.ETag };
        } catch (error) {
          throw interruptedOr(error, signal);
        }
      };
      const first = await get(0);
      // A body cut short mid-transfer is fetched again from where it stopped (the SDK only retries requests).
      return resumableBody(first, get, {
        signal,
        onResume: (offset, error) =>
          options.logger?.debug(
            2,
            `+++ Reading ${key} was interrupted after ${offset} bytes (${errorText(error)}); resuming`,
          ),
      });
    },
    async remove(bucket, key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}

/**
 * A fetch cancelled by the run's signal (SIGINT/SIGTERM) is an interruption, not a failure of
 * the object: callers must not report (or, with skip_on_error, skip and mark) the file.
 */
export function interruptedOr(error: unknown, signal: AbortSignal | undefined): unknown {
  if (!signal?.aborted) return error;
  return new InterruptedError(typeof signal.reason === 'string' ? signal.reason : 'SIGINT');
}

/** The S3 store of a run: the main client (with `--service_endpoint`) for the given region. */
export async function openObjectStore(
  aws: AwsClientFactory,
  region?: string,
  options: S3ObjectStoreOptions = {},
): Promise<ObjectStore> {
  return createS3ObjectStore(await aws.create(S3Client, { service: 's3', region }), options);
}
