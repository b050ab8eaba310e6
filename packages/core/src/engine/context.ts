import type { AwsClientFactory } from '../aws/types.js';
import type { DiscardFilter } from '../filter/index.js';
import type { Logger } from '../log/logger.js';
import type { EventSink } from '../sender/index.js';

/** Where the Wazuh install is and what it is (core.md §3). */
export interface WazuhInstall {
  home: string;
  version: string;
  /** `<home>/wodles/aws`: the state databases. */
  wodleDir: string;
}

/** Options every mode shares, already validated and normalised by the CLI. */
export interface RunOptions {
  reparse: boolean;
  /** `--only_logs_after` as `YYYYMMDD`. */
  onlyLogsAfter?: string | undefined;
  skipOnError: boolean;
  accountAlias: string;
  discard?: DiscardFilter | undefined;
  /** Objects (or streams, messages) handled concurrently. @default 4 */
  concurrency: number;
}

/** Everything an engine needs from the outside world, injected by the CLI. */
export interface RunContext {
  logger: Logger;
  sink: EventSink;
  wazuh: WazuhInstall;
  aws: AwsClientFactory;
  options: RunOptions;
  /** Becomes aborted on SIGINT/SIGTERM: engines stop at the next clean point and throw InterruptedError. */
  signal: AbortSignal;
  /** Today 00:00 UTC, computed once per run (core.md §1.2 step 7). */
  defaultDate: Date;
}
