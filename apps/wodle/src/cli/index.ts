// The command-line contract of the wodle: parsing, validation, mode and region resolution, help.
export { type ParsedArguments, parseArguments, programName, type RunMode } from './args.js';
export { CliHelpRequested, CliUsageError, DEFAULT_PROG } from './errors.js';
export {
  DEFAULT_CONCURRENCY,
  DEFAULT_OUTPUT,
  MAX_CONCURRENCY,
  type OutputSpec,
  parseConcurrency,
  parseOutputSpec,
  parseWazuhPath,
} from './extra-options.js';
export { renderHelp } from './help.js';
export { argsDebugText, redactArgv } from './redact.js';
export {
  ALL_REGIONS,
  CHINA_REGIONS,
  GENERAL_REGION_CATALOG,
  GOVCLOUD_REGIONS,
  INSPECTOR_REGION_CATALOG,
  INSPECTOR_V2_REGIONS,
  type RegionCatalog,
} from './regions.js';
export { regionsForMode } from './regions-for-mode.js';
export {
  BUCKET_TYPES,
  type BucketType,
  resolveService,
  resolveTarget,
  SERVICE_TYPES,
  type ServiceType,
  SUBSCRIBER_TYPES,
  type SubscriberType,
  type Target,
} from './targets.js';
export {
  InvalidValueError,
  parseAccountIds,
  parseBucketName,
  parseIamRoleArn,
  parseIamRoleDuration,
  parseKeyPart,
  parseLogGroupsArgument,
  parseOnlyLogsAfter,
  parseQueueName,
  parseRegions,
} from './validators.js';
