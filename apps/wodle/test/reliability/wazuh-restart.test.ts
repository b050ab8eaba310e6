// Wazuh restarts in the middle of a run: the queue socket disappears. The sender retries with
// backoff for `--wazuh-retry-timeout` seconds; if Wazuh is back in time nothing is lost or sent
// twice, otherwise the run ends with exit 11 without marking the file it could not finish.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDelivery, closed, runToEnd, settle } from './harness/crash.js';
import { cloudtrailScenario, type ModeScenario, slowDown } from './harness/scenarios.js';
import { startWorld, type World } from './harness/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Starts a run, and once `after` datagrams arrived takes Wazuh's socket away while the CLI is frozen. */
async function runAndStopWazuh(scenario: ModeScenario, retrySeconds: string, after = 40) {
  world = await startWorld();
  scenario.load(world);
  slowDown(world, scenario);
  await world.startReceiver();
  const child = world.spawn([...scenario.args, '--debug', '1', '--wazuh-retry-timeout', retrySeconds]);
  const done = closed(child);
  while (world.received().length < after) await sleep(2);
  // Frozen, the CLI cannot send while the old socket drains and goes: nothing is in the kernel's queue.
  process.kill(child.pid!, 'SIGSTOP');
  await settle(world);
  const before = world.received().length;
  await world.stopReceiver();
  process.kill(child.pid!, 'SIGCONT');
  return { w: world, done, before };
}

describe('Wazuh restarts during a run', () => {
  it('comes back within the retry time: the run continues, nothing lost, nothing twice', async () => {
    const scenario = cloudtrailScenario();
    const { w, done, before } = await runAndStopWazuh(scenario, '30');
    expect(before).toBeLessThan(scenario.expected.length);
    await sleep(1500); // a few reconnection attempts fail meanwhile
    await w.startReceiver();
    const result = await done;
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Wazuh queue socket unavailable');
    await settle(w);
    const report = checkDelivery(scenario, [w.received()]);
    expect(report.missing).toEqual([]);
    expect(report.repeatedWithinRun).toEqual([]);
  });

  it('stays away: exit 11 after the retry time, the unsent file is not marked, the next run completes it', async () => {
    const scenario = cloudtrailScenario();
    const { w, done, before } = await runAndStopWazuh(scenario, '1');
    const result = await done;
    expect(result.code, result.output).toBe(11);
    expect(result.output).toMatch(/^ERROR: Wazuh must be running\.$/m);
    expect(result.output).not.toMatch(/^\s+at /m);
    await w.startReceiver();
    const end = await runToEnd(w, scenario, scenario.args);
    expect(end.done).toBe(true);
    await settle(w);
    const all = w.received();
    const report = checkDelivery(scenario, [all.slice(0, before), all.slice(before)]);
    expect(report.missing).toEqual([]);
    // Only the file that was being sent when Wazuh went away is sent again.
    expect(report.duplicateUnits[1]!.length).toBeLessThanOrEqual(1);
  });

  it('--wazuh-retry-timeout is validated like the other options', async () => {
    world = await startWorld();
    const result = await world.run(['--bucket', 'my-bucket', '--wazuh-retry-timeout', 'soon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "argument --wazuh-retry-timeout: invalid Wazuh retry timeout 'soon': must be a number of seconds from 0 to 86400",
    );
  });
});
