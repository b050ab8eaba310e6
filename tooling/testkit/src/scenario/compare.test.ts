import { describe, expect, it } from 'vitest';
import { canonError, messageKey } from './canon.js';
import { compareScenario } from './compare.js';
import type { ExpectedScenario, ScenarioOutputs } from './corpus.js';
import { Normalizer } from './normalize.js';

const msg = (run: number, seq: number, body: string) => ({
  run,
  seq,
  len: body.length,
  msg: `1:Wazuh-AWS:${body}`,
});

function expected(): ExpectedScenario {
  return {
    runs: [
      {
        run: 1,
        args: [],
        exit_code: 0,
        stdout: ["ERROR: Failed: JSONDecodeError('x')"],
        stderr: [],
        messages: 2,
      },
    ],
    messages: [msg(1, 1, '{"a": 1.0, "b": true}'), msg(1, 2, 'plain text')],
    dbs: [
      {
        run: 1,
        dbs: { 's3.db': { t: { columns: [['k', 'TEXT', 1, 1]], rows: [['x'], ['y']] } } },
      },
    ],
    state: { s3: { b: ['k1'] }, fake: { logs: {}, sqs: {} } },
    waived: { ignore: [] },
  };
}

const actual = (e = expected()): ScenarioOutputs =>
  structuredClone({ ...e, waived: undefined }) as ScenarioOutputs;

describe('compareScenario', () => {
  it('passes identical outputs, with JSON compared semantically and the Python cause masked', () => {
    const a = actual();
    a.messages = [msg(1, 1, '{"b":true,"a":1}'), msg(1, 2, 'plain text')];
    a.runs[0]!.stdout = ["ERROR: Failed: JSONDecodeError('different wording')"];
    a.dbs[0]!.dbs['s3.db']!.t!.rows = [['y'], ['x']];
    const result = compareScenario(expected(), a);
    expect(result.problems).toEqual([]);
    expect(result.verdict).toBe('PASS');
    expect(result.orderOk).toBe(true);
  });

  it('catches each aspect: exit, errors, messages, db, state', () => {
    const a = actual();
    a.runs[0]!.exit_code = 1;
    a.runs[0]!.stdout = ['ERROR: something else'];
    a.messages = [msg(1, 1, '{"a": 1, "b": 1}'), msg(1, 2, 'plain text'), msg(1, 3, 'extra')];
    a.dbs[0]!.dbs['s3.db']!.t!.rows = [['x']];
    a.state.s3.b = [];
    const result = compareScenario(expected(), a);
    expect(result.ok).toMatchObject({ exit: false, errors: false, messages: false, db: false, state: false });
    expect(result.verdict).toBe('FAIL');
    expect(result.messageDiffs).toEqual([
      { run: 1, missing: ['json:{"a":1,"b":true}'], unexpected: ['json:{"a":1,"b":1}', 'text:extra'] },
    ]);
  });

  it('notes a different order without failing, and waives what waived.json names', () => {
    const e = expected();
    e.waived = { ignore: ['errors'], reason: 'wording open' };
    const a = actual();
    a.messages = [...a.messages].reverse();
    a.runs[0]!.stdout = ['ERROR: worded differently'];
    const result = compareScenario(e, a);
    expect(result.verdict).toBe('WAIVED');
    expect(result.orderOk).toBe(false);
    expect(result.problems).toEqual([]);
    expect(result.notes.some((n) => n.startsWith('(waived)'))).toBe(true);
  });
});

describe('canonical forms', () => {
  it('messageKey: 1 equals 1.0, true does not equal 1, text bodies stay text', () => {
    expect(messageKey({ msg: '1:Wazuh-AWS:{"x": 1.0}' })).toBe(messageKey({ msg: '1:Wazuh-AWS:{"x":1}' }));
    expect(messageKey({ msg: '1:Wazuh-AWS:{"x": true}' })).not.toBe(
      messageKey({ msg: '1:Wazuh-AWS:{"x":1}' }),
    );
    expect(messageKey({ msg: '1:Wazuh-AWS:hello' })).toBe('1:Wazuh-AWS:\0text:hello');
  });
  it('canonError masks only a trailing Python exception repr', () => {
    expect(canonError("ERROR: bad: TypeError('x')")).toBe('ERROR: bad: <cause>');
    expect(canonError('ERROR: Wazuh must be running.')).toBe('ERROR: Wazuh must be running.');
  });
  it('Normalizer: placeholders for paths, clock readings masked, old times kept', () => {
    const n = new Normalizer();
    n.add('/tmp/wazuh-x', '{WAZUH}');
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    expect(n.text(`/tmp/wazuh-x/queue at ${now}`)).toBe(`{WAZUH}/queue at <now:${now.replace(/\d/g, '#')}>`);
    expect(n.text('2025-03-09 10:00:00')).toBe('2025-03-09 10:00:00');
    expect(n.value(Math.floor(Date.now() / 1000), 'int')).toBe('<now:epoch-s:int>');
    expect(n.value(Date.now(), 'float')).toBe('<now:epoch-ms:float>');
    expect(n.value(20250309)).toBe(20250309);
  });
});
