// Replaces what differs between machines and runs (paths, ports, the current time) by the corpus'
// placeholders, exactly as the conformance kit's runner does.

/** Times within this many seconds of now are "read from the clock". */
const NOW_WINDOW_S = 3 * 86_400;
const ISO_RE = /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g;

const nearNow = (epochSeconds: number) => Math.abs(epochSeconds - Date.now() / 1000) < NOW_WINDOW_S;

/** Every digit as `#` (the corpus keeps the format of masked times). */
export const maskDigits = (text: string): string => text.replace(/\d/g, '#');

function isoNearNow(text: string): boolean {
  let iso = text.replace(' ', 'T').replace(/Z$/, '+00:00');
  iso = iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (!/[+-]\d{2}:\d{2}$/.test(iso)) iso += '+00:00';
  // Date.parse keeps milliseconds only: drop the rest of the fraction.
  iso = iso.replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && nearNow(ms / 1000);
}

/** The SQLite storage class of a value, when known: decides `int` or `float` in `<now:epoch-s:…>`. */
export type NumberKind = 'int' | 'float';

/** Substitutes placeholders for known values and masks clock readings. */
export class Normalizer {
  private readonly subs: Array<[string, string]> = [];

  /** Replaces `value` by `placeholder` in every text (longest values first). */
  add(value: string | undefined, placeholder: string): void {
    if (!value) return;
    this.subs.push([value, placeholder]);
    this.subs.sort((a, b) => b[0].length - a[0].length);
  }

  text(input: string): string {
    let out = input;
    for (const [value, placeholder] of this.subs) out = out.split(value).join(placeholder);
    return out.replace(ISO_RE, (m) => (isoNearNow(m) ? `<now:${maskDigits(m)}>` : m));
  }

  /** Normalises a JSON-like value; `kind` tells an integral REAL from an INTEGER. */
  value(v: unknown, kind?: NumberKind): unknown {
    if (typeof v === 'string') return this.text(v);
    if (typeof v === 'number') {
      const type = kind ?? (Number.isInteger(v) ? 'int' : 'float');
      if (nearNow(v)) return `<now:epoch-s:${type}>`;
      if (nearNow(v / 1000)) return `<now:epoch-ms:${type}>`;
      return v;
    }
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x)]));
    return v;
  }
}
