#!/usr/bin/env node
// `pnpm demo`: the real wazuh-aws CLI against an in-process fake AWS, no AWS account, no Wazuh.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDemo } from './run-demo.js';

const USAGE = `usage: wazuh-aws-demo [--events N] [--only LABEL[,LABEL...]]

Runs the wazuh-aws CLI against a fake AWS filled with sample logs of every type and shows
the events Wazuh would receive.
  --events N   events shown per run (default 4; the rest are counted)
  --only LIST  only these runs (e.g. cloudtrail,vpcflow,cloudwatchlogs)
`;

function parse(argv: string[]): { events: number; only?: string[] } | undefined {
  const out: { events: number; only?: string[] } = { events: 4 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--events' && /^\d+$/.test(argv[i + 1] ?? '')) out.events = Number(argv[++i]);
    else if (arg === '--only' && argv[i + 1]) out.only = (argv[++i] ?? '').split(',');
    else return undefined;
  }
  return out;
}

const options = parse(process.argv.slice(2));
if (!options) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const cliPath = join(
  dirname(createRequire(import.meta.url).resolve('@wazuh-aws/wodle/package.json')),
  'dist',
  'cli.js',
);
if (!existsSync(cliPath)) {
  process.stderr.write(
    `The CLI is not built (${cliPath}): run \`pnpm demo\` from the repository root, which builds it.\n`,
  );
  process.exit(1);
}
const samplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const { results, rerunEvents } = await runDemo({
  cliPath,
  samplesDir,
  write: (text) => process.stdout.write(text),
  eventsShown: options.events,
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  columns: process.stdout.columns ?? 100,
  only: options.only,
});
const failed = results.some((r) => r.exitCode !== 0 || r.events.length === 0) || rerunEvents !== 0;
process.exit(failed ? 1 : 0);
