import { createRandom } from '../random.js';
import { ACCOUNT } from './cloudtrail.js';
import { gzipAll } from './gzip-all.js';
import { type Corpus, type CorpusObject, summarise } from './types.js';

export const FLOW_REGION = 'us-east-1';
export const FLOW_LOG_ID = 'fl-0a1b2c3d4e5f60718';
const HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';
/** Each gzip member holds about this much text; members are compressed in parallel. */
const MEMBER_BYTES = 8 * 1024 * 1024;
/** Distinct members generated per object; a larger object repeats them (generation stays fast). */
const DISTINCT_MEMBERS = 24;

/**
 * VPC Flow Logs: `files` objects of about `bytes` decompressed bytes in total, default (v2)
 * format with its header line. Each object is a multi-member gzip (allowed by the format, and
 * what lets the generator use every core).
 */
export async function generateVpcFlow(options: {
  bytes: number;
  files: number;
  seed: number;
  bucket: string;
}): Promise<Corpus> {
  const r = createRandom(options.seed);
  const enis = Array.from({ length: 64 }, () => `eni-${r.hex(17)}`);
  const objects: CorpusObject[] = [];
  for (let file = 0; file < options.files; file++) {
    const target = options.bytes / options.files;
    let rawBytes = 0;
    let events = 0;
    const start = 1717200000 + file * 600;
    function* members(): Generator<string> {
      let first = true;
      while (rawBytes < target) {
        const lines: string[] = first ? [HEADER] : [];
        let size = first ? HEADER.length + 1 : 0;
        first = false;
        while (size < MEMBER_BYTES && rawBytes + size < target) {
          const t = start + r.int(0, 540);
          const accept = r.next() < 0.8;
          const line = `2 ${ACCOUNT} ${r.pick(enis)} 10.0.${r.int(0, 255)}.${r.int(1, 254)} ${r.ip()} ${r.int(1024, 65535)} ${r.pick(['443', '80', '22', '53', '3306'])} ${r.pick(['6', '17'])} ${r.int(1, 500)} ${r.int(40, 900000)} ${t} ${t + 60} ${accept ? 'ACCEPT' : 'REJECT'} OK`;
          lines.push(line);
          size += line.length + 1;
          events++;
        }
        rawBytes += size;
        yield `${lines.join('\n')}\n`;
      }
    }
    const distinct: Array<{ body: Buffer; rawBytes: number; events: number }> = [];
    const sizes: Array<{ rawBytes: number; events: number }> = [];
    let before = { rawBytes: 0, events: 0 };
    const bodies = await gzipAll(
      (function* () {
        for (const text of members()) {
          sizes.push({ rawBytes: rawBytes - before.rawBytes, events: events - before.events });
          before = { rawBytes, events };
          yield text;
          if (sizes.length >= DISTINCT_MEMBERS) return;
        }
      })(),
    );
    for (const [i, body] of bodies.entries()) {
      distinct.push({ body, ...(sizes[i] as { rawBytes: number; events: number }) });
    }
    const parts: Buffer[] = [];
    rawBytes = 0;
    events = 0;
    for (let i = 0; rawBytes < target; i++) {
      // The first member holds the header line: repeat the others.
      const member = distinct[i < distinct.length ? i : 1 + ((i - 1) % (distinct.length - 1))] ?? distinct[0];
      if (!member) break;
      parts.push(member.body);
      rawBytes += member.rawBytes;
      events += member.events;
    }
    const body = Buffer.concat(parts);
    const at = new Date((start + 300) * 1000);
    const day = at.toISOString().slice(0, 10).replaceAll('-', '/');
    const stamp = `${at.toISOString().slice(0, 16).replaceAll('-', '').replace(':', '')}Z`;
    const key = `AWSLogs/${ACCOUNT}/vpcflowlogs/${FLOW_REGION}/${day}/${ACCOUNT}_vpcflowlogs_${FLOW_REGION}_${FLOW_LOG_ID}_${stamp}_${r.hex(8)}.log.gz`;
    objects.push({ key, body, rawBytes, events });
  }
  return summarise(options.bucket, objects);
}
