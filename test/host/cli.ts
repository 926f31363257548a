/**
 * `npm run dev:browser`: the built renderer in any browser, against the real
 * core in this Node process. Data lives in `.tmp/browser-host` unless
 * REPORTDESK_DATA_DIR says otherwise.
 */
import { resolve } from 'node:path';
import { createTestCore } from '../support/test-core';
import { startBrowserHost } from './server';

const root = resolve(import.meta.dirname, '..', '..');
const port = Number(process.env['PORT'] ?? 5180);
const dataDir = process.env['REPORTDESK_DATA_DIR'] ?? resolve(root, '.tmp', 'browser-host');

// Exports land in <data folder>/exports, standing in for the app's save dialog.
const core = createTestCore(dataDir, { log: (message) => console.error(message) });
const host = await startBrowserHost({ core, rendererDir: resolve(root, 'out', 'renderer'), port });
console.log(`ReportDesk browser host: ${host.url}  (data in ${dataDir}; Ctrl-C to stop)`);

process.on('SIGINT', () => {
  void host
    .close()
    .then(() => core.close())
    .then(() => process.exit(0));
});
