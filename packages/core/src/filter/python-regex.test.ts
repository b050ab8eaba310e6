import { describe, expect, it } from 'vitest';
import { compilePythonRegex, pythonMatch } from './python-regex.js';
import { RegexError } from './regex-error.js';

// Expected results computed with CPython 3.11 `re.compile(p).match(s) is not None` / `str(re.error)`.
const MATCHES: Array<[string, string, boolean]> = [
  ['xy', 'xyz', true],
  ['xy', 'axyz', false],
  ['xy', '', false],
  ['xy', 'XY', false],
  ['(ec2|kms)\\.amazonaws\\.com', 'kms.amazonaws.com', true],
  ['(ec2|kms)\\.amazonaws\\.com', 's3.amazonaws.com', false],
  ['(ec2|kms)\\.amazonaws\\.com', 'ec2.amazonaws.com.evil', true],
  ['(ec2|kms)\\.amazonaws\\.com', 'ec2xamazonaws.com', false],
  ['None', 'None here', true],
  ['None', 'none', false],
  ['None', 'xNone', false],
  ['abc$', 'abc', true],
  ['abc$', 'abc\n', true],
  ['abc$', 'abc\n\n', false],
  ['abc$', 'abcd', false],
  ['^abc', 'abc', true],
  ['^abc', 'xabc', false],
  ['(?m)a$\\nb', 'a\nb', true],
  ['(?m)^b', 'a\nb', false],
  ['(?m)^b', 'b', true],
  ['a.c', 'abc', true],
  ['a.c', 'a\nc', false],
  ['a.c', 'a\rc', true],
  ['a.c', 'a c', true],
  ['(?s)a.c', 'a\nc', true],
  ['(?i)deny', 'DENY all', true],
  ['(?i)deny', 'Deny', true],
  ['(?i)deny', 'allow', false],
  ['\\d+$', '123', true],
  ['\\d+$', '١٢٣', true],
  ['\\d+$', '12a', false],
  ['\\d+$', '½', false],
  ['(?a)\\d+$', '123', true],
  ['(?a)\\d+$', '١٢٣', false],
  ['\\w+$', 'héllo_1', true],
  ['\\w+$', 'a-b', false],
  ['\\w+$', 'Ⅻ', true],
  ['\\w+$', '²', true],
  ['\\s', ' ', true],
  ['\\s', '\u001c', true],
  ['\\s', '', true],
  ['\\s', '﻿', false],
  ['\\s', ' ', true],
  ['\\s', 'x', false],
  ['\\S', ' ', false],
  ['\\S', '﻿', true],
  ['\\S', 'x', true],
  ['foo\\b', 'foo bar', true],
  ['foo\\b', 'foobar', false],
  ['foo\\b', 'fooé', false],
  ['foo\\b', 'foo', true],
  ['foo\\B', 'foobar', true],
  ['foo\\B', 'foo bar', false],
  ['(?P<x>a+)b(?P=x)', 'aabaa', true],
  ['(?P<x>a+)b(?P=x)', 'aaba', false],
  ['(?P<x>a+)b(?P=x)', 'abab', true],
  ['(a)(b)\\2\\1', 'abba', true],
  ['(a)(b)\\2\\1', 'abab', false],
  ['\\Aab\\Z', 'ab', true],
  ['\\Aab\\Z', 'ab\n', false],
  ['a{2}', 'aa', true],
  ['a{2}', 'a', false],
  ['a{,2}b', 'b', true],
  ['a{,2}b', 'aab', true],
  ['a{,2}b', 'aaab', false],
  ['a{2,}b', 'aab', true],
  ['a{2,}b', 'ab', false],
  ['a{x', 'a{x', true],
  ['a{x', 'ax', false],
  ['a{}', 'a{}', true],
  ['x{2,3}?', 'xxx', true],
  ['[\\W]', '!', true],
  ['[\\W]', 'a', false],
  ['[^\\W\\d]+$', 'abc', true],
  ['[^\\W\\d]+$', 'ab1', false],
  ['[^\\W\\d]+$', 'a!', false],
  ['[^\\S]', ' ', true],
  ['[^\\S]', 'a', false],
  ['[a\\-z]+$', 'a-z', true],
  ['[a\\-z]+$', 'b', false],
  ['[]a]+$', ']a]', true],
  ['[]a]+$', 'b', false],
  ['[^]a]', 'b', true],
  ['[^]a]', ']', false],
  ['[\\x41-\\x43]+$', 'ABC', true],
  ['[\\x41-\\x43]+$', 'ABD', false],
  ['\\x41\\u00e9\\U0001F600', 'Aé😀', true],
  ['\\101', 'A', true],
  ['\\0', '\u0000', true],
  ['[\\d.]+$', '1.2', true],
  ['[\\d.]+$', 'a', false],
  ['(?x) a b  # comment\n c', 'abc', true],
  ['(?x) a b  # comment\n c', 'a b c', false],
  ['(?x)[ ]a', ' a', true],
  ['(?x)[ ]a', 'a', false],
  ['(?x)a\\ b', 'a b', true],
  ['a(?#comment)b', 'ab', true],
  ['(?s:a.)b', 'a\nb', true],
  ['(?:a|b)+c', 'ababc', true],
  ['(?=ab)a', 'ab', true],
  ['(?=ab)a', 'ac', false],
  ['(?<=a)b', 'ab', false],
  ['\\#\\ \\:\\!\\"\\\'', '# :!"\'', true],
  ['.*', '', true],
  ['.*', 'anything', true],
  ['', 'x', true],
  ['', '', true],
  ['😀+$', '😀😀', true],
  ['😀+$', '😀x', false],
  ['[😀-😂]$', '😁', true],
  ['[😀-😂]$', '😃', false],
  ['(?i)straße', 'STRASSE', false],
  ['(?i)straße', 'Straße', true],
  ['a|b', 'b', true],
  ['a|b', 'c', false],
  ['(?i)[a-c]+$', 'ABC', true],
  ['\\$\\^\\.\\*', '$^.*', true],
  ['}', '}', true],
  [']', ']', true],
  ['8', '8', true],
  ['true', 'true', true],
  ['a\\tb', 'a\tb', true],
  ['\\bfoo', 'foo', true],
  ['\\bfoo', ' foo', false],
  ['\\bfoo', 'afoo', false],
  ['(?i)ǅ', 'ǆ', true],
  ['(?i)ǅ', 'Ǆ', true],
];

const ERRORS: Array<[string, string]> = [
  ['(', 'missing ), unterminated subpattern at position 0'],
  ['a)', 'unbalanced parenthesis at position 1'],
  ['[a', 'unterminated character set at position 0'],
  ['*a', 'nothing to repeat at position 0'],
  ['a**', 'multiple repeat at position 2'],
  ['\\q', 'bad escape \\q at position 0'],
  ['a{3,2}', 'min repeat greater than max repeat at position 2'],
  ['(?P<x>a)(?P<x>b)', "redefinition of group name 'x' as group 2; was group 1 at position 12"],
  ['(?P=y)', "unknown group name 'y' at position 4"],
  ['\\2(a)', 'invalid group reference 2 at position 1'],
  ['(a\\1)', 'cannot refer to an open group at position 2'],
  ['a(?i)b', 'global flags not at the start of the expression at position 1'],
  ['(?<x>a)', 'unknown extension ?<x at position 1'],
  ['[z-a]', 'bad character range z-a at position 1'],
  ['\\x4', 'incomplete escape \\x4 at position 0'],
  ['(?#abc', 'missing ), unterminated comment at position 0'],
  ['((a)', 'missing ), unterminated subpattern at position 0'],
  ['\\', 'bad escape (end of pattern) at position 0'],
  ['(?P<1a>x)', "bad character in group name '1a' at position 4"],
  ['(?Lx)', "bad inline flags: cannot use 'L' flag with a str pattern at position 3"],
  ['\\777', 'octal escape value \\777 outside of range 0-0o377 at position 0'],
  ['a|*', 'nothing to repeat at position 2'],
  ['[\\A]', 'bad escape \\A at position 1'],
  ['^*', 'nothing to repeat at position 1'],
  ['(?z)', 'unknown extension ?z at position 1'],
];

describe('compilePythonRegex', () => {
  it.each(MATCHES)('%j matches %j: %s', (pattern, text, expected) => {
    expect(pythonMatch(compilePythonRegex(pattern), text)).toBe(expected);
  });

  it.each(ERRORS)('%j fails like Python: %s', (pattern, message) => {
    const error = (() => {
      try {
        compilePythonRegex(pattern);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RegexError);
    expect((error as RegexError).message).toBe(message);
    expect((error as RegexError).exitCode).toBe(12);
  });

  it.each([
    ['(?(1)a|b)', 'conditional group'],
    ['(?>a+)b', 'atomic group'],
    ['a*+', 'possessive quantifier *+'],
    ['a{2}+', 'possessive quantifier {2}+'],
    ['a(?i:b)', 'scoped case-insensitivity'],
    ['\\N{DIGIT ONE}', 'named Unicode character escape'],
  ])('names the unsupported construct in %j', (pattern, construct) => {
    expect(() => compilePythonRegex(pattern)).toThrow(RegexError);
    expect(() => compilePythonRegex(pattern)).toThrow(construct);
  });

  it('is reusable: lastIndex never leaks between tests', () => {
    const regex = compilePythonRegex('a');
    expect(pythonMatch(regex, 'a')).toBe(true);
    expect(pythonMatch(regex, 'ba')).toBe(false);
    expect(pythonMatch(regex, 'ab')).toBe(true);
  });
});
