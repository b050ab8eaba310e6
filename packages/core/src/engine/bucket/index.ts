export { type BucketRunDeps, type BucketRunOptions, runBucket } from './run-bucket.js';
export type { BucketStateStore, RowScope } from './state-port.js';
export { createRunSummary, type RunSummary, type TypeCounters } from './run-summary.js';
export { computeMarker, type Marker, type MarkerInput } from './markers.js';
export { type BucketLocation, formatMarkerDate, keyPrefixes, type KeyPrefixes } from './key-layout.js';
export { createdDateOf } from './created-date.js';
