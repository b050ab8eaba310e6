/** Escapes text for an XML element or attribute. */
export function xmlEscape(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Reverses {@link xmlEscape} and numeric character references. */
export function xmlUnescape(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref] as string;
  });
}

/** `<tag>escaped value</tag>`, or nothing when the value is undefined. */
export function el(tag: string, value: unknown): string {
  return value === undefined || value === null ? '' : `<${tag}>${xmlEscape(value)}</${tag}>`;
}

/** Serialises a plain object as nested elements (arrays as repeated `<item>` children). */
export function xmlValue(tag: string, value: unknown, member = 'item'): string {
  if (Array.isArray(value))
    return `<${tag}>${value.map((v) => xmlValue(member, v, member)).join('')}</${tag}>`;
  if (value !== null && typeof value === 'object') {
    const inner = Object.entries(value).map(([k, v]) => xmlValue(k, v, member));
    return `<${tag}>${inner.join('')}</${tag}>`;
  }
  return el(tag, value);
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The members of an object as sibling elements (no wrapping element). */
export function xmlMembers(value: Record<string, unknown>): string {
  return Object.entries(value)
    .map(([k, v]) => xmlValue(k, v))
    .join('');
}
