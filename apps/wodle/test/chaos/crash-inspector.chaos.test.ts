import { describe } from 'vitest';
import { inspectorScenario } from '../reliability/harness/scenarios.js';
import { defineCrashMatrix } from './matrix.js';

describe('crash matrix: Inspector', () => defineCrashMatrix(() => inspectorScenario(), { seed: 4000 }));
