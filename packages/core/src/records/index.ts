export {
  createDelimitedRowAssembler,
  type DelimitedOptions,
  type DelimitedRowAssembler,
  FIELD_SIZE_LIMIT,
  readDelimitedLines,
  readDelimitedRows,
  rowToObject,
  splitUniversalLines,
} from './delimited.js';
export { type ConcatenatedJsonOptions, parsePythonJson, readConcatenatedJson } from './json-values.js';
