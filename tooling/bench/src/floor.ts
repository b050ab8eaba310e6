import { createGunzip, gunzipSync } from 'node:zlib';
import { DEFAULT_FLOW_LOG_FIELDS } from '@wazuh-aws/buckets-vpcflow';
import type { CorpusObject } from './corpus/types.js';
import { connectDatagramSender } from './datagram-sender.js';

/** How a workload's bytes are parsed in the floor loop. */
export type FloorFormat = 'json-records' | 'space-rows' | 'json-lines' | 'parquet';

export interface FloorResult {
  events: number;
  seconds: number;
}

/**
 * The floor: the same bytes through gunzip + parse + JSON.stringify + datagram send in a tight
 * loop on one thread, with no engine, no state and no S3 — what the hardware allows.
 */
export async function runFloor(
  format: FloorFormat,
  objects: readonly CorpusObject[],
  socketPath: string,
): Promise<FloorResult> {
  const sender = connectDatagramSender(socketPath);
  let events = 0;
  const replacer =
    format === 'parquet' ? (_: string, v: unknown) => (typeof v === 'bigint' ? Number(v) : v) : undefined;
  const send = async (value: unknown) => {
    events++;
    const wait = sender.send(
      JSON.stringify(format === 'parquet' ? value : { integration: 'aws', aws: value }, replacer),
    );
    if (wait) await wait;
  };
  const started = performance.now();
  for (const object of objects) {
    switch (format) {
      case 'json-records': {
        const document = JSON.parse(gunzipSync(object.body).toString('utf8')) as { Records: unknown[] };
        for (const record of document.Records) await send(record);
        break;
      }
      case 'json-lines':
        for (const line of gunzipSync(object.body).toString('utf8').split('\n'))
          if (line) await send(JSON.parse(line));
        break;
      case 'space-rows':
        for await (const line of gunzipLines(object.body)) {
          if (line.startsWith('version')) continue;
          const values = line.split(' ');
          const row: Record<string, string | undefined> = {};
          for (let i = 0; i < DEFAULT_FLOW_LOG_FIELDS.length; i++)
            row[DEFAULT_FLOW_LOG_FIELDS[i] as string] = values[i];
          await send(row);
        }
        break;
      case 'parquet': {
        const { parquetMetadata, parquetReadObjects } = await import('hyparquet');
        const file = object.body.buffer.slice(
          object.body.byteOffset,
          object.body.byteOffset + object.body.length,
        ) as ArrayBuffer;
        const metadata = parquetMetadata(file);
        let rowStart = 0;
        for (const group of metadata.row_groups) {
          const rowEnd = rowStart + Number(group.num_rows);
          for (const row of await parquetReadObjects({ file, metadata, rowStart, rowEnd })) await send(row);
          rowStart = rowEnd;
        }
        break;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  sender.close();
  return { events, seconds };
}

async function* gunzipLines(body: Buffer): AsyncGenerator<string> {
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  gunzip.end(body);
  let rest = '';
  for await (const chunk of gunzip) {
    const text = rest + (chunk as Buffer).toString('latin1');
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    yield* lines;
  }
  if (rest) yield rest;
}
