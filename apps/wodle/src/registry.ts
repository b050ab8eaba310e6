// The static map from CLI names to plugin packages. Each entry is a lazy import, so a run loads
// only the plugin it asks for (decision L20: Parquet support only for security_lake).
import type { BucketPlugin } from '@wazuh-aws/core';
import type { BucketType } from './cli/index.js';

export const BUCKET_PLUGINS = {
  cloudtrail: () => import('@wazuh-aws/buckets-cloudtrail').then((m) => m.cloudtrail),
  config: () => import('@wazuh-aws/buckets-config').then((m) => m.config),
  vpcflow: () => import('@wazuh-aws/buckets-vpcflow').then((m) => m.vpcflow),
  guardduty: () => import('@wazuh-aws/buckets-guardduty').then((m) => m.guardduty),
  custom: () => import('@wazuh-aws/buckets-custom').then((m) => m.custom),
  waf: () => import('@wazuh-aws/buckets-waf').then((m) => m.waf),
  alb: () => import('@wazuh-aws/buckets-lb').then((m) => m.alb),
  clb: () => import('@wazuh-aws/buckets-lb').then((m) => m.clb),
  nlb: () => import('@wazuh-aws/buckets-lb').then((m) => m.nlb),
  server_access: () => import('@wazuh-aws/buckets-server-access').then((m) => m.serverAccess),
  cisco_umbrella: () => import('@wazuh-aws/buckets-umbrella').then((m) => m.ciscoUmbrella),
} satisfies Record<BucketType, () => Promise<BucketPlugin>>;

/** Loads a bucket plugin and checks it is the descriptor the CLI expects. */
export async function loadBucketPlugin(type: BucketType): Promise<BucketPlugin> {
  const plugin = await BUCKET_PLUGINS[type]();
  if (plugin?.kind !== 'bucket' || plugin.name !== type || typeof plugin.parse !== 'function') {
    throw new Error(`The plugin registered for bucket type '${type}' is not a valid bucket plugin`);
  }
  return plugin;
}
