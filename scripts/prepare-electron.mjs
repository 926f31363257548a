#!/usr/bin/env node
/**
 * Runs before `npm start` and `npm run dist` on a machine with internet:
 *  1. makes sure Electron's binary is downloaded (Electron 45 fetches it lazily);
 *  2. builds better-sqlite3 for Electron's ABI into .electron-native/<platform>-<arch>/,
 *     leaving node_modules/better-sqlite3 (the Node build `npm test` uses) untouched.
 * Both steps are skipped when already done for this Electron version.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const target = join(root, '.electron-native', `${process.platform}-${process.arch}`);
const stamp = join(target, 'electron-version.txt');

function fail(message) {
  console.error(`\nReportDesk could not prepare Electron: ${message}\n`);
  process.exit(1);
}

try {
  require('electron'); // downloads the binary on first use
} catch (error) {
  fail(
    `the Electron ${electronVersion} download failed (${error.message}). Check the internet connection and try again.`,
  );
}

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === electronVersion) process.exit(0);

console.log(`Building better-sqlite3 for Electron ${electronVersion} (once, about a minute)…`);
const work = join(root, '.electron-native', 'work', 'better-sqlite3');
rmSync(work, { recursive: true, force: true });
const source = join(root, 'node_modules/better-sqlite3');
cpSync(source, work, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
// npm on some machines sets nodedir, which silently makes node-gyp target Node's ABI instead.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_nodedir$/i.test(key)));
const gyp = spawnSync(
  process.execPath,
  [
    require.resolve('node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: work, env, stdio: 'inherit' },
);
if (gyp.status !== 0) fail('building better-sqlite3 for Electron failed; see the output above.');
mkdirSync(target, { recursive: true });
copyFileSync(join(work, 'build/Release/better_sqlite3.node'), join(target, 'better_sqlite3.node'));
writeFileSync(stamp, `${electronVersion}\n`);
rmSync(join(root, '.electron-native', 'work'), { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${electronVersion} is in ${target}`);
