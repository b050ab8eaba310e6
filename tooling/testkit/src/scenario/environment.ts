import { join } from 'node:path';

/** The dummy access key every run gets (also written to `~/.aws/credentials`). */
export const FAKE_ACCESS_KEY_ID = 'AKIAFAKEACCESSKEY000';
/** The dummy secret key every run gets. */
export const FAKE_SECRET_ACCESS_KEY = 'fake/secret/access/key/0000000000000000';

/** The AWS services whose `AWS_ENDPOINT_URL_<SERVICE>` points at the fake. */
const ENDPOINT_SERVICES = ['S3', 'STS', 'SQS', 'EC2', 'CLOUDWATCH_LOGS', 'INSPECTOR2'] as const;

/** Where a run's environment points. */
export interface ConformanceEnvOptions {
  /** The fake AWS endpoint (`http://127.0.0.1:<port>`). */
  endpoint: string;
  /** HOME (its `.aws/credentials` and `.aws/config` are named in the environment). */
  home: string;
  /** The Wazuh directory (`WAZUH_PATH`); omitted when undefined. */
  wazuhPath?: string;
}

/**
 * The clean environment the conformance kit gives each run: dummy keys, `AWS_REGION` =
 * `AWS_DEFAULT_REGION` = us-east-1, every `AWS_ENDPOINT_URL*` at the fake, no instance metadata,
 * the AWS files in HOME, `TZ=UTC`, a UTF-8 locale and `WAZUH_PATH`. Pass it as `env` of
 * {@link runCli}, which adds only `PATH`.
 */
export function conformanceEnv(options: ConformanceEnvOptions): Record<string, string> {
  const { endpoint, home } = options;
  const env: Record<string, string> = {
    HOME: home,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TZ: 'UTC',
    AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: FAKE_SECRET_ACCESS_KEY,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_ENDPOINT_URL: endpoint,
  };
  for (const service of ENDPOINT_SERVICES) env[`AWS_ENDPOINT_URL_${service}`] = endpoint;
  if (options.wazuhPath !== undefined) env.WAZUH_PATH = options.wazuhPath;
  return env;
}

/** `~/.aws/credentials` with the dummy keys for `default` and each extra profile. */
export function credentialsFile(profiles: readonly string[] = []): string {
  return ['default', ...profiles]
    .map(
      (p) =>
        `[${p}]\naws_access_key_id = ${FAKE_ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET_ACCESS_KEY}\n`,
    )
    .join('\n');
}
