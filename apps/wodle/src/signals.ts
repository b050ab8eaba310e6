/**
 * SIGINT/SIGTERM abort the run's signal: engines stop at the next clean point (after the current
 * file, stream or message is sent and committed) and the run exits 2 (decision C31). A second
 * signal ends the process at once.
 */
export function installSignalHandlers(
  controller: AbortController,
  onForcedExit: (signal: string) => void,
): () => void {
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) onForcedExit(signal);
    else controller.abort(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
