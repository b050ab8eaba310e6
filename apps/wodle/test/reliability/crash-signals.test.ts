// Crashes and stops, every mode: a short SIGKILL chain (the long matrix is `pnpm test:chaos`) and
// SIGTERM / SIGINT, which must stop at a clean point, commit and exit 2 with nothing sent twice.
import { afterEach, describe, expect, it } from 'vitest';
import { checkDelivery, crashChain, runToEnd, runUntil, settle } from './harness/crash.js';
import {
  allScenarios,
  cloudtrailScenario,
  inspectorScenario,
  type ModeScenario,
  slowDown,
  sqsScenario,
} from './harness/scenarios.js';
import { startWorld, type World } from './harness/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function worldFor(scenario: ModeScenario, delayMs?: number): Promise<World> {
  world = await startWorld();
  scenario.load(world);
  slowDown(world, scenario, delayMs ?? scenario.delayMs);
  await world.startReceiver();
  return world;
}

describe.each(allScenarios().map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  it('loses nothing across SIGKILLs at seeded points; duplicates stay within the in-flight unit', async () => {
    const w = await worldFor(scenario);
    const chain = await crashChain(w, scenario, { seed: 20250309, kills: 3 });
    const report = checkDelivery(scenario, chain.segments);
    expect(report.missing).toEqual([]);
    expect(report.unknown).toEqual([]);
    expect(report.repeatedWithinRun).toEqual([]);
    for (const units of report.duplicateUnits)
      expect(units.length).toBeLessThanOrEqual(scenario.inFlightUnits ?? 1);
  });

  // SIGINT goes through the same handler: once is enough (bucket mode).
  const signals =
    scenario.name === 'bucket cloudtrail' ? (['SIGTERM', 'SIGINT'] as const) : (['SIGTERM'] as const);
  for (const signal of signals) {
    it(`${signal} stops at a clean point: exit 2, then the rerun sends the rest once`, async () => {
      const w = await worldFor(scenario);
      const stopped = await runUntil(w, scenario.args, { after: 'datagrams', count: 5 }, signal);
      expect(stopped.outcome).toBe('2');
      expect(stopped.output).toContain(`ERROR: ${signal} received.`);
      expect(stopped.output).not.toMatch(/^\s+at /m);
      await settle(w);
      const first = w.received().length;
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(scenario.expected.length);
      const end = await runToEnd(w, scenario, scenario.args);
      expect(end.done).toBe(true);
      await settle(w);
      const all = w.received();
      const report = checkDelivery(scenario, [all.slice(0, first), all.slice(first)]);
      expect(report.missing).toEqual([]);
      expect(report.duplicateUnits).toEqual([[], []]);
    });
  }
});

describe('Inspector and SIGTERM', () => {
  // The clean point of Inspector is the end of a region (its scan row).
  it('SIGTERM in the middle of a region sends nothing twice', async () => {
    const scenario = inspectorScenario();
    const w = await worldFor(scenario);
    const stopped = await runUntil(w, scenario.args, { after: 'datagrams', count: 5 }, 'SIGTERM');
    expect(stopped.outcome).toBe('2');
    await settle(w);
    const first = w.received().length;
    await runToEnd(w, scenario, scenario.args);
    await settle(w);
    const all = w.received();
    expect(checkDelivery(scenario, [all.slice(0, first), all.slice(first)]).duplicateUnits).toEqual([[], []]);
  });
});

describe('the in-flight unit under fast I/O and large objects', () => {
  // Each file's row is committed right after its last event was handed to the sink (B1), also
  // with a fast S3 and objects prefetched ahead.
  it('fast S3, prefetching: a SIGKILL re-sends only the in-flight file', async () => {
    const scenario = cloudtrailScenario(12, 25, []);
    const w = await worldFor(scenario, 25);
    const chain = await crashChain(w, scenario, { seed: 1000, kills: 6 });
    for (const units of checkDelivery(scenario, chain.segments).duplicateUnits)
      expect(units.length).toBeLessThanOrEqual(1);
  });

  // A message whose first event is out is finished and deleted before a stop signal is honoured.
  it('SQS: SIGTERM in the middle of a large object sends nothing twice', async () => {
    const scenario = sqsScenario(2, 3000, 1);
    const w = await worldFor(scenario, 0);
    const stopped = await runUntil(w, scenario.args, { after: 'datagrams', count: 10 }, 'SIGTERM');
    expect(stopped.outcome).toBe('2');
    await settle(w);
    const first = w.received().length;
    await runToEnd(w, scenario, scenario.args);
    await settle(w);
    const all = w.received();
    expect(checkDelivery(scenario, [all.slice(0, first), all.slice(first)]).duplicateUnits).toEqual([[], []]);
  });
});
