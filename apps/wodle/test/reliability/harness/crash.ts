// The crash harness: runs a mode, kills the CLI at seeded random points, reruns it to the end and
// checks what Wazuh received across all runs against what the mode had to deliver.
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ModeScenario, tokenOf } from './scenarios.js';
import type { World } from './world.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same kill points. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where a run is stopped: after this many more datagrams, or this long after it started. */
export type KillPoint = { after: 'datagrams'; count: number } | { after: 'ms'; ms: number };

export interface CrashChainOptions {
  seed: number;
  /** How many runs are killed before the final runs to completion. */
  kills: number;
  /** Longest time-based kill point. @default 1500 */
  maxDelayMs?: number;
  signal?: NodeJS.Signals;
  /** Extra CLI arguments (e.g. `--concurrency 1`). */
  extraArgs?: readonly string[];
}

/** What a chain produced: one segment of received bodies per run (killed runs, then the final ones). */
export interface CrashChainResult {
  points: KillPoint[];
  /** Exit codes / signals of every run, in order. */
  outcomes: string[];
  segments: string[][];
  /** stdout + stderr of every run. */
  outputs: string[];
}

/** Kill points for a chain: half after a number of datagrams, half at a time. */
export function killPoints(seed: number, kills: number, expected: number, maxDelayMs: number): KillPoint[] {
  const random = seededRandom(seed);
  return Array.from({ length: kills }, (_, i) =>
    i % 2 === 0
      ? { after: 'datagrams', count: 1 + Math.floor(random() * Math.max(1, expected * 0.9)) }
      : { after: 'ms', ms: Math.floor(random() * maxDelayMs) },
  );
}

/** Waits until the receiver got nothing new for `quietMs` (datagrams already in the socket are read). */
export async function settle(world: World, quietMs = 150): Promise<void> {
  let last = -1;
  while (world.received().length !== last) {
    last = world.received().length;
    await sleep(quietMs);
  }
}

/** Waits for a CLI child to end; its exit code and everything it wrote to stdout and stderr. */
export function closed(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => chunks.push(c));
  child.stderr?.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) =>
    child.once('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString('utf8') })),
  );
}

function exited(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    child.once('close', (code, signal) => resolve(signal ?? String(code)));
  });
}

function collect(child: ChildProcess): () => string {
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => chunks.push(c));
  child.stderr?.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

/** Runs the CLI and stops it at `point` with `signal` (if it has not finished by then). */
export async function runUntil(
  world: World,
  args: readonly string[],
  point: KillPoint,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<{ outcome: string; output: string }> {
  const start = world.received().length;
  const child = world.spawn(args);
  const output = collect(child);
  const done = exited(child);
  let finished = false;
  void done.then(() => {
    finished = true;
  });
  if (point.after === 'ms') await Promise.race([sleep(point.ms), done]);
  else while (!finished && world.received().length - start < point.count) await sleep(2);
  if (!finished) child.kill(signal);
  const outcome = await done;
  return { outcome, output: output() };
}

/** Runs to completion (rerunning while the mode still has work, e.g. SQS messages becoming visible again). */
export async function runToEnd(world: World, scenario: ModeScenario, args: readonly string[], maxRuns = 8) {
  const outcomes: string[] = [];
  const outputs: string[] = [];
  for (let i = 0; i < maxRuns; i++) {
    const result = await world.run(args);
    outcomes.push(result.signal ?? String(result.code));
    outputs.push(result.stdout + result.stderr);
    if (result.code === 0 && (scenario.drained?.(world) ?? true)) return { outcomes, outputs, done: true };
    // SQS: messages of a killed run come back when their visibility timeout (1 s) ends.
    await sleep(1100);
  }
  return { outcomes, outputs, done: false };
}

/** Runs a crash chain: `kills` runs stopped at seeded points, then runs to the end. */
export async function crashChain(
  world: World,
  scenario: ModeScenario,
  options: CrashChainOptions,
): Promise<CrashChainResult> {
  const args = [...scenario.args, ...(options.extraArgs ?? [])];
  const points = killPoints(
    options.seed,
    options.kills,
    scenario.expected.length,
    options.maxDelayMs ?? 1500,
  );
  const result: CrashChainResult = { points, outcomes: [], segments: [], outputs: [] };
  let mark = 0;
  const cut = () => {
    const all = world.received();
    result.segments.push(all.slice(mark));
    mark = all.length;
  };
  for (const point of points) {
    const run = await runUntil(world, args, point, options.signal ?? 'SIGKILL');
    result.outcomes.push(run.outcome);
    result.outputs.push(run.output);
    await settle(world);
    cut();
  }
  const end = await runToEnd(world, scenario, args);
  result.outcomes.push(...end.outcomes);
  result.outputs.push(...end.outputs);
  if (!end.done)
    throw new Error(
      `${scenario.name}: no clean run after ${end.outcomes.length} attempts: ${end.outcomes.join(',')}\n${end.outputs.at(-1)}`,
    );
  await settle(world);
  cut();
  return result;
}

/** The delivery check of a chain: what is missing, unknown, and duplicated beyond the in-flight unit(s). */
export interface DeliveryReport {
  missing: string[];
  unknown: string[];
  /** Per segment (run) after the first: the units whose events it delivered again. */
  duplicateUnits: string[][];
  /** Tokens delivered twice within one run. */
  repeatedWithinRun: string[];
}

export function checkDelivery(scenario: ModeScenario, segments: readonly string[][]): DeliveryReport {
  const expected = new Set(scenario.expected);
  const seen = new Set<string>();
  const report: DeliveryReport = { missing: [], unknown: [], duplicateUnits: [], repeatedWithinRun: [] };
  for (const segment of segments) {
    const units = new Set<string>();
    const inRun = new Set<string>();
    for (const body of segment) {
      const id = tokenOf(body);
      if (!id || !expected.has(id.token)) {
        report.unknown.push(body.slice(0, 200));
        continue;
      }
      if (inRun.has(id.token)) report.repeatedWithinRun.push(id.token);
      inRun.add(id.token);
      if (seen.has(id.token)) units.add(id.unit);
    }
    for (const t of inRun) seen.add(t);
    report.duplicateUnits.push([...units]);
  }
  report.missing = scenario.expected.filter((t) => !seen.has(t));
  return report;
}
