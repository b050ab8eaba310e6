export * from './sender/index.js';
