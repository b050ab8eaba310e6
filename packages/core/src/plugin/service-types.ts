// The service-plugin contract (`--service`): a plugin declares its table, regions and SDK clients
// and collects one region at a time. Core's service engine builds the clients, opens the state DB,
// sends events and commits; the plugin only pages through the API and decides what to read next.
import type { AwsClientConstructor, AwsServiceName } from '../aws/types.js';
import type { DiscardFilter } from '../filter/discard.js';
import type { Logger } from '../log/logger.js';
import type { JsonObject } from './types.js';

/** Values of `--service`. */
export type ServiceName = 'cloudwatchlogs' | 'inspector';

/** Tables of `aws_services.db` (services.md §1.4, §2.2). */
export type ServiceTable = 'cloudwatch_logs' | 'aws_services';

/** One SDK client the engine builds for every region before calling `collect`. */
export interface ServiceClientSpec<T = unknown> {
  readonly service: AwsServiceName;
  readonly Client: AwsClientConstructor<T>;
  /** Only regions listed here get this client (others get `undefined`). @default every region */
  readonly regions?: readonly string[];
}

/** Where a service exists: explicit names accepted, the list used when none is given. */
export interface ServiceRegions {
  /** Names accepted from `--regions` or the profile (GovCloud/China where the service exists, decision L9). */
  readonly accepted: readonly string[];
  /** The reference's list, used when no region is given (services.md §1.2). */
  readonly fallback: readonly string[];
  /** `Invalid` (CloudWatch Logs) or `Unsupported` (Inspector): the exit-22 text is `{failure} region '{r}'`. */
  readonly failure: 'Invalid' | 'Unsupported';
  /** The debug-1 line printed when the fallback list is used. */
  readonly fallbackWarning: string;
}

/** The stored progress of one log stream (`cloudwatch_logs` row). */
export interface StreamCheckpoint {
  token?: string | undefined;
  /** Epoch ms. */
  startTime?: number | undefined;
  /** Epoch ms. */
  endTime?: number | undefined;
}

/** `cloudwatch_logs` rows of the current region; every write is committed at once (decision S1). */
export interface LogStreamState {
  get(group: string, stream: string): StreamCheckpoint | undefined;
  /** Inserts or updates the row; tells which happened. */
  save(group: string, stream: string, checkpoint: StreamCheckpoint): 'inserted' | 'updated';
  /** Stream names with a row for this group. */
  streams(group: string): string[];
  remove(group: string, streams: readonly string[]): void;
}

/** `aws_services` rows of (service, account, current region). */
export interface ScanHistoryState {
  /** The greatest `scan_date` text, if any. */
  lastScan(): string | undefined;
  /**
   * Records a finished scan in one transaction: the initial row (when given), the scan row, then
   * retention (the 5 greatest dates are kept).
   */
  recordScan(scanDate: string, initialDate?: string): void;
}

/** Which state object `collect` receives for each table. */
export interface ServiceStateByTable {
  cloudwatch_logs: LogStreamState;
  aws_services: ScanHistoryState;
}

/** How an error thrown by an SDK call is to be treated (classified once by the engine). */
export interface AwsFailure {
  /** `response`: AWS answered with an error; `connection`: the endpoint could not be reached. */
  readonly kind: 'response' | 'connection' | 'other';
  /** AWS error code, e.g. `ResourceNotFoundException`. */
  readonly code?: string | undefined;
  /** boto3-style text: `An error occurred ({Code}) when calling the {Operation} operation: {Message}`. */
  readonly text: string;
}

/** Run-wide settings a service reads (already validated by the CLI). */
export interface ServiceSettings {
  reparse: boolean;
  /** `--only_logs_after` as `YYYYMMDD`. */
  onlyLogsAfter?: string | undefined;
  /** `--aws_log_groups`, split and trimmed (CloudWatch Logs). */
  logGroups: readonly string[];
  /** `--remove-log-streams` (CloudWatch Logs). */
  removeLogStreams: boolean;
}

/**
 * What a plugin may use of the region after the current one, before its turn: its name, its
 * clients (behind the run's request gate) and the settings. Never its state: rows are read and
 * written only at the region's turn (decision S1).
 */
export interface UpcomingRegion<Clients> {
  readonly region: string;
  readonly clients: Clients;
  readonly settings: ServiceSettings;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
}

/** Work a plugin started for an upcoming region (see `ServicePlugin.prefetchRegion`). */
export interface RegionPrefetch {
  /**
   * Stops it: calls in flight are aborted, their results and errors dropped. Called when the
   * region's turn never comes, and after its `collect` (what it did not take is dropped).
   * Idempotent.
   */
  cancel(): void;
}

/** Everything `collect` gets for one region. */
export interface ServiceRegionRun<Clients, State, Prefetch extends RegionPrefetch = RegionPrefetch> {
  readonly region: string;
  readonly clients: Clients;
  readonly state: State;
  readonly settings: ServiceSettings;
  readonly logger: Logger;
  /** Set only when `--discard-regex` was given (decisions C15, C16, S2). */
  readonly discard?: DiscardFilter | undefined;
  /** Account of the base credentials (only when the plugin asks for it, decision S23). */
  readonly accountId?: string | undefined;
  /** Today 00:00 UTC. */
  readonly defaultDate: Date;
  now(): Date;
  /**
   * Hands one event to Wazuh: a string is sent raw; an object is wrapped by the service message
   * template (services.md §1.6) and serialised. Resolves when the sender took it.
   */
  emit(event: string | JsonObject): Promise<void>;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
  /** Throws InterruptedError once the signal is aborted; call it at clean points only. */
  checkInterrupted(): void;
  describeError(error: unknown, operation: string): AwsFailure;
  /** What `prefetchRegion` started for this region while the previous one was collected. */
  readonly prefetched?: Prefetch | undefined;
}

/** What a region's collection reports back. */
export interface ServiceRegionResult {
  /** A failure already reported with an `ERROR:` line: the run goes on and exits with this code. */
  deferredExit?: number | undefined;
}

/** A `--service` plugin. */
export interface ServicePlugin<
  Name extends ServiceName = ServiceName,
  Table extends ServiceTable = ServiceTable,
  Clients extends Record<string, unknown> = Record<string, unknown>,
  Prefetch extends RegionPrefetch = RegionPrefetch,
> {
  readonly kind: 'service';
  readonly name: Name;
  readonly table: Table;
  readonly regions: ServiceRegions;
  /** The clients built per region (shared construction rules: core.md §4.15). */
  readonly clients: { readonly [K in keyof Clients]: ServiceClientSpec<NonNullable<Clients[K]>> };
  /**
   * Dotted paths (arrays are entered) of numeric members the reference writes as Python floats
   * (`10.0`): the API model's Double members. @default []
   */
  readonly floatFields?: readonly string[];
  /** Whether `collect` needs the caller's account id (an STS call per region). */
  readonly needsAccountId: boolean;
  /**
   * Optional read-ahead across regions: called for the next region while the current one is
   * collected, with only what is safe before its turn. It must not log, send or save; errors of
   * what it fetches reach `collect` when it takes those results. The handle comes back as
   * `run.prefetched` at the region's turn, or is cancelled if that turn never comes.
   */
  prefetchRegion?(upcoming: UpcomingRegion<Clients>): Prefetch;
  collect(run: ServiceRegionRun<Clients, ServiceStateByTable[Table], Prefetch>): Promise<ServiceRegionResult>;
}

/** Identity helper that freezes a service plugin descriptor. */
export const defineServicePlugin = <
  const N extends ServiceName,
  T extends ServiceTable,
  C extends Record<string, unknown>,
  P extends RegionPrefetch = RegionPrefetch,
>(
  plugin: ServicePlugin<N, T, C, P>,
): ServicePlugin<N, T, C, P> => Object.freeze(plugin);
