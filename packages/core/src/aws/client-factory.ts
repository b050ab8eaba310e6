import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { errorText, WazuhAwsError } from '../errors/errors.js';
import { EXIT } from '../errors/exit-codes.js';
import type { Logger } from '../log/logger.js';
import { formatAwsError, isAwsServiceError } from './aws-error.js';
import { baseCredentials, type CredentialOptions, serviceCredentials } from './credentials.js';
import { type ResolvedProfileSettings, resolveProfileSettings } from './profile-config.js';
import { bypassesProxy, createRequestHandler, endpointHost, resolveProxyUrl } from './proxy.js';
import type { AwsClientConstructor, AwsClientFactory, ClientRequest } from './types.js';

export interface AwsClientFactoryOptions extends CredentialOptions {
  /** `--service_endpoint`: the main client's endpoint (S3, CloudWatch Logs, Inspector). */
  serviceEndpoint?: string | undefined;
  /** Parallel connections per client. @default 16 */
  maxSockets?: number;
  logger: Logger;
}

/**
 * Creates the run's client factory: reads the profile settings once, then builds SDK clients with
 * the region rules of core.md §4.12 (a given region wins over the profile's, decision C1), the
 * profile's retries, keep-alive connections and the right endpoint per client.
 */
export async function createAwsClientFactory(options: AwsClientFactoryOptions): Promise<AwsClientFactory> {
  const { logger } = options;
  const settings = await resolveProfileSettings(options.profile, logger);
  const base = maskedCredentials(baseCredentials(options, logger), logger);
  const maxSockets = options.maxSockets ?? 16;
  const proxyUrl = resolveProxyUrl(settings.proxyUrl);
  const direct = createRequestHandler(maxSockets);
  const proxied = proxyUrl ? createRequestHandler(maxSockets, proxyUrl) : direct;
  if (proxyUrl) logger.debug(2, '+++ Using an HTTP proxy for AWS requests');
  // NO_PROXY is decided per client: each one talks to a single endpoint.
  const handlerFor = (endpoint: string | undefined) =>
    proxyUrl && !bypassesProxy(endpointHost(endpoint, 'amazonaws.com')) ? proxied : direct;
  const roleCredentials = new Map<string, AwsCredentialIdentityProvider>();

  async function credentialsFor(region: string | undefined): Promise<AwsCredentialIdentityProvider> {
    if (!options.iamRoleArn) return base;
    const cacheKey = region ?? '';
    let provider = roleCredentials.get(cacheKey);
    if (!provider) {
      provider = maskedCredentials(
        serviceCredentials(base, options, region ?? settings.region ?? envRegion()),
        logger,
      );
      // Assume the role now so that access problems surface as the reference's exit 3.
      try {
        await provider();
      } catch (error) {
        throw accessError(error);
      }
      roleCredentials.set(cacheKey, provider);
    }
    return provider;
  }

  return {
    profileRegion: settings.region,
    async create<T>(Client: AwsClientConstructor<T>, request: ClientRequest): Promise<T> {
      const region = request.region ?? settings.region ?? envRegion() ?? fallbackRegion(request);
      const useEndpoint = request.useServiceEndpoint ?? true;
      const endpoint = useEndpoint ? options.serviceEndpoint : undefined;
      const credentials = await credentialsFor(request.region);
      return new Client({
        region,
        credentials,
        maxAttempts: settings.maxAttempts,
        retryMode: settings.retryMode,
        requestHandler: handlerFor(endpoint ?? envEndpoint(request.service)),
        ...(endpoint ? { endpoint } : {}),
        ...(request.service === 's3' ? s3Settings(settings, endpoint) : {}),
      });
    },
    async callerAccountId(): Promise<string> {
      const client = new STSClient({
        region: settings.region ?? envRegion() ?? 'us-east-1',
        credentials: base,
        maxAttempts: settings.maxAttempts,
        requestHandler: handlerFor(options.stsEndpoint ?? envEndpoint('sts')),
        ...(options.stsEndpoint ? { endpoint: options.stsEndpoint } : {}),
      });
      const identity = await client.send(new GetCallerIdentityCommand({}));
      if (!identity.Account) throw new Error('GetCallerIdentity returned no account id');
      return identity.Account;
    },
  };
}

/** Registers every credential the provider resolves (profile keys, role session tokens) with the logger's masking. */
function maskedCredentials(
  provider: AwsCredentialIdentityProvider,
  logger: Logger,
): AwsCredentialIdentityProvider {
  return async (...args) => {
    const identity = await provider(...args);
    for (const value of [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken])
      if (value) logger.addSecret?.(value);
    return identity;
  };
}

const ENDPOINT_ENV: Record<ClientRequest['service'], string> = {
  s3: 'S3',
  sqs: 'SQS',
  sts: 'STS',
  ec2: 'EC2',
  logs: 'CLOUDWATCH_LOGS',
  inspector: 'INSPECTOR',
  inspector2: 'INSPECTOR2',
};

/** The endpoint the SDK takes from `AWS_ENDPOINT_URL_<SERVICE>` / `AWS_ENDPOINT_URL`, if any. */
function envEndpoint(service: ClientRequest['service']): string | undefined {
  return (
    process.env[`AWS_ENDPOINT_URL_${ENDPOINT_ENV[service]}`] || process.env.AWS_ENDPOINT_URL || undefined
  );
}

function envRegion(): string | undefined {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined;
}

/** S3 works from any region (it follows redirects); the others need one. */
function fallbackRegion(request: ClientRequest): string | undefined {
  return request.service === 's3' || request.service === 'sts' ? 'us-east-1' : undefined;
}

function s3Settings(settings: ResolvedProfileSettings, endpoint: string | undefined) {
  const customEndpoint = endpoint ?? process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
  // Custom endpoints (MinIO, LocalStack, test servers) rarely resolve virtual-hosted bucket names.
  const forcePathStyle = settings.forcePathStyle ?? customEndpoint !== undefined;
  return {
    forcePathStyle,
    followRegionRedirects: true,
    ...(settings.useAccelerateEndpoint ? { useAccelerateEndpoint: true } : {}),
  };
}

function accessError(error: unknown): WazuhAwsError {
  const text = isAwsServiceError(error)
    ? formatAwsError(error, 'AssumeRole')
    : /could not load credentials|unable to locate/i.test(errorText(error))
      ? 'Unable to locate credentials'
      : errorText(error);
  return new WazuhAwsError(`Access error: ${text}`, {
    exitCode: EXIT.INVALID_CREDENTIALS,
    code: 'ACCESS_ERROR',
    cause: error,
  });
}
