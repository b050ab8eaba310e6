import { customReformat, defineBucketPlugin } from '@wazuh-aws/core';
import { UmbrellaPrefixError, umbrellaKindOfPrefix } from './fields.js';
import { parseUmbrellaLog } from './parse-umbrella.js';

/**
 * `--type cisco_umbrella`: Cisco Umbrella logs exported to S3; the prefix names the log kind
 * (`…dnslogs/`, `…proxylogs/`, `…iplogs/`), checked at start (decision B43, exit 12).
 */
export const ciscoUmbrella = defineBucketPlugin({
  kind: 'bucket',
  name: 'cisco_umbrella',
  table: 'cisco_umbrella',
  schema: 'custom',
  layout: 'flat',
  markerDateFormat: 'YYYY-MM-DD',
  checkPrefix: false,
  lateArrival: false,
  accountIdInMessage: false,
  createdDate: 'key-date',
  validate: ({ prefix }) => {
    if (umbrellaKindOfPrefix(prefix) === undefined) throw new UmbrellaPrefixError();
  },
  parse: (content, context) => {
    const kind = umbrellaKindOfPrefix(context.prefix);
    if (kind === undefined) throw new UmbrellaPrefixError();
    return parseUmbrellaLog(content, kind);
  },
  reformat: (message) => [customReformat(message)],
});
