export { parsePythonJson, readConcatenatedJson, type ConcatenatedJsonOptions } from './json-values.js';
export { readDelimitedRows, rowToObject, type DelimitedOptions } from './delimited.js';
