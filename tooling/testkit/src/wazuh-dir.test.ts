import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWazuhDir } from './wazuh-dir.js';

describe('createWazuhDir', () => {
  it('creates the layout and a wazuh-control that reports the version', () => {
    const wazuh = createWazuhDir({ version: 'v5.0.1' });
    try {
      expect(statSync(wazuh.wodleDir).isDirectory()).toBe(true);
      expect(wazuh.socketPath).toBe(`${wazuh.root}/queue/sockets/queue`);
      expect(statSync(`${wazuh.root}/queue/sockets`).isDirectory()).toBe(true);
      const out = execFileSync(`${wazuh.root}/bin/wazuh-control`, ['info'], { encoding: 'utf8' });
      expect(out).toBe('WAZUH_VERSION="v5.0.1"\nWAZUH_REVISION="rc1"\nWAZUH_TYPE="agent"\n');
    } finally {
      wazuh.cleanup();
    }
    expect(existsSync(wazuh.root)).toBe(false);
  });
});
