export * from './bucket/index.js';
export type { RunContext, RunOptions, WazuhInstall } from './context.js';
export { sendMessage } from './send-message.js';
export * from './service/index.js';
export * from './subscriber/index.js';
