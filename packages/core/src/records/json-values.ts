// Placeholder: being written (concatenated JSON reader). See records/index.ts for the API.
export interface ConcatenatedJsonOptions {
  allowWhitespace?: boolean;
}
export function parsePythonJson(_text: string): unknown {
  throw new Error('not implemented yet');
}
export function* readConcatenatedJson(_text: string, _options?: ConcatenatedJsonOptions): Generator<unknown> {
  throw new Error('not implemented yet');
}
