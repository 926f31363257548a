import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../../main/cli/args';

const parse = (text: string) => parseCli(text.split(' ').filter(Boolean), 'Europe/London');
const failure = (text: string): string => {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${text}`);
};

describe('the CLI arguments', () => {
  it('reads a full run command', () => {
    expect(
      parse(
        'run --report queue-performance --from 2026-03-01 --to 2026-03-07 --tz America/Chicago --granularity PT30M --queue Sales --queue Support --media voice,chat --db /tmp/x.sqlite --offline --json',
      ),
    ).toMatchObject({
      report: 'queue-performance',
      from: '2026-03-01',
      to: '2026-03-07',
      timeZone: 'America/Chicago',
      granularity: 'PT30M',
      queues: ['Sales', 'Support'],
      media: ['voice', 'chat'],
      db: '/tmp/x.sqlite',
      offline: true,
      json: true,
    });
  });

  it('defaults the zone to the computer’s and the granularity to a day', () => {
    expect(parse('run --report interactions --from 2026-03-01 --to 2026-03-01')).toMatchObject({
      timeZone: 'Europe/London',
      granularity: 'P1D',
      offline: false,
      queues: [],
    });
  });

  it.each([
    ['run --report nope --from 2026-03-01 --to 2026-03-02', 'Unknown report "nope"'],
    ['run --report interactions --from 2026-02-30 --to 2026-03-02', '--from "2026-02-30" is not a date'],
    ['run --report interactions --from 01/03/2026 --to 2026-03-02', 'is not a date like 2026-03-01'],
    ['run --report interactions --from 2026-03-05 --to 2026-03-02', 'is before --from'],
    [
      'run --report interactions --from 2026-03-01 --to 2026-03-02 --tz Mars/Olympus',
      'Unknown time zone "Mars/Olympus"',
    ],
    ['run --report interactions --from 2026-03-01 --to 2026-03-02 --granularity PT5M', 'Unknown granularity "PT5M"'],
    ['run --report interactions --from 2026-03-01 --to 2026-03-02 --media fax', 'Unknown media type "fax"'],
    ['run --report interactions --from 2026-03-01 --to 2026-03-02 --out report.pdf', '--out must end in .csv or .xlsx'],
    ['run --report interactions --from 2026-03-01', 'Missing --from or --to'],
    ['run --from 2026-03-01 --to 2026-03-02', 'Missing --report'],
    ['fetch --report interactions', 'Unknown command "fetch"'],
    ['run --report interactions --from 2026-03-01 --to 2026-03-02 --colour', "Unknown option '--colour'"],
  ])('%s → %s', (command, message) => {
    expect(failure(command)).toContain(message);
  });

  it('lets live queues leave out the dates', () => {
    expect(parse('run --report live-queues').from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
