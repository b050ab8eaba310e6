export { customReformat } from './custom-reformat.js';
export { pythonStr } from './python-str.js';
export { collapseSingletons, genericReformat } from './reformat.js';
export {
  buildErrorMessage,
  buildEventMessage,
  defineMember,
  isObject,
  type MessageSource,
  removeNulls,
} from './template.js';
