// `pnpm bench`: generates a seeded corpus per workload, serves it from the testkit's fake AWS on
// 127.0.0.1, runs the built CLI end to end into a counting Wazuh socket, measures the floor
// (same bytes, no engine) in the same run, and prints/writes the comparison.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runCliMeasured } from './cli-run.js';
import { runFloor } from './floor.js';
import { measureRawGet } from './raw-get.js';
import { startCountingReceiver } from './receiver.js';
import { markdownTable, terminalTable, type WorkloadResult } from './report.js';
import { createFakeSqs, createWazuhDir, startFakeAws, startFakeSqsServer } from './testkit.js';
import { FULL, QUICK, WORKLOADS, type Workload } from './workloads.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const MB = 1024 ** 2;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    out: { type: 'string', default: join(HERE, '..', 'bench-results', 'latest.json') },
    'cpu-prof': { type: 'string' },
    'node-flags': { type: 'string' },
    'cli-args': { type: 'string' },
  },
});

const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);

async function runWorkload(workload: Workload): Promise<WorkloadResult> {
  const scale = values.quick ? QUICK : FULL;
  const concurrency = Number(values.concurrency);
  let t = performance.now();
  const corpus = await workload.generate(scale);
  log(
    `${workload.name}: generated ${corpus.objects.length} objects, ${corpus.events.toLocaleString()} events, ` +
      `${(corpus.rawBytes / MB).toFixed(0)} MB input (${(corpus.storedBytes / MB).toFixed(0)} MB stored) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const aws = await startFakeAws();
  const sqs = await startFakeSqsServer(createFakeSqs());
  const wazuh = createWazuhDir();
  const receiver = await startCountingReceiver(wazuh.socketPath);
  try {
    for (const object of corpus.objects)
      aws.s3.putObject(corpus.bucket, object.key, object.body, {
        lastModified: new Date(Date.UTC(2024, 5, 2)),
      });
    workload.prepare?.({ aws, sqs: sqs.fake }, corpus);
    const raw = await measureRawGet(aws.url, corpus, concurrency);
    aws.clearRequests();
    log(
      `${workload.name}: fake S3 serves ${raw.mbPerSecond.toFixed(0)} MB/s (${raw.objectsPerSecond.toFixed(0)} objects/s) of raw GETs`,
    );

    t = performance.now();
    const profDir = values['cpu-prof'] ? resolve(values['cpu-prof']) : undefined;
    const run = await runCliMeasured({
      args: [
        ...workload.args(corpus, concurrency),
        ...(values['cli-args']?.split(' ').filter(Boolean) ?? []),
      ],
      wazuhPath: wazuh.root,
      endpoint: aws.url,
      env: { AWS_ENDPOINT_URL_SQS: sqs.url },
      nodeFlags: [
        ...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
        ...(values['node-flags']?.split(' ').filter(Boolean) ?? []),
      ],
    });
    const got = await receiver.settle();
    if (run.code !== 0)
      log(`${workload.name}: CLI exit ${run.code}\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`);
    log(
      `${workload.name}: end to end ${run.seconds.toFixed(1)} s, ${got.count.toLocaleString()} datagrams, peak RSS ${(run.peakRss / MB).toFixed(0)} MB`,
    );

    await receiver.reset();
    const floor = await runFloor(workload.floor, corpus.objects, wazuh.socketPath);
    const floorGot = await receiver.settle();
    log(
      `${workload.name}: floor ${floor.seconds.toFixed(1)} s, ${floorGot.count.toLocaleString()} datagrams`,
    );

    const eventsPerSecond = corpus.events / run.seconds;
    const floorEventsPerSecond = floor.events / floor.seconds;
    const ratio = eventsPerSecond / floorEventsPerSecond;
    const failures: string[] = [];
    if (run.code !== 0) failures.push(`exit ${run.code}`);
    if (got.count !== corpus.events) failures.push(`received ${got.count} of ${corpus.events}`);
    if (got.malformed > 0) failures.push(`${got.malformed} malformed`);
    if (ratio < 0.5) failures.push('below 50 % of floor');
    if (workload.rssLimit !== undefined && !(run.peakRss < workload.rssLimit))
      failures.push('peak RSS over limit');
    if (floorGot.count !== floor.events) failures.push(`floor lost ${floor.events - floorGot.count}`);
    return {
      name: workload.name,
      description: workload.description,
      objects: corpus.objects.length,
      storedMB: corpus.storedBytes / MB,
      inputMB: corpus.rawBytes / MB,
      events: corpus.events,
      received: got.count,
      malformed: got.malformed,
      exitCode: run.code,
      seconds: run.seconds,
      eventsPerSecond,
      mbPerSecond: corpus.rawBytes / MB / run.seconds,
      peakRssMB: run.peakRss / MB,
      rssLimitMB: workload.rssLimit !== undefined ? workload.rssLimit / MB : undefined,
      floorEventsPerSecond,
      floorMbPerSecond: corpus.rawBytes / MB / floor.seconds,
      ratio,
      rawGetMbPerSecond: raw.mbPerSecond,
      passed: failures.length === 0,
      failures,
    };
  } finally {
    await receiver.close();
    await sqs.close();
    await aws.close();
    wazuh.cleanup();
  }
}

async function main() {
  const only = values.only?.split(',');
  const selected = only ? WORKLOADS.filter((w) => only.includes(w.name)) : WORKLOADS;
  const started = performance.now();
  const results: WorkloadResult[] = [];
  for (const workload of selected) results.push(await runWorkload(workload));
  const seconds = (performance.now() - started) / 1000;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`;
  process.stdout.write(
    `\n${terminalTable(results)}\n\n${machine}; --concurrency ${values.concurrency}${values.quick ? '; --quick' : ''}; bench took ${seconds.toFixed(0)} s\n`,
  );
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(
    values.out,
    `${JSON.stringify({ date: new Date().toISOString(), machine, quick: values.quick, concurrency: Number(values.concurrency), seconds, results, markdown: markdownTable(results) }, null, 2)}\n`,
  );
  process.stdout.write(`results: ${values.out}\n`);
  if (!results.every((r) => r.passed)) process.exitCode = 1;
}

await main();
