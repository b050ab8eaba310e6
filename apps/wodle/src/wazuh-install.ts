import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { EXIT, WazuhAwsError, type WazuhInstall } from '@wazuh-aws/core';

const DEFAULT_HOME = '/var/ossec';

/**
 * The Wazuh install directory: `--wazuh-path` / `WAZUH_PATH`, else the parent of the first
 * `wodles` folder above the program (core.md §3.1), else /var/ossec.
 */
export function findWazuhHome(explicit: string | undefined, programPath: string | undefined): string {
  if (explicit) return resolve(explicit);
  if (programPath) {
    const absolute = isAbsolute(programPath) ? programPath : resolve(programPath);
    const parts = absolute.split(sep);
    const at = parts.indexOf('wodles');
    if (at > 0) return parts.slice(0, at).join(sep) || sep;
  }
  return DEFAULT_HOME;
}

/** `WAZUH_VERSION` from `bin/wazuh-control info`, parsed leniently (decision C27). */
export function parseControlInfo(output: string): string | undefined {
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s*WAZUH_VERSION\s*=\s*"?([^"]*)"?\s*$/.exec(line);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/**
 * The installed version: `wazuh-control info`, else the install's VERSION file, else `unknown`
 * when running without Wazuh. A Wazuh install whose control program cannot run is the
 * reference's exit 1.
 */
export function readWazuhVersion(home: string, requireWazuh: boolean): string {
  const control = join(home, 'bin', 'wazuh-control');
  let output: string | undefined;
  try {
    output = execFileSync(control, ['info'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    });
  } catch {
    output = undefined;
  }
  const version = (output !== undefined ? parseControlInfo(output) : undefined) ?? readVersionFile(home);
  if (version) return version;
  if (output === undefined && requireWazuh) {
    throw new WazuhAwsError(`a problem occurred while executing ${control}`, {
      exitCode: EXIT.UNKNOWN,
      code: 'WAZUH_CONTROL',
    });
  }
  return 'unknown';
}

function readVersionFile(home: string): string | undefined {
  try {
    const text = readFileSync(join(home, 'VERSION'), 'utf8');
    return parseControlInfo(text) ?? (text.trim().split(/\s/)[0] || undefined);
  } catch {
    return undefined;
  }
}

export function resolveWazuhInstall(
  explicit: string | undefined,
  programPath: string | undefined,
  requireWazuh: boolean,
): WazuhInstall {
  const home = findWazuhHome(explicit, programPath);
  return { home, version: readWazuhVersion(home, requireWazuh), wodleDir: join(home, 'wodles', 'aws') };
}
