import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { REPO_ROOT } from '../../support/test-core';

const dir = makeTempDir('cli');
const db = join(dir.path, 'cache.sqlite');

function cli(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'main/cli/index.ts'), 'run', '--db', db, '--tz', 'America/Chicago', ...args],
    { encoding: 'utf8', env: { ...process.env, GENESYS_ENVIRONMENT: '', GENESYS_CLIENT_ID: '' }, timeout: 120_000 },
  );
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return { ...run, summary: last.startsWith('{') ? (JSON.parse(last) as Record<string, unknown>) : null };
}

/** Days well before the simulator's data-availability lag, so the result cannot change between runs. */
const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(Date.now() + offset * 86_400_000);

describe('npm run cli', { timeout: 120_000 }, () => {
  afterAll(() => dir.remove());

  it('fetches a report from the Demo organization, then answers the same range offline with zero requests', () => {
    const online = cli('--report', 'queue-performance', '--from', day(-9), '--to', day(-3), '--demo', '--json');
    expect(online.status).toBe(0);
    expect(online.summary).toMatchObject({ state: 'done', fromCache: false });
    expect(online.summary?.requests).toBeGreaterThan(0);
    expect(online.summary?.rows).toBeGreaterThan(0);
    for (const key of ['rows', 'conversations', 'requests', 'rateLimited', 'retries', 'seconds', 'fromCache']) {
      expect(online.summary).toHaveProperty(key);
    }
    const offline = cli(
      '--report',
      'queue-performance',
      '--from',
      day(-9),
      '--to',
      day(-3),
      '--demo',
      '--offline',
      '--json',
    );
    expect(offline.status).toBe(0);
    expect(offline.summary).toMatchObject({ state: 'done', fromCache: true, requests: 0, rows: online.summary?.rows });
  });

  it('offline on an uncached range says which days are missing and exits 3', () => {
    const run = cli('--report', 'queue-performance', '--from', day(-40), '--to', day(-38), '--demo', '--offline');
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/Not in the cache/);
  });

  it('exports with --out and filters by queue name', () => {
    const out = join(dir.path, 'queues.xlsx');
    const run = cli(
      '--report',
      'queue-performance',
      '--from',
      day(-9),
      '--to',
      day(-3),
      '--demo',
      '--offline',
      '--out',
      out,
    );
    expect(run.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const unknown = cli(
      '--report',
      'queue-performance',
      '--from',
      day(-9),
      '--to',
      day(-3),
      '--demo',
      '--offline',
      '--queue',
      'No Such Queue',
    );
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('No queue is called "No Such Queue"');
  });

  it('explains missing credentials and bad arguments with exit code 2', () => {
    const noCredentials = cli('--report', 'interactions', '--from', day(-3), '--to', day(-3));
    expect(noCredentials.status).toBe(2);
    expect(noCredentials.stderr).toContain('GENESYS_ENVIRONMENT');
    const badDate = cli('--report', 'interactions', '--from', '2026-02-30', '--to', day(-3), '--demo');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('is not a date');
  });
});
