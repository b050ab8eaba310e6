// @wazuh-aws/buckets-server-access — S3 server access logs: parser library and wazuh-aws plugin.
export { SERVER_ACCESS_FIELDS } from './fields.js';
export { parseServerAccessLog } from './parse-server-access.js';
export { serverAccess, serverAccess as default } from './plugin.js';
export { tokenizeServerAccessLine } from './tokenize.js';
