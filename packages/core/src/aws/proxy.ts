import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';

/** Which proxy a run uses: the profile's, else `HTTPS_PROXY` / `HTTP_PROXY` (decision C4). */
export function resolveProxyUrl(profileProxy: string | undefined, env: NodeJS.ProcessEnv = process.env) {
  return profileProxy ?? env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy ?? undefined;
}

/** Whether `NO_PROXY` exempts a host (`*`, exact names, `.suffix` or `suffix` domain matches). */
export function bypassesProxy(host: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const list = env.NO_PROXY ?? env.no_proxy ?? '';
  return list
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const name = entry
        .replace(/:\d+$/, '')
        .replace(/^\*?\./, '')
        .toLowerCase();
      const h = host.toLowerCase();
      return h === name || h.endsWith(`.${name}`);
    });
}

/** HTTP handlers with keep-alive agents, going through the proxy when one applies. */
export function createRequestHandler(maxSockets: number, proxyUrl?: string): NodeHttpHandler {
  const agentOptions = { keepAlive: true, maxSockets };
  return new NodeHttpHandler({
    httpAgent: proxyUrl ? new HttpProxyAgent(proxyUrl, agentOptions) : new HttpAgent(agentOptions),
    httpsAgent: proxyUrl ? new HttpsProxyAgent(proxyUrl, agentOptions) : new HttpsAgent(agentOptions),
    connectionTimeout: 10_000,
    requestTimeout: 120_000,
  });
}

/** The host a client talks to: its endpoint, or the AWS one for its service. */
export function endpointHost(endpoint: string | undefined, fallback: string): string {
  if (!endpoint) return fallback;
  try {
    return new URL(endpoint).hostname;
  } catch {
    return fallback;
  }
}
