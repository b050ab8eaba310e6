// Which regions a run iterates (cli.md §5.2 step 2, §5.3, §6 with decisions L7, L8, L9, C1):
// every explicit region is validated before any work starts.
import { EXIT, type Logger, silentLogger, WazuhAwsError } from '@wazuh-aws/core';
import type { ParsedArguments } from './args.js';
import { GENERAL_REGION_CATALOG, INSPECTOR_REGION_CATALOG, type RegionCatalog } from './regions.js';
import { resolveService } from './targets.js';

function validated(regions: readonly string[], catalog: RegionCatalog): string[] {
  for (const region of regions) {
    if (!catalog.accepted.has(region)) {
      throw new WazuhAwsError(`${catalog.failure} region '${region}'`, {
        exitCode: EXIT.INVALID_REGION,
        code: catalog.failure === 'Invalid' ? 'INVALID_REGION' : 'UNSUPPORTED_REGION',
      });
    }
  }
  return [...regions];
}

/**
 * The ordered region list of the run, every entry validated up front.
 *
 * - bucket: `--regions` checked against every known region (GovCloud and China included); none
 *   given → `[]` (regions are discovered from the bucket's keys).
 * - service: `--regions`, else the profile's region (`profileRegion`, read by the caller from
 *   `~/.aws/config` for `--aws_profile` or `default`), else the service's fallback list with the
 *   reference's debug-1 warning. Inspector accepts only Inspector v2 regions (`Unsupported region`).
 * - subscriber: `--regions` checked (its first entry is the SQS client's region), else `[]`.
 *
 * Throws a `WazuhAwsError` with exit 22 and message `Invalid region '{r}'` or
 * `Unsupported region '{r}'` (printed as an `ERROR:` line, decision L7).
 */
export function regionsForMode(
  parsed: Pick<ParsedArguments, 'mode' | 'service' | 'regions'>,
  profileRegion?: string,
  logger: Logger = silentLogger,
): string[] {
  if (parsed.mode === 'bucket' || parsed.mode === 'subscriber') {
    return validated(parsed.regions, GENERAL_REGION_CATALOG);
  }
  if (parsed.mode !== 'service') return [];
  const inspector = resolveService(parsed.service) === 'inspector';
  const catalog = inspector ? INSPECTOR_REGION_CATALOG : GENERAL_REGION_CATALOG;
  if (parsed.regions.length > 0) return validated(parsed.regions, catalog);
  const fromProfile = profileRegion?.trim();
  if (fromProfile) return validated([fromProfile], catalog);
  logger.debug(
    1,
    inspector
      ? '+++ Warning: No regions were specified, trying to get events from supported regions'
      : '+++ Warning: No regions were specified, trying to get events from all regions',
  );
  return [...catalog.fallback];
}
