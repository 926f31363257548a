/**
 * `npm run cli -- run …`: the reports without the app, for admins and scheduled jobs (and our tests). Exit codes:
 * 0 done, 1 failed, 2 usage error, 3 offline and the cache lacks part of the range, 130 cancelled (Ctrl-C).
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { openCache } from '../cache';
import { toErrorInfo } from '../core/errors';
import { parseCli, USAGE, UsageError } from './args';
import { cliConnection } from './connection';
import { ProgressBar } from './progress-bar';
import { runCommand } from './run-command';

const EXIT = { done: 0, failed: 1, usage: 2, 'offline-missing': 3, cancelled: 130 } as const;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let command;
  try {
    command = parseCli(argv, Intl.DateTimeFormat().resolvedOptions().timeZone);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  const file = command.db ?? join(homedir(), '.reportdesk', 'cli-cache.sqlite');
  mkdirSync(dirname(file), { recursive: true });
  const cache = openCache({ file });
  if (cache.recovered) process.stderr.write(`${cache.recovered.message}\n`);
  let connection;
  try {
    connection = cliConnection(command.demo, process.env, command.offline);
    const summary = await runCommand(command, {
      cache,
      connection,
      bar: new ProgressBar(),
      write: (text) => process.stdout.write(text),
    });
    if (command.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else if (summary.state === 'done') {
      const source = summary.fromCache ? 'from the cache' : `${summary.requests} requests to Genesys Cloud`;
      process.stderr.write(
        `${summary.rows} rows, ${source}, ${summary.seconds} s.${summary.file ? ` Saved ${summary.file}.` : ''}\n`,
      );
    }
    if (summary.message) process.stderr.write(`${summary.message}\n`);
    return EXIT[summary.state];
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    const info = toErrorInfo(error);
    process.stderr.write(`${info.message}\n`);
    if (info.code === 'internal')
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failed;
  } finally {
    await connection?.close();
    cache.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
