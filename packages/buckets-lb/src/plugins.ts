import { type BucketPlugin, customReformat, defineBucketPlugin } from '@wazuh-aws/core';
import { type LoadBalancerKind, lbKindOfKey } from './lb-kind.js';
import { parseAlbLog } from './parse-alb.js';
import { parseClbLog } from './parse-clb.js';
import { parseNlbLog } from './parse-nlb.js';

/** What the three load balancer types share (buckets.md §3.7–§3.9). */
const common = {
  kind: 'bucket',
  schema: 'custom',
  layout: 'load-balancer',
  serviceFolder: 'elasticloadbalancing',
  markerDateFormat: 'YYYY/MM/DD',
  checkPrefix: true,
  lateArrival: true,
  accountIdInMessage: false,
  createdDate: 'key-date',
  reformat: (message) => [customReformat(message)],
} as const satisfies Partial<BucketPlugin>;

const owns = (kind: LoadBalancerKind) => (key: string) => lbKindOfKey(key) === kind;

/** `--type alb`: Application Load Balancer access logs (`app.` files only, decision B27). */
export const alb = defineBucketPlugin({
  ...common,
  name: 'alb',
  table: 'alb',
  accepts: owns('alb'),
  parse: (content, context) => parseAlbLog(content, { key: context.key, logger: context.logger }),
});

/** `--type clb`: Classic Load Balancer access logs (files of neither `app.` nor `net.` balancers). */
export const clb = defineBucketPlugin({
  ...common,
  name: 'clb',
  table: 'clb',
  accepts: owns('clb'),
  parse: (content) => parseClbLog(content),
});

/** `--type nlb`: Network Load Balancer access logs (`net.` files only, decision B27). */
export const nlb = defineBucketPlugin({
  ...common,
  name: 'nlb',
  table: 'nlb',
  accepts: owns('nlb'),
  parse: (content, context) => parseNlbLog(content, { key: context.key }),
});
