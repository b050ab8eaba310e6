import { defineMember, type JsonObject, removeNulls, type WazuhMessage } from '@wazuh-aws/core';

/**
 * The subscriber datagram: `{"integration": "aws", "aws": {"log_info": {"log_file", "s3bucket"},
 * …record}}` after null removal (subscribers.md §5.10). A record member named `log_info` replaces
 * the wrapper's (Q33, kept).
 */
export function wrapRecord(record: JsonObject, bucket: string, key: string): WazuhMessage {
  const aws: JsonObject = { log_info: { log_file: key, s3bucket: bucket } };
  for (const [name, value] of Object.entries(removeNulls(record))) defineMember(aws, name, value);
  return { integration: 'aws', aws };
}

/** Sets `source` in place when present, else appends it (subscribers.md §5.4). */
export function withSource(record: JsonObject, source: string): JsonObject {
  record.source = source;
  return record;
}
