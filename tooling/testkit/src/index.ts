export {
  type CliResult,
  cliEnvironment,
  DEFAULT_CLI_PATH,
  REPO_ROOT,
  type RunCliOptions,
  runCli,
  spawnCli,
} from './cli-runner.js';
export {
  type CallerIdentity,
  compareKeys,
  type FakeAws,
  FakeAwsError,
  type FakeAwsOptions,
  type FakeFlowLog,
  type FakeRequest,
  type FakeResponse,
  type Fault,
  type FaultKind,
  FaultRegistry,
  type FaultSpec,
  type JsonTargetHandler,
  type JsonTargetOptions,
  type PutObjectOptions,
  type QueryActionHandler,
  type RequestLogEntry,
  type RestJsonHandler,
  S3Store,
  type StoredObject,
  startFakeAws,
} from './fake-aws/index.js';
export {
  createStaleSocket,
  type DatagramReceiver,
  type DatagramReceiverOptions,
  startDatagramReceiver,
} from './receiver.js';
export { createWazuhDir, type WazuhDir, type WazuhDirOptions } from './wazuh-dir.js';
export {
  createFakeLogs,
  type FakeLogEvent,
  type FakeLogs,
  type FakeLogsOptions,
  type LogsFixture,
} from './fake-aws/logs.js';
export {
  createFakeInspector,
  type FakeInspector,
  type FakeInspectorOptions,
  type FindingsFixture,
  type WireFinding,
} from './fake-aws/inspector.js';
export { createFakeSqs, type FakeSqs, type FakeSqsOptions, serveSqsRequest, startFakeSqsServer } from './fake-aws/sqs.js';
