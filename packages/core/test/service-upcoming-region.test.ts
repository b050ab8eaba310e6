// The service engine's read-ahead across regions, with real SDK clients on the fake AWS endpoint and
// a real SQLite file: the next region's clients and the plugin's prefetch start while the current
// region is collected, reach that region's collect at its turn, and are cancelled when it never comes.
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createWazuhDir, type FakeAws, startFakeAws, type WazuhDir } from '@wazuh-aws/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsClientConstructor, AwsClientFactory, ClientRequest } from '../src/aws/types.js';
import type { RunContext } from '../src/engine/context.js';
import { runService, SERVICES_DB_FILE } from '../src/engine/service/run-service.js';
import { InterruptedError } from '../src/errors/errors.js';
import { createLineLogger } from '../src/log/logger.js';
import {
  defineServicePlugin,
  type RegionPrefetch,
  type ServicePlugin,
  type UpcomingRegion,
} from '../src/plugin/service-types.js';
import { openStateDatabase } from '../src/state/database.js';

const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2'];

let server: FakeAws;
let wazuh: WazuhDir;
beforeAll(async () => {
  server = await startFakeAws();
});
afterAll(() => server.close());
beforeEach(() => {
  wazuh = createWazuhDir();
});
afterEach(() => wazuh.cleanup());

interface Clients extends Record<string, unknown> {
  sts: STSClient;
}

/** What the test plugin's prefetch started: one STS call, abortable. */
interface CallerPrefetch extends RegionPrefetch {
  readonly region: string;
  readonly clients: Clients;
  readonly account: Promise<string | undefined>;
  cancelled: number;
}

/** Everything that happened, in order. */
type Journal = string[];

function context(journal: Journal, options: { signal?: AbortSignal; failClientsOf?: string } = {}) {
  const lines: string[] = [];
  const factory: AwsClientFactory = {
    async create<T>(Client: AwsClientConstructor<T>, request: ClientRequest) {
      journal.push(`clients ${request.region}`);
      if (request.region === options.failClientsOf) throw new Error(`no role for ${request.region}`);
      return new Client({
        region: request.region,
        endpoint: server.url,
        credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'secretfake' },
        maxAttempts: 1,
      });
    },
    callerAccountId: async () => '123456789012',
  };
  const run: RunContext = {
    logger: createLineLogger({ level: 2, write: (line) => lines.push(line.trimEnd()) }),
    sink: { send: (body: string) => void journal.push(`send ${body}`), close: async () => {} },
    wazuh: { home: wazuh.root, version: 'v5.1.0', wodleDir: wazuh.wodleDir },
    aws: factory,
    options: { reparse: false, skipOnError: false, accountAlias: '', concurrency: 4 },
    signal: options.signal ?? new AbortController().signal,
    defaultDate: new Date(Date.UTC(2025, 2, 12)),
  };
  return { run, lines };
}

interface PluginOptions {
  /** Whether the plugin has the `prefetchRegion` hook. @default true */
  prefetch?: boolean;
  /** Called inside `collect` after the region's row was saved. */
  during?: (region: string) => void;
}

/** A service plugin that sends one event and saves one row per region. */
function testPlugin(
  journal: Journal,
  seen: Map<string, CallerPrefetch | undefined>,
  options: PluginOptions = {},
) {
  const plugin: ServicePlugin<'cloudwatchlogs', 'cloudwatch_logs', Clients, CallerPrefetch> = {
    kind: 'service',
    name: 'cloudwatchlogs',
    table: 'cloudwatch_logs',
    regions: { accepted: REGIONS, fallback: REGIONS, failure: 'Invalid', fallbackWarning: 'none given' },
    clients: { sts: { service: 'sts', Client: STSClient } },
    needsAccountId: false,
    async collect(run) {
      journal.push(`collect ${run.region}`);
      seen.set(run.region, run.prefetched);
      if (run.prefetched) expect(run.prefetched.clients).toBe(run.clients);
      const identity = await run.clients.sts.send(new GetCallerIdentityCommand({}));
      await run.emit(`${run.region} ${identity.Account}`);
      run.state.save('/group', run.region, { startTime: 1, endTime: 2 });
      options.during?.(run.region);
      // Let the next region's prefetch run while this region is still collected.
      await new Promise((resolve) => setTimeout(resolve, 20));
      journal.push(`collected ${run.region}`);
      return {};
    },
  };
  if (options.prefetch === false) return defineServicePlugin(plugin);
  return defineServicePlugin({
    ...plugin,
    prefetchRegion(upcoming: UpcomingRegion<Clients>): CallerPrefetch {
      journal.push(`prefetch ${upcoming.region}`);
      const controller = new AbortController();
      const account = upcoming.clients.sts
        .send(new GetCallerIdentityCommand({}), { abortSignal: controller.signal })
        .then((identity) => identity.Account);
      account.catch(() => {});
      const handle: CallerPrefetch = {
        region: upcoming.region,
        clients: upcoming.clients,
        account,
        cancelled: 0,
        cancel() {
          handle.cancelled++;
          controller.abort();
        },
      };
      return handle;
    },
  });
}

function savedRegions(): string[] {
  const db = openStateDatabase({
    path: join(wazuh.wodleDir, SERVICES_DB_FILE),
    wazuhVersion: 'v5.1.0',
    logger: createLineLogger({ write: () => {} }),
  });
  try {
    return db.all<{ aws_region: string }>('SELECT aws_region FROM cloudwatch_logs').map((r) => r.aws_region);
  } finally {
    db.close();
  }
}

async function withoutUnhandled<T>(fn: () => Promise<T>): Promise<{ result: T; unhandled: unknown[] }> {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const result = await fn();
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { result, unhandled };
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}

describe('runService reads the next region ahead', () => {
  it('prepares region k+1 while region k is collected and hands it over at its turn', async () => {
    const journal: Journal = [];
    const seen = new Map<string, CallerPrefetch | undefined>();
    const { run, lines } = context(journal);
    await runService(testPlugin(journal, seen), run, { regions: REGIONS });

    const at = (entry: string) => journal.indexOf(entry);
    for (const [k, region] of REGIONS.entries()) {
      const next = REGIONS[k + 1];
      if (next === undefined) continue;
      expect(at(`prefetch ${next}`)).toBeGreaterThan(at(`collect ${region}`));
      expect(at(`prefetch ${next}`)).toBeLessThan(at(`collected ${region}`));
    }
    expect(seen.get(REGIONS[0]!)).toBeUndefined();
    for (const region of REGIONS.slice(1)) {
      const handle = seen.get(region)!;
      expect(handle.region).toBe(region);
      expect(await handle.account).toBe('123456789012');
      expect(handle.cancelled).toBe(1); // after its collect: what was not taken is dropped
    }
    // Sends, log lines and rows stay region by region.
    expect(journal.filter((e) => e.startsWith('send '))).toEqual(
      REGIONS.map((r) => `send ${r} 123456789012`),
    );
    expect(lines.filter((l) => l.includes('Getting alerts'))).toEqual(
      REGIONS.map((r) => `DEBUG: +++ Getting alerts from "${r}" region.`),
    );
    expect(savedRegions().sort()).toEqual([...REGIONS].sort());
  });

  it('a plugin without the hook gets its clients at each region turn, as before', async () => {
    const journal: Journal = [];
    const { run } = context(journal);
    await runService(testPlugin(journal, new Map(), { prefetch: false }), run, { regions: REGIONS });
    expect(journal.filter((e) => !e.startsWith('send '))).toEqual(
      REGIONS.flatMap((r) => [`clients ${r}`, `collect ${r}`, `collected ${r}`]),
    );
  });

  it('an interruption in region 1 cancels region 2 before its turn: no collect, no row, no unhandled rejection', async () => {
    const journal: Journal = [];
    const seen = new Map<string, CallerPrefetch | undefined>();
    const controller = new AbortController();
    const handles: CallerPrefetch[] = [];
    const plugin = testPlugin(journal, seen, { during: () => controller.abort('SIGINT') });
    const tracking = defineServicePlugin({
      ...plugin,
      prefetchRegion(upcoming: UpcomingRegion<Clients>) {
        const handle = plugin.prefetchRegion!(upcoming);
        handles.push(handle);
        return handle;
      },
      async collect(run) {
        await plugin.collect(run);
        run.checkInterrupted();
        return {};
      },
    });
    const { run } = context(journal, { signal: controller.signal });
    const { result, unhandled } = await withoutUnhandled(() =>
      runService(tracking, run, { regions: REGIONS }).catch((e: unknown) => e),
    );
    expect(result).toBeInstanceOf(InterruptedError);
    expect(unhandled).toEqual([]);
    expect(handles.map((h) => [h.region, h.cancelled])).toEqual([[REGIONS[1], 1]]);
    expect(journal).not.toContain(`collect ${REGIONS[1]}`);
    expect(savedRegions()).toEqual([REGIONS[0]]);
  });

  it('a failure building region 2 clients early is met at its turn, after region 1 was collected', async () => {
    const journal: Journal = [];
    const { run, lines } = context(journal, { failClientsOf: REGIONS[1] });
    const { result, unhandled } = await withoutUnhandled(() =>
      runService(testPlugin(journal, new Map()), run, { regions: REGIONS }).catch((e: unknown) => e),
    );
    expect((result as Error).message).toBe(`no role for ${REGIONS[1]}`);
    expect(unhandled).toEqual([]);
    // Asked for early, but region 1 finished and region 2's turn began before the error surfaced.
    expect(journal.indexOf(`clients ${REGIONS[1]}`)).toBeLessThan(journal.indexOf(`collected ${REGIONS[0]}`));
    expect(journal).toContain(`collected ${REGIONS[0]}`);
    expect(journal).not.toContain(`prefetch ${REGIONS[1]}`);
    expect(lines.filter((l) => l.includes('Getting alerts'))).toEqual(
      REGIONS.slice(0, 2).map((r) => `DEBUG: +++ Getting alerts from "${r}" region.`),
    );
    expect(savedRegions()).toEqual([REGIONS[0]]);
  });
});
