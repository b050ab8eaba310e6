export type { AwsClientConstructor, AwsClientFactory, AwsServiceName, ClientRequest } from './types.js';
