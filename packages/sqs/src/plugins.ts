import { defineSubscriberPlugin } from '@wazuh-aws/core';
import { readBucketsEvents } from './buckets/handler.js';
import { routeEventBridgeObject, routeS3Notification } from './routes.js';
import { readSecurityHubEvents } from './security-hub.js';
import { readSecurityLakeEvents } from './security-lake/handler.js';

/** `--subscriber buckets`: S3 notifications for JSON, JSONL, CSV and plain-text objects. */
export const buckets = defineSubscriberPlugin({
  kind: 'subscriber',
  name: 'buckets',
  routeMessage: routeS3Notification,
  readEvents: readBucketsEvents,
});

/** `--subscriber security_hub`: S3 notifications for Security Hub EventBridge exports. */
export const securityHub = defineSubscriberPlugin({
  kind: 'subscriber',
  name: 'security_hub',
  routeMessage: routeS3Notification,
  readEvents: readSecurityHubEvents,
});

/** `--subscriber security_lake`: EventBridge "Object Created" events for OCSF Parquet objects. */
export const securityLake = defineSubscriberPlugin({
  kind: 'subscriber',
  name: 'security_lake',
  routeMessage: routeEventBridgeObject,
  readEvents: readSecurityLakeEvents,
});
