const CLOSING: Record<string, string> = { '"': '"', '[': ']' };

/**
 * Splits one S3 server access log line into values per the AWS format (decision B31): values are
 * separated by one space; a value starting with `"` runs to the next `"` followed by a space or
 * the end of the line (spaces, double spaces included, are kept), `[…]` likewise to `]`; both lose
 * their delimiters. `-` stays `-`. An unterminated quote or bracket takes the rest of the line as
 * written. Consecutive spaces outside quotes give empty values (columns stay aligned).
 *
 * @example tokenizeServerAccessLine('o b [06/Feb/2019:00:00:38 +0000] "GET / HTTP/1.1" -')
 * // ['o', 'b', '06/Feb/2019:00:00:38 +0000', 'GET / HTTP/1.1', '-']
 */
export function tokenizeServerAccessLine(line: string): string[] {
  const values: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const close = CLOSING[line[i] as string];
    if (close !== undefined) {
      let end = line.indexOf(close, i + 1);
      while (end !== -1 && end + 1 < n && line[end + 1] !== ' ') end = line.indexOf(close, end + 1);
      if (end === -1) {
        values.push(line.slice(i));
        break;
      }
      values.push(line.slice(i + 1, end));
      i = end + 2;
      continue;
    }
    const space = line.indexOf(' ', i);
    if (space === -1) {
      values.push(line.slice(i));
      break;
    }
    values.push(line.slice(i, space));
    i = space + 1;
  }
  return values;
}
