import { join } from 'node:path';
import type { Logger, WazuhInstall } from '@wazuh-aws/core';
import { createJsonLinesSink, createWazuhSocketSink, type EventSink } from '@wazuh-aws/core/sender';
import type { OutputSpec } from './cli/index.js';

/**
 * Where events go: Wazuh's queue socket (default; reconnects for `--wazuh-retry-timeout` when Wazuh
 * restarts mid-run), a JSON-lines file, or stdout.
 */
export function createSink(output: OutputSpec, wazuh: WazuhInstall, logger: Logger): EventSink {
  switch (output.kind) {
    case 'wazuh':
      return createWazuhSocketSink({
        socketPath: join(wazuh.home, 'queue', 'sockets', 'queue'),
        logger,
        ...(output.retryTimeoutMs !== undefined ? { retry: { timeoutMs: output.retryTimeoutMs } } : {}),
      });
    case 'stdout':
      return createJsonLinesSink({});
    case 'jsonl':
      return createJsonLinesSink({ file: output.path });
  }
}
