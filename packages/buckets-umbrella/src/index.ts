// @wazuh-aws/buckets-umbrella — Cisco Umbrella logs (DNS, proxy, IP) from S3: parser library and wazuh-aws plugin.
export {
  UMBRELLA_FIELDS,
  type UmbrellaLogKind,
  UmbrellaPrefixError,
  umbrellaKindOfPrefix,
} from './fields.js';
export { parseUmbrellaLog } from './parse-umbrella.js';
export { ciscoUmbrella, ciscoUmbrella as default } from './plugin.js';
