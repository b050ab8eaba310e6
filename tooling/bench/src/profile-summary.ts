// `tsx src/profile-summary.ts <file.cpuprofile> [top]`: self time by function and by file of a
// `--cpu-prof` profile of the CLI (what `pnpm bench --cpu-prof <dir>` writes).
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const top = Number(topArg ?? 30);
const byNode = new Map<number, number>();
for (const [i, id] of profile.samples.entries())
  byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const total = [...byNode.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  const us = byNode.get(node.id) ?? 0;
  const url = node.callFrame.url
    .replace(/^.*node_modules\/\.pnpm\/([^/]+)\/.*/, '$1')
    .replace(/^file:\/\/.*\/(apps|packages)\//, '$1/');
  const name = `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  byFile.set(url || '(native)', (byFile.get(url || '(native)') ?? 0) + us);
}
const print = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title} (total ${(total / 1e6).toFixed(2)} s)\n`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(
      `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}\n`,
    );
};
print('self time by function', byFunction);
print('self time by file', byFile);
