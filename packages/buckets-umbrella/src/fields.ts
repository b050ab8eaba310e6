import { EXIT, WazuhAwsError } from '@wazuh-aws/core';

/** The Cisco Umbrella log kinds and their CSV columns, in order (buckets.md §3.11). */
export const UMBRELLA_FIELDS = {
  dnslogs: [
    'timestamp',
    'most_granular_identity',
    'identities',
    'internal_ip',
    'external_ip',
    'action',
    'query_type',
    'response_code',
    'domain',
    'categories',
    'most_granular_identity_type',
    'identity_types',
    'blocked_categories',
  ],
  proxylogs: [
    'timestamp',
    'identities',
    'internal_ip',
    'external_ip',
    'destination_ip',
    'content_type',
    'verdict',
    'url',
    'referer',
    'user_agent',
    'status_code',
    'requested_size',
    'response_size',
    'response_body_size',
    'sha',
    'categories',
    'av_detections',
    'puas',
    'amp_disposition',
    'amp_malware_name',
    'amp_score',
    'identity_type',
    'blocked_categories',
  ],
  iplogs: [
    'timestamp',
    'identity',
    'source_ip',
    'source_port',
    'destination_ip',
    'destination_port',
    'categories',
  ],
} as const satisfies Record<string, readonly string[]>;

/** `dnslogs`, `proxylogs` or `iplogs`. */
export type UmbrellaLogKind = keyof typeof UMBRELLA_FIELDS;

const KINDS = Object.keys(UMBRELLA_FIELDS) as UmbrellaLogKind[];

/** The log kind a prefix names: the first of `dnslogs`, `proxylogs`, `iplogs` it contains. */
export function umbrellaKindOfPrefix(prefix: string): UmbrellaLogKind | undefined {
  return KINDS.find((kind) => prefix.includes(kind));
}

/** The reference's exit-12 error for a prefix that names no log kind. */
export class UmbrellaPrefixError extends WazuhAwsError {
  constructor() {
    super("Only 'dnslogs', 'proxylogs' or 'iplogs' are allowed for Cisco Umbrella", {
      exitCode: EXIT.INVALID_TYPE,
      code: 'UMBRELLA_PREFIX',
    });
    this.name = 'UmbrellaPrefixError';
  }
}
