import { isOctal, readCodePointEscape, readOctal } from './python-regex-escapes.js';
import { RegexError } from './regex-error.js';
import { literal, shorthand, shorthandBody } from './regex-sets.js';

/** One member of a class: a code point, a class-body fragment, or an alternative (negated shorthand). */
type Member = { cp: number } | { body: string } | { alternative: string };

function readMember(chars: readonly string[], at: number, ascii: boolean): [Member, number] {
  const c = chars[at] as string;
  if (c !== '\\') return [{ cp: c.codePointAt(0) as number }, at + 1];
  const e = chars[at + 1];
  switch (e) {
    case 'd':
    case 'w':
    case 's':
      return [{ body: shorthandBody(e, ascii) }, at + 2];
    case 'D':
      return [ascii ? { alternative: shorthand(e, true) } : { body: '\\P{Nd}' }, at + 2];
    case 'W':
    case 'S':
      return [{ alternative: shorthand(e, ascii) }, at + 2];
    case 'b':
      return [{ cp: 8 }, at + 2];
    default:
      if (isOctal(e)) {
        const [cp, next] = readOctal(chars, at + 1, 3);
        return [{ cp }, next];
      }
      if (e !== undefined && /^[0-9A-Za-z]$/.test(e) && !'afnrtvxuUN'.includes(e)) {
        throw new RegexError(`bad escape \\${e}`, at);
      }
      {
        const [cp, next] = readCodePointEscape(chars, at);
        return [{ cp }, next];
      }
  }
}

/**
 * Translates the Python character set starting at `chars[start]` (`[`). Returns the JS text and the
 * index after the closing `]`. Negated shorthands (`\W`, `\S`) cannot sit inside a `u`-mode class,
 * so a set holding them becomes an alternation (or a negative lookahead for `[^…]`).
 */
export function translateClass(chars: readonly string[], start: number, ascii: boolean): [string, number] {
  let at = start + 1;
  const negated = chars[at] === '^';
  if (negated) at++;
  const body: string[] = [];
  const alternatives: string[] = [];
  for (let first = true; ; first = false) {
    if (at >= chars.length) throw new RegexError('unterminated character set', start);
    if (chars[at] === ']' && !first) {
      at++;
      break;
    }
    const lowStart = at;
    const [low, afterLow] = readMember(chars, at, ascii);
    at = afterLow;
    if (chars[at] === '-' && at + 1 < chars.length && chars[at + 1] !== ']') {
      const [high, afterHigh] = readMember(chars, at + 1, ascii);
      const text = chars.slice(lowStart, afterHigh).join('');
      if (!('cp' in low) || !('cp' in high) || high.cp < low.cp) {
        throw new RegexError(`bad character range ${text}`, lowStart);
      }
      body.push(`${literal(low.cp)}-${literal(high.cp)}`);
      at = afterHigh;
      continue;
    }
    if ('cp' in low) body.push(literal(low.cp));
    else if ('body' in low) body.push(low.body);
    else alternatives.push(low.alternative);
  }
  if (alternatives.length === 0) return [`[${negated ? '^' : ''}${body.join('')}]`, at];
  const union = `(?:${[...(body.length > 0 ? [`[${body.join('')}]`] : []), ...alternatives].join('|')})`;
  return [negated ? `(?:(?!${union})[\\s\\S])` : union, at];
}
