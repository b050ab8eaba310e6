import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServicePlugin } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { BUCKET_TYPES, SERVICE_TYPES, SUBSCRIBER_TYPES } from '../src/cli/index.js';
import {
  BUCKET_PLUGIN_MODULES,
  BUCKET_PLUGINS,
  loadBucketPlugin,
  loadPlugin,
  SERVICE_PLUGINS,
  SUBSCRIBER_PLUGINS,
} from '../src/registry.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

describe('plugin registry', () => {
  it('maps every CLI name, and nothing else', () => {
    expect(Object.keys(BUCKET_PLUGINS).sort()).toEqual([...BUCKET_TYPES].sort());
    expect(Object.keys(SERVICE_PLUGINS).sort()).toEqual([...SERVICE_TYPES].sort());
    expect(Object.keys(SUBSCRIBER_PLUGINS).sort()).toEqual([...SUBSCRIBER_TYPES].sort());
  });

  it.each([...BUCKET_TYPES])('bucket type %s loads a valid descriptor', async (type) => {
    const plugin = await loadBucketPlugin(type);
    expect(plugin).toMatchObject({ kind: 'bucket', name: type });
    expect(Object.isFrozen(plugin)).toBe(true);
  });

  it.each([...BUCKET_TYPES])('bucket type %s names its module and export for parse workers', async (type) => {
    const [specifier, exportName] = BUCKET_PLUGIN_MODULES[type];
    const module = (await import(specifier)) as Record<string, unknown>;
    expect(module[exportName]).toBe(await loadBucketPlugin(type));
  });

  it.each([...SERVICE_TYPES])('service %s loads', async (name) => {
    await expect(loadPlugin('service', name, SERVICE_PLUGINS[name])).resolves.toMatchObject({ name });
  });

  it.each([...SUBSCRIBER_TYPES])('subscriber %s loads', async (name) => {
    await expect(loadPlugin('subscriber', name, SUBSCRIBER_PLUGINS[name])).resolves.toMatchObject({ name });
  });

  it('rejects a module that is not the expected plugin', async () => {
    const notAPlugin = async () => ({ kind: 'bucket' }) as unknown as ServicePlugin;
    await expect(loadPlugin('service', 'inspector', notAPlugin)).rejects.toThrow(
      /not a valid service plugin/,
    );
  });

  it('lists every plugin package as a dependency of the CLI', () => {
    const deps = Object.keys(manifest(join(repo, 'apps', 'wodle')).dependencies);
    const plugins = readdirSync(join(repo, 'packages'))
      .filter((dir) => dir !== 'core')
      .map((dir) => manifest(join(repo, 'packages', dir)).name as string);
    for (const name of plugins) expect(deps).toContain(name);
  });

  it('never makes a plugin package depend on native addons', () => {
    for (const dir of readdirSync(join(repo, 'packages'))) {
      const {
        dependencies = {},
        peerDependencies = {},
        peerDependenciesMeta = {},
      } = manifest(join(repo, 'packages', dir));
      for (const native of ['better-sqlite3', 'unix-dgram']) {
        expect(dependencies[native], `${dir} depends on ${native}`).toBeUndefined();
        if (peerDependencies[native]) expect(peerDependenciesMeta[native]?.optional).toBe(true);
      }
    }
  });
});

describe('parser-only use', () => {
  // Follows the static imports of a built entry; native addons must only be reachable through
  // dynamic imports of core's side-effecting subpaths.
  function staticGraph(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]/gm)) {
      staticGraph(join(file, '..', match[1]!), seen);
    }
    return seen;
  }

  it('core entry and every plugin entry load no native addon statically', () => {
    const entries = [join(repo, 'packages', 'core', 'dist', 'index.js')];
    for (const dir of readdirSync(join(repo, 'packages')).filter((d) => d !== 'core')) {
      entries.push(join(repo, 'packages', dir, 'dist', 'index.js'));
    }
    for (const entry of entries) {
      for (const file of staticGraph(entry)) {
        const text = readFileSync(file, 'utf8');
        // Not even a lazy loader: those live only in the state/sender chunks.
        expect(text, `${file} (from ${entry})`).not.toMatch(/better-sqlite3|unix-dgram/);
      }
    }
  });
});
