// JSON semantic equality as the conformance kit's compare.py defines it: integral floats equal ints
// (JSON.parse already makes 1.0 and 1 the same number), booleans stay booleans, key order and
// spacing do not matter.

/** The Wazuh queue header every datagram starts with. */
export const MESSAGE_HEADER = '1:Wazuh-AWS:';

/** JSON text with object keys sorted at every level: equal texts mean equal values. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `header + "\0" + json:<canonical body>` (or `text:<body>` when the body is not JSON). */
export function messageKey(message: { msg?: string; msg_b64?: string }): string {
  const text = message.msg;
  if (text === undefined) return `<binary>\0${message.msg_b64 ?? ''}`;
  const [header, body] = text.startsWith(MESSAGE_HEADER)
    ? [MESSAGE_HEADER, text.slice(MESSAGE_HEADER.length)]
    : [text.split(':', 1)[0], text];
  try {
    return `${header}\0json:${canonicalJson(JSON.parse(body))}`;
  } catch {
    return `${header}\0text:${body}`;
  }
}

/** The body part of a {@link messageKey}, for reports. */
export const keyBody = (key: string): string => key.slice(key.indexOf('\0') + 1);

const PY_CAUSE = /\b[A-Z][A-Za-z]*(Error|Exception)\(.*\)$/;
const REFORMAT_WARNING = 'WARNING: Could not reformat event ';

/** An ERROR line for comparison: a trailing Python exception repr is the reference's own wording. */
export const canonError = (line: string): string => line.replace(PY_CAUSE, '<cause>');

/** A non-ERROR stdout line for comparison: the event of a reformat warning compares as JSON. */
export function canonLine(line: string): string {
  if (!line.startsWith(REFORMAT_WARNING)) return line;
  try {
    return REFORMAT_WARNING + canonicalJson(JSON.parse(line.slice(REFORMAT_WARNING.length)));
  } catch {
    return line;
  }
}

/** ERROR lines (canonical) and the other lines except DEBUG ones, of one run's stdout. */
export function splitStdout(lines: readonly string[]): { errors: string[]; other: string[] } {
  return {
    errors: lines.filter((l) => l.startsWith('ERROR:')).map(canonError),
    other: lines.filter((l) => !l.startsWith('ERROR:') && !l.startsWith('DEBUG:')).map(canonLine),
  };
}

/** Counts of each item. */
export function multiset(items: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** Items of `a` not matched in `b`, with multiplicity (`a - b`). */
export function multisetMinus(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [item, n] of a) for (let i = b.get(item) ?? 0; i < n; i++) out.push(item);
  return out;
}
