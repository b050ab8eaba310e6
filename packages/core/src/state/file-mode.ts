import { chmodSync, closeSync, openSync, statSync } from 'node:fs';

/** Owner read/write only: state files hold account ids and bucket layouts. */
export const STATE_FILE_MODE = 0o600;

/**
 * Creates `path` with mode 0600 when missing; removes world access from an existing file (group
 * bits are kept: Wazuh installs share the wodle directory with the `wazuh` group).
 */
export function ensurePrivateFile(path: string): void {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (mode === undefined) {
    closeSync(openSync(path, 'a', STATE_FILE_MODE));
    return;
  }
  if (mode & 0o007) chmodSync(path, mode & 0o770);
}
