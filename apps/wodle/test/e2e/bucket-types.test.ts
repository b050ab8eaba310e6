// Every bucket type through the real CLI: a first run sends the corpus' expected events, a second run
// sends nothing (the state database remembers every file), and --reparse sends everything again.
import { describe, expect, it } from 'vitest';
import { corpus, type E2e, eventKey, useE2e } from './helpers/e2e.js';

/** type → the corpus scenario whose inputs and first run it uses. */
const TYPES: Record<string, string> = {
  cloudtrail: 'cloudtrail-reparse',
  waf: 'waf-first-run',
  alb: 'alb-first-run',
  clb: 'clb-first-run',
  nlb: 'nlb-first-run',
  server_access: 'server-access-first-run',
  cisco_umbrella: 'umbrella-dnslogs',
  config: 'config-first-run',
  vpcflow: 'vpcflow-first-run',
  guardduty: 'guardduty-first-run',
  custom: 'custom-first-run',
};

const sorted = (events: unknown[]) => events.map(eventKey).sort();

describe('bucket types: first run, second run, --reparse', () => {
  let e2e: E2e;
  useE2e((started) => {
    e2e = started;
  });

  for (const [type, name] of Object.entries(TYPES)) {
    it(`${type} (inputs of ${name})`, async () => {
      const scenario = corpus.scenario(name);
      for (const step of scenario.steps) if (step.op === 's3') e2e.world.apply(step);
      const firstRun = scenario.steps.find((s) => s.op === 'run');
      if (firstRun?.op !== 'run') throw new Error(`${name} has no run`);
      expect(firstRun.args).toContain(type);
      const expected = corpus.expected(name).messages.filter((m) => m.run === 1);

      const first = await e2e.run(firstRun.args);
      expect(first.code).toBe(0);
      expect(first.events).toHaveLength(expected.length);
      expect(first.events.length).toBeGreaterThan(0);

      const second = await e2e.run(firstRun.args);
      expect(second.code).toBe(0);
      expect(second.events).toEqual([]);

      const reparse = await e2e.run([...firstRun.args, '--reparse']);
      expect(reparse.code).toBe(0);
      expect(sorted(reparse.events)).toEqual(sorted(first.events));
    });
  }
});
