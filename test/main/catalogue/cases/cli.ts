import { join } from 'node:path';
import type { ExpectStatic } from 'vitest';
import { CLIENTS, ZONE, type CatalogueContext } from '../context';
import type { CatalogueCase, Observation } from '../types';

/**
 * Runs `npm run cli -- run …` for real (a child process) and returns what the admin reads first on the terminal:
 * stderr up to the blank line before the usage text. The exit code is checked too, since scripts act on it.
 */
async function cliSays(
  ctx: CatalogueContext,
  expect: ExpectStatic,
  args: readonly string[],
  expected: { exit: number; usage?: boolean; env?: Record<string, string> },
): Promise<Observation> {
  const db = join(ctx.tempDir('cli'), 'cache.sqlite');
  const run = await ctx.cli(['--db', db, ...args], expected.env);
  expect(run.status, run.stderr).toBe(expected.exit);
  expect(run.stderr.includes('Usage: npm run cli')).toBe(expected.usage ?? false);
  return { message: run.stderr.split('\n\n')[0]?.trim() ?? null };
}

/** A mistake in the command line itself: the message, then the usage text. */
const usageError = { exit: 2, usage: true };

const orgEnv = (ctx: CatalogueContext, secret: string = CLIENTS.good.secret) => ({
  GENESYS_ENVIRONMENT: ctx.sim.baseUrl,
  GENESYS_CLIENT_ID: CLIENTS.good.id,
  GENESYS_CLIENT_SECRET: secret,
});

const range = (ctx: CatalogueContext, from: number, to: number) => [
  '--from',
  ctx.day(from),
  '--to',
  ctx.day(to),
  '--tz',
  ZONE,
];

const usage = 'The terminal (stderr), followed by the usage text; exit code 2.';

export const cliCases: CatalogueCase[] = [
  {
    id: 'cli-no-command',
    area: 'CLI',
    situation: 'The CLI is started without saying what to do.',
    shown: usage,
    message: 'Say what to do: run.',
    advice: 'Start it as `npm run cli -- run --report … --from … --to …`.',
    run: (ctx, expect) => cliSays(ctx, expect, [], usageError),
  },
  {
    id: 'cli-unknown-report',
    area: 'CLI',
    situation: 'An unknown report name.',
    shown: usage,
    message: 'Unknown report "revenue". Use one of: {reports}.',
    advice: 'Use one of the listed report names.',
    run: (ctx, expect) => cliSays(ctx, expect, ['run', '--report', 'revenue', ...range(ctx, -2, -1)], usageError),
  },
  {
    id: 'cli-end-before-start',
    area: 'CLI',
    situation: '--to is before --from.',
    shown: usage,
    message: '--to ({day}) is before --from ({day}).',
    advice: 'Swap the two dates.',
    run: (ctx, expect) => cliSays(ctx, expect, ['run', '--report', 'interactions', ...range(ctx, -1, -4)], usageError),
  },
  {
    id: 'cli-bad-date',
    area: 'CLI',
    situation: 'A date written the local way (1/3/2026).',
    shown: usage,
    message: '--from "1/3/2026" is not a date like 2026-03-01.',
    advice: 'Write dates as YYYY-MM-DD.',
    run: (ctx, expect) =>
      cliSays(ctx, expect, ['run', '--report', 'interactions', '--from', '1/3/2026', '--to', ctx.day(-1)], usageError),
  },
  {
    id: 'cli-unknown-time-zone',
    area: 'CLI',
    situation: 'A misspelt time zone.',
    shown: usage,
    message: 'Unknown time zone "Europe/Lndon". Use a name like Europe/London.',
    advice: 'Use an IANA zone name such as Europe/London.',
    run: (ctx, expect) =>
      cliSays(
        ctx,
        expect,
        ['run', '--report', 'interactions', '--from', ctx.day(-2), '--to', ctx.day(-1), '--tz', 'Europe/Lndon'],
        usageError,
      ),
  },
  {
    id: 'cli-unknown-option',
    area: 'CLI',
    situation: 'A misspelt option (--colour).',
    shown: usage,
    message: "Unknown option '--colour'.",
    advice: 'Check the option against the usage text.',
    run: (ctx, expect) =>
      cliSays(ctx, expect, ['run', '--report', 'interactions', ...range(ctx, -2, -1), '--colour'], usageError),
  },
  {
    id: 'cli-missing-value',
    area: 'CLI',
    situation: 'An option that needs a value is last on the line without one.',
    shown: usage,
    message: "Option '--report <value>' argument missing",
    advice: 'Give the option its value, e.g. --report interactions.',
    run: (ctx, expect) => cliSays(ctx, expect, ['run', ...range(ctx, -2, -1), '--report'], usageError),
  },
  {
    id: 'cli-bad-export-name',
    area: 'CLI',
    situation: '--out names a file type ReportDesk does not write.',
    shown: usage,
    message: '--out must end in .csv or .xlsx (got "report.pdf").',
    advice: 'Name the file .csv or .xlsx.',
    run: (ctx, expect) =>
      cliSays(
        ctx,
        expect,
        ['run', '--report', 'interactions', ...range(ctx, -2, -1), '--out', 'report.pdf'],
        usageError,
      ),
  },
  {
    id: 'cli-unknown-media',
    area: 'CLI',
    situation: 'An unknown media type in --media.',
    shown: usage,
    message: 'Unknown media type "fax". Use one of: voice, chat, email, message, callback.',
    advice: 'Use the listed media types, separated by commas.',
    run: (ctx, expect) =>
      cliSays(ctx, expect, ['run', '--report', 'interactions', ...range(ctx, -2, -1), '--media', 'fax'], usageError),
  },
  {
    id: 'cli-no-credentials',
    area: 'CLI',
    situation: 'Neither --demo nor the GENESYS_* variables are given.',
    shown: 'The terminal (stderr); exit code 2.',
    message:
      'Set GENESYS_ENVIRONMENT (e.g. mypurecloud.ie) and GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET, or use --demo for the built-in Demo organization.',
    advice: 'Set the three variables (ask the admin for the OAuth client), or add --demo.',
    run: (ctx, expect) => cliSays(ctx, expect, ['run', '--report', 'interactions', ...range(ctx, -2, -1)], { exit: 2 }),
  },
  {
    id: 'cli-unknown-region',
    area: 'CLI',
    situation: 'GENESYS_ENVIRONMENT names a region that does not exist.',
    shown: 'The terminal (stderr); exit code 1.',
    message:
      "'mypurecloud.xx' is not a Genesys Cloud region. Pick one from the list, e.g. mypurecloud.com (Americas – US East) or mypurecloud.ie (EMEA – Dublin), or paste the address you open Genesys Cloud at, e.g. https://apps.mypurecloud.ie.",
    advice: 'Set GENESYS_ENVIRONMENT to the region of the org, e.g. mypurecloud.ie.',
    run: (ctx, expect) =>
      cliSays(ctx, expect, ['run', '--report', 'queue-performance', ...range(ctx, -2, -1)], {
        exit: 1,
        env: { ...orgEnv(ctx), GENESYS_ENVIRONMENT: 'mypurecloud.xx' },
      }),
  },
  {
    id: 'cli-wrong-secret',
    area: 'CLI',
    situation: 'GENESYS_CLIENT_SECRET is wrong.',
    shown: 'The terminal (stderr); exit code 1.',
    message:
      'The client ID or secret was not accepted by Genesys Cloud. Check both in the connection settings, and that the OAuth client uses the Client Credentials grant in this region.',
    advice: 'Copy the secret again from the OAuth client in Genesys Cloud Admin.',
    run: (ctx, expect) =>
      cliSays(ctx, expect, ['run', '--report', 'queue-performance', ...range(ctx, -2, -1)], {
        exit: 1,
        env: orgEnv(ctx, 'not-the-secret'),
      }),
  },
  {
    id: 'cli-unknown-queue',
    area: 'CLI',
    situation: '--queue names a queue the org does not have.',
    shown: 'The terminal (stderr); exit code 2.',
    message: 'No queue is called "Lost Property". Some that exist: {queues}.',
    advice: 'Use the queue name as Genesys Cloud shows it (case does not matter).',
    run: (ctx, expect) =>
      cliSays(
        ctx,
        expect,
        ['run', '--report', 'queue-performance', ...range(ctx, -2, -1), '--queue', 'Lost Property'],
        { exit: 2, env: orgEnv(ctx) },
      ),
  },
  {
    id: 'cli-offline-no-queue-list',
    area: 'CLI',
    situation: '--offline with --queue before the queue list was ever downloaded.',
    shown: 'The terminal (stderr); exit code 2.',
    message: 'No queue list is cached yet, so "Sales" cannot be found. Run once without --offline.',
    advice: 'Run once online (any range) so the queue list is cached.',
    run: (ctx, expect) =>
      cliSays(
        ctx,
        expect,
        ['run', '--report', 'queue-performance', ...range(ctx, -2, -1), '--queue', 'Sales', '--offline'],
        { exit: 2, env: orgEnv(ctx) },
      ),
  },
  {
    id: 'cli-offline-uncached',
    area: 'CLI',
    situation: '--offline for days that are not in the cache.',
    shown: 'The terminal (stderr); exit code 3.',
    message: 'Not in the cache: {days}. Connect to the internet and run it again.',
    advice: 'Run without --offline once, or choose days that were downloaded before.',
    run: (ctx, expect) =>
      cliSays(ctx, expect, ['run', '--report', 'queue-performance', ...range(ctx, -9, -7), '--offline'], {
        exit: 3,
        env: orgEnv(ctx),
      }),
  },
];
