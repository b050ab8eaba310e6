import { randomUUID } from 'node:crypto';
import { FakeAwsError, type FakeRequest, type FakeResponse, type QueryActionHandler } from './types.js';
import { el, XML_HEADER, xmlMembers } from './xml.js';

/** What STS GetCallerIdentity returns. */
export interface CallerIdentity {
  Account: string;
  Arn: string;
  UserId: string;
}

/** A flow log as DescribeFlowLogs returns it (SDK member names; only `FlowLogId` is required). */
export interface FakeFlowLog {
  FlowLogId: string;
  [member: string]: unknown;
}

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const STS_ACTIONS = new Set([
  'GetCallerIdentity',
  'AssumeRole',
  'GetSessionToken',
  'AssumeRoleWithWebIdentity',
]);
/** DescribeFlowLogs filter names → flow log members. */
const FLOW_LOG_FILTERS: Record<string, string> = {
  'resource-id': 'ResourceId',
  'flow-log-id': 'FlowLogId',
  'log-destination-type': 'LogDestinationType',
  'traffic-type': 'TrafficType',
  'deliver-log-status': 'DeliverLogsStatus',
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Which service a query request is for: the signature's scope, else the action name. */
export function queryService(request: FakeRequest, action: string): string {
  return request.service ?? (STS_ACTIONS.has(action) ? 'sts' : 'ec2');
}

/** STS and EC2 over the query protocols, plus actions registered by tests. */
export class QueryServices {
  identity: CallerIdentity = {
    Account: '123456789012',
    Arn: 'arn:aws:iam::123456789012:user/wazuh-integration',
    UserId: 'AIDAFAKEUSER00000000',
  };
  readonly flowLogs = new Map<string, FakeFlowLog[]>();
  readonly actions = new Map<string, QueryActionHandler>();

  constructor(public flowLogsPageSize = 1000) {}

  async handle(
    service: string,
    action: string,
    params: Record<string, string>,
    request: FakeRequest,
  ): Promise<FakeResponse> {
    const registered = this.actions.get(`${service}:${action}`) ?? this.actions.get(action);
    const ec2 = service === 'ec2';
    let inner: string;
    if (registered) inner = await registered(params, request);
    else if (service === 'sts' && action === 'GetCallerIdentity') inner = xmlMembers({ ...this.identity });
    else if (service === 'sts' && action === 'AssumeRole') inner = assumeRole(params);
    else if (ec2 && action === 'DescribeFlowLogs') inner = this.describeFlowLogs(params, request.region);
    else
      throw new FakeAwsError(400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
    const id = randomUUID();
    const body = ec2
      ? `<${action}Response xmlns="${EC2_NS}">${el('requestId', id)}${inner}</${action}Response>`
      : `<${action}Response xmlns="${STS_NS}"><${action}Result>${inner}</${action}Result><ResponseMetadata>${el('RequestId', id)}</ResponseMetadata></${action}Response>`;
    return { status: 200, headers: { 'content-type': 'text/xml' }, body: XML_HEADER + body };
  }

  private describeFlowLogs(params: Record<string, string>, region: string): string {
    const filters = new Map<string, Set<string>>();
    for (const [name, value] of Object.entries(params)) {
      const m = name.match(/^Filter\.(\d+)\.Name$/);
      if (!m) continue;
      const values = Object.entries(params)
        .filter(([n]) => n.startsWith(`Filter.${m[1]}.Value.`))
        .map(([, v]) => v);
      filters.set(value, new Set(values));
    }
    const ids = new Set(
      Object.entries(params)
        .filter(([n]) => /^FlowLogId\.\d+$/.test(n))
        .map(([, v]) => v),
    );
    const matching = (this.flowLogs.get(region) ?? []).filter(
      (f) =>
        (ids.size === 0 || ids.has(f.FlowLogId)) &&
        [...filters].every(([name, values]) => {
          const member = FLOW_LOG_FILTERS[name];
          return member === undefined || values.has(String(f[member]));
        }),
    );
    const start = params.NextToken ? Number(params.NextToken.replace(/^page-/, '')) : 0;
    const size = params.MaxResults ? Number(params.MaxResults) : this.flowLogsPageSize;
    const page = matching.slice(start, start + size);
    const items = page.map(
      (f) =>
        `<item>${Object.entries(f)
          .map(([k, v]) => el(lowerFirst(k), v))
          .join('')}</item>`,
    );
    const next = start + size < matching.length ? el('nextToken', `page-${start + size}`) : '';
    return `<flowLogSet>${items.join('')}</flowLogSet>${next}`;
  }
}

function assumeRole(params: Record<string, string>): string {
  const arn = params.RoleArn ?? '';
  const session = params.RoleSessionName ?? '';
  const m = arn.match(/^arn:aws[\w-]*:iam::(\d{12}):role\/(.+)$/);
  if (!m || !session) throw new FakeAwsError(400, 'ValidationError', `${arn} is invalid`);
  const duration = Number(params.DurationSeconds ?? 3600);
  const role = (m[2] as string).split('/').at(-1);
  return xmlMembers({
    Credentials: {
      AccessKeyId: 'ASIAFAKEASSUMEDKEY00',
      SecretAccessKey: 'fake/assumed/secret/key/00000000000000',
      SessionToken: `FwoGZXIvYXdzEFakeSessionToken00${'A'.repeat(64)}`,
      Expiration: new Date(Date.now() + duration * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
    AssumedRoleUser: {
      AssumedRoleId: `AROAFAKEROLE00000000:${session}`,
      Arn: `arn:aws:sts::${m[1]}:assumed-role/${role}/${session}`,
    },
  });
}

/** The query protocols' error documents (EC2 has its own shape). */
export function queryError(service: string, error: FakeAwsError, requestId: string): FakeResponse {
  const body =
    service === 'ec2'
      ? `<Response><Errors><Error>${el('Code', error.code)}${el('Message', error.message)}</Error></Errors>${el('RequestID', requestId)}</Response>`
      : `<ErrorResponse><Error><Type>${error.status >= 500 ? 'Receiver' : 'Sender'}</Type>${el('Code', error.code)}${el('Message', error.message)}</Error>${el('RequestId', requestId)}</ErrorResponse>`;
  return { status: error.status, headers: { 'content-type': 'text/xml' }, body: XML_HEADER + body };
}
