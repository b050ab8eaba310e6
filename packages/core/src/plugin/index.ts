export {
  type MessageOptions,
  messagesWith,
  type ParseInput,
  type ParseOptions,
  parseWith,
  toContent,
  toFileContext,
} from './library.js';
export * from './service-types.js';
export * from './subscriber-types.js';
export type {
  AwsEvent,
  BucketPlugin,
  FileContext,
  JsonObject,
  KeyLayout,
  MarkerDateFormat,
  ObjectContent,
  ObjectRef,
  TableSchema,
  WazuhMessage,
} from './types.js';
export { defineBucketPlugin } from './types.js';
