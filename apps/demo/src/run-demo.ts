import { setTimeout as sleep } from 'node:timers/promises';
import { describeEvent } from './describe-event.js';
import { startDemoEnvironment } from './environment.js';
import { listenQueueSocket } from './receiver.js';
import { runCliProcess } from './run-cli.js';
import { DEMO_RUNS, type DemoRun } from './scenarios.js';
import { createStyle, fit } from './style.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** The built CLI (`apps/wodle/dist/cli.js`). */
  cliPath: string;
  /** The sample data folder (`apps/demo/fixtures`). */
  samplesDir: string;
  write(text: string): void;
  /** Events shown per run; the rest are counted. @default 4 */
  eventsShown?: number;
  color?: boolean;
  /** Terminal width for cutting event lines. @default 100 */
  columns?: number;
  /** Only the runs whose label is listed. @default all */
  only?: readonly string[];
}

/** What one run of the CLI did, as the demo saw it. */
export interface DemoRunResult {
  run: DemoRun;
  exitCode: number | null;
  /** Datagrams received on the queue socket. */
  events: string[];
  /** Objects in the sample bucket (bucket mode). */
  objects?: number;
  /** `WARNING:` / `ERROR:` lines the CLI printed. */
  logLines: string[];
  /** The CLI's own `--summary` text (stderr). */
  summary: string[];
  durationMs: number;
}

/** Waits until no datagram arrived for a moment: the kernel may still hold some when the CLI exits. */
async function settle(count: () => number): Promise<void> {
  let last = -1;
  while (count() !== last) {
    last = count();
    await sleep(30);
  }
}

/**
 * Runs every demo scenario with the real CLI against the fakes, printing the events as they reach
 * the queue socket and a summary per type, then a second CloudTrail run to show the state at work.
 */
export async function runDemo(
  options: DemoOptions,
): Promise<{ results: DemoRunResult[]; rerunEvents: number }> {
  const { write } = options;
  const style = createStyle(options.color ?? false);
  const shown = options.eventsShown ?? 4;
  const columns = options.columns ?? 100;
  const environment = await startDemoEnvironment(options.samplesDir);
  let current: string[] = [];
  let label = '';
  const socket = await listenQueueSocket(environment.wazuh.socketPath, (datagram) => {
    current.push(datagram);
    if (current.length <= shown) {
      const { source, text } = describeEvent(datagram, label);
      write(`  ${style.cyan(source.padEnd(16))} ${fit(text, columns - 20)}\n`);
    }
  });
  const results: DemoRunResult[] = [];
  let rerunEvents = 0;
  try {
    write(
      style.bold('wazuh-aws demo') +
        style.dim(` — fake AWS at ${environment.aws.url}, Wazuh dir ${environment.wazuh.root}\n`),
    );
    write(
      style.dim(
        'Each run is the real CLI; its events arrive on <wazuh>/queue/sockets/queue as Wazuh would get them.\n\n',
      ),
    );
    const runs = DEMO_RUNS.filter((r) => !options.only || options.only.includes(r.label));
    for (const run of runs) {
      const objects = run.bucket ? environment.objects.get(run.bucket) : undefined;
      write(`${style.bold(`▶ ${run.label}`)} ${style.dim(`wazuh-aws ${run.args.join(' ')}`)}\n`);
      current = [];
      label = run.label.replace('subscriber ', '');
      const logLines: string[] = [];
      const outcome = await runCliProcess(
        options.cliPath,
        [...run.args, '--summary'],
        environment.env,
        (line) => {
          logLines.push(line);
          write(`  ${style.dim('│')} ${style.yellow(fit(line, columns - 4))}\n`);
        },
      );
      await settle(() => current.length);
      const events = current;
      if (events.length > shown) write(style.dim(`  … and ${events.length - shown} more\n`));
      const ok = outcome.code === 0;
      const mark = ok ? style.green('✓') : style.red(`✗ exit ${outcome.code}`);
      const from = objects !== undefined ? ` from ${objects} objects` : '';
      write(`  ${mark} ${events.length} events${from} in ${(outcome.durationMs / 1000).toFixed(1)}s\n\n`);
      results.push({
        run,
        exitCode: outcome.code,
        events,
        objects,
        logLines,
        summary: outcome.stderr,
        durationMs: outcome.durationMs,
      });
    }
    const first = runs[0];
    if (first) {
      write(
        `${style.bold(`▶ ${first.label} again`)} ${style.dim('(state is kept in <wazuh>/wodles/aws, like the Python wodle)')}\n`,
      );
      current = [];
      await runCliProcess(options.cliPath, first.args, environment.env);
      await settle(() => current.length);
      rerunEvents = current.length;
      write(
        `  ${rerunEvents === 0 ? style.green('✓') : style.red('✗')} ${rerunEvents} events: nothing is sent twice\n\n`,
      );
    }
    write(renderTable(results, style));
  } finally {
    socket.close();
    await environment.close();
  }
  return { results, rerunEvents };
}

function renderTable(results: DemoRunResult[], style: ReturnType<typeof createStyle>): string {
  const rows = results.map((r) => [
    r.run.label,
    r.run.mode,
    r.objects === undefined ? '' : String(r.objects),
    String(r.events.length),
    String(r.exitCode),
    `${(r.durationMs / 1000).toFixed(1)}s`,
  ]);
  const head = ['type', 'mode', 'objects', 'events', 'exit', 'time'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}\n`;
  const total = results.reduce((n, r) => n + r.events.length, 0);
  const failed = results.filter((r) => r.exitCode !== 0).length;
  return [
    style.bold('Summary\n'),
    style.dim(line(head)),
    ...rows.map(line),
    `\n  ${total} events from ${results.length} run${results.length === 1 ? '' : 's'}${failed ? style.red(`, ${failed} failed`) : ''}.\n`,
    style.dim('  Next: README.md "Run it" to point it at your own buckets, or "Install into Wazuh".\n'),
  ].join('');
}
