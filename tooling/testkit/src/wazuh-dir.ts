import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway Wazuh installation directory. */
export interface WazuhDir {
  readonly root: string;
  /** `<root>/queue/sockets/queue` (nothing is bound there). */
  readonly socketPath: string;
  /** `<root>/wodles/aws` (state databases). */
  readonly wodleDir: string;
  cleanup(): void;
}

export interface WazuhDirOptions {
  /** What `bin/wazuh-control info` reports. @default 'v5.1.0' */
  version?: string;
}

/**
 * Creates `bin/wazuh-control` (prints `WAZUH_VERSION`, `WAZUH_REVISION`, `WAZUH_TYPE` on `info`),
 * `queue/sockets/` and `wodles/aws/` in a new temp dir.
 */
export function createWazuhDir(options: WazuhDirOptions = {}): WazuhDir {
  const version = options.version ?? 'v5.1.0';
  const root = mkdtempSync(join(tmpdir(), 'wazuh-aws-home-'));
  for (const dir of ['bin', 'queue/sockets', 'wodles/aws']) mkdirSync(join(root, dir), { recursive: true });
  const control = join(root, 'bin', 'wazuh-control');
  writeFileSync(
    control,
    [
      '#!/bin/sh',
      'if [ "$1" = "info" ]; then',
      `  echo 'WAZUH_VERSION="${version}"'`,
      `  echo 'WAZUH_REVISION="rc1"'`,
      `  echo 'WAZUH_TYPE="agent"'`,
      'fi',
      '',
    ].join('\n'),
  );
  chmodSync(control, 0o755);
  return {
    root,
    socketPath: join(root, 'queue', 'sockets', 'queue'),
    wodleDir: join(root, 'wodles', 'aws'),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
