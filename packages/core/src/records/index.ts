export { parsePythonJson, readConcatenatedJson, type ConcatenatedJsonOptions } from './json-values.js';
export {
  type DelimitedOptions,
  FIELD_SIZE_LIMIT,
  readDelimitedLines,
  readDelimitedRows,
  rowToObject,
  splitUniversalLines,
} from './delimited.js';
