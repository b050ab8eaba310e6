// @wazuh-aws/buckets-lb — Elastic Load Balancing access logs (ALB, CLB, NLB) from S3: parser
// libraries and the three wazuh-aws plugins.
export { ALB_FIELDS, CLB_FIELDS, NLB_FIELDS } from './fields.js';
export { splitIpPort } from './ip-port.js';
export { type LoadBalancerKind, lbKindOfKey } from './lb-kind.js';
export { type LbParseOptions, parseAlbLog } from './parse-alb.js';
export { parseClbLog } from './parse-clb.js';
export { parseNlbLog } from './parse-nlb.js';
export { alb, clb, nlb } from './plugins.js';
export { ShortRowError } from './row-error.js';
export type { LogInput } from './rows.js';

import { alb, clb, nlb } from './plugins.js';

/** The three plugins by `--type` name. */
const loadBalancers = { alb, clb, nlb };
export default loadBalancers;
