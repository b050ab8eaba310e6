// Python's str()/repr() of parsed JSON values, for the few places where the reference put such
// text into a message (CloudTrail's `{"string": …}` wrapping, Macie path lists).

/** Characters Python's `str.isprintable()` rejects (space excepted): escaped in a repr. */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\\]/gu;

function escapeChar(c: string): string {
  if (c === '\\') return '\\\\';
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  if (c === ' ') return c;
  const code = c.codePointAt(0)!;
  const hex = code.toString(16);
  if (code < 0x100) return `\\x${hex.padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** Python `repr()` of a string: single quotes unless it contains `'` and no `"`. */
export function pythonStringRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let body = value.replace(NON_PRINTABLE, escapeChar);
  if (quote === "'") body = body.replaceAll("'", "\\'");
  return `${quote}${body}${quote}`;
}

/** Python `repr()` of a JSON number. Integral values print as ints (a parsed `1.0` is `1` in JS). */
function numberRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 16) return String(value);
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

class Literal {
  constructor(readonly text: string) {}
}

/**
 * Python `str()` of a JSON value as the reference printed it: strings unchanged, `True`/`False`/
 * `None`, numbers in Python form, arrays `['a', 1, True, None]`, objects `{'k': 'v'}` (reprs with
 * `, ` and `: `). Iterative, so any nesting depth works.
 *
 * Limitation: JSON floats with an integral value (`1.0`) arrive as JS integers and print as `1`.
 *
 * @example pythonStr({ a: [true, null, "it's"] }) // `{'a': [True, None, "it's"]}`
 */
export function pythonStr(value: unknown): string {
  if (typeof value === 'string') return value;
  const out: string[] = [];
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item instanceof Literal) out.push(item.text);
    else if (typeof item === 'string') out.push(pythonStringRepr(item));
    else if (typeof item === 'number') out.push(numberRepr(item));
    else if (typeof item === 'boolean') out.push(item ? 'True' : 'False');
    else if (item === null || item === undefined) out.push('None');
    else if (Array.isArray(item)) {
      pending.push(new Literal(']'));
      for (let i = item.length - 1; i >= 0; i--) {
        pending.push(item[i]);
        if (i > 0) pending.push(new Literal(', '));
      }
      pending.push(new Literal('['));
    } else if (typeof item === 'object') {
      const entries = Object.entries(item);
      pending.push(new Literal('}'));
      for (let i = entries.length - 1; i >= 0; i--) {
        const [name, member] = entries[i]!;
        pending.push(member, new Literal(`${pythonStringRepr(name)}: `));
        if (i > 0) pending.push(new Literal(', '));
      }
      pending.push(new Literal('{'));
    } else {
      out.push(String(item));
    }
  }
  return out.join('');
}
