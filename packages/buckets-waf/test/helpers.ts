// Corpus fixtures copied into test/fixtures (never read from the shared corpus at test time).
import { createFixtureHelpers } from '@wazuh-aws/plugin-testkit';

export {
  fileContext,
  messagesOf,
  parseObject,
  prng,
  type RunOptions,
  recordingLogger,
} from '@wazuh-aws/plugin-testkit';

export const { FIXTURES, expectedMessages, fixtureKeys, fixtureBytes } = createFixtureHelpers(
  new URL('./fixtures/', import.meta.url),
);
