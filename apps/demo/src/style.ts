/** ANSI styling, or none when the output is not a terminal (or NO_COLOR is set). */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
  yellow(text: string): string;
}

const wrap = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;

export function createStyle(color: boolean): Style {
  if (!color) {
    const same = (text: string) => text;
    return { bold: same, dim: same, green: same, red: same, cyan: same, yellow: same };
  }
  return { bold: wrap(1), dim: wrap(2), green: wrap(32), red: wrap(31), cyan: wrap(36), yellow: wrap(33) };
}

/** Cuts `text` to `width` columns with an ellipsis. */
export function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
