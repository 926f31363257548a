import { parseArgs } from 'node:util';
import { GRANULARITIES, REPORT_IDS, type Granularity, type ReportId } from '../../preload/contract/reports';
import { isKnownTimeZone } from '../../preload/contract/zones';

export interface RunCommand {
  command: 'run';
  report: ReportId;
  from: string;
  to: string;
  timeZone: string;
  granularity: Granularity;
  /** Queue names as the admin typed them; resolved against the org's queues. */
  queues: string[];
  media: ('voice' | 'chat' | 'email' | 'message' | 'callback')[];
  db: string | undefined;
  offline: boolean;
  refresh: boolean;
  json: boolean;
  demo: boolean;
  out: string | undefined;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: npm run cli -- run --report <${REPORT_IDS.join('|')}>
         --from YYYY-MM-DD --to YYYY-MM-DD [--tz Area/City]
         [--granularity ${GRANULARITIES.join('|')}] [--queue NAME]... [--media voice,chat,...]
         [--db PATH] [--offline] [--refresh] [--json] [--out FILE.csv|FILE.xlsx] [--demo]

--from and --to are days in --tz (default: this computer's zone), both included.
Credentials come from GENESYS_ENVIRONMENT (a region such as mypurecloud.ie, or a base URL),
GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET; --demo uses the built-in Demo organization instead.
--offline answers from the cache only and never touches the network.`;

const MEDIA = ['voice', 'chat', 'email', 'message', 'callback'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(text: string): boolean {
  return DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Unknown ${what} "${value}". Use one of: ${values.join(', ')}.`);
}

/**
 * Node's parseArgs wording, minus its advice for unknown options (put positionals after "--"): an unknown option
 * here is a typo, and the usage printed below the message lists the real ones.
 */
function parseArgsProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `${message.split('. To specify')[0] ?? message}.` : message;
}

/** Parses `run …` into a checked command; every mistake is a UsageError with a plain message. */
export function parseCli(argv: readonly string[], defaultZone: string): RunCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        report: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        tz: { type: 'string' },
        granularity: { type: 'string' },
        queue: { type: 'string', multiple: true },
        media: { type: 'string' },
        db: { type: 'string' },
        out: { type: 'string' },
        offline: { type: 'boolean' },
        refresh: { type: 'boolean' },
        json: { type: 'boolean' },
        demo: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(parseArgsProblem(error));
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== 'run' || positionals.length > 1) {
    throw new UsageError(
      positionals.length === 0 ? 'Say what to do: run.' : `Unknown command "${positionals.join(' ')}".`,
    );
  }
  if (!values.report) throw new UsageError('Missing --report.');
  const report = oneOf(REPORT_IDS, values.report, 'report');
  const timeZone = values.tz ?? defaultZone;
  if (!isKnownTimeZone(timeZone))
    throw new UsageError(`Unknown time zone "${timeZone}". Use a name like Europe/London.`);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const from = values.from ?? (report === 'live-queues' ? today : undefined);
  const to = values.to ?? (report === 'live-queues' ? today : undefined);
  if (!from || !to) throw new UsageError('Missing --from or --to (days like 2026-03-01).');
  for (const [flag, day] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!isRealDay(day)) throw new UsageError(`${flag} "${day}" is not a date like 2026-03-01.`);
  }
  if (to < from) throw new UsageError(`--to (${to}) is before --from (${from}).`);
  if (values.out && !/\.(csv|xlsx)$/i.test(values.out)) {
    throw new UsageError(`--out must end in .csv or .xlsx (got "${values.out}").`);
  }
  const media = (values.media ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean)
    .map((m) => oneOf(MEDIA, m, 'media type'));
  return {
    command: 'run',
    report,
    from,
    to,
    timeZone,
    granularity: values.granularity ? oneOf(GRANULARITIES, values.granularity, 'granularity') : 'P1D',
    queues: values.queue ?? [],
    media,
    db: values.db,
    offline: values.offline ?? false,
    refresh: values.refresh ?? false,
    json: values.json ?? false,
    demo: values.demo ?? false,
    out: values.out,
  };
}
