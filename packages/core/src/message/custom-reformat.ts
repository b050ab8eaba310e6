import type { JsonObject, WazuhMessage } from '../plugin/types.js';
import { pythonStr } from './python-str.js';
import { genericReformat } from './reformat.js';
import { isObject } from './template.js';

/** `aws.summary` members of a Macie alert flattened to path lists (buckets.md §3.5). */
const MACIE_SUMMARY_FIELDS = [
  'Bucket',
  'DLP risk',
  'IP',
  'Location',
  'Object',
  'Owner',
  'Themes',
  'Timestamps',
  'recipientAccountId',
] as const;

/**
 * Most characters one path list holds. A hostile summary nested 100 000 levels deep would
 * otherwise need gigabytes (every leaf repeats its whole path); past the cap the remaining leaves
 * are left out.
 */
export const MAX_PATH_LIST_CHARS = 16 * 1024 ** 2;

/** A member name on the way down, linked to its parent so paths are shared, not copied. */
interface PathNode {
  readonly name: string;
  readonly parent: PathNode | undefined;
}

function namesOf(node: PathNode | undefined): string[] {
  const names: string[] = [];
  for (let n = node; n !== undefined; n = n.parent) names.push(n.name);
  return names.reverse();
}

/**
 * The reference's path list of a value: for every leaf reached through member names `n1…nm`,
 * the list `n1…nm` plus the leaf (an array leaf adds its elements, any other leaf its Python
 * `str()`), minus its last `discard` items, joined with `.`. With `discard` 0 the reference's
 * slice is empty, so every leaf gives `""`. Iterative (any depth), in memory linear in the input,
 * and capped at {@link MAX_PATH_LIST_CHARS} characters of output.
 *
 * @example pathList({ a: { b: 1 }, e: ['p', 'q'] }, 1) // ['a.b', 'e.p']
 */
export function pathList(value: unknown, discard: number, maxChars = MAX_PATH_LIST_CHARS): string[] {
  const out: string[] = [];
  let chars = 0;
  const pending: Array<[unknown, PathNode | undefined]> = [[value, undefined]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (isObject(current)) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--)
        pending.push([entries[i]![1], { name: entries[i]![0], parent: path }]);
      continue;
    }
    if (discard <= 0) {
      out.push('');
      continue;
    }
    const items = [
      ...namesOf(path),
      ...(Array.isArray(current) ? current.map(pythonStr) : [pythonStr(current)]),
    ];
    const text = items.slice(0, -discard).join('.');
    chars += text.length;
    if (chars > maxChars) break;
    out.push(text);
  }
  return out;
}

function flattenMacieSummary(summary: JsonObject): void {
  for (const field of MACIE_SUMMARY_FIELDS) {
    if (Object.hasOwn(summary, field) && isObject(summary[field]))
      summary[field] = pathList(summary[field], 1);
  }
  const events = summary.Events;
  if (!isObject(events)) return;
  for (const detail of Object.values(events)) {
    if (!isObject(detail)) continue;
    for (const [name, value] of Object.entries(detail))
      detail[name] = pathList(value, name === 'count' ? 0 : 1);
  }
}

/**
 * The reformat of the custom-style bucket types (custom, waf, alb, clb, nlb, server_access,
 * cisco_umbrella; buckets.md §3.5): the generic reformat, then Macie's `trigger` removal, the
 * wrapping of a non-object `service.additionalInfo.unusual` in `{value}`, and Macie's summary
 * path lists. Mutates and returns `message`.
 */
export function customReformat(message: WazuhMessage): WazuhMessage {
  genericReformat(message);
  const aws = message.aws;
  if (!isObject(aws)) return message;
  const macie = aws.source === 'macie';
  if (macie && Object.hasOwn(aws, 'trigger')) delete aws.trigger;
  const additionalInfo = isObject(aws.service) ? aws.service.additionalInfo : undefined;
  if (
    isObject(additionalInfo) &&
    Object.hasOwn(additionalInfo, 'unusual') &&
    !isObject(additionalInfo.unusual)
  ) {
    additionalInfo.unusual = { value: additionalInfo.unusual };
  }
  if (macie && isObject(aws.summary)) flattenMacieSummary(aws.summary);
  return message;
}
