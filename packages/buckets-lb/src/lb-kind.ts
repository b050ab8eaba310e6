/** The kinds of load balancer whose access logs share the `elasticloadbalancing` folder. */
export type LoadBalancerKind = 'alb' | 'clb' | 'nlb';

/**
 * The load balancer kind of a log file, from the load balancer id in its name
 * (`<account>_elasticloadbalancing_<region>_<lb id>_…`): `app.` → alb, `net.` → nlb, anything
 * else → clb (decision B27).
 *
 * @example lbKindOfKey('…/123456789012_elasticloadbalancing_us-east-1_app.shop.50dc6c_2025…log.gz') // 'alb'
 */
export function lbKindOfKey(key: string): LoadBalancerKind {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const id = name.split('_')[3] ?? '';
  if (id.startsWith('app.')) return 'alb';
  if (id.startsWith('net.')) return 'nlb';
  return 'clb';
}
