// Placeholder: being written (Python csv default-dialect reader). See records/index.ts for the API.
export interface DelimitedOptions {
  delimiter: string;
  fieldSizeLimit?: number;
}
export function* readDelimitedRows(_text: string, _options: DelimitedOptions): Generator<string[]> {
  throw new Error('not implemented yet');
}
export function rowToObject(
  _names: readonly string[],
  _values: readonly string[],
): { object: Record<string, unknown>; extra: string[] } {
  throw new Error('not implemented yet');
}
