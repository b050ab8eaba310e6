import { genericReformat, isObject, type JsonObject, type WazuhMessage } from '@wazuh-aws/core';

const member = (value: unknown, name: string): JsonObject | undefined =>
  isObject(value) && isObject(value[name]) ? value[name] : undefined;

/**
 * GuardDuty's reformat (buckets.md §3.4): a `guardduty` finding whose
 * `service.action.portProbeAction.portProbeDetails` has several elements becomes one message per
 * element (that field set to the element, no other reformatting, quirk B25); anything else gets
 * the generic reformat. The custom-bucket extras do not apply (quirk B26).
 */
export function reformatGuardDuty(message: WazuhMessage): WazuhMessage[] {
  const aws = member(message, 'aws');
  const probe = member(member(member(aws, 'service'), 'action'), 'portProbeAction');
  const details = probe?.portProbeDetails;
  if (aws?.source !== 'guardduty' || !Array.isArray(details) || details.length <= 1) {
    return [genericReformat(message)];
  }
  // Each message gets its own copy of the path down to portProbeDetails; the rest is shared.
  return details.map((detail) => {
    const service = { ...(aws.service as JsonObject) };
    const action = { ...(service.action as JsonObject) };
    action.portProbeAction = { ...(action.portProbeAction as JsonObject), portProbeDetails: detail };
    service.action = action;
    return { ...message, aws: { ...aws, service } };
  });
}
