// The testkit pieces the bench needs, imported by file: the testkit's index also exports vitest
// suites (describeCorpusScenarios), which cannot load outside a vitest run.
export { DEFAULT_CLI_PATH } from '../../testkit/src/cli-runner.js';
export { type FakeAws, startFakeAws } from '../../testkit/src/fake-aws/index.js';
export { createFakeSqs, type FakeSqs, startFakeSqsServer } from '../../testkit/src/fake-aws/sqs.js';
export { createWazuhDir } from '../../testkit/src/wazuh-dir.js';
