/** The header modulesd-style senders put before each event's JSON. */
const HEADER = '1:Wazuh-AWS:';

type Json = Record<string, unknown>;

const get = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), value);

/** Fields worth a glance, per `aws.source` (first non-empty wins within each group). */
const HIGHLIGHTS: Record<string, string[][]> = {
  cloudtrail: [
    ['eventName'],
    ['userIdentity.userName', 'userIdentity.arn', 'userIdentity.type'],
    ['sourceIPAddress'],
    ['awsRegion'],
  ],
  config: [
    ['configurationItem.resourceType', 'resourceType'],
    ['configurationItem.resourceId', 'resourceId'],
    ['configurationItem.configurationItemStatus', 'configurationItemStatus'],
  ],
  vpc: [['action'], ['srcaddr'], ['dstaddr'], ['dstport'], ['protocol']],
  guardduty: [['type'], ['severity'], ['title']],
  waf: [['action'], ['httpRequest.clientIp'], ['httpRequest.uri'], ['terminatingRuleId']],
  alb: [['request'], ['client_ip'], ['elb_status_code']],
  clb: [['request'], ['client_ip'], ['elb_status_code']],
  nlb: [['listener'], ['client_ip'], ['destination_ip']],
  s3_server_access: [['operation'], ['requester'], ['key'], ['http_status']],
  cisco_umbrella: [['action'], ['domain', 'destination'], ['internal_ip']],
  cloudwatch_logs: [['log_group', 'logGroup'], ['message']],
};

function scalarText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A one-line digest of a datagram `1:Wazuh-AWS:<json>`: the source and a few telling fields, or the
 * first scalar fields when the source is not one of the known ones; `fallbackSource` names events
 * that carry none (raw CloudWatch Logs text, subscriber records).
 */
export function describeEvent(datagram: string, fallbackSource = 'aws'): { source: string; text: string } {
  const body = datagram.startsWith(HEADER) ? datagram.slice(HEADER.length) : datagram;
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    // CloudWatch Logs events are sent as their raw text.
    return { source: fallbackSource, text: body.replace(/\s+/g, ' ').trim() };
  }
  const aws = (get(message, 'aws') ?? message) as Json;
  const source = scalarText(aws.source) ?? fallbackSource;
  const groups = HIGHLIGHTS[source];
  let parts: string[];
  if (groups) {
    parts = groups
      .map((paths) => paths.map((p) => scalarText(get(aws, p))).find((v) => v !== undefined))
      .filter((v): v is string => v !== undefined);
  } else {
    parts = Object.entries(aws)
      .filter(([k, v]) => k !== 'log_info' && k !== 'source' && (typeof v !== 'object' || v === null))
      .slice(0, 4)
      .map(([k, v]) => `${k}=${scalarText(v)}`);
  }
  if (parts.length === 0) parts = [JSON.stringify(aws)];
  return { source, text: parts.join('  ') };
}
