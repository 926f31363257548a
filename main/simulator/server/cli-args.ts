import { parseArgs } from 'node:util';
import { parseFaultSpec } from './faults';
import type { SimulatorOptions } from './options';

/** A mistake in the command line: shown as is, exit code 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

export const USAGE = `Usage: npm run sim -- [options]

Starts the Genesys Cloud simulator on 127.0.0.1 and prints one JSON line
{"baseUrl": "...", "clientId": "...", "clientSecret": "..."} before serving. Ctrl-C stops it.

Options:
  --port N               port to listen on; 0 picks a free one (default 0)
  --seed S               dataset seed: same seed, same org and conversations (default reportdesk-demo)
  --per-day N            average conversations per day (default 2000)
  --days-back D          days of history, the org's retention (default 400)
  --time-zone Area/City  the org's IANA time zone (default America/Chicago)
  --rate-limit R         requests per token per minute (default 300)
  --token-ttl SECONDS    access token lifetime (default 86400)
  --faults LIST          fault rates 0..1, e.g. 429=0.1,5xx=0.03,reset=0.01,slow=0.05,truncate=0.01
  --help                 show this text
`;

export type CliCommand = { help: true } | { help: false; options: Partial<SimulatorOptions> };

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        'per-day': { type: 'string' },
        'days-back': { type: 'string' },
        'time-zone': { type: 'string' },
        'rate-limit': { type: 'string' },
        'token-ttl': { type: 'string' },
        faults: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliUsageError(`${reason}\nRun with --help to see the options.`);
  }
  if (values.help === true) return { help: true };

  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const options: Partial<SimulatorOptions> = { settings: {}, limits: {} };
  const settings = options.settings ?? {};
  const limits = options.limits ?? {};

  const port = wholeNumber(text('port'), '--port', 0, 65_535);
  if (port !== undefined) options.port = port;
  const seed = text('seed');
  if (seed !== undefined) {
    if (seed === '') throw new CliUsageError('--seed must not be empty.');
    settings.seed = seed;
  }
  const perDay = wholeNumber(text('per-day'), '--per-day', 1, 1_000_000);
  if (perDay !== undefined) settings.perDay = perDay;
  const daysBack = wholeNumber(text('days-back'), '--days-back', 1, 3650);
  if (daysBack !== undefined) settings.daysBack = daysBack;
  const timeZone = text('time-zone');
  if (timeZone !== undefined) settings.timeZone = checkTimeZone(timeZone);
  const rate = wholeNumber(text('rate-limit'), '--rate-limit', 1, 1_000_000);
  if (rate !== undefined) limits.requestsPerMinute = rate;
  const ttl = wholeNumber(text('token-ttl'), '--token-ttl', 1, 31_536_000);
  if (ttl !== undefined) limits.tokenTtlSeconds = ttl;
  const faults = text('faults');
  if (faults !== undefined) {
    try {
      options.faults = parseFaultSpec(faults);
    } catch (error) {
      throw new CliUsageError(`--faults: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { help: false, options };
}

function wholeNumber(raw: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new CliUsageError(`${flag} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new CliUsageError(`--time-zone "${zone}" is not an IANA time zone such as Europe/Berlin or America/Chicago.`);
  }
  return zone;
}
