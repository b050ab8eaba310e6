export { createdDateOf } from './created-date.js';
export { type BucketLocation, formatMarkerDate, type KeyPrefixes, keyPrefixes } from './key-layout.js';
export { computeMarker, type Marker, type MarkerInput } from './markers.js';
export {
  createBucketParsePool,
  createParsePool,
  type ParsePool,
  type ParsePoolOptions,
  type ParseWorkerModules,
} from './parse-pool.js';
export { type BucketRunDeps, type BucketRunOptions, runBucket } from './run-bucket.js';
export { createRunSummary, type RunSummary, type TypeCounters } from './run-summary.js';
export type { BucketStateStore, RowScope } from './state-port.js';
