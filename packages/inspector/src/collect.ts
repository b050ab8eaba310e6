// One region of Inspector (services.md §3.2, §4.2, decisions S25, S28, S29, S33): the window
// starts at the last scan (or OLA/today), both generations are read, and the scan row is recorded
// only when the region finished, so a failed region is read again next time.
import { EXIT, isWazuhAwsError, type ServiceRegionResult } from '@wazuh-aws/core';
import { collectClassicFindings } from './findings-classic.js';
import { collectV2Findings } from './findings-v2.js';
import { initialScanText, naiveText, parseOnlyLogsAfter, parseScanDate, scanDateText } from './scan-dates.js';
import type { InspectorRun, ScanWindow } from './types.js';

/** Collects the findings of one region and records the scan. */
export async function collectInspector(run: InspectorRun): Promise<ServiceRegionResult> {
  const { logger, settings, region } = run;
  const initial = initialScanText(settings.onlyLogsAfter, run.defaultDate);
  const stored = settings.reparse ? undefined : run.state.lastScan();
  const lastScanText = stored ?? initial;
  const lastScan = parseScanDate(lastScanText);
  if (lastScan === undefined) {
    logger.error(`Inspector: the last scan date "${lastScanText}" stored for ${region} cannot be read`);
    return { deferredExit: EXIT.INVALID_TYPE };
  }
  const ola = settings.onlyLogsAfter === undefined ? undefined : parseOnlyLogsAfter(settings.onlyLogsAfter);
  const window: ScanWindow = {
    from: ola !== undefined && ola > lastScan ? ola : lastScan,
    to: run.now(),
  };
  logger.debug(2, `+++ Attempting to fetch Inspector V2 findings from ${naiveText(window.from)}`);
  let sentV2: number;
  let sentClassic: number;
  try {
    sentV2 = await collectV2Findings(run, window);
    sentClassic = await collectClassicFindings(run, window);
  } catch (error) {
    // Interruption, sender and state errors end the run; AWS errors end only this region (S29).
    if (isWazuhAwsError(error)) throw error;
    const failure = run.describeError(error, 'ListFindings');
    logger.error(`Could not get the Inspector findings of the "${region}" region: ${failure.text}`);
    return { deferredExit: EXIT.INVALID_TYPE };
  }
  logger.debug(
    1,
    sentV2 > 0
      ? `+++ [InspectorV2] ${sentV2} events collected and processed`
      : '+++ [InspectorV2] No findings with recent updates in the specified time range',
  );
  const total = sentV2 + sentClassic;
  logger.debug(
    1,
    total > 0
      ? `+++ Total: ${total} events collected and processed in ${region}`
      : `+++ There are no new events in the "${region}" region`,
  );
  // Reparse never writes the initial row (S27); a first scan writes it with the scan row (S6).
  run.state.recordScan(
    scanDateText(window.to),
    settings.reparse || stored !== undefined ? undefined : initial,
  );
  return {};
}
