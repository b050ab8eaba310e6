// Listing and deleting log streams (services.md §2.7, §2.8, decisions S5, S17, S18, S20, S21).
import { DeleteLogStreamCommand } from '@aws-sdk/client-cloudwatch-logs';
import { EXIT, WazuhAwsError } from '@wazuh-aws/core';
import { nextListingToken, type PageSource } from './log-requests.js';
import type { CloudWatchRun, CloudWatchTuning } from './types.js';

/** A group's streams, or why they could not be listed (then nothing is read or purged). */
export type StreamListing =
  | { ok: true; streams: string[] }
  | {
      ok: false /** Exit code the run ends with, when the failure should fail the run. */;
      deferredExit?: number;
    };

/** Lists every stream of `group` (all pages, once per run). */
export async function listLogStreams(
  run: CloudWatchRun,
  source: PageSource,
  group: string,
  tuning: CloudWatchTuning,
): Promise<StreamListing> {
  const { logger } = run;
  logger.debug(1, `Getting log streams for "${group}" log group`);
  const streams: string[] = [];
  let token: string | undefined;
  try {
    for (let page = 0; page < tuning.maxPages; page++) {
      run.checkInterrupted();
      const request = { group, token };
      const response = await source.streams(request);
      for (const stream of response.logStreams ?? []) {
        if (stream.logStreamName !== undefined) streams.push(stream.logStreamName);
      }
      token = nextListingToken(request, response);
      if (token === undefined) break;
    }
  } catch (error) {
    if (error instanceof WazuhAwsError) throw error;
    const failure = run.describeError(error, 'DescribeLogStreams');
    if (failure.kind === 'connection') {
      logger.error(failure.text);
      return { ok: false };
    }
    // Decision S17: name the group, keep going with the others, fail the run at the end.
    logger.error(
      `The specified "${group}" log group does not exist or insufficient privileges to access it.`,
    );
    logger.debug(1, `+++ The "get_log_streams" request failed: ${failure.text}`);
    return { ok: false, deferredExit: EXIT.THROTTLING };
  }
  for (const name of streams) logger.debug(2, `Found "${name}" log stream in ${group}`);
  if (streams.length === 0) logger.debug(1, `No log streams were found for log group "${group}"`);
  return { ok: true, streams };
}

/** Deletes a stream whose row was already saved; false when it could not be removed. */
export async function removeLogStream(run: CloudWatchRun, group: string, stream: string): Promise<boolean> {
  run.logger.debug(1, `Removing log stream "${stream}" from log group "${group}"`);
  try {
    await run.clients.logs.send(new DeleteLogStreamCommand({ logGroupName: group, logStreamName: stream }));
    return true;
  } catch (error) {
    const failure = run.describeError(error, 'DeleteLogStream');
    if (failure.kind === 'response') {
      throw new WazuhAwsError(`The "remove_aws_log_stream" request failed: ${failure.text}`, {
        exitCode: EXIT.THROTTLING,
        code: 'CLOUDWATCH_DELETE_LOG_STREAM',
        cause: error,
      });
    }
    run.logger.error(`Error trying to remove "${stream}" log stream from "${group}" log group.`);
    return false;
  }
}
