import { flowLogEvents } from '@wazuh-aws/buckets-vpcflow';
import { type AwsEvent, isObject, readConcatenatedJson, readDelimitedRows } from '@wazuh-aws/core';

// Macie wrote coordinates with leading zeros (`"lat":052.37`), which is not JSON.
const MACIE_COORDINATES = /"lat":(-?0+\d+\.\d+),"lon":(-?0+\d+\.\d+)/g;
const LEADING = /^[\ufeff \t\r\n]*/;

const shortestFloat = (text: string): string => {
  const value = Number(text);
  return Object.is(value, -0) ? '-0.0' : String(value);
};

/**
 * Rewrites every Macie `"lat":0…,"lon":0…` pair with its own numbers in shortest form
 * (decision B23: the reference applied the first pair's values everywhere). The pattern cannot
 * match valid JSON, so repairing up front equals repairing after a failed decode.
 */
export function repairMacieCoordinates(text: string): string {
  if (!text.includes('"lat":')) return text;
  return text.replace(MACIE_COORDINATES, (_all, lat: string, lon: string) => {
    return `"lat":${shortestFloat(lat)},"lon":${shortestFloat(lon)}`;
  });
}

/** An EventBridge envelope's `detail` members plus `source` without `aws.`; undefined without an object `detail`. */
function unwrapEnvelope(value: unknown): AwsEvent | undefined {
  if (!isObject(value) || !isObject(value.detail)) return undefined;
  const event: AwsEvent = { ...value.detail };
  if (typeof value.source === 'string') event.source = value.source.replaceAll('aws.', '');
  return event;
}

/**
 * The custom bucket parser (buckets.md §3.5 with decisions B21–B23): text whose first character
 * (after a BOM or whitespace) is `{` is a stream of JSON values, separated or not by whitespace,
 * and each value with an object `detail` is one event; anything else is space-separated VPC flow
 * text with the 14 default fields (header lines dropped, no time conversion, `source: 'vpc'`).
 *
 * @throws ParseError for a value that does not decode.
 */
export function* customEvents(text: string): Generator<AwsEvent> {
  const start = LEADING.exec(text)?.[0].length ?? 0;
  if (text[start] === '{') {
    for (const value of readConcatenatedJson(repairMacieCoordinates(text), { allowWhitespace: true })) {
      const event = unwrapEnvelope(value);
      if (event !== undefined) yield event;
    }
    return;
  }
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  yield* flowLogEvents(readDelimitedRows(body, { delimiter: ' ' }), { convertTimes: false });
}
