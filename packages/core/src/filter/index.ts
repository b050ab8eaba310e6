export {
  createDiscardFilter,
  type DiscardFilter,
  type DiscardLogOptions,
  type DiscardOptions,
  discardLine,
  logDiscard,
} from './discard.js';
export { compilePythonRegex, pythonMatch } from './python-regex.js';
export { RegexError } from './regex-error.js';
