import { createDiscardFilter, type Logger, type RunContext } from '@wazuh-aws/core';
import { createAwsClientFactory } from '@wazuh-aws/core/aws';
import type { RunSummary } from '@wazuh-aws/core/engine';
import type { EventSink } from '@wazuh-aws/core/sender';
import { type ParsedArguments, regionsForMode, resolveTarget } from './cli/index.js';
import { createSink } from './output.js';
import { runBucketMode } from './run-bucket-mode.js';
import { runServiceMode } from './run-service-mode.js';
import { runSubscriberMode } from './run-subscriber-mode.js';
import { resolveWazuhInstall } from './wazuh-install.js';

export interface RunResult {
  summary?: RunSummary | undefined;
}

/** Builds the run's dependencies (the composition root) and runs the selected mode. */
export async function run(
  args: ParsedArguments,
  logger: Logger & { addSecret(value: string): void },
  signal: AbortSignal,
  programPath: string | undefined,
): Promise<RunResult> {
  if (args.mode === 'none' && args.service === undefined && args.subscriber === undefined) return {};
  const target = resolveTarget(args, logger);
  for (const secret of [args.accessKey, args.secretKey, args.externalId]) if (secret) logger.addSecret(secret);

  // Bucket regions are validated before anything is built (cli.md §5.2 step 2).
  const bucketRegions = target.mode === 'bucket' ? regionsForMode(args, undefined, logger) : [];
  // Subscribers never use the deprecated static keys (cli.md §3).
  const staticKeys = target.mode === 'subscriber' ? {} : { accessKey: args.accessKey, secretKey: args.secretKey };
  const wazuh = resolveWazuhInstall(args.wazuhPath, programPath, args.output.kind === 'wazuh');
  const aws = await createAwsClientFactory({
    ...staticKeys,
    profile: args.profile,
    iamRoleArn: args.iamRoleArn,
    iamRoleDuration: args.iamRoleDuration,
    externalId: args.externalId,
    stsEndpoint: args.stsEndpoint,
    serviceEndpoint: args.serviceEndpoint,
    maxSockets: Math.max(16, args.concurrency * 2),
    logger,
  });
  const discard = createDiscardFilter({ field: args.discardField, regex: args.discardRegex });
  const sink: EventSink = createSink(args.output, wazuh, logger);
  const today = new Date();
  const context: RunContext = {
    logger,
    sink,
    wazuh,
    aws,
    signal,
    defaultDate: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())),
    options: {
      reparse: args.reparse,
      onlyLogsAfter: args.onlyLogsAfter,
      skipOnError: args.skipOnError,
      accountAlias: args.accountAlias,
      discard,
      concurrency: args.concurrency,
    },
  };
  try {
    switch (target.mode) {
      case 'bucket':
        return { summary: await runBucketMode(args, target.type, bucketRegions, context) };
      case 'service':
        await runServiceMode(args, target.service, context);
        return {};
      case 'subscriber':
        await runSubscriberMode(args, target.subscriber, context);
        return {};
    }
  } finally {
    await sink.close();
  }
}
