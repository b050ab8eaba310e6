import { describe } from 'vitest';
import { inspectorScenario } from '../reliability/harness/scenarios.js';
import { defineCrashMatrix } from './matrix.js';

// terms: 0 — SIGTERM inside a region re-sends the region (see the skipped test in
// test/reliability/crash-signals.test.ts); the SIGKILL bound (one region) holds.
describe('crash matrix: Inspector', () =>
  defineCrashMatrix(() => inspectorScenario(), { seed: 4000, terms: 0 }));
