// Reads one range of a log stream with GetLogEvents and sends every event raw (services.md §2.5,
// decisions S2–S4, S9, S11, S14, S16, S38).
import type { OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { EXIT, isObject, logDiscard, parsePythonJson, WazuhAwsError } from '@wazuh-aws/core';
import {
  type EventsPage,
  type EventsRequest,
  endsRange,
  forwardToken,
  type PageSource,
} from './log-requests.js';
import type { LogRange, RangeProgress } from './stream-plan.js';
import type { CloudWatchRun, CloudWatchTuning } from './types.js';

const none = (value: unknown) => (value === undefined ? 'None' : String(value));

/** Where a range is: names for requests and debug lines. */
export interface StreamRef {
  group: string;
  stream: string;
}

/**
 * Pages through `range` until AWS returns an empty page or hands back the token it was sent
 * (decision S4), updating `progress` after each page so a partial read can be saved.
 * Returns false when the stream no longer exists.
 */
export async function readRange(
  run: CloudWatchRun,
  source: PageSource,
  ref: StreamRef,
  range: LogRange,
  progress: RangeProgress,
  tuning: CloudWatchTuning,
): Promise<boolean> {
  const { logger } = run;
  let token = range.token;
  let sentInRange = 0;
  for (let page = 0; page < tuning.maxPages; page++) {
    run.checkInterrupted();
    logger.debug(
      1,
      `Getting CloudWatch logs from log stream "${ref.stream}" in log group "${ref.group}" using token "${none(token)}", start_time "${range.start}" and end_time "${none(range.end)}"`,
    );
    const request = { ...ref, token, start: range.start, end: range.end };
    const response = await getLogEvents(run, source, request, tuning);
    if (response === 'gone') return false;
    if (response === 'token-rejected') {
      // Decision S9: an expired or invalid stored token; read by time from the range start instead.
      logger.debug(
        1,
        `+++ The stored token for log stream "${ref.stream}" was rejected; reading from ${range.start}`,
      );
      token = undefined;
      progress.token = undefined;
      continue;
    }
    const events = response.events ?? [];
    token = forwardToken(request, response);
    let sent = 0;
    if (events.length > 0) logger.debug(1, '+++ Sending events to Analysisd...');
    for (const event of events) {
      if (await handleEvent(run, event)) sent++;
    }
    // The page is the unit of progress: a failure inside it re-reads the whole page next time.
    for (const { timestamp } of events) {
      if (timestamp === undefined) continue;
      progress.minStart = Math.min(progress.minStart, timestamp);
      progress.maxEnd = progress.maxEnd === undefined ? timestamp : Math.max(progress.maxEnd, timestamp);
    }
    progress.read += events.length;
    progress.token = token;
    if (sent > 0) logger.debug(1, `+++ Sent ${sent} events to Analysisd`);
    sentInRange += sent;
    if (endsRange(request, response)) break;
  }
  if (sentInRange === 0) logger.debug(1, `+++ There are no new events in the "${ref.group}" group`);
  return true;
}

/** Applies the discard filter and sends one event raw; true when it was sent. */
async function handleEvent(run: CloudWatchRun, event: OutputLogEvent): Promise<boolean> {
  const { logger, discard } = run;
  const message = event.message ?? '';
  let parsed: unknown;
  let isJson = true;
  try {
    parsed = parsePythonJson(message);
  } catch {
    isJson = false;
  }
  // Decision S16: only JSON objects take the field path; everything else is matched as text.
  const json = isJson && isObject(parsed);
  if (!json) logger.debug(3, '+++ Retrieved log event is not a JSON object.');
  const discarded =
    discard !== undefined && (json ? discard.matchesEvent(parsed) : discard.matchesText(message));
  logDiscard(logger, discard, discarded, { text: !json });
  if (discarded) return false;
  logger.debug(2, () => `The message is "${message}"`);
  logger.debug(3, () => `The message's timestamp is ${none(event.timestamp)}`);
  await run.emit(message);
  return true;
}

type PageResult = EventsPage | 'gone' | 'token-rejected';

/** One GetLogEvents call with the error rules of §2.5 (decisions S3, S9). */
async function getLogEvents(
  run: CloudWatchRun,
  source: PageSource,
  request: EventsRequest,
  tuning: CloudWatchTuning,
): Promise<PageResult> {
  const { token } = request;
  for (let attempt = 0; ; attempt++) {
    try {
      // The first attempt may be a page read ahead; a retry always asks AWS again.
      return await source.events(request);
    } catch (error) {
      const failure = run.describeError(error, 'GetLogEvents');
      if (failure.kind === 'connection' && attempt < tuning.endpointRetryDelaysMs.length) {
        run.logger.debug(
          1,
          'WARNING: The "get_log_events" request was denied because the endpoint URL was not available. Attempting again.',
        );
        await sleep(tuning.endpointRetryDelaysMs[attempt]!, run.signal);
        run.checkInterrupted();
        continue;
      }
      if (
        failure.kind === 'response' &&
        token !== undefined &&
        failure.code === 'InvalidParameterException'
      ) {
        return 'token-rejected';
      }
      if (failure.kind === 'response' && failure.code === 'ResourceNotFoundException') {
        run.logger.debug(1, `+++ The log stream "${request.stream}" no longer exists: ${failure.text}`);
        return 'gone';
      }
      throw new WazuhAwsError(`The "get_log_events" request failed: ${failure.text}`, {
        exitCode: EXIT.THROTTLING,
        code: 'CLOUDWATCH_GET_LOG_EVENTS',
        cause: error,
      });
    }
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
