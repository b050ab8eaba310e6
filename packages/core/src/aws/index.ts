export type { AwsClientConstructor, AwsClientFactory, AwsServiceName, ClientRequest } from './types.js';
export { type AwsClientFactoryOptions, createAwsClientFactory } from './client-factory.js';
export {
  awsErrorCode,
  formatAwsError,
  isAwsServiceError,
  isEndpointConnectionError,
  isThrottlingError,
} from './aws-error.js';
export { DEPRECATED_KEYS_NOTICE, ROLE_SESSION_NAME } from './credentials.js';
export { type ResolvedProfileSettings, resolveProfileSettings } from './profile-config.js';
export { createS3ObjectStore, openObjectStore, type ListPage, type ListRequest, type ObjectStore } from './object-store.js';
