export { type Fault, type FaultKind, FaultRegistry, type FaultSpec } from './faults.js';
export type { JsonTargetOptions } from './json-services.js';
export type { CallerIdentity, FakeFlowLog } from './query-services.js';
export { compareKeys, type PutObjectOptions, S3Store, type StoredObject } from './s3-store.js';
export { type FakeAws, type FakeAwsOptions, type RequestListener, startFakeAws } from './server.js';
export {
  FakeAwsError,
  type FakeRequest,
  type FakeResponse,
  type JsonTargetHandler,
  type QueryActionHandler,
  type RequestLogEntry,
  type RestJsonHandler,
} from './types.js';
export { xmlEscape } from './xml.js';
