import { describe } from 'vitest';
import { sqsScenario } from '../reliability/harness/scenarios.js';
import { defineCrashMatrix } from './matrix.js';

describe('crash matrix: SQS subscriber, one worker', () =>
  defineCrashMatrix(() => sqsScenario(12, 15, 1), { seed: 5000 }));
describe('crash matrix: SQS subscriber, four workers', () =>
  defineCrashMatrix(() => sqsScenario(12, 15, 4), { seed: 6000, chains: 2 }));
