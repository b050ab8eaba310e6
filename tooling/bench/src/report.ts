/** The measured result of one workload. */
export interface WorkloadResult {
  name: string;
  description: string;
  objects: number;
  storedMB: number;
  inputMB: number;
  events: number;
  received: number;
  malformed: number;
  exitCode: number | null;
  seconds: number;
  eventsPerSecond: number;
  mbPerSecond: number;
  peakRssMB: number;
  rssLimitMB?: number | undefined;
  floorEventsPerSecond: number;
  floorMbPerSecond: number;
  /** End to end / floor, by events/s. */
  ratio: number;
  rawGetMbPerSecond: number;
  passed: boolean;
  failures: string[];
}

const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const f1 = (n: number) => n.toFixed(1);

const COLUMNS: Array<[string, (r: WorkloadResult) => string]> = [
  ['workload', (r) => r.name],
  ['objects', (r) => f0(r.objects)],
  ['input MB', (r) => f0(r.inputMB)],
  ['events', (r) => f0(r.events)],
  ['received', (r) => f0(r.received)],
  ['seconds', (r) => f1(r.seconds)],
  ['events/s', (r) => f0(r.eventsPerSecond)],
  ['MB/s', (r) => f1(r.mbPerSecond)],
  ['peak RSS MB', (r) => f0(r.peakRssMB) + (r.rssLimitMB ? ` (<${r.rssLimitMB})` : '')],
  ['floor events/s', (r) => f0(r.floorEventsPerSecond)],
  ['floor MB/s', (r) => f1(r.floorMbPerSecond)],
  ['e2e/floor', (r) => `${Math.round(r.ratio * 100)} %`],
  ['S3 GET MB/s', (r) => f0(r.rawGetMbPerSecond)],
  ['ok', (r) => (r.passed ? 'yes' : `NO: ${r.failures.join('; ')}`)],
];

/** The results as an aligned terminal table. */
export function terminalTable(results: readonly WorkloadResult[]): string {
  const rows = [COLUMNS.map(([h]) => h), ...results.map((r) => COLUMNS.map(([, get]) => get(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => (row[i] as string).length)));
  return rows
    .map((row, n) => {
      const line = row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
        .join('  ');
      return n === 0 ? `${line}\n${'-'.repeat(line.length)}` : line;
    })
    .join('\n');
}

/** The results as a Markdown table. */
export function markdownTable(results: readonly WorkloadResult[]): string {
  const head = `| ${COLUMNS.map(([h]) => h).join(' | ')} |`;
  const rule = `|${COLUMNS.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [head, rule, ...results.map((r) => `| ${COLUMNS.map(([, get]) => get(r)).join(' | ')} |`)].join(
    '\n',
  );
}
