import { createDiscardFilter, type Logger, type RunContext } from '@wazuh-aws/core';
import { createAwsClientFactory } from '@wazuh-aws/core/aws';
import type { EventSink } from '@wazuh-aws/core/sender';
import { type ParsedArguments, regionsForMode, resolveTarget } from './cli/index.js';
import { createSink } from './output.js';
import { countingSink, createProgress, type Progress, progressAwareLogger } from './progress.js';
import type { RunReport } from './summary.js';
import { resolveWazuhInstall } from './wazuh-install.js';

type Target = ReturnType<typeof resolveTarget>;

export interface RunResult {
  /** What the run did, for the human summary on stderr; absent when nothing ran. */
  summary?: RunReport | undefined;
}

/** Builds the run's dependencies (the composition root) and runs the selected mode. */
export async function run(
  args: ParsedArguments,
  baseLogger: Logger & { addSecret(value: string): void },
  signal: AbortSignal,
  programPath: string | undefined,
): Promise<RunResult> {
  if (args.mode === 'none' && args.service === undefined && args.subscriber === undefined) return {};
  const target = resolveTarget(args, baseLogger);
  const name =
    target.mode === 'bucket' ? target.type : target.mode === 'service' ? target.service : target.subscriber;
  // Live counter on a terminal's stderr only; log lines erase it first so the two never mix.
  const live = process.stderr.isTTY === true;
  const progress = createProgress({
    label: `${target.mode} ${name}`,
    write: live ? (text) => process.stderr.write(text) : () => {},
    intervalMs: live ? 250 : 0,
  });
  const logger = live ? progressAwareLogger(baseLogger, progress) : baseLogger;
  try {
    return await runTarget(args, target, name, logger, progress, signal, programPath);
  } finally {
    progress.stop();
  }
}

async function runTarget(
  args: ParsedArguments,
  target: Target,
  name: string,
  logger: Logger & { addSecret(value: string): void },
  progress: Progress,
  signal: AbortSignal,
  programPath: string | undefined,
): Promise<RunResult> {
  for (const secret of [args.accessKey, args.secretKey, args.externalId])
    if (secret) logger.addSecret(secret);

  // Bucket regions are validated before anything is built (cli.md §5.2 step 2).
  const bucketRegions = target.mode === 'bucket' ? regionsForMode(args, undefined, logger) : [];
  // Subscribers never use the deprecated static keys (cli.md §3).
  const staticKeys =
    target.mode === 'subscriber' ? {} : { accessKey: args.accessKey, secretKey: args.secretKey };
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
  const sink: EventSink = countingSink(createSink(args.output, wazuh, logger), progress);
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
  const startedAt = Date.now();
  const report = (extra: Pick<RunReport, 'bucket' | 'subscriber'> = {}): RunResult => ({
    summary: {
      mode: target.mode,
      target: name,
      startedAt,
      finishedAt: Date.now(),
      events: progress.events,
      ...extra,
    },
  });
  try {
    switch (target.mode) {
      case 'bucket':
        return report({
          bucket: await (await import('./run-bucket-mode.js')).runBucketMode(
            args,
            target.type,
            bucketRegions,
            context,
          ),
        });
      case 'service':
        await (await import('./run-service-mode.js')).runServiceMode(args, target.service, context);
        return report();
      case 'subscriber':
        return report({
          subscriber: await (await import('./run-subscriber-mode.js')).runSubscriberMode(
            args,
            target.subscriber,
            context,
          ),
        });
    }
  } finally {
    await sink.close();
  }
}
