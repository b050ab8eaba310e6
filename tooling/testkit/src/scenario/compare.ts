// The conformance kit's comparison (compare.py) of what a CLI did with a scenario's expected outputs.
import { canonicalJson, keyBody, messageKey, multiset, multisetMinus, splitStdout } from './canon.js';
import type { CorpusMessage, ExpectedScenario, ScenarioOutputs } from './corpus.js';

/** What a scenario is compared in; `stdout` (non-ERROR lines) is reported but never counted. */
export type Aspect = 'exit' | 'errors' | 'messages' | 'db' | 'state' | 'stdout';
const COUNTED: readonly Aspect[] = ['exit', 'errors', 'messages', 'db', 'state'];

/** The messages of one run that differ (canonical bodies, `json:…` or `text:…`). */
export interface MessageDiff {
  run: number;
  missing: string[];
  unexpected: string[];
}

/** The verdict on one scenario. */
export interface ScenarioComparison {
  /** All counted aspects match, or differ only where `waived.json` says so. */
  pass: boolean;
  verdict: 'PASS' | 'WAIVED' | 'FAIL';
  ok: Record<Aspect, boolean>;
  /** Aspects that differ but are waived for this scenario. */
  ignored: Aspect[];
  /** Same messages per run in the same order. */
  orderOk: boolean;
  /** Expected messages matched by a received one (over all runs). */
  matched: number;
  expectedMessages: number;
  resultMessages: number;
  messageDiffs: MessageDiff[];
  /** Readable differences of counted, unwaived aspects. */
  problems: string[];
  /** Readable differences per aspect (waived ones included). */
  problemsByAspect: Record<Aspect, string[]>;
  /** Differences that do not count (other stdout lines, order). */
  notes: string[];
}

const byRun = <T extends { run?: number }>(items: readonly T[]) => {
  const runs = new Map<number, T[]>();
  for (const item of items) {
    const run = item.run ?? 1;
    runs.set(run, [...(runs.get(run) ?? []), item]);
  }
  return runs;
};

const codeOf = (r: { exit_code: number | null; timed_out?: boolean }) =>
  r.timed_out ? 'timeout' : r.exit_code;

function compareStdout(expected: ExpectedScenario, actual: ScenarioOutputs, out: ScenarioComparison): void {
  const n = Math.max(expected.runs.length, actual.runs.length);
  for (let i = 0; i < n; i++) {
    const e = splitStdout(expected.runs[i]?.stdout ?? []);
    const r = splitStdout(actual.runs[i]?.stdout ?? []);
    if (canonicalJson(e.errors) !== canonicalJson(r.errors)) {
      out.ok.errors = false;
      out.problemsByAspect.errors.push(`run ${i + 1} ERROR lines differ`);
      for (const x of e.errors.filter((l) => !r.errors.includes(l)))
        out.problemsByAspect.errors.push(`    missing: ${x}`);
      for (const x of r.errors.filter((l) => !e.errors.includes(l)))
        out.problemsByAspect.errors.push(`    unexpected: ${x}`);
    }
    if (canonicalJson(e.other) !== canonicalJson(r.other)) {
      out.ok.stdout = false;
      out.notes.push(
        `run ${i + 1} other stdout lines differ (${e.other.length} expected, ${r.other.length} got)`,
      );
    }
  }
}

function compareMessages(expected: CorpusMessage[], actual: CorpusMessage[], out: ScenarioComparison): void {
  const e = byRun(expected);
  const r = byRun(actual);
  const runs = [...new Set([...e.keys(), ...r.keys()])].sort((a, b) => a - b);
  for (const run of runs) {
    const ek = (e.get(run) ?? []).map(messageKey);
    const rk = (r.get(run) ?? []).map(messageKey);
    const ec = multiset(ek);
    const rc = multiset(rk);
    const missing = multisetMinus(ec, rc);
    const unexpected = multisetMinus(rc, ec);
    out.matched += ek.length - missing.length;
    if (missing.length > 0 || unexpected.length > 0) {
      out.ok.messages = false;
      out.messageDiffs.push({ run, missing: missing.map(keyBody), unexpected: unexpected.map(keyBody) });
      out.problemsByAspect.messages.push(
        `run ${run}: ${missing.length} expected messages missing, ${unexpected.length} unexpected (${ek.length} expected, ${rk.length} got)`,
      );
      for (const k of missing.slice(0, 3))
        out.problemsByAspect.messages.push(`    missing:    ${keyBody(k).slice(0, 300)}`);
      for (const k of unexpected.slice(0, 3))
        out.problemsByAspect.messages.push(`    unexpected: ${keyBody(k).slice(0, 300)}`);
    } else if (ek.join('\n') !== rk.join('\n')) {
      out.orderOk = false;
      const first = ek.findIndex((k, i) => k !== rk[i]);
      out.notes.push(`run ${run}: same messages, different order (first difference at message ${first + 1})`);
    }
  }
}

function compareDbs(expected: ExpectedScenario, actual: ScenarioOutputs, out: ScenarioComparison): void {
  const n = Math.max(expected.dbs.length, actual.dbs.length);
  for (let i = 0; i < n; i++) {
    const ed = expected.dbs[i]?.dbs ?? {};
    const rd = actual.dbs[i]?.dbs ?? {};
    for (const file of [...new Set([...Object.keys(ed), ...Object.keys(rd)])].sort()) {
      const et = ed[file] ?? {};
      const rt = rd[file] ?? {};
      for (const table of [...new Set([...Object.keys(et), ...Object.keys(rt)])].sort()) {
        const a = et[table];
        const b = rt[table];
        if (!a || !b) {
          out.ok.db = false;
          out.problemsByAspect.db.push(
            `run ${i + 1} db ${file}: table ${table} ${a ? 'missing' : 'unexpected'}`,
          );
          continue;
        }
        if (canonicalJson(a.columns) !== canonicalJson(b.columns)) {
          out.ok.db = false;
          out.problemsByAspect.db.push(
            `run ${i + 1} db ${file}.${table}: columns differ: expected ${JSON.stringify(a.columns)} got ${JSON.stringify(b.columns)}`,
          );
        }
        const ea = multiset(a.rows.map(canonicalJson));
        const eb = multiset(b.rows.map(canonicalJson));
        const missing = multisetMinus(ea, eb);
        const extra = multisetMinus(eb, ea);
        if (missing.length > 0 || extra.length > 0) {
          out.ok.db = false;
          out.problemsByAspect.db.push(
            `run ${i + 1} db ${file}.${table}: ${missing.length} rows missing, ${extra.length} unexpected`,
          );
          for (const row of missing.slice(0, 3))
            out.problemsByAspect.db.push(`    missing row    ${row.slice(0, 300)}`);
          for (const row of extra.slice(0, 3))
            out.problemsByAspect.db.push(`    unexpected row ${row.slice(0, 300)}`);
        }
      }
    }
  }
}

/**
 * Compares one scenario per run and aspect, like the conformance kit: exit codes; ERROR lines
 * (a trailing Python exception repr masked); messages as a multiset of parsed JSON per run (order
 * only noted); every db table per run (columns, rows as a multiset); the state after the last run.
 * Aspects in `waived.json` do not count.
 */
export function compareScenario(expected: ExpectedScenario, actual: ScenarioOutputs): ScenarioComparison {
  const out: ScenarioComparison = {
    pass: false,
    verdict: 'FAIL',
    ok: { exit: true, errors: true, messages: true, db: true, state: true, stdout: true },
    ignored: [],
    orderOk: true,
    matched: 0,
    expectedMessages: expected.messages.length,
    resultMessages: actual.messages.length,
    messageDiffs: [],
    problems: [],
    problemsByAspect: { exit: [], errors: [], messages: [], db: [], state: [], stdout: [] },
    notes: [],
  };
  const eCodes = expected.runs.map(codeOf);
  const rCodes = actual.runs.map(codeOf);
  if (canonicalJson(eCodes) !== canonicalJson(rCodes)) {
    out.ok.exit = false;
    out.problemsByAspect.exit.push(
      `exit codes: expected ${JSON.stringify(eCodes)} got ${JSON.stringify(rCodes)}`,
    );
  }
  compareStdout(expected, actual, out);
  compareMessages(expected.messages, actual.messages, out);
  compareDbs(expected, actual, out);
  if (canonicalJson(expected.state) !== canonicalJson(actual.state)) {
    out.ok.state = false;
    out.problemsByAspect.state.push(
      `state differs: expected ${canonicalJson(expected.state).slice(0, 600)} got ${canonicalJson(actual.state).slice(0, 600)}`,
    );
  }
  const ignore = new Set(expected.waived.ignore);
  out.ignored = (Object.keys(out.ok) as Aspect[]).filter((a) => ignore.has(a) && !out.ok[a]);
  for (const aspect of COUNTED) {
    const target = ignore.has(aspect) ? out.notes : out.problems;
    for (const p of out.problemsByAspect[aspect]) target.push(ignore.has(aspect) ? `(waived) ${p}` : p);
  }
  out.pass = COUNTED.every((a) => out.ok[a] || ignore.has(a));
  out.verdict = !out.pass ? 'FAIL' : out.ignored.length > 0 ? 'WAIVED' : 'PASS';
  return out;
}
