// Two runs on the same state database (a manual run while modulesd runs one): the state layer's run
// lock makes the second wait up to the lock timeout (5 s) and then exit 5 with a clear message;
// the database is never corrupted and nothing is sent twice.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDelivery, closed, settle } from './harness/crash.js';
import { cloudtrailScenario, slowDown } from './harness/scenarios.js';
import { startWorld, type World } from './harness/world.js';

// The test reads the database directly, read-only, with the driver the state layer uses.
const Database = createRequire(import.meta.url)('better-sqlite3') as new (
  path: string,
  options: { readonly: boolean },
) => { pragma(sql: string, options: { simple: boolean }): unknown; close(): void };

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function twoRuns(delayMs: number) {
  const scenario = cloudtrailScenario(8, 20);
  world = await startWorld();
  scenario.load(world);
  slowDown(world, scenario, delayMs);
  await world.startReceiver();
  const first = closed(world.spawn(scenario.args));
  while (world.received().length === 0) await sleep(5);
  const second = closed(world.spawn(scenario.args));
  return { w: world, scenario, results: await Promise.all([first, second]) };
}

function integrity(w: World): string {
  const db = new Database(join(w.wazuh.wodleDir, 's3_cloudtrail.db'), { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

describe('concurrent runs on one state database', () => {
  it('the second run waits for the first, then finds nothing new to send', async () => {
    const { w, scenario, results } = await twoRuns(100);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    await settle(w);
    const report = checkDelivery(scenario, [w.received()]);
    expect(report.missing).toEqual([]);
    expect(report.repeatedWithinRun).toEqual([]);
    expect(integrity(w)).toBe('ok');
  });

  it('the first run lasts longer than the lock timeout: the second exits 5 with a clear message', async () => {
    const { w, scenario, results } = await twoRuns(900);
    const [first, second] = results;
    expect(first!.code, first!.output).toBe(0);
    expect(second!.code, second!.output).toBe(5);
    expect(second!.output).toMatch(
      /^ERROR: The .+s3_cloudtrail\.db database is in use by another run of the AWS integration \(waited 5000 ms for it to finish\)\. Try again later\.$/m,
    );
    await settle(w);
    const report = checkDelivery(scenario, [w.received()]);
    expect(report.missing).toEqual([]);
    expect(report.repeatedWithinRun).toEqual([]);
    expect(integrity(w)).toBe('ok');
  });
});
