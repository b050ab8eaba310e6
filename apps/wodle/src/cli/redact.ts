// The `Args:` debug line (decision L6): the command line with credentials masked.
import { OPTION_STRINGS, OPTIONS } from './options.js';
import { pyListRepr } from './python-compat.js';

const MASK = '***';
const SECRET_FLAGS = new Set(OPTIONS.filter((o) => o.secret).flatMap((o) => o.flags));
const LONG_FLAGS = OPTION_STRINGS.filter((f) => f.startsWith('--'));
const SECRET_SHORTS = [...SECRET_FLAGS].filter((f) => !f.startsWith('--'));

// Tokens that may hide inside any value (an endpoint URL, a profile name, …).
const EMBEDDED_SECRETS: readonly [RegExp, string][] = [
  [/((?:X-Amz-Security-Token|SessionToken|session_token|X-Amz-Credential|Signature)=)[^&\s]+/gi, `$1${MASK}`],
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, MASK],
  [/(:\/\/[^/:@\s]+:)[^@/\s]+@/g, `$1${MASK}@`],
];

// The option a `--name` token means, with argparse's unique-prefix rule.
function resolveLong(name: string): string | undefined {
  if (LONG_FLAGS.includes(name)) return name;
  const matches = LONG_FLAGS.filter((f) => f.startsWith(name));
  return matches.length === 1 ? matches[0] : undefined;
}

function maskEmbedded(token: string): string {
  return EMBEDDED_SECRETS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), token);
}

/**
 * A copy of `argv` with the values of `--access_key`, `--secret_key` and `--external_id` (any
 * spelling: abbreviated, `=value`, short, attached) replaced by `***`, and session tokens, access
 * key ids and URL passwords inside any argument masked.
 */
export function redactArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  let maskNext = false;
  let optionsEnded = false;
  for (const token of argv) {
    if (maskNext) {
      out.push(MASK);
      maskNext = false;
      continue;
    }
    if (!optionsEnded && token === '--') optionsEnded = true;
    else if (!optionsEnded && token.startsWith('--')) {
      const eq = token.indexOf('=');
      const flag = resolveLong(eq < 0 ? token : token.slice(0, eq));
      if (flag && SECRET_FLAGS.has(flag)) {
        if (eq < 0) maskNext = true;
        out.push(eq < 0 ? token : `${token.slice(0, eq)}=${MASK}`);
        continue;
      }
    } else if (!optionsEnded && token.startsWith('-')) {
      const short = SECRET_SHORTS.find((f) => token === f || token.startsWith(f));
      if (
        short &&
        !OPTION_STRINGS.some((f) => f !== short && f.length > short.length && token.startsWith(f))
      ) {
        if (token === short) maskNext = true;
        const sep = token[short.length] === '=' ? '=' : '';
        out.push(token === short ? token : `${short}${sep}${MASK}`);
        continue;
      }
    }
    out.push(maskEmbedded(token));
  }
  return out;
}

/**
 * The `Args:` debug-2 line text for a `process.argv`-shaped array: the script and its arguments
 * as a Python list (the reference prints `sys.argv`), credentials masked.
 */
export function argsDebugText(argv: readonly string[]): string {
  return `Args: ${pyListRepr(redactArgv(argv.slice(1)))}`;
}
