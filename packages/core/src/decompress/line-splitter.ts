/** Splits streamed text into lines at `\n`, `\r\n` or a lone `\r` (Python's universal newlines). */
export interface LineSplitter {
  /** Returns the lines completed by `text`, without their terminators. */
  push(text: string): string[];
  /** Returns the last, unterminated line if there is one. */
  end(): string[];
}

const TERMINATOR = /\r\n?|\n/g;

/** Creates a {@link LineSplitter}; a `\r\n` split across two chunks is still one terminator. */
export function createLineSplitter(): LineSplitter {
  let carry = '';
  let skipLeadingLf = false;
  return {
    push(text) {
      let s = text;
      if (s.length === 0) return [];
      if (skipLeadingLf && s.charCodeAt(0) === 10) s = s.slice(1);
      skipLeadingLf = false;
      const lines: string[] = [];
      let start = 0;
      TERMINATOR.lastIndex = 0;
      for (let m = TERMINATOR.exec(s); m !== null; m = TERMINATOR.exec(s)) {
        lines.push(carry + s.slice(start, m.index));
        carry = '';
        start = m.index + m[0].length;
        if (m[0] === '\r' && start === s.length) skipLeadingLf = true;
      }
      carry += s.slice(start);
      return lines;
    },
    end() {
      const last = carry;
      carry = '';
      return last.length > 0 ? [last] : [];
    },
  };
}

/** Lazily yields the lines of a whole text (same rules as {@link createLineSplitter}). */
export function* splitLines(text: string): Generator<string> {
  const terminator = /\r\n?|\n/g;
  let start = 0;
  for (let m = terminator.exec(text); m !== null; m = terminator.exec(text)) {
    yield text.slice(start, m.index);
    start = m.index + m[0].length;
  }
  if (start < text.length) yield text.slice(start);
}
