import type { Logger } from '../log/logger.js';
import { compilePythonRegex, pythonMatch } from './python-regex.js';

/** Caller input of {@link createDiscardFilter}: the `--discard-field` / `--discard-regex` values. */
export interface DiscardOptions {
  /** Dotted path of the field to test (`--discard-field`); empty means none. */
  field?: string | undefined;
  /** Python `re` pattern (`--discard-regex`); an empty string is a pattern that matches everything. */
  regex?: string | undefined;
}

/** A compiled discard rule (core.md §7 with decisions B36, C16, C18). */
export interface DiscardFilter {
  /** The `--discard-field` path, or `undefined` when only a pattern was given. */
  readonly field: string | undefined;
  /** The `--discard-regex` text, for the debug lines. */
  readonly pattern: string;
  /** Whether the field search finds a matching value in a parsed event (never without a field). */
  matchesEvent(event: unknown): boolean;
  /** Whether the pattern matches at the start of a raw text event (CloudWatch text, plain-text lines). */
  matchesText(text: string): boolean;
}

/** A leaf's text as the pattern sees it: strings as they are, numbers and booleans as JSON (C18). */
function leafText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** Match(x) of core.md §7.2: a leaf, or any element of (nested) arrays. Iterative. */
function matchesLeaf(value: unknown, test: (text: string) => boolean): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    const text = leafText(v);
    if (text !== undefined && test(text)) return true;
  }
  return false;
}

/**
 * The field search of core.md §7.2 with decision B36: an array met on the path applies the rest of
 * the path (from the current component) to every element; any match discards. Iterative, and only
 * own members are looked up, so `__proto__` or `constructor` never reach a prototype.
 */
export function searchField(
  root: unknown,
  path: readonly string[],
  test: (text: string) => boolean,
): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, index] = stack.pop() as [unknown, number];
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], index]);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const name = path[index] as string;
    if (!Object.hasOwn(value, name)) continue;
    const found = (value as Record<string, unknown>)[name];
    if (index === path.length - 1) {
      if (matchesLeaf(found, test)) return true;
    } else {
      stack.push([found, index + 1]);
    }
  }
  return false;
}

/**
 * Builds the discard filter, or `undefined` when nothing can be discarded. Decisions C16/S2/Q1:
 * without `--discard-regex` there is no pattern at all (the reference's literal `None` is gone), so a
 * `--discard-field` alone discards nothing and gives `undefined` too. With only a pattern the filter
 * exists for raw-text events, and `matchesEvent` is always false.
 *
 * @throws {RegexError} exit 12 when the pattern is invalid or unsupported.
 * @example
 * const filter = createDiscardFilter({ field: 'eventSource', regex: '(ec2|kms)\\.amazonaws\\.com' });
 * filter?.matchesEvent({ eventSource: 'kms.amazonaws.com' }); // true
 */
export function createDiscardFilter(options: DiscardOptions): DiscardFilter | undefined {
  if (options.regex === undefined || options.regex === null) return undefined;
  const pattern = options.regex;
  const regex = compilePythonRegex(pattern);
  const test = (text: string) => pythonMatch(regex, text);
  const field = options.field ? options.field : undefined;
  const path = field === undefined ? undefined : field.split('.');
  return Object.freeze({
    field,
    pattern,
    matchesEvent: (event: unknown) => path !== undefined && searchField(event, path, test),
    matchesText: test,
  });
}

/** Options of {@link logDiscard}. */
export interface DiscardLogOptions {
  /** A raw-text event: the lines do not name a field. @default false */
  text?: boolean;
  /** Put before `The "…"`, e.g. `[InspectorV2] `. @default '' */
  label?: string;
}

/** The debug line for one decision and its level (2 skipped, 3 processed), as in buckets.md §1.13. */
export function discardLine(
  filter: DiscardFilter,
  discarded: boolean,
  options: DiscardLogOptions = {},
): [number, string] {
  const where = options.text ? '' : ` in the "${filter.field ?? 'None'}" field`;
  const head = `+++ ${options.label ?? ''}The "${filter.pattern}" regex`;
  return discarded
    ? [2, `${head} found a match${where}. The event will be skipped.`]
    : [3, `${head} did not find a match${where}. The event will be processed.`];
}

/**
 * Logs the per-event discard decision. Nothing is logged without a filter (decision B35: no discard
 * debug line when no discard option is set).
 */
export function logDiscard(
  logger: Logger,
  filter: DiscardFilter | undefined,
  discarded: boolean,
  options?: DiscardLogOptions,
): void {
  if (!filter) return;
  const level = discarded ? 2 : 3;
  if (logger.level < level) return;
  const [, line] = discardLine(filter, discarded, options);
  logger.debug(level, line);
}
