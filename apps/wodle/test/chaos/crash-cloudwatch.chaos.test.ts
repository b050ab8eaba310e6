import { describe } from 'vitest';
import { cloudwatchScenario } from '../reliability/harness/scenarios.js';
import { defineCrashMatrix } from './matrix.js';

describe('crash matrix: CloudWatch Logs', () =>
  defineCrashMatrix(() => cloudwatchScenario(), { seed: 3000 }));
