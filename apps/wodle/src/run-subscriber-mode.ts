import { SQSClient } from '@aws-sdk/client-sqs';
import { EXIT, type RunContext, WazuhAwsError } from '@wazuh-aws/core';
import { runSubscriber, type SubscriberRunSummary } from '@wazuh-aws/core/engine';
import { type ParsedArguments, regionsForMode, type SubscriberType } from './cli/index.js';
import { loadPlugin, SUBSCRIBER_PLUGINS } from './registry.js';

/**
 * Subscriber mode: consume an SQS queue of object notifications (cli.md §5.4). The SQS client's
 * region is the first `--regions` entry, else the SDK's chain (decision Q21); it never uses
 * `--service_endpoint` (Q20).
 */
export async function runSubscriberMode(
  args: ParsedArguments,
  subscriber: SubscriberType,
  context: RunContext,
): Promise<SubscriberRunSummary> {
  const region =
    regionsForMode(args, undefined, context.logger)[0] ?? context.aws.profileRegion ?? envRegion();
  if (!region) {
    throw new WazuhAwsError(
      'No region for the SQS queue: give --regions or set a region in the AWS profile or AWS_REGION',
      {
        exitCode: EXIT.INVALID_TYPE,
        code: 'SQS_NO_REGION',
      },
    );
  }
  const plugin = await loadPlugin('subscriber', subscriber, SUBSCRIBER_PLUGINS[subscriber]);
  const { createSqsQueue } = await import('@wazuh-aws/sqs');
  const sqs = await context.aws.create(SQSClient, { service: 'sqs', region, useServiceEndpoint: false });
  return runSubscriber(context, plugin, { queue: createSqsQueue(sqs, args.queue!) });
}

function envRegion(): string | undefined {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined;
}
