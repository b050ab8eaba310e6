import { Agent, request } from 'node:http';
import type { Corpus } from './corpus/types.js';

/**
 * The fake S3's own GET throughput: every object of the corpus fetched with `parallel` keep-alive
 * connections and discarded, so the server is shown never to be the hidden limit.
 */
export async function measureRawGet(
  endpoint: string,
  corpus: Corpus,
  parallel = 4,
): Promise<{ mbPerSecond: number; objectsPerSecond: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: parallel });
  const get = (key: string) =>
    new Promise<number>((resolve, reject) => {
      const path = `/${corpus.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
      const req = request(`${endpoint}${path}`, { agent, method: 'GET' }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => {
          n += c.length;
        });
        res.on('end', () =>
          res.statusCode === 200 ? resolve(n) : reject(new Error(`GET ${path}: ${res.statusCode}`)),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < corpus.objects.length)
        bytes += await get((corpus.objects[next++] as { key: string }).key);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { mbPerSecond: bytes / 1e6 / seconds, objectsPerSecond: corpus.objects.length / seconds };
}
