import { translateClass } from './python-regex-class.js';
import { isDigit, isOctal, readCodePointEscape, readOctal } from './python-regex-escapes.js';
import { RegexError, unsupported } from './regex-error.js';
import { ANCHOR, literal, shorthand, wordBoundary } from './regex-sets.js';

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
  x: boolean;
  a: boolean;
}
interface OpenGroup {
  start: number;
  flags: Flags;
  number?: number;
}
/** What the last item was: quantifiers need an atom before them. */
type Last = 'none' | 'atom' | 'anchor' | 'quantified';

const FLAG_LETTERS = /^[aiLmsux]$/;
const VERBOSE_SPACE = /^[ \t\n\r\f\v]$/;
const NAME = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/** Translates one Python pattern to JavaScript `u`-flag source; see {@link compilePythonRegex}. */
class Translator {
  private pos = 0;
  private out = '';
  private last: Last = 'none';
  private groupCount = 0;
  private readonly names = new Map<string, number>();
  private readonly stack: OpenGroup[] = [];
  flags: Flags = { i: false, s: false, m: false, x: false, a: false };

  constructor(private readonly chars: readonly string[]) {}

  translate(): string {
    this.readGlobalFlags();
    while (this.pos < this.chars.length) this.token();
    const open = this.stack.at(-1);
    if (open) throw new RegexError('missing ), unterminated subpattern', open.start);
    return this.out;
  }

  private readGlobalFlags(): void {
    for (;;) {
      if (this.flags.x) this.skipVerbose();
      const { chars, pos } = this;
      if (chars[pos] !== '(' || chars[pos + 1] !== '?' || !FLAG_LETTERS.test(chars[pos + 2] ?? '')) return;
      let end = pos + 2;
      while (FLAG_LETTERS.test(chars[end] ?? '')) end++;
      if (chars[end] !== ')') return; // a scoped group (?i:…), handled as a group
      for (let f = pos + 2; f < end; f++) this.setFlag(chars[f] as string, true, f);
      this.pos = end + 1;
    }
  }

  private setFlag(letter: string, on: boolean, at: number, target: Flags = this.flags): void {
    if (letter === 'L')
      throw new RegexError("bad inline flags: cannot use 'L' flag with a str pattern", at + 1);
    if (letter === 'u') return;
    target[letter as keyof Flags] = on;
  }

  private skipVerbose(): void {
    const { chars } = this;
    while (this.pos < chars.length) {
      const c = chars[this.pos] as string;
      if (VERBOSE_SPACE.test(c)) this.pos++;
      else if (c === '#') while (this.pos < chars.length && chars[this.pos] !== '\n') this.pos++;
      else return;
    }
  }

  private emit(text: string, last: Last): void {
    this.out += text;
    this.last = last;
  }

  private token(): void {
    if (this.flags.x) {
      this.skipVerbose();
      if (this.pos >= this.chars.length) return;
    }
    const at = this.pos;
    const c = this.chars[at] as string;
    switch (c) {
      case '\\':
        this.escape();
        return;
      case '[': {
        const [text, next] = translateClass(this.chars, at, this.flags.a);
        this.pos = next;
        this.emit(text, 'atom');
        return;
      }
      case '(':
        this.openGroup();
        return;
      case ')': {
        const group = this.stack.pop();
        if (!group) throw new RegexError('unbalanced parenthesis', at);
        this.flags = group.flags;
        this.pos++;
        this.emit(')', 'atom');
        return;
      }
      case '|':
        this.pos++;
        this.emit('|', 'none');
        return;
      case '.':
        this.pos++;
        this.emit(this.flags.s ? '[\\s\\S]' : '[^\\n]', 'atom');
        return;
      case '^':
        this.pos++;
        this.emit(this.flags.m ? ANCHOR.startOfLine : ANCHOR.start, 'anchor');
        return;
      case '$':
        this.pos++;
        this.emit(this.flags.m ? ANCHOR.endOfLine : ANCHOR.endOrFinalNewline, 'anchor');
        return;
      case '*':
      case '+':
      case '?':
        this.pos++;
        this.quantify(c, at);
        return;
      case '{':
        if (this.braceQuantifier()) return;
        this.pos++;
        this.emit(literal(0x7b), 'atom');
        return;
      default:
        this.pos++;
        this.emit(literal(c.codePointAt(0) as number), 'atom');
        return;
    }
  }

  private quantify(text: string, at: number): void {
    if (this.last === 'none' || this.last === 'anchor') throw new RegexError('nothing to repeat', at);
    if (this.last === 'quantified') throw new RegexError('multiple repeat', at);
    let quantifier = text;
    if (this.chars[this.pos] === '?') {
      quantifier += '?';
      this.pos++;
    } else if (this.chars[this.pos] === '+') {
      throw unsupported(`possessive quantifier ${text}+`, at);
    }
    this.emit(quantifier, 'quantified');
  }

  /** Python reads `{m,n}` as a quantifier only when well formed; otherwise `{` is a literal. */
  private braceQuantifier(): boolean {
    const { chars } = this;
    const at = this.pos;
    let p = at + 1;
    if (chars[p] === '}') return false;
    let low = '';
    let high = '';
    while (isDigit(chars[p])) low += chars[p++];
    const comma = chars[p] === ',';
    if (comma) {
      p++;
      while (isDigit(chars[p])) high += chars[p++];
    } else high = low;
    if (chars[p] !== '}') return false;
    const min = low ? Number(low) : 0;
    const max = high ? Number(high) : Number.POSITIVE_INFINITY;
    if (max < min) throw new RegexError('min repeat greater than max repeat', at + 1);
    this.pos = p + 1;
    const text = max === Number.POSITIVE_INFINITY ? `{${min},}` : comma ? `{${min},${max}}` : `{${min}}`;
    this.quantify(text, at);
    return true;
  }

  private escape(): void {
    const { chars } = this;
    const at = this.pos;
    const c = chars[at + 1];
    const ascii = this.flags.a;
    const simple: Record<string, [string, Last]> = {
      A: [ANCHOR.start, 'anchor'],
      Z: [ANCHOR.end, 'anchor'],
      b: [wordBoundary(false, ascii), 'anchor'],
      B: [wordBoundary(true, ascii), 'anchor'],
    };
    const known = c === undefined ? undefined : simple[c];
    if (known) {
      this.pos = at + 2;
      this.emit(known[0], known[1]);
      return;
    }
    if (c !== undefined && 'dDwWsS'.includes(c)) {
      this.pos = at + 2;
      this.emit(shorthand(c, ascii), 'atom');
      return;
    }
    if (c === '0' || (isOctal(c) && isOctal(chars[at + 2]) && isOctal(chars[at + 3]))) {
      const [cp, next] = readOctal(chars, at + 1, 3);
      this.pos = next;
      this.emit(literal(cp), 'atom');
      return;
    }
    if (isDigit(c)) {
      this.backReference(at);
      return;
    }
    const [cp, next] = readCodePointEscape(chars, at);
    this.pos = next;
    this.emit(literal(cp), 'atom');
  }

  private backReference(at: number): void {
    let end = at + 2;
    if (isDigit(this.chars[end])) end++;
    const number = Number(this.chars.slice(at + 1, end).join(''));
    if (number > this.groupCount) throw new RegexError(`invalid group reference ${number}`, at + 1);
    if (this.stack.some((g) => g.number === number))
      throw new RegexError('cannot refer to an open group', at);
    this.pos = end;
    this.emit(`(?:\\${number})`, 'atom');
  }

  private push(text: string, number?: number): void {
    this.stack.push({
      start: this.pos,
      flags: { ...this.flags },
      ...(number === undefined ? {} : { number }),
    });
    this.emit(text, 'none');
  }

  private openGroup(): void {
    const { chars } = this;
    const at = this.pos;
    if (chars[at + 1] !== '?') {
      this.push('(', ++this.groupCount);
      this.pos = at + 1;
      return;
    }
    const c = chars[at + 2];
    const after = at + 3;
    if (c === ':' || c === '=' || c === '!') {
      this.push(`(?${c}`);
      this.pos = after;
    } else if (c === '<' && (chars[after] === '=' || chars[after] === '!')) {
      this.push(`(?<${chars[after]}`);
      this.pos = after + 1;
    } else if (c === 'P' && chars[after] === '<') {
      const [name, next] = this.readName(after + 1, '>');
      if (this.names.has(name)) {
        throw new RegexError(
          `redefinition of group name '${name}' as group ${this.groupCount + 1}; was group ${this.names.get(name)}`,
          after + 1,
        );
      }
      this.names.set(name, ++this.groupCount);
      this.push(`(?<${name}>`, this.groupCount);
      this.pos = next;
    } else if (c === 'P' && chars[after] === '=') {
      const [name, next] = this.readName(after + 1, ')');
      const number = this.names.get(name);
      if (number === undefined) throw new RegexError(`unknown group name '${name}'`, after + 1);
      if (this.stack.some((g) => g.number === number))
        throw new RegexError('cannot refer to an open group', after + 1);
      this.pos = next;
      this.emit(`\\k<${name}>`, 'atom');
    } else if (c === '#') {
      let end = after;
      while (end < chars.length && chars[end] !== ')') end++;
      if (end >= chars.length) throw new RegexError('missing ), unterminated comment', at);
      this.pos = end + 1;
    } else if (c === '(') {
      throw unsupported('conditional group (?(...)...)', at);
    } else if (c === '>') {
      throw unsupported('atomic group (?>...)', at);
    } else if (c !== undefined && (FLAG_LETTERS.test(c) || c === '-')) {
      this.scopedFlags(at);
    } else {
      throw new RegexError(
        `unknown extension ?${c ?? ''}${c === 'P' || c === '<' ? (chars[after] ?? '') : ''}`,
        at + 1,
      );
    }
  }

  private readName(from: number, terminator: string): [string, number] {
    let end = from;
    while (end < this.chars.length && this.chars[end] !== terminator) end++;
    const name = this.chars.slice(from, end).join('');
    if (end >= this.chars.length) {
      throw new RegexError(`missing ${terminator}, unterminated name`, from);
    }
    if (name === '') throw new RegexError('missing group name', from);
    if (!NAME.test(name)) throw new RegexError(`bad character in group name '${name}'`, from);
    return [name, end + 1];
  }

  private scopedFlags(at: number): void {
    const { chars } = this;
    let p = at + 2;
    const scoped = { ...this.flags };
    for (; FLAG_LETTERS.test(chars[p] ?? ''); p++) this.setFlag(chars[p] as string, true, p, scoped);
    if (chars[p] === '-') {
      for (p++; /^[imsx]$/.test(chars[p] ?? ''); p++) this.setFlag(chars[p] as string, false, p, scoped);
    }
    if (chars[p] === ')') throw new RegexError('global flags not at the start of the expression', at);
    if (chars[p] !== ':')
      throw new RegexError(chars[p] === undefined ? 'missing -, : or )' : 'unknown flag', p);
    // Node 20 has no scoped `(?i:…)`; only a case-sensitivity change cannot be translated.
    if (scoped.i !== this.flags.i)
      throw unsupported('scoped case-insensitivity flag (?i:...) / (?-i:...)', at);
    this.push('(?:');
    this.flags = scoped;
    this.pos = p + 1;
  }
}

/**
 * Compiles a Python `re` pattern into an equivalent JavaScript RegExp with `re.match` semantics:
 * the `y` (sticky) flag anchors it at `lastIndex`, so test with {@link pythonMatch} (which resets
 * `lastIndex`). `$` matches at the end or before a final `\n`; `.` excludes only `\n`; `\d \w \s \b`
 * are Unicode-aware (ASCII with `(?a)`); `(?P<n>…)`, `(?P=n)`, leading `(?imsxa)` flags, scoped
 * `(?s:…)`, `\A`, `\Z`, octal/hex escapes and Python's literal `{` are translated.
 *
 * @throws {RegexError} exit 12, with Python's wording, for an invalid pattern or one using a construct
 * JavaScript cannot express (conditionals, atomic groups, possessive quantifiers, scoped `(?i:…)`).
 * @example
 * pythonMatch(compilePythonRegex('(?i)deny'), 'DENY all'); // true
 */
export function compilePythonRegex(pattern: string): RegExp {
  const translator = new Translator(Array.from(pattern));
  const source = translator.translate();
  try {
    return new RegExp(source, translator.flags.i ? 'iuy' : 'uy');
  } catch (error) {
    const detail =
      error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : '';
    throw new RegexError(
      `invalid pattern: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`,
      undefined,
      error,
    );
  }
}

/** Python's `pattern.match(text) is not None` for a RegExp from {@link compilePythonRegex}. */
export function pythonMatch(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  return regex.test(text);
}
