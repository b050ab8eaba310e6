import type { BucketPlugin } from '../../plugin/types.js';
import { formatMarkerDate } from './key-layout.js';

export interface MarkerInput {
  plugin: BucketPlugin;
  fullPrefix: string;
  reparse: boolean;
  onlyLogsAfter?: Date | undefined;
  defaultDate: Date;
  /** The greatest processed key of this scope, from the state DB. */
  lastKey?: string | undefined;
}

export interface Marker {
  /** The marker as the reference prints it in `+++ Marker:`. */
  printed: string;
  /** What goes to ListObjectsV2 as StartAfter. */
  startAfter: string;
  /** GuardDuty's day-folder cut, when it applied. */
  rewoundTo?: string | undefined;
}

const DAY = 86_400_000;
const SLASH_DATE = /\d{4}\/\d{2}\/\d{2}/;

/** The StartAfter of the first listing request of a scope (buckets.md §1.8). */
export function computeMarker(input: MarkerInput): Marker {
  const { plugin, fullPrefix } = input;
  const dateMarker = (date: Date) => fullPrefix + formatMarkerDate(date, plugin.markerDateFormat);
  const olaMarker = input.onlyLogsAfter ? dateMarker(input.onlyLogsAfter) : undefined;

  let base: string;
  if (input.reparse) base = olaMarker ?? dateMarker(input.defaultDate);
  else if (input.lastKey !== undefined)
    base = plugin.lateArrival ? rewindOneDay(input.lastKey, dateMarker) : input.lastKey;
  else base = olaMarker ?? dateMarker(input.defaultDate);

  if (plugin.markerMode === 'year-folder') {
    // Config lists from the start of the year folder after the full prefix (decision B19).
    const rest = base.startsWith(fullPrefix) ? base.slice(fullPrefix.length) : base;
    const year = /^(.*?\/?\d{4}\/)/.exec(rest);
    return { printed: base, startAfter: year ? base.slice(0, base.length - rest.length) + year[1] : base };
  }

  let startAfter = olaMarker !== undefined && olaMarker > base ? olaMarker : base;
  const printed = withDelimiter(startAfter, fullPrefix, plugin.markerDelimiter);
  startAfter = printed;
  if (plugin.markerMode === 'day-folder') {
    const cut = /^.*?\/GuardDuty\/[^/]+\/\d{4}\/\d{2}\/\d{2}\//.exec(startAfter);
    if (cut) return { printed, startAfter: cut[0], rewoundTo: cut[0] };
  }
  return { printed, startAfter };
}

/** Late-arrival tables restart at the previous day's folder of the last key. */
function rewindOneDay(key: string, dateMarker: (date: Date) => string): string {
  const match = SLASH_DATE.exec(key);
  if (!match) return key;
  const [y, m, d] = match[0].split('/').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return key;
  return dateMarker(new Date(date.getTime() - DAY));
}

function withDelimiter(marker: string, prefix: string, delimiter: string | undefined): string {
  if (!delimiter) return marker;
  return marker.slice(0, prefix.length) + marker.slice(prefix.length).replaceAll('/', delimiter);
}
