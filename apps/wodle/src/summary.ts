import type { RunSummary, SubscriberRunSummary } from '@wazuh-aws/core/engine';

/** What a finished run did, for the human summary. */
export interface RunReport {
  mode: 'bucket' | 'service' | 'subscriber';
  /** The bucket type, service or subscriber name. */
  target: string;
  startedAt: number;
  finishedAt: number;
  /** Events handed to the output (every mode). */
  events: number;
  /** Bucket mode: files, events, discarded events and failed files per type. */
  bucket?: RunSummary | undefined;
  /** Subscriber mode: messages received, deleted, left on the queue, and the failures. */
  subscriber?: SubscriberRunSummary | undefined;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The summary lines: files, events, skipped, errors and duration, per type for buckets. */
export function formatSummary(report: RunReport): string[] {
  const seconds = ((report.finishedAt - report.startedAt) / 1000).toFixed(1);
  const lines = [`wazuh-aws: ${report.mode} ${report.target} done in ${seconds}s`];
  if (report.bucket) {
    for (const [type, c] of report.bucket.byType) {
      lines.push(
        `  ${type}: ${plural(c.files, 'file')}, ${plural(c.events, 'event')} sent, ${c.discarded} skipped (discarded), ${plural(c.failed, 'error')}`,
      );
    }
    if (report.bucket.byType.size === 0) lines.push('  no new files');
  } else if (report.subscriber) {
    const s = report.subscriber;
    lines.push(
      `  ${plural(s.received, 'message')} received, ${s.deleted} deleted, ${s.left} left on the queue; ${plural(s.events, 'event')} sent, ${plural(s.failures.length, 'error')}`,
    );
  } else {
    lines.push(`  ${plural(report.events, 'event')} sent`);
  }
  return lines;
}

/** Writes the summary for stderr only (stdout belongs to modulesd's line protocol). */
export function printSummary(report: RunReport, write: (text: string) => void): void {
  write(`${formatSummary(report).join('\n')}\n`);
}
