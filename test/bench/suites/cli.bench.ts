import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from '../report';

const root = join(import.meta.dirname, '..', '..', '..');

function cli(db: string, ...args: string[]): { seconds: number; summary: Record<string, unknown> } {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'main/cli/index.ts'), 'run', '--db', db, '--demo', '--json', ...args],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`cli failed (${run.status}): ${run.stderr}`);
  return { seconds, summary: JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown> };
}

const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(Date.now() + offset * 86_400_000);

/** (f): a month fetched once from the Demo organization, then the same report again with --offline. */
export default function bench(): Promise<BenchSection[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reportdesk-cli-bench-'));
  try {
    const db = join(dir, 'cache.sqlite');
    const range = ['--report', 'interactions', '--from', day(-34), '--to', day(-5), '--tz', 'America/Chicago'];
    const online = cli(db, ...range);
    const offline = cli(db, ...range, '--offline');
    const queues = cli(
      db,
      '--report',
      'queue-performance',
      '--from',
      day(-34),
      '--to',
      day(-5),
      '--tz',
      'America/Chicago',
    );
    const queuesOffline = cli(
      db,
      '--report',
      'queue-performance',
      '--from',
      day(-34),
      '--to',
      day(-5),
      '--tz',
      'America/Chicago',
      '--offline',
    );
    return Promise.resolve([
      {
        title: '(f) Re-running a cached month with --offline',
        method:
          `\`npm run cli -- run --demo --offline\` as a fresh process (Node start-up, tsx, cache open, report, exit), ` +
          `Interactions for 30 days of the Demo organization (${String(online.summary.rows)} conversations, ` +
          `first fetched online in the same run — the baseline), and Queue performance by day for the same month.`,
        measurements: [
          {
            name: 'Interactions, 30 days, --offline (whole process)',
            value: offline.seconds,
            unit: 's',
            target: '≤ 2 s',
            met: offline.seconds <= 2,
            baseline: { name: 'first run online', value: online.seconds },
          },
          {
            name: 'requests made by the offline run',
            value: Number(offline.summary.requests),
            unit: 'requests',
            target: '0',
            met: offline.summary.requests === 0,
          },
          {
            name: 'Queue performance by day, 30 days, --offline (whole process)',
            value: queuesOffline.seconds,
            unit: 's',
            target: '≤ 2 s',
            met: queuesOffline.seconds <= 2,
            baseline: { name: 'first run online', value: queues.seconds },
          },
        ],
      },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
