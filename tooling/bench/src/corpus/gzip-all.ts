import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Gzips many texts on libuv's thread pool, `parallel` at a time, keeping their order. */
export async function gzipAll(texts: Iterable<string>, parallel = 4): Promise<Buffer[]> {
  const out: Buffer[] = [];
  const running = new Set<Promise<void>>();
  let index = 0;
  for (const text of texts) {
    const at = index++;
    const job = gzipAsync(text).then((body) => {
      out[at] = body;
      running.delete(job);
    });
    running.add(job);
    if (running.size >= parallel) await Promise.race(running);
  }
  await Promise.all(running);
  return out;
}
