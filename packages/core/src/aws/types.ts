/** SDK service ids the wodle talks to (core.md §4.9 step 4 maps `cloudwatchlogs` to `logs`). */
export type AwsServiceName = 's3' | 'sqs' | 'sts' | 'ec2' | 'logs' | 'inspector' | 'inspector2';

export interface ClientRequest {
  /** Which service this client is for: drives the region rules and the endpoint choice. */
  service: AwsServiceName;
  /** The region given by the mode (a loop region, the first `--regions` entry…). */
  region?: string | undefined;
  /**
   * Use `--service_endpoint` for this client. True for the main client of a mode (S3, logs,
   * inspector); false for EC2, STS and SQS (decisions B7, Q20).
   * @default true
   */
  useServiceEndpoint?: boolean;
}

/** Any AWS SDK v3 client constructor. */
// biome-ignore lint/suspicious/noExplicitAny: SDK client configs differ per service.
export type AwsClientConstructor<T> = new (config: any) => T;

/**
 * Builds SDK clients with the run's credentials (keys, profile, role with session name, external id
 * and duration), region rules, retry settings and endpoints. Plugins receive clients from it and
 * never construct SDK clients themselves.
 */
export interface AwsClientFactory {
  create<T>(Client: AwsClientConstructor<T>, request: ClientRequest): Promise<T>;
  /** The `region` of the chosen profile in the AWS config files, if any. */
  readonly profileRegion?: string | undefined;
  /** Account id of the base credentials (STS GetCallerIdentity; decision C8). */
  callerAccountId(): Promise<string>;
}
