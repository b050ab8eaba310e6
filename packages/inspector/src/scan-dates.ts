// The scan window's dates (services.md §1.5, §3.2 steps 2–6, decision S33). Pure.
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dayText(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** `YYYYMMDD` → that day 00:00 UTC. */
export function parseOnlyLogsAfter(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) throw new TypeError(`only_logs_after must be YYYYMMDD, got ${value}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** The initial row's text: OLA (or today) as `YYYY-MM-DD 00:00:00.0`. */
export function initialScanText(onlyLogsAfter: string | undefined, defaultDate: Date): string {
  const day = onlyLogsAfter === undefined ? defaultDate : parseOnlyLogsAfter(onlyLogsAfter);
  return `${dayText(day)} 00:00:00.0`;
}

/** A stored `scan_date` as UTC, with or without a fraction (decision S33); undefined when unreadable. */
export function parseScanDate(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!m) return undefined;
  const ms = m[7] === undefined ? 0 : Math.floor(Number(m[7].padEnd(6, '0')) / 1000);
  const date = new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms),
  );
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` (always six digits): the stored scan date. */
export function scanDateText(date: Date): string {
  return `${naiveText(date, false)}.${pad(date.getUTCMilliseconds(), 3)}000`;
}

/** Python's naive `str(datetime)`: the fraction only when it is not zero. */
export function naiveText(date: Date, withFraction = true): string {
  const base = `${dayText(date)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  return withFraction && ms !== 0 ? `${base}.${pad(ms, 3)}000` : base;
}

/** Whole seconds, as boto3 puts date-times on the wire (fraction truncated). */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
