export {
  buildErrorMessage,
  buildEventMessage,
  defineMember,
  isObject,
  type MessageSource,
  removeNulls,
} from './template.js';
export { collapseSingletons, genericReformat } from './reformat.js';
