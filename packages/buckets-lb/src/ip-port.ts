/**
 * Splits `ip:port` at the last colon, so IPv6 clients keep their address (decision B28/B29);
 * `[v6]:port` loses its brackets. `undefined` when there is no colon (e.g. `-`).
 *
 * @example splitIpPort('2001:db8::52:36186') // ['2001:db8::52', '36186']
 */
export function splitIpPort(value: string): [ip: string, port: string] | undefined {
  const colon = value.lastIndexOf(':');
  if (colon === -1) return undefined;
  let ip = value.slice(0, colon);
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  return [ip, value.slice(colon + 1)];
}
