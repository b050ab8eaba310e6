import { describe } from 'vitest';
import { cloudtrailScenario } from '../reliability/harness/scenarios.js';
import { defineCrashMatrix } from './matrix.js';

describe('crash matrix: bucket cloudtrail', () =>
  defineCrashMatrix(() => cloudtrailScenario(), { seed: 1000 }));
