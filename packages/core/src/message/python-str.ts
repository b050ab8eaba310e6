// Placeholder: being written (Python str() of JSON values).
export function pythonStr(value: unknown): string {
  return String(value);
}
