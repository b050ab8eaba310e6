/**
 * JSON text as the reference's `json.dumps` writes it (core.md §5.3): `, ` and `: ` separators,
 * non-ASCII as `\uXXXX`, bare `NaN`/`Infinity`. Integers and floats cannot be told apart in JS;
 * Wazuh parses both the same way.
 */
export function toWazuhJson(value: unknown): string {
  return write(value);
}

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function quote(text: string): string {
  return `"${text.replace(/["\\\u0000-\u001f\u007f-\uffff]/g, (c) => {
    if (c === '\u007f') return c;
    return ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  })}"`;
}

function write(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
      return JSON.stringify(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(write).join(', ')}]`;
      const parts: string[] = [];
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== undefined) parts.push(`${quote(k)}: ${write(v)}`);
      }
      return `{${parts.join(', ')}}`;
    }
    default:
      return quote(String(value));
  }
}
