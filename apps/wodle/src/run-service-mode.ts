import type { RunContext } from '@wazuh-aws/core';
import { runService } from '@wazuh-aws/core/engine';
import { type ParsedArguments, regionsForMode, type ServiceType } from './cli/index.js';
import { loadPlugin, SERVICE_PLUGINS } from './registry.js';

/** Service mode: CloudWatch Logs or Inspector, region by region (cli.md §5.3, §6.3). */
export async function runServiceMode(
  args: ParsedArguments,
  service: ServiceType,
  context: RunContext,
): Promise<void> {
  const regions = regionsForMode(args, context.aws.profileRegion, context.logger);
  const plugin = await loadPlugin('service', service, SERVICE_PLUGINS[service]);
  await runService(plugin, context, {
    regions,
    logGroups: args.logGroups,
    removeLogStreams: args.removeLogStreams,
  });
}
