import { describe } from 'vitest';
import { sqsScenario } from '../reliability/harness/scenarios.js';
import { defineCrashMatrix } from './matrix.js';

// terms: 0 — a signal in the middle of a message's object re-sends it (the skipped "SQS: SIGTERM in
// the middle of a large object" test in test/reliability/crash-signals.test.ts); the SIGKILL bound holds.
describe('crash matrix: SQS subscriber, one worker', () =>
  defineCrashMatrix(() => sqsScenario(12, 15, 1), { seed: 5000, terms: 0 }));
describe('crash matrix: SQS subscriber, four workers', () =>
  defineCrashMatrix(() => sqsScenario(12, 15, 4), { seed: 6000, chains: 2, terms: 0 }));
