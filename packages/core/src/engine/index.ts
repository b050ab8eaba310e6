export type { RunContext, RunOptions, WazuhInstall } from './context.js';
export * from './service/index.js';
export * from './subscriber/index.js';
