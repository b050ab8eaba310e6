import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { WazuhAwsError } from '../errors/errors.js';
import { EXIT } from '../errors/exit-codes.js';
import type { Logger } from '../log/logger.js';

/** Client settings read from the AWS config files for the chosen profile (core.md §4.1–§4.8). */
export interface ResolvedProfileSettings {
  /** Section name as the reference prints it (`default`, `dev`, `profile dev`). */
  section: string;
  region?: string | undefined;
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive' | 'legacy';
  forcePathStyle?: boolean | undefined;
  useAccelerateEndpoint?: boolean | undefined;
  /** Proxy of the profile (`proxy =` block, or the reference's flat `<profile>.proxy.*` options). */
  proxyUrl?: string | undefined;
}

const RETRY_MODES = new Set(['standard', 'adaptive', 'legacy']);

function invalidValue(detail: string): WazuhAwsError {
  return new WazuhAwsError(`Invalid key or value found in config: ${detail}`, {
    exitCode: EXIT.INVALID_KEY_FORMAT,
    code: 'INVALID_CONFIG_VALUE',
  });
}

/**
 * Reads the profile's settings with the SDK's own loader, which honours AWS_CONFIG_FILE /
 * AWS_SHARED_CREDENTIALS_FILE (C7), reads `[profile NAME]` sections (L12) and nested `s3 =`
 * blocks (C3); a profile defined only in the credentials file is valid (C5).
 */
export async function resolveProfileSettings(
  profile: string | undefined,
  logger: Logger,
): Promise<ResolvedProfileSettings> {
  const name = profile ?? 'default';
  const files = await loadSharedConfigFiles({ ignoreCache: true });
  const config = files.configFile[name];
  const credentials = files.credentialsFile[name];
  const section = profile === undefined || files.configFile[name] === undefined ? name : `profile ${name}`;
  if (profile !== undefined && config === undefined && credentials === undefined) {
    logger.debug(
      2,
      `The region for '${section}' must be specified in '~/.aws/config' under the '[${section}]' section.`,
    );
    throw new WazuhAwsError(`No profile named: '${profile}' was found in the user config file`, {
      exitCode: EXIT.PROFILE_NOT_FOUND,
      code: 'PROFILE_NOT_FOUND',
    });
  }
  const options: Record<string, string | undefined> = { ...credentials, ...config };
  const settings: ResolvedProfileSettings = { section, maxAttempts: 10, retryMode: 'standard' };
  if (options.region) {
    settings.region = options.region;
    logger.debug(2, `+++ Region '${options.region}' added to the configuration`);
  } else {
    logger.debug(2, `+++ No 'region' found in profile '${section}'`);
  }
  if (options.max_attempts !== undefined || options.retry_mode !== undefined) {
    logger.debug(
      2,
      `Retries parameters found in user profile. Using profile '${section}' retries configuration`,
    );
    if (options.max_attempts !== undefined) {
      const attempts = Number(options.max_attempts.trim());
      if (!Number.isInteger(attempts) || attempts < 1) {
        throw invalidValue(`max_attempts must be a positive integer, got '${options.max_attempts}'`);
      }
      settings.maxAttempts = attempts;
    }
    if (options.retry_mode !== undefined) {
      if (!RETRY_MODES.has(options.retry_mode)) {
        throw invalidValue(`retry_mode must be standard, adaptive or legacy, got '${options.retry_mode}'`);
      }
      settings.retryMode = options.retry_mode as ResolvedProfileSettings['retryMode'];
    }
  } else {
    logger.debug(
      2,
      'No retries configuration found in profile config. Generating default configuration for retries: mode: standard - max_attempts: 10',
    );
  }
  settings.proxyUrl = profileProxy(options, section.replace(/^profile /, ''));
  const style = options['s3.addressing_style'];
  if (style === 'path') settings.forcePathStyle = true;
  else if (style === 'virtual') settings.forcePathStyle = false;
  if (options['s3.use_accelerate_endpoint'] === 'true') settings.useAccelerateEndpoint = true;
  logger.debug(2, `Created Config object using profile: '${section}' configuration`);
  return settings;
}

/** `http://[user:password@]host:port` from the profile's proxy options, if it has any (C4). */
function profileProxy(options: Record<string, string | undefined>, name: string): string | undefined {
  const option = (key: string) => options[`proxy.${key}`] ?? options[`${name}.proxy.${key}`];
  const host = option('host');
  if (!host) return undefined;
  const port = option('port');
  if (port === undefined || !/^\d+$/.test(port.trim())) {
    throw invalidValue(`proxy port must be a number, got '${port ?? ''}'`);
  }
  const user = option('username');
  const auth = user ? `${encodeURIComponent(user)}:${encodeURIComponent(option('password') ?? '')}@` : '';
  const scheme = /^[a-z]+:\/\//i.test(host) ? '' : 'http://';
  return `${scheme}${auth}${host}:${port.trim()}`;
}
