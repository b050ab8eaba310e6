export {
  createStaleSocket,
  type DatagramReceiver,
  type DatagramReceiverOptions,
  startDatagramReceiver,
} from './receiver.js';
export { createWazuhDir, type WazuhDir, type WazuhDirOptions } from './wazuh-dir.js';
