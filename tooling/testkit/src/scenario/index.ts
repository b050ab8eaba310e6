export { drainReceiver } from './barrier.js';
export { canonError, canonicalJson, MESSAGE_HEADER, messageKey } from './canon.js';
export { type Aspect, compareScenario, type MessageDiff, type ScenarioComparison } from './compare.js';
export {
  type Corpus,
  type CorpusManifest,
  type CorpusMessage,
  type DbSnapshot,
  type ExpectedScenario,
  openCorpus,
  type RunRecord,
  type Scenario,
  type ScenarioOutputs,
  type ScenarioStep,
  type StateAfter,
  type TableDump,
} from './corpus.js';
export { dumpDatabases } from './db-dump.js';
export {
  type ConformanceEnvOptions,
  conformanceEnv,
  credentialsFile,
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET_ACCESS_KEY,
} from './environment.js';
export { Normalizer } from './normalize.js';
export { type RunScenarioOptions, runScenario } from './run-scenario.js';
export { createScenarioWorld, type ScenarioWorld } from './world.js';
