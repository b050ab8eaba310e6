import { describe } from 'vitest';
import { customScenario } from '../reliability/harness/scenarios.js';
import { defineCrashMatrix } from './matrix.js';

describe('crash matrix: bucket custom (plain, gzip, zip)', () =>
  defineCrashMatrix(() => customScenario(), { seed: 2000 }));
