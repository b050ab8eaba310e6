// @wazuh-aws/sqs — the three `--subscriber` types, their parsers and the SQS queue adapter.
import { buckets, securityHub, securityLake } from './plugins.js';

export { type CsvDialect, readCsvRecords, sniffCsvDialect } from './buckets/csv.js';
export { parseBucketsObject } from './buckets/records.js';
export { decodeObjectKey } from './keys.js';
export { routeEventBridgeObject, routeS3Notification } from './routes.js';
export { securityHubRecords } from './security-hub.js';
export { parquetRows } from './security-lake/handler.js';
export { createSqsQueue } from './sqs-queue.js';
export { buckets, securityHub, securityLake };

/** The three plugins by `--subscriber` name. */
const subscribers = { buckets, security_hub: securityHub, security_lake: securityLake } as const;
export default subscribers;
