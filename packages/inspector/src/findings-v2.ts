// Inspector v2: ListFindings by `updatedAt` window, 100 per page (services.md §3.2 steps 8–9).
import { type Finding, ListFindingsCommand } from '@aws-sdk/client-inspector2';
import { type JsonObject, logDiscard } from '@wazuh-aws/core';
import { wholeSeconds } from './scan-dates.js';
import { type InspectorRun, MAX_PAGES, PAGE_SIZE, type ScanWindow } from './types.js';

/** Sends every v2 finding updated inside `window`; returns how many were sent. */
export async function collectV2Findings(run: InspectorRun, window: ScanWindow): Promise<number> {
  const { logger, discard } = run;
  const filterCriteria = {
    updatedAt: [{ startInclusive: wholeSeconds(window.from), endInclusive: wholeSeconds(window.to) }],
  };
  let sent = 0;
  let token: string | undefined;
  // No interruption check here: a region is Inspector's unit of state (its scan row), so a stop
  // signal is honoured between regions and a rerun never re-sends a finished region's findings.
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await run.clients.v2.send(
      new ListFindingsCommand({ maxResults: PAGE_SIZE, filterCriteria, nextToken: token }),
    );
    const findings: Finding[] = response.findings ?? [];
    logger.debug(3, `+++ [InspectorV2] Processing ${findings.length} events`);
    for (const finding of findings) {
      if (discard?.matchesEvent(finding)) {
        logDiscard(logger, discard, true, { label: '[InspectorV2] ' });
        continue;
      }
      await run.emit(finding as unknown as JsonObject);
      sent++;
    }
    if (!response.nextToken || response.nextToken === token) break;
    token = response.nextToken;
  }
  return sent;
}
