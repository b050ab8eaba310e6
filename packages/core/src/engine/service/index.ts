export { describeAwsFailure } from './aws-failure.js';
export { checkInterrupted, emitServiceEvent } from './region-run.js';
export { runService, SERVICES_DB_FILE, type ServiceRunOptions } from './run-service.js';
export { formatServiceMessage, isoSecondsUtc, pythonDateTimeUtc } from './service-message.js';
