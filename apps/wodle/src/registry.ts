// The static map from CLI names to plugin packages. Each entry is a lazy import, so a run loads
// only the plugin it asks for (decision L20: Parquet support only for security_lake).
import type { BucketPlugin, ServicePlugin, SubscriberPlugin } from '@wazuh-aws/core';
import type { BucketType, ServiceType, SubscriberType } from './cli/index.js';

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

/**
 * The module and export of each bucket plugin, for parse workers (a worker imports its plugin by
 * URL: functions cannot be sent to a thread). Checked against {@link BUCKET_PLUGINS} by a test.
 */
export const BUCKET_PLUGIN_MODULES = {
  cloudtrail: ['@wazuh-aws/buckets-cloudtrail', 'cloudtrail'],
  config: ['@wazuh-aws/buckets-config', 'config'],
  vpcflow: ['@wazuh-aws/buckets-vpcflow', 'vpcflow'],
  guardduty: ['@wazuh-aws/buckets-guardduty', 'guardduty'],
  custom: ['@wazuh-aws/buckets-custom', 'custom'],
  waf: ['@wazuh-aws/buckets-waf', 'waf'],
  alb: ['@wazuh-aws/buckets-lb', 'alb'],
  clb: ['@wazuh-aws/buckets-lb', 'clb'],
  nlb: ['@wazuh-aws/buckets-lb', 'nlb'],
  server_access: ['@wazuh-aws/buckets-server-access', 'serverAccess'],
  cisco_umbrella: ['@wazuh-aws/buckets-umbrella', 'ciscoUmbrella'],
} as const satisfies Record<BucketType, readonly [specifier: string, exportName: string]>;

/** Loads a bucket plugin and checks it is the descriptor the CLI expects. */
export async function loadBucketPlugin(type: BucketType): Promise<BucketPlugin> {
  const plugin = await BUCKET_PLUGINS[type]();
  if (plugin?.kind !== 'bucket' || plugin.name !== type || typeof plugin.parse !== 'function') {
    throw new Error(`The plugin registered for bucket type '${type}' is not a valid bucket plugin`);
  }
  return plugin;
}

export const SERVICE_PLUGINS = {
  cloudwatchlogs: () => import('@wazuh-aws/cloudwatch').then((m) => m.cloudwatchlogs),
  inspector: () => import('@wazuh-aws/inspector').then((m) => m.inspector),
} satisfies Record<ServiceType, () => Promise<ServicePlugin>>;

export const SUBSCRIBER_PLUGINS = {
  buckets: () => import('@wazuh-aws/sqs').then((m) => m.buckets),
  security_hub: () => import('@wazuh-aws/sqs').then((m) => m.securityHub),
  security_lake: () => import('@wazuh-aws/sqs').then((m) => m.securityLake),
} satisfies Record<SubscriberType, () => Promise<SubscriberPlugin>>;

/** Loads a service or subscriber plugin and checks its kind and name. */
export async function loadPlugin<P extends ServicePlugin | SubscriberPlugin>(
  kind: P['kind'],
  name: string,
  loader: () => Promise<P>,
): Promise<P> {
  const plugin = await loader();
  if (plugin?.kind !== kind || plugin.name !== name) {
    throw new Error(`The plugin registered for ${kind} '${name}' is not a valid ${kind} plugin`);
  }
  return plugin;
}
