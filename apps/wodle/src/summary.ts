import type { RunSummary } from '@wazuh-aws/core/engine';

/** A human summary of the run, for stderr only (stdout belongs to modulesd's line protocol). */
export function printSummary(summary: RunSummary, write: (text: string) => void): void {
  const seconds = ((Date.now() - summary.startedAt) / 1000).toFixed(1);
  const lines = [`wazuh-aws: done in ${seconds}s`];
  for (const [type, c] of summary.byType) {
    lines.push(`  ${type}: ${c.files} files, ${c.events} events sent, ${c.discarded} discarded, ${c.failed} failed`);
  }
  if (summary.byType.size === 0) lines.push('  no new files');
  write(`${lines.join('\n')}\n`);
}
