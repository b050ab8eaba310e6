// The reference's parse-time validators (cli.md §4), as pure functions, plus our extra options.
// Regular expressions mirror Python's `re.match`: anchored at the start, and `$` also matches
// before one trailing newline (hence `\n?$`); Python's `.` excludes only `\n` (hence `[^\n]`).
import { compareCodePoints, pyIsDigit, pyLen, pyStrip } from './python-compat.js';

/** A value an option does not accept. `message` is the text after `argument -x/--name: `. */
export class InvalidValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidValueError';
  }
}

const BUCKET_NAME = /^(?!xn--|[^\n]+-s3alias\n?$|[^\n]+--ol-s3\n?$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\n?$/;

/** `--bucket`: S3 bucket naming rules (3–63 of `a-z0-9.-`, no `xn--`, `-s3alias`, `--ol-s3`). */
export function parseBucketName(value: string): string {
  if (!BUCKET_NAME.test(value)) throw new InvalidValueError(`'${value}' isn't a valid bucket name.`);
  return value;
}

const QUEUE_NAME = /^[a-zA-Z0-9_-]{1,80}\n?$/;

/** `--queue`: 1–80 ASCII letters, digits, `-` and `_` (FIFO `.fifo` names are rejected). */
export function parseQueueName(value: string): string {
  if (!QUEUE_NAME.test(value)) {
    throw new InvalidValueError(
      'Invalid SQS Name specified. Value must be up to 80 characters and the valid values are alphanumeric ' +
        'characters, hyphens (-), and underscores (_)',
    );
  }
  return value;
}

/**
 * `--aws_account_id`: comma list of 12-digit ids, order and duplicates kept. Items are trimmed
 * before they are checked and returned (decision L11). Digits are Python's (`str.isdigit`).
 */
export function parseAccountIds(value: string): string[] {
  const ids = value.split(',').map(pyStrip);
  for (const id of ids) {
    if (!pyIsDigit(id) || pyLen(id) !== 12) {
      throw new InvalidValueError(`Not valid AWS account ID (numeric digits only): '${value}'.`);
    }
  }
  return ids;
}

const ROLE_ARN = /^arn:[^:\n]*:[^:\n]*:[^:\n]*:[^:\n]*:(?:[^:/\n]*[:/])?[^\n]*\n?$/;

/** `--iam_role_arn`: `arn:` and four colon-terminated fields (deliberately permissive). */
export function parseIamRoleArn(value: string): string {
  if (!ROLE_ARN.test(value))
    throw new InvalidValueError('Invalid ARN Role specified. Value must be a valid ARN Role.');
  return value;
}

const KEY_CHARACTERS_TO_AVOID = '\\{}^%`[]\'"<>~#|';
const KEY_XML_CONSTRAINTS = ['&apos;', '&quot;', '&amp;', '&lt;', '&gt;', '&#13;', '&#10;'];

function checkKey(value: string): void {
  if (
    [...KEY_CHARACTERS_TO_AVOID].some((c) => value.includes(c)) ||
    KEY_XML_CONSTRAINTS.some((s) => value.includes(s))
  ) {
    throw new InvalidValueError(
      `'${value}' has an invalid character. Avoid to use '${KEY_CHARACTERS_TO_AVOID}' or '${KEY_XML_CONSTRAINTS.join('')}'.`,
    );
  }
}

/** `--trail_prefix`, `--trail_suffix`: S3 key-safe characters; a non-empty value ends with `/`. */
export function parseKeyPart(value: string): string {
  checkKey(value);
  return value && !value.endsWith('/') ? `${value}/` : value;
}

/** `--aws_log_groups`: the key character rule, value unchanged (split later). */
export function parseLogGroupsArgument(value: string): string {
  checkKey(value);
  return value;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Python's strptime pattern for `%Y-%b-%d` (case-insensitive); the day alternatives in its order.
const DATE = new RegExp(`^([0-9]{4})-(${MONTHS.join('|')})-(3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9])`, 'i');

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * `--only_logs_after`: `YYYY-MMM-DD` (month abbreviation in any case, day 1–2 digits or
 * space-padded) that is a real date → `YYYYMMDD`. Years below 1000 are not zero-padded (quirk L27).
 */
export function parseOnlyLogsAfter(value: string): string {
  const m = DATE.exec(value);
  const fail = () => new InvalidValueError(`Argument not a valid date in format YYYY-MMM-DD: '${value}'.`);
  if (!m || m[0].length !== value.length) throw fail();
  const year = Number(m[1]);
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
  const day = Number((m[3] ?? '').trim());
  if (year < 1 || day > daysInMonth(year, month)) throw fail();
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

const REGION = /^([a-z]{2}(-gov)?)-([a-z]+)-\p{Nd}$/u;

/**
 * `--regions`: comma list of region-shaped names → trimmed, de-duplicated, sorted. Items are
 * trimmed before the format check (decision L10); an empty item still fails. `''` gives `[]`.
 */
export function parseRegions(value: string): string[] {
  if (!value) return [];
  const regions = new Set<string>();
  for (const piece of value.split(',')) {
    const region = pyStrip(piece);
    if (!REGION.test(region))
      throw new InvalidValueError(`WARNING: The region '${piece}' has not a valid format.'`);
    regions.add(region);
  }
  return [...regions].sort(compareCodePoints);
}

/** `--iam_role_duration`: ASCII digits only, 900..3600 seconds. */
export function parseIamRoleDuration(value: string): number {
  if (!/^[0-9]+$/.test(value)) {
    throw new InvalidValueError('Invalid session duration specified. Value must be a valid number.');
  }
  const seconds = Number(value);
  if (seconds < 900 || seconds > 3600) {
    throw new InvalidValueError('Invalid session duration specified. Value must be between 900 and 3600.');
  }
  return seconds;
}
