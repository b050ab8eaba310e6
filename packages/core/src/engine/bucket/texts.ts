import { formatAwsError } from '../../aws/aws-error.js';

/** Texts of the reference that several engine steps share. */
export const throttlingText = (name: string) =>
  `The '${name}' request was denied due to request throttling. If the problem persists check the following link to learn how to use the Retry configuration to avoid it: 'https://documentation.wazuh.com/current/amazon/services/prerequisites/considerations.html#Connection-configuration-for-retries'`;

export const listError = (error: unknown) => formatAwsError(error, 'ListObjectsV2');

/** Python's repr of a str: single quotes unless the text has `'` and no `"`. */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

/** `ClassName('message')`, the reference's exception repr in `error_msg` texts. */
export const pythonRepr = (type: string, message: string) =>
  `${type}(${message ? pythonStringRepr(message) : ''})`;
