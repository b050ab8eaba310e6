import type { BucketPlugin, MarkerDateFormat } from '../../plugin/types.js';

/** What the CLI says about where the logs are. */
export interface BucketLocation {
  bucket: string;
  /** `--trail_prefix`, '' or ending in '/'. */
  prefix: string;
  /** `--trail_suffix`, '' or ending in '/'. */
  suffix: string;
  organizationId?: string | undefined;
}

/** Key prefixes of one bucket type (buckets.md §1.3). */
export interface KeyPrefixes {
  /** `prefix + AWSLogs/ + suffix [+ org/]`, the folder holding account ids. */
  base: string;
  /** Folder holding the region folders of an account. */
  service(account: string): string;
  /** Where this account's region files are listed; just `prefix` for flat types. */
  full(account: string | undefined, region: string | undefined): string;
  /** Stored in every state row (`bucket/prefix[suffix]`). */
  bucketPath: string;
}

export function keyPrefixes(plugin: BucketPlugin, location: BucketLocation): KeyPrefixes {
  const { bucket, prefix, suffix, organizationId } = location;
  const org = plugin.layout === 'awslogs' && organizationId ? `${organizationId}/` : '';
  const base = `${prefix}AWSLogs/${suffix}${org}`;
  const service = (account: string) => `${base}${account}/${plugin.serviceFolder ?? ''}/`;
  const flat = plugin.layout === 'flat';
  return {
    base,
    service,
    full: (account, region) => (flat || !account || !region ? prefix : `${service(account)}${region}/`),
    bucketPath: plugin.schema === 'custom' ? `${bucket}/${prefix}` : `${bucket}/${prefix}${suffix}`,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date in the type's marker format (UTC calendar day). */
export function formatMarkerDate(date: Date, format: MarkerDateFormat): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  switch (format) {
    case 'YYYY/MM/DD':
      return `${y}/${pad(m)}/${pad(d)}`;
    case 'YYYY/M/D':
      return `${y}/${m}/${d}`;
    case 'YYYY-MM-DD':
      return `${y}-${pad(m)}-${pad(d)}`;
  }
}

/** `YYYYMMDD` (the CLI's only_logs_after form) → a UTC date. */
export function parseCompactDate(value: string): Date {
  return new Date(
    Date.UTC(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8))),
  );
}
