import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { WazuhAwsError } from '../errors/errors.js';
import { EXIT } from '../errors/exit-codes.js';
import type { Logger } from '../log/logger.js';

export interface CredentialOptions {
  accessKey?: string | undefined;
  secretKey?: string | undefined;
  profile?: string | undefined;
  iamRoleArn?: string | undefined;
  iamRoleDuration?: number | undefined;
  externalId?: string | undefined;
  stsEndpoint?: string | undefined;
}

export const DEPRECATED_KEYS_NOTICE =
  'The access_key and secret_key authentication parameter was deprecated in 4.4. Please use another authentication method instead. Check https://documentation.wazuh.com/current/amazon/services/prerequisites/credentials.html for more information.';

export const ROLE_SESSION_NAME = 'WazuhLogParsing';

/** The base credentials: static keys (deprecated), a profile, or the SDK's default chain (core.md §4.9). */
export function baseCredentials(options: CredentialOptions, logger: Logger): AwsCredentialIdentityProvider {
  const { accessKey, secretKey } = options;
  if ((accessKey && !secretKey) || (!accessKey && secretKey)) {
    // Decision C9: one key alone is an error, not silently ignored.
    throw new WazuhAwsError(
      'Access error: both --access_key and --secret_key are required to use static keys',
      {
        exitCode: EXIT.INVALID_CREDENTIALS,
        code: 'INCOMPLETE_KEYS',
      },
    );
  }
  if (accessKey && secretKey) {
    logger.plain(DEPRECATED_KEYS_NOTICE);
    const identity = { accessKeyId: accessKey, secretAccessKey: secretKey };
    return async () => identity;
  }
  if (options.profile) return fromIni({ profile: options.profile, ignoreCache: true });
  return fromNodeProviderChain();
}

/**
 * Credentials for service clients: the base ones, or a role assumed from them. The role's
 * temporary credentials are refreshed by the SDK before they expire (decision C10), and the
 * external id is used in every mode (L17).
 */
export function serviceCredentials(
  base: AwsCredentialIdentityProvider,
  options: CredentialOptions,
  region: string | undefined,
): AwsCredentialIdentityProvider {
  if (!options.iamRoleArn) return base;
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: {
      RoleArn: options.iamRoleArn,
      RoleSessionName: ROLE_SESSION_NAME,
      ...(options.externalId ? { ExternalId: options.externalId } : {}),
      ...(options.iamRoleDuration ? { DurationSeconds: options.iamRoleDuration } : {}),
    },
    clientConfig: {
      ...(region ? { region } : {}),
      ...(options.stsEndpoint ? { endpoint: options.stsEndpoint } : {}),
    },
  });
}
