/** Counters of one run, for the human summary (stderr) and tests. */
export interface TypeCounters {
  files: number;
  events: number;
  discarded: number;
  failed: number;
}

export interface RunSummary {
  readonly startedAt: number;
  readonly byType: Map<string, TypeCounters>;
  recordFile(type: string, outcome: { events: number; discarded: number; failed: boolean }): void;
}

export function createRunSummary(): RunSummary {
  const byType = new Map<string, TypeCounters>();
  return {
    startedAt: Date.now(),
    byType,
    recordFile(type, outcome) {
      let counters = byType.get(type);
      if (!counters) {
        counters = { files: 0, events: 0, discarded: 0, failed: 0 };
        byType.set(type, counters);
      }
      counters.files++;
      counters.events += outcome.events;
      counters.discarded += outcome.discarded;
      if (outcome.failed) counters.failed++;
    },
  };
}
