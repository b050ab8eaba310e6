// The service message template (services.md §1.6 with decision S30): `source` from `service` or
// `findingArn`, `createdAt`/`updatedAt` as `YYYY-MM-DDTHH:MM:SSZ`, every other date-time in Python's
// `str()` form, all in UTC whatever the host's time zone.
import type { JsonObject, WazuhMessage } from '../../plugin/types.js';
import { jsonFloat } from '../../sender/json-ascii.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dateTimeText(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(
    date.getUTCHours(),
  )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** `YYYY-MM-DDTHH:MM:SSZ` (no fraction), the form of `createdAt` / `updatedAt`. */
export function isoSecondsUtc(date: Date): string {
  return `${dateTimeText(date).replace(' ', 'T')}Z`;
}

/** Python's `str(datetime)` of an aware UTC value: `YYYY-MM-DD HH:MM:SS[.ffffff]+00:00`. */
export function pythonDateTimeUtc(date: Date): string {
  const ms = date.getUTCMilliseconds();
  return `${dateTimeText(date)}${ms === 0 ? '' : `.${pad(ms, 3)}000`}+00:00`;
}

/** Copies a value, turning dates into Python text and dropping `undefined` members. Iterative. */
function plainCopy(value: unknown): unknown {
  const convert = (v: unknown): unknown => (v instanceof Date ? pythonDateTimeUtc(v) : v);
  const out: { value?: unknown } = {};
  const stack: Array<[unknown, Record<string, unknown> | unknown[], string | number]> = [
    [value, out, 'value'],
  ];
  while (stack.length > 0) {
    const [source, target, slot] = stack.pop()!;
    if (Array.isArray(source)) {
      const copy: unknown[] = new Array(source.length);
      (target as Record<string | number, unknown>)[slot] = copy;
      for (let i = 0; i < source.length; i++) stack.push([source[i], copy, i]);
    } else if (source !== null && typeof source === 'object' && !(source instanceof Date)) {
      const copy: Record<string, unknown> = {};
      (target as Record<string | number, unknown>)[slot] = copy;
      for (const [name, item] of Object.entries(source)) {
        if (item === undefined) continue;
        copy[name] = undefined; // keep member order; filled below
        stack.push([item, copy, name]);
      }
    } else {
      (target as Record<string | number, unknown>)[slot] = convert(source);
    }
  }
  return out.value;
}

/** Marks the numbers found at `path` (arrays entered) as Python floats. Iterative. */
function markFloats(root: unknown, path: readonly string[]): void {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, index] = stack.pop()!;
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, index]);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const name = path[index]!;
    if (!Object.hasOwn(value, name)) continue;
    const member = (value as Record<string, unknown>)[name];
    if (index < path.length - 1) stack.push([member, index + 1]);
    else if (typeof member === 'number') (value as Record<string, unknown>)[name] = jsonFloat(member);
    else if (Array.isArray(member)) {
      member.forEach((item, i) => {
        if (typeof item === 'number') member[i] = jsonFloat(item);
      });
    }
  }
}

/**
 * `{integration: 'aws', aws: <finding>}` for a finding as the SDK returns it; `floatFields` are the
 * dotted paths of members written as Python floats.
 *
 * @example formatServiceMessage({ findingArn: 'arn:…', updatedAt: new Date(0) })
 * // { integration: 'aws', aws: { findingArn: 'arn:…', updatedAt: '1970-01-01T00:00:00Z', source: 'inspector2' } }
 */
export function formatServiceMessage(finding: JsonObject, floatFields: readonly string[] = []): WazuhMessage {
  const aws = plainCopy(finding) as JsonObject;
  for (const field of floatFields) markFloats(aws, field.split('.'));
  for (const name of ['createdAt', 'updatedAt'] as const) {
    const value = finding[name];
    if (value instanceof Date) aws[name] = isoSecondsUtc(value);
  }
  if (Object.hasOwn(aws, 'service')) {
    const service = String(aws.service).toLowerCase();
    delete aws.service;
    aws.source = service;
  } else if (Object.hasOwn(aws, 'findingArn')) {
    aws.source = 'inspector2';
  }
  return { integration: 'aws', aws };
}
