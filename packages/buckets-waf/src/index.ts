// @wazuh-aws/buckets-waf — AWS WAF logs from S3 (Firehose delivery): parser library and wazuh-aws plugin.
export { filterHeaders, STANDARD_HTTP_HEADERS } from './headers.js';
export { parseWafLog, type WafParseOptions } from './parse-waf.js';
export { waf, waf as default } from './plugin.js';
export { WafFileError } from './waf-errors.js';
