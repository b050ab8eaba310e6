export {
  awsErrorCode,
  formatAwsError,
  isAwsServiceError,
  isEndpointConnectionError,
  isThrottlingError,
} from './aws-error.js';
export { type AwsClientFactoryOptions, createAwsClientFactory } from './client-factory.js';
export { DEPRECATED_KEYS_NOTICE, ROLE_SESSION_NAME } from './credentials.js';
export {
  createS3ObjectStore,
  type ListPage,
  type ListRequest,
  type ObjectStore,
  openObjectStore,
} from './object-store.js';
export { type ResolvedProfileSettings, resolveProfileSettings } from './profile-config.js';
export type { AwsClientConstructor, AwsClientFactory, AwsServiceName, ClientRequest } from './types.js';
