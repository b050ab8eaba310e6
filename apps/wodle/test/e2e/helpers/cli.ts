import { existsSync } from 'node:fs';
import { DEFAULT_CLI_PATH } from '@wazuh-aws/testkit';
import { beforeAll } from 'vitest';

/** Fails the suite early with a clear message when the CLI was not built. */
export function requireBuiltCli(): void {
  beforeAll(() => {
    if (!existsSync(DEFAULT_CLI_PATH))
      throw new Error(
        `${DEFAULT_CLI_PATH} does not exist: build it first (pnpm turbo run build --filter=@wazuh-aws/wodle...)`,
      );
  });
}
