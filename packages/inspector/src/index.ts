// @wazuh-aws/inspector — the `--service inspector` plugin (Inspector v2 and Classic findings
// against injected clients); core's service engine does state, sending and clients.
export { inspector, inspector as default } from './plugin.js';
export { INSPECTOR_CLASSIC_REGIONS, INSPECTOR_REGIONS, INSPECTOR_V2_REGIONS } from './regions.js';
export { initialScanText, naiveText, parseScanDate, scanDateText } from './scan-dates.js';
export type { InspectorClients, InspectorRun, ScanWindow } from './types.js';
