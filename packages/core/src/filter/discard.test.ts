import { describe, expect, it } from 'vitest';
import { createLineLogger } from '../log/logger.js';
import { createDiscardFilter, discardLine, logDiscard } from './discard.js';
import { RegexError } from './regex-error.js';

const filter = (field: string | undefined, regex: string) => {
  const f = createDiscardFilter({ field, regex });
  if (!f) throw new Error('expected a filter');
  return f;
};

describe('createDiscardFilter', () => {
  it('exists only when a pattern is given (decision C16: no implicit `None`)', () => {
    expect(createDiscardFilter({})).toBeUndefined();
    expect(createDiscardFilter({ field: 'a' })).toBeUndefined();
    expect(createDiscardFilter({ regex: 'x' })?.field).toBeUndefined();
    expect(createDiscardFilter({ field: '', regex: 'x' })?.field).toBeUndefined();
  });

  it('fails with exit 12 on an invalid pattern', () => {
    expect(() => createDiscardFilter({ field: 'a', regex: '(' })).toThrow(RegexError);
  });

  // core.md §7.2 examples, with decisions B36 (rest of the path applies to array elements) and C18.
  it.each([
    [{ a: { b: 'xyz' } }, 'a.b', 'xy', true],
    [{ a: { b: 'axyz' } }, 'a.b', 'xy', false],
    [{ a: [{ b: 'xyz' }] }, 'a.b', 'xy', true],
    [{ a: [{ b: { c: 'xyz' } }] }, 'a.b.c', 'xy', true],
    [{ a: [{ b: { c: 'q' } }, { b: 'xy' }] }, 'a.b.c', 'xy', false],
    [{ a: [{ b: { c: 'q' } }, { b: { c: 'xy' } }] }, 'a.b.c', 'xy', true],
    [{ a: [[{ b: 'xy' }]] }, 'a.b', 'xy', true],
    [{ a: ['q', ['xyz']] }, 'a', 'xy', true],
    [{ a: 5 }, 'a', '5', true],
    [{ a: 8.5 }, 'a', '8\\.5$', true],
    [{ a: true }, 'a', 'true', true],
    [{ a: false }, 'a', 'true', false],
    [{ a: null }, 'a', 'null', false],
    [{ a: { b: 1 } }, 'a', '\\{', false],
    [[{ a: 'xyz' }], 'a', 'xy', true],
    [{ a: 'None here' }, 'a', 'xy', false],
    [{ 'a.b': 'xy' }, 'a.b', 'xy', false],
    [{ '': { b: 'xy' } }, '.b', 'xy', true],
    ['xy', 'a', 'xy', false],
    [{ eventSource: 'kms.amazonaws.com' }, 'eventSource', '(ec2|kms)\\.amazonaws\\.com', true],
    [{ eventSource: 's3.amazonaws.com' }, 'eventSource', '(ec2|kms)\\.amazonaws\\.com', false],
  ])('%j at %s with %s → %s', (event, field, regex, expected) => {
    expect(filter(field, regex).matchesEvent(event)).toBe(expected);
  });

  it('never discards by field without a field, but matches raw text', () => {
    const f = filter(undefined, 'None');
    expect(f.matchesEvent({ None: 'None' })).toBe(false);
    expect(f.matchesText('None of the upstream servers responded')).toBe(true);
    expect(f.matchesText('x None')).toBe(false);
  });

  it('looks up own members only', () => {
    const f = filter('constructor', '');
    expect(f.matchesEvent({})).toBe(false);
    const proto = filter('__proto__.polluted', 'yes');
    const event = JSON.parse('{"__proto__":{"polluted":"yes"}}');
    expect(proto.matchesEvent(event)).toBe(true);
    expect(proto.matchesEvent({})).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles 100k-deep arrays and long paths without recursion', () => {
    let deep: unknown = ['xy'];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(filter('a', 'xy').matchesEvent({ a: deep })).toBe(true);
    expect(filter('a', 'xy').matchesEvent(deep)).toBe(false);
    let nested: Record<string, unknown> = { a: 'xy' };
    for (let i = 0; i < 100_000; i++) nested = { a: nested };
    const path = Array.from({ length: 100_001 }, () => 'a').join('.');
    expect(filter(path, 'xy').matchesEvent(nested)).toBe(true);
  });
});

describe('discard debug lines', () => {
  const lines = (level: number, run: (logger: ReturnType<typeof createLineLogger>) => void) => {
    const out: string[] = [];
    run(createLineLogger({ level, write: (l) => out.push(l) }));
    return out;
  };
  const f = filter('eventName', 'Get');

  it('prints the skip line at level 2 and the keep line at level 3', () => {
    expect(
      lines(3, (l) => {
        for (const d of [true, false]) logDiscard(l, f, d);
      }),
    ).toEqual([
      'DEBUG: +++ The "Get" regex found a match in the "eventName" field. The event will be skipped.\n',
      'DEBUG: +++ The "Get" regex did not find a match in the "eventName" field. The event will be processed.\n',
    ]);
    expect(
      lines(2, (l) => {
        for (const d of [true, false]) logDiscard(l, f, d);
      }),
    ).toHaveLength(1);
  });

  it('prints nothing without a filter (decision B35)', () => {
    expect(lines(3, (l) => logDiscard(l, undefined, false))).toEqual([]);
  });

  it('has text and labelled variants', () => {
    expect(discardLine(f, true, { text: true })).toEqual([
      2,
      '+++ The "Get" regex found a match. The event will be skipped.',
    ]);
    expect(discardLine(filter(undefined, 'x'), false, { label: '[InspectorV2] ' })).toEqual([
      3,
      '+++ [InspectorV2] The "x" regex did not find a match in the "None" field. The event will be processed.',
    ]);
  });
});
