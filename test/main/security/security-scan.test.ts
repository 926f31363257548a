import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

const script = join(import.meta.dirname, '../../../scripts/security-scan.mjs');

describe('the Electronegativity gate (npm run security)', () => {
  it('fails on an insecure window that the allow-list does not justify, naming the check', () => {
    const dir = makeTempDir('scan');
    mkdirSync(join(dir.path, 'unsafe'));
    writeFileSync(
      join(dir.path, 'unsafe', 'window.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'export const w = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true } });',
        '',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [script, dir.path], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/FINDING\s+HIGH\s+CONTEXT_ISOLATION_JS_CHECK unsafe\/window\.ts/);
    expect(run.stderr).toContain('not justified');
    dir.remove();
  }, 60_000);
});
