import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../cli-runner.js';
import { createStaleSocket, type DatagramReceiver, startDatagramReceiver } from '../receiver.js';
import { drainReceiver } from './barrier.js';
import type { Corpus, CorpusMessage, DbSnapshot, RunRecord, Scenario, ScenarioOutputs } from './corpus.js';
import { dumpDatabases } from './db-dump.js';
import { createScenarioWorld, type ScenarioWorld } from './world.js';

/** Options of {@link runScenario}. */
export interface RunScenarioOptions {
  /** The built CLI. @default apps/wodle/dist/cli.js */
  cliPath?: string;
  /** Kill a run after this long (recorded as `timed_out`). @default 120000 */
  timeoutMs?: number;
  /** Called with the world before each run step (the run's 1-based index), to inspect or change it. */
  beforeRun?(world: ScenarioWorld, run: number): void | Promise<void>;
}

const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/**
 * Plays a corpus scenario against the real CLI as the conformance kit does: a fresh world, the
 * steps in order, each run with the kit's clean environment and its receiver mode (`normal`,
 * `stale`: a socket file nobody reads, `absent`: no socket file). Returns what happened in the
 * corpus' own formats (messages, runs, databases after each run, state after the last run).
 *
 * @example
 * const outputs = await runScenario(corpus, corpus.scenario('waf-first-run'));
 * const result = compareScenario(corpus.expected('waf-first-run'), outputs);
 */
export async function runScenario(
  corpus: Corpus,
  scenario: Scenario,
  options: RunScenarioOptions = {},
): Promise<ScenarioOutputs> {
  const world = await createScenarioWorld(corpus, scenario);
  const runs: RunRecord[] = [];
  const messages: CorpusMessage[] = [];
  const dbs: DbSnapshot[] = [];
  const socketPath = world.wazuh.socketPath;
  let receiver: DatagramReceiver | undefined;
  const stopReceiver = async () => {
    await receiver?.close();
    receiver = undefined;
    if (existsSync(socketPath)) rmSync(socketPath, { force: true });
  };
  try {
    for (const step of scenario.steps) {
      if (step.op !== 'run') {
        world.apply(step);
        continue;
      }
      const index = runs.length + 1;
      await options.beforeRun?.(world, index);
      const mode = step.receiver ?? 'normal';
      // One receiver serves consecutive normal runs (starting one costs a process); a run whose
      // Wazuh is down gets none.
      if (mode !== 'normal' && receiver) await stopReceiver();
      if (mode === 'normal' && !receiver) receiver = await startDatagramReceiver({ path: socketPath });
      if (mode === 'stale') createStaleSocket(socketPath);
      const offset = receiver?.count ?? 0;
      const args = world.args(step.args);
      try {
        const result = await runCli(args, {
          env: { ...world.env, ...step.env },
          cwd: world.work,
          cliPath: options.cliPath,
          timeoutMs: step.timeout !== undefined ? step.timeout * 1000 : (options.timeoutMs ?? 120_000),
        });
        if (receiver) await drainReceiver(receiver);
        const received = receiver ? receiver.messages.slice(offset) : [];
        for (const [i, msg] of received.entries())
          messages.push({ run: index, seq: i + 1, len: Buffer.byteLength(msg), msg });
        const norm = world.normalizer;
        runs.push({
          run: index,
          args: args.map((a) => norm.text(a)),
          exit_code: result.timedOut ? null : result.code,
          timed_out: result.timedOut,
          stdout: lines(norm.text(result.stdout)),
          stderr: lines(norm.text(result.stderr)),
          messages: received.length,
        });
      } finally {
        if (mode === 'stale' && existsSync(socketPath)) rmSync(socketPath, { force: true });
      }
      dbs.push({ run: index, dbs: dumpDatabases(join(world.wazuh.root, 'wodles', 'aws'), world.normalizer) });
    }
    return { runs, messages, dbs, state: world.state() };
  } finally {
    await stopReceiver();
    await world.close();
  }
}
