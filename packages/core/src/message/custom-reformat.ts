// Placeholder: being written (custom-bucket reformat, buckets.md §3.5).
import type { WazuhMessage } from '../plugin/types.js';
export function customReformat(message: WazuhMessage): WazuhMessage {
  return message;
}
