/** One generated S3 object. */
export interface CorpusObject {
  readonly key: string;
  /** The stored (compressed) bytes. */
  readonly body: Buffer;
  /** Decompressed size: the "MB/s of decompressed input" base. */
  readonly rawBytes: number;
  /** Events the object holds (what Wazuh must receive). */
  readonly events: number;
}

/** A generated workload corpus: objects of one bucket. */
export interface Corpus {
  readonly bucket: string;
  readonly objects: CorpusObject[];
  readonly events: number;
  readonly rawBytes: number;
  readonly storedBytes: number;
}

export function summarise(bucket: string, objects: CorpusObject[]): Corpus {
  let events = 0;
  let rawBytes = 0;
  let storedBytes = 0;
  for (const o of objects) {
    events += o.events;
    rawBytes += o.rawBytes;
    storedBytes += o.body.length;
  }
  return { bucket, objects, events, rawBytes, storedBytes };
}
