// Inspector Classic: ListFindings by creation time, DescribeFindings in batches of 10 (services.md
// §4.2, decision S31). Used only where Classic exists; an account without Classic is not an error.
import { DescribeFindingsCommand, ListFindingsCommand } from '@aws-sdk/client-inspector';
import { type JsonObject, logDiscard } from '@wazuh-aws/core';
import { naiveText, wholeSeconds } from './scan-dates.js';
import { DESCRIBE_BATCH, type InspectorRun, MAX_PAGES, PAGE_SIZE, type ScanWindow } from './types.js';

/** Sends every Classic finding created inside `window`; returns how many were sent. */
export async function collectClassicFindings(run: InspectorRun, window: ScanWindow): Promise<number> {
  const client = run.clients.classic;
  if (client === undefined) return 0;
  const filter = {
    creationTimeRange: { beginDate: wholeSeconds(window.from), endDate: wholeSeconds(window.to) },
  };
  let sent = 0;
  let token: string | undefined;
  // No interruption check here: a region is Inspector's unit of state (its scan row), so a stop
  // signal is honoured between regions and a rerun never re-sends a finished region's findings.
  for (let page = 0; page < MAX_PAGES; page++) {
    let arns: string[];
    let next: string | undefined;
    try {
      const response = await client.send(
        new ListFindingsCommand({ maxResults: PAGE_SIZE, filter, nextToken: token }),
      );
      arns = response.findingArns ?? [];
      next = response.nextToken;
    } catch (error) {
      // Only the first call decides whether Classic is in use here (not subscribed, no access…).
      if (page > 0) throw error;
      const failure = run.describeError(error, 'ListFindings');
      run.logger.debug(1, `+++ Inspector Classic is not available in ${run.region}: ${failure.text}`);
      return 0;
    }
    if (page === 0) run.logger.debug(2, `+++ Listing findings starting from ${naiveText(window.from)}`);
    sent += await describeFindings(run, arns);
    if (!next || next === token) break;
    token = next;
  }
  return sent;
}

async function describeFindings(run: InspectorRun, arns: readonly string[]): Promise<number> {
  const { logger, discard } = run;
  let sent = 0;
  for (let i = 0; i < arns.length; i += DESCRIBE_BATCH) {
    const response = await run.clients.classic!.send(
      new DescribeFindingsCommand({ findingArns: arns.slice(i, i + DESCRIBE_BATCH) }),
    );
    const findings = response.findings ?? [];
    logger.debug(3, `+++ Processing ${findings.length} events`);
    for (const finding of findings) {
      if (discard?.matchesEvent(finding)) {
        logDiscard(logger, discard, true);
        continue;
      }
      await run.emit(finding as unknown as JsonObject);
      sent++;
    }
  }
  return sent;
}
