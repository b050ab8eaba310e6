import { join } from 'node:path';
import type { RunContext } from '@wazuh-aws/core';
import { openObjectStore } from '@wazuh-aws/core/aws';
import { type RunSummary, runBucket } from '@wazuh-aws/core/engine';
import { createBucketStateStore, openStateDatabase } from '@wazuh-aws/core/state';
import type { BucketType, ParsedArguments } from './cli/index.js';
import { startParseThreads } from './parse-threads.js';
import { loadBucketPlugin } from './registry.js';

/** Bucket mode: one bucket of one type, state in `s3_cloudtrail.db` (cli.md §5.2). */
export async function runBucketMode(
  args: ParsedArguments,
  type: BucketType,
  regions: string[],
  context: RunContext,
): Promise<RunSummary> {
  const plugin = await loadBucketPlugin(type);
  const store = await openObjectStore(context.aws, regions[0], { logger: context.logger });
  const db = openStateDatabase({
    path: join(context.wazuh.wodleDir, 's3_cloudtrail.db'),
    wazuhVersion: context.wazuh.version,
    logger: context.logger,
  });
  const parsePool = startParseThreads(type, context, args.parseThreads);
  try {
    const state = createBucketStateStore(db, { table: plugin.table, schema: plugin.schema });
    return await runBucket(
      plugin,
      context,
      {
        bucket: args.bucket!,
        prefix: args.trailPrefix,
        suffix: args.trailSuffix,
        organizationId: args.organizationId,
        accountIds: args.accountIds,
        regions,
        remove: args.remove,
        endpoint: args.serviceEndpoint,
      },
      { store, state, parsePool },
    );
  } finally {
    await parsePool?.close();
    db.close();
  }
}
