// Test helpers for bucket plugin packages (kept apart from @wazuh-aws/testkit, which core's own
// tests use, so that core never depends on itself through the test kit).
export { type CorpusScenarioSuite, describeCorpusScenarios } from './corpus-scenarios.js';
export {
  createFixtureHelpers,
  fileContext,
  messagesOf,
  parseObject,
  prng,
  type RunOptions,
  recordingLogger,
} from './fixtures.js';
export {
  createHarness,
  fakeClientFactory,
  type Harness,
  type RunOptions as ServiceRunOptions,
  type RunRecord,
  readExpectedDb,
  readExpectedMessages,
} from './service-harness.js';
