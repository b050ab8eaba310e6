// Config `createdTime` (buckets.md §3.2, decision B18).
const CREATED_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2}):(\d{1,2})\.(\d{1,6})Z$/;

/**
 * Epoch seconds of a Config `createdTime`: numbers as they are; strings in the form
 * `%Y-%m-%dT%H:%M:%S.%fZ` (e.g. `2020-06-01T01:03:03.106Z`) read as UTC (decision B18; the
 * reference used the host's time zone) with the fraction dropped. Undefined when unparsable.
 */
export function createdTimeSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  const match = CREATED_TIME.exec(typeof value === 'string' ? value : String(value));
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(millis);
  // strptime rejects out-of-range fields (month 13, Feb 30, hour 24…) where Date.UTC would roll over.
  if (
    year < 1 ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  return millis / 1000;
}
