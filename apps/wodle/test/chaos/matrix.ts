// The crash matrix of one mode: several SIGKILL chains at deterministic seeds (30+ kills in all),
// then SIGTERM stops at seeded points, each checked for loss and duplicates.
import { afterEach, expect, it } from 'vitest';
import {
  checkDelivery,
  crashChain,
  runToEnd,
  runUntil,
  seededRandom,
  settle,
} from '../reliability/harness/crash.js';
import { type ModeScenario, slowDown } from '../reliability/harness/scenarios.js';
import { startWorld, type World } from '../reliability/harness/world.js';

export interface MatrixOptions {
  /** Base of the chains' seeds. */
  seed: number;
  /** SIGKILL chains, each on fresh state. @default 5 */
  chains?: number;
  /** Kills per chain. @default 6 */
  killsPerChain?: number;
  /** SIGTERM stops (each on fresh state). @default 4 (0 for modes whose clean point is broken) */
  terms?: number;
}

/** Registers the matrix's tests for the scenario the factory builds (fresh inputs per chain). */
export function defineCrashMatrix(make: () => ModeScenario, options: MatrixOptions): void {
  const chains = options.chains ?? 5;
  const kills = options.killsPerChain ?? 6;
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });
  const fresh = async (scenario: ModeScenario) => {
    world = await startWorld();
    scenario.load(world);
    slowDown(world, scenario);
    await world.startReceiver();
    return world;
  };

  for (let c = 0; c < chains; c++) {
    const seed = options.seed + c;
    it(`SIGKILL chain seed ${seed}: ${kills} kills, nothing lost, duplicates only from the in-flight unit`, async () => {
      const scenario = make();
      const w = await fresh(scenario);
      const chain = await crashChain(w, scenario, { seed, kills });
      const report = checkDelivery(scenario, chain.segments);
      const context = JSON.stringify({ points: chain.points, outcomes: chain.outcomes });
      expect(report.missing, context).toEqual([]);
      expect(report.unknown, context).toEqual([]);
      expect(report.repeatedWithinRun, context).toEqual([]);
      for (const units of report.duplicateUnits)
        expect(units.length, context).toBeLessThanOrEqual(scenario.inFlightUnits ?? 1);
      // Whatever the kill hit, the state was never corrupted: the last run ended cleanly.
      expect(chain.outcomes.at(-1), context).toBe('0');
    });
  }

  const random = seededRandom(options.seed * 31);
  for (let t = 0; t < (options.terms ?? 4); t++) {
    const after = 1 + Math.floor(random() * 60);
    it(`SIGTERM after ${after} datagrams: exit 2, the rerun completes, nothing twice`, async () => {
      const scenario = make();
      const w = await fresh(scenario);
      const stopped = await runUntil(w, scenario.args, { after: 'datagrams', count: after }, 'SIGTERM');
      await settle(w);
      const first = w.received().length;
      // A run that finished before the signal arrived is fine too (exit 0, everything sent).
      if (first < scenario.expected.length) {
        expect(stopped.outcome).toBe('2');
        expect(stopped.output).toContain('ERROR: SIGTERM received.');
      }
      const end = await runToEnd(w, scenario, scenario.args);
      expect(end.done).toBe(true);
      await settle(w);
      const all = w.received();
      const report = checkDelivery(scenario, [all.slice(0, first), all.slice(first)]);
      expect(report.missing).toEqual([]);
      expect(report.duplicateUnits).toEqual([[], []]);
    });
  }
}
