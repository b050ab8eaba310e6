// Builds what a service plugin gets for one region: its clients, its state view, and an emit
// function that formats, logs and sends events through the run's sink.
import { InterruptedError } from '../../errors/errors.js';
import type {
  RegionPrefetch,
  ServiceName,
  ServicePlugin,
  ServiceRegionRun,
  ServiceSettings,
  ServiceStateByTable,
  ServiceTable,
} from '../../plugin/service-types.js';
import type { JsonObject } from '../../plugin/types.js';
import { encodeJsonAscii } from '../../sender/json-ascii.js';
import type { RunContext } from '../context.js';
import { describeAwsFailure } from './aws-failure.js';
import type { RequestGate } from './request-gate.js';
import { formatServiceMessage } from './service-message.js';

/** Throws InterruptedError when the run's signal was aborted (SIGINT/SIGTERM). */
export function checkInterrupted(signal: AbortSignal): void {
  if (signal.aborted)
    throw new InterruptedError(typeof signal.reason === 'string' ? signal.reason : 'SIGINT');
}

/** Sends one service event: strings raw (CloudWatch), objects through the service template. */
export async function emitServiceEvent(
  context: RunContext,
  event: string | JsonObject,
  floatFields: readonly string[] = [],
): Promise<void> {
  const body = typeof event === 'string' ? event : encodeJsonAscii(formatServiceMessage(event, floatFields));
  context.logger.debug(3, body); // decision S22: the line shows what is sent
  const pending = context.sink.send(body);
  if (pending) await pending;
}

/** Builds the plugin's clients for `region` (regional clients only where they exist), behind `gate`. */
export async function createServiceClients<C extends Record<string, unknown>>(
  plugin: Pick<ServicePlugin<ServiceName, ServiceTable, C, RegionPrefetch>, 'clients'>,
  context: RunContext,
  region: string,
  gate?: RequestGate,
): Promise<C> {
  const clients: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(plugin.clients)) {
    if (spec.regions && !spec.regions.includes(region)) continue;
    const client = await context.aws.create(spec.Client, {
      service: spec.service,
      region,
      useServiceEndpoint: true,
    });
    gate?.attach(client, spec.service, region);
    clients[name] = client;
  }
  return clients as C;
}

export interface RegionRunInput<C, T extends ServiceTable, P extends RegionPrefetch = RegionPrefetch> {
  region: string;
  clients: C;
  state: ServiceStateByTable[T];
  settings: ServiceSettings;
  accountId?: string | undefined;
  now: () => Date;
  floatFields?: readonly string[] | undefined;
  /** What the plugin's `prefetchRegion` started for this region, if anything. */
  prefetched?: P | undefined;
}

/** The `ServiceRegionRun` handed to `plugin.collect`. */
export function createRegionRun<C, T extends ServiceTable, P extends RegionPrefetch = RegionPrefetch>(
  context: RunContext,
  input: RegionRunInput<C, T, P>,
): ServiceRegionRun<C, ServiceStateByTable[T], P> {
  return {
    region: input.region,
    clients: input.clients,
    state: input.state,
    settings: input.settings,
    logger: context.logger,
    discard: context.options.discard,
    accountId: input.accountId,
    defaultDate: context.defaultDate,
    now: input.now,
    emit: (event) => emitServiceEvent(context, event, input.floatFields),
    signal: context.signal,
    checkInterrupted: () => checkInterrupted(context.signal),
    describeError: describeAwsFailure,
    prefetched: input.prefetched,
  };
}
