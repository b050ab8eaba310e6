// The live counter on a terminal's stderr. stdout is modulesd's line protocol (every line becomes
// a Wazuh event), so nothing here ever writes there.
import type { Logger } from '@wazuh-aws/core';
import type { EventSink } from '@wazuh-aws/core/sender';

/** A one-line display of events sent so far, redrawn in place (`\r`, erase line). */
export interface Progress {
  /** Counts one event handed to the sink. */
  event(): void;
  readonly events: number;
  /** The current line, without control characters. */
  line(): string;
  /** Redraws the line now. */
  draw(): void;
  /** Erases the line (before a log line is printed, so the two never mix). */
  clear(): void;
  /** Stops the timer and erases the line for good. */
  stop(): void;
}

export interface ProgressOptions {
  /** What runs, e.g. `cloudtrail bucket my-trail`. */
  label: string;
  write(text: string): void;
  /** Redraw period; 0 draws only on {@link Progress.draw}. @default 250 */
  intervalMs?: number;
  now?: () => number;
}

const ERASE = '\r\u001b[K';

export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  let events = 0;
  let shown = false;
  let stopped = false;
  const progress: Progress = {
    event() {
      events++;
    },
    get events() {
      return events;
    },
    line() {
      const seconds = Math.max((now() - started) / 1000, 0.001);
      const rate = Math.round(events / seconds);
      return `wazuh-aws: ${options.label}: ${events.toLocaleString('en-US')} events sent (${rate}/s), ${seconds.toFixed(1)}s`;
    },
    draw() {
      if (stopped) return;
      options.write(`${ERASE}${progress.line()}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      options.write(ERASE);
      shown = false;
    },
    stop() {
      if (timer) clearInterval(timer);
      progress.clear();
      stopped = true;
    },
  };
  const interval = options.intervalMs ?? 250;
  const timer = interval > 0 ? setInterval(() => progress.draw(), interval) : undefined;
  timer?.unref();
  return progress;
}

/** The sink, counting each event it accepts into `progress`. */
export function countingSink(sink: EventSink, progress: Pick<Progress, 'event'>): EventSink {
  const counted = {
    send(json: string) {
      const pending = sink.send(json);
      progress.event();
      return pending;
    },
    close: () => sink.close(),
  };
  const { framing, sendFrame } = sink;
  if (!framing || !sendFrame) return counted;
  return {
    ...counted,
    framing,
    sendFrame(frame: Buffer) {
      const pending = sendFrame.call(sink, frame);
      progress.event();
      return pending;
    },
  };
}

/** The logger, erasing the progress line before each line it writes. */
export function progressAwareLogger<L extends Logger>(logger: L, progress: Pick<Progress, 'clear'>): L {
  return Object.assign(Object.create(logger) as L, {
    debug(level: number, text: Parameters<Logger['debug']>[1]) {
      if (logger.level >= level) progress.clear();
      logger.debug(level, text);
    },
    error(text: string) {
      progress.clear();
      logger.error(text);
    },
    warning(text: string) {
      progress.clear();
      logger.warning(text);
    },
    info(text: string) {
      progress.clear();
      logger.info(text);
    },
    plain(text: string) {
      progress.clear();
      logger.plain(text);
    },
  });
}
