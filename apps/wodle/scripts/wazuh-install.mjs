#!/usr/bin/env node
// Installs wazuh-aws as Wazuh's AWS wodle (`<wazuh>/wodles/aws/aws-s3`), keeping the Python files
// aside for a rollback, and removes it again. Plain Node (no build, no dependencies): run it from
// a clone with `pnpm wazuh:install [WAZUH_DIR]`. See docs/install.md.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The line that marks a launcher as ours (never backed up, safe to remove). */
export const MARKER = '# wazuh-aws launcher';
/** Folder of `<wazuh>/wodles/aws` holding the CLI and its node_modules. */
export const APP_DIR = 'wazuh-aws';
/** Folder of `<wazuh>/wodles/aws` holding the Python wodle's files while wazuh-aws is installed. */
export const BACKUP_DIR = 'python-backup';
/** Entries of `wodles/aws` that stay in place: the state databases and our own folders. */
const KEEP = /^(.*\.db(-journal|-wal|-shm|\.lock)?|wazuh-aws(\.new|\.old)?|python-backup)$/;

const USAGE = `usage:
  wazuh-install.mjs install [WAZUH_DIR] [--bundle DIR] [--node PATH] [--no-build]
  wazuh-install.mjs uninstall [WAZUH_DIR]
  wazuh-install.mjs bundle OUT_DIR [--no-build]

install    build a self-contained bundle (or use --bundle), move the Python wodle's files of
           WAZUH_DIR/wodles/aws to wodles/aws/${BACKUP_DIR}/, copy the bundle to
           wodles/aws/${APP_DIR}/ and write the wodles/aws/aws-s3 launcher. State databases
           (*.db) stay where they are. WAZUH_DIR defaults to $WAZUH_PATH, then /var/ossec.
uninstall  remove wazuh-aws and put the Python wodle's files back (rollback).
bundle     only build the bundle: dist/, production node_modules (native addons built for this
           machine's Node.js) and bin/aws-s3.
`;

class InstallError extends Error {}

function log(text) {
  process.stderr.write(`wazuh-aws install: ${text}\n`);
}

/** Builds the CLI and its workspace dependencies, then `pnpm deploy`s it with production deps. */
export function makeBundle(out, { build = true } = {}) {
  if (existsSync(out) && readdirSync(out).length > 0)
    throw new InstallError(`${out} exists and is not empty`);
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build)
    run('pnpm', [
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=@wazuh-aws/wodle...',
      '--output-logs=errors-only',
    ]);
  if (!existsSync(join(REPO, 'apps/wodle/dist/cli.js')))
    throw new InstallError('apps/wodle/dist/cli.js is missing: build first');
  run('pnpm', ['--filter', '@wazuh-aws/wodle', 'deploy', '--prod', '--legacy', out]);
  mkdirSync(join(out, 'bin'), { recursive: true });
  // Named like the Python wodle so usage and error texts say `aws-s3`.
  symlinkSync('../dist/cli.js', join(out, 'bin', 'aws-s3'));
  return out;
}

function launcherText(node) {
  return [
    '#!/bin/sh',
    `${MARKER}: runs the wazuh-aws CLI in ./${APP_DIR}.`,
    `# Roll back to the Python wodle: node <repo>/apps/wodle/scripts/wazuh-install.mjs uninstall <wazuh dir>`,
    `NODE="\${WAZUH_AWS_NODE:-${node}}"`,
    `export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED="\${AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED:-true}"`,
    `exec "$NODE" "$(dirname "$0")/${APP_DIR}/bin/aws-s3" "$@"`,
    '',
  ].join('\n');
}

/** `cp -a` (fast, keeps pnpm's relative symlinks), or Node's copy where there is no `cp`. */
function copyTree(from, to) {
  try {
    execFileSync('cp', ['-a', from, to], { stdio: 'ignore' });
  } catch {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

const isOurs = (file) => existsSync(file) && readFileSync(file, 'utf8').includes(MARKER);

function awsDirOf(wazuhDir) {
  const awsDir = join(resolve(wazuhDir), 'wodles', 'aws');
  if (!existsSync(awsDir))
    throw new InstallError(`${awsDir} does not exist: is ${wazuhDir} a Wazuh installation?`);
  return awsDir;
}

/** Moves every entry of wodles/aws but the state DBs and our folders into python-backup/. */
function backUpPython(awsDir) {
  const entries = readdirSync(awsDir).filter((name) => !KEEP.test(name));
  if (entries.length === 0) return [];
  const backup = join(awsDir, BACKUP_DIR);
  // A Wazuh upgrade puts the Python files back: the newer ones become the backup.
  rmSync(backup, { recursive: true, force: true });
  mkdirSync(backup, { mode: 0o750 });
  for (const name of entries) renameSync(join(awsDir, name), join(backup, name));
  return entries;
}

/** Installs `bundle` into `<wazuhDir>/wodles/aws`; returns what was moved aside. */
export function install(wazuhDir, { bundle, node = process.execPath }) {
  const awsDir = awsDirOf(wazuhDir);
  const launcher = join(awsDir, 'aws-s3');
  const previous = existsSync(launcher) ? statSync(launcher) : statSync(awsDir);
  const staged = join(awsDir, `${APP_DIR}.new`);
  rmSync(staged, { recursive: true, force: true });
  copyTree(bundle, staged);
  const moved = isOurs(launcher) ? [] : backUpPython(awsDir);
  if (isOurs(launcher)) rmSync(launcher);
  const app = join(awsDir, APP_DIR);
  const old = join(awsDir, `${APP_DIR}.old`);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(app)) renameSync(app, old);
  renameSync(staged, app);
  rmSync(old, { recursive: true, force: true });
  writeFileSync(launcher, launcherText(node));
  chmodSync(launcher, (previous.mode & 0o777) | 0o100);
  if (process.getuid?.() === 0) chownSync(launcher, previous.uid, previous.gid);
  return moved;
}

/** Removes wazuh-aws and restores the Python files from python-backup/. */
export function uninstall(wazuhDir) {
  const awsDir = awsDirOf(wazuhDir);
  const launcher = join(awsDir, 'aws-s3');
  const backup = join(awsDir, BACKUP_DIR);
  if (!existsSync(backup)) throw new InstallError(`no ${backup}: nothing to restore`);
  if (existsSync(launcher) && !isOurs(launcher)) {
    throw new InstallError(
      `${launcher} is not the wazuh-aws launcher (a Wazuh upgrade restored it?): nothing to roll back`,
    );
  }
  rmSync(launcher, { force: true });
  const restored = readdirSync(backup);
  for (const name of restored) {
    const target = join(awsDir, name);
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(join(backup, name), target);
  }
  rmSync(backup, { recursive: true, force: true });
  rmSync(join(awsDir, APP_DIR), { recursive: true, force: true });
  return restored;
}

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const options = { command, positional: [], build: true };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--bundle' || arg === '--node') options[arg.slice(2)] = rest[++i];
    else if (arg === '--no-build') options.build = false;
    else if (arg?.startsWith('-')) throw new InstallError(`unknown option ${arg}\n\n${USAGE}`);
    else options.positional.push(arg);
  }
  return options;
}

function main(argv) {
  const options = parseArgs(argv);
  const wazuhDir = options.positional[0] ?? process.env.WAZUH_PATH ?? '/var/ossec';
  switch (options.command) {
    case 'bundle': {
      if (!options.positional[0]) throw new InstallError(USAGE);
      makeBundle(resolve(options.positional[0]), options);
      log(`bundle ready in ${resolve(options.positional[0])}`);
      return;
    }
    case 'install': {
      let bundle = options.bundle && resolve(options.bundle);
      const temp = bundle ? undefined : mkdtempSync(join(tmpdir(), 'wazuh-aws-bundle-'));
      try {
        bundle ??= makeBundle(join(temp, 'bundle'), options);
        const moved = install(wazuhDir, { bundle, node: options.node ?? process.execPath });
        const awsDir = awsDirOf(wazuhDir);
        if (moved.length > 0)
          log(`moved the Python wodle's files to ${join(awsDir, BACKUP_DIR)}: ${moved.join(', ')}`);
        log(`installed ${join(awsDir, APP_DIR)} and the launcher ${join(awsDir, 'aws-s3')}`);
        let help;
        try {
          help = execFileSync(join(awsDir, 'aws-s3'), ['--help'], { encoding: 'utf8' });
        } catch (error) {
          if (existsSync(join(awsDir, BACKUP_DIR))) uninstall(wazuhDir);
          throw new InstallError(`the installed CLI does not start (${error.message}); rolled back`);
        }
        log(`check: ${help.split('\n')[0]}`);
      } finally {
        if (temp) rmSync(temp, { recursive: true, force: true });
      }
      return;
    }
    case 'uninstall': {
      const restored = uninstall(wazuhDir);
      log(`removed wazuh-aws; restored ${restored.join(', ')}`);
      return;
    }
    default:
      throw new InstallError(USAGE);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof InstallError ? error.message : (error?.stack ?? error)}\n`);
    process.exit(error instanceof InstallError ? 2 : 1);
  }
}
