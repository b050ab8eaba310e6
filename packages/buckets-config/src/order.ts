import type { ObjectRef } from '@wazuh-aws/core';

const KEY_DATE = /\/(\d{4})\/(\d{1,2})\/(\d{1,2})\//;

/** The `YYYYMMDD` number of a Config key's `/YYYY/M/D/` folder, or undefined. */
export function configKeyDate(key: string): number | undefined {
  const match = KEY_DATE.exec(key);
  if (!match) return undefined;
  return Number(match[1]) * 10_000 + Number(match[2]) * 100 + Number(match[3]);
}

/**
 * Config's per-page order (buckets.md §3.2): keys sorted by their `/YYYY/M/D/` folder date
 * (stable), keys dated before `onlyLogsAfter` (`YYYYMMDD`) dropped. Keys without a date folder
 * are dropped too (decision B16; the reference aborted).
 */
export function orderConfigPage(objects: ObjectRef[], onlyLogsAfter: string | undefined): ObjectRef[] {
  const from = onlyLogsAfter === undefined ? undefined : Number(onlyLogsAfter);
  const dated: Array<{ object: ObjectRef; date: number }> = [];
  for (const object of objects) {
    const date = configKeyDate(object.key);
    if (date === undefined || (from !== undefined && date < from)) continue;
    dated.push({ object, date });
  }
  return dated.sort((a, b) => a.date - b.date).map((entry) => entry.object);
}
