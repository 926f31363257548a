/**
 * Columns and rows for export tests, and the ground truth to compare files with. The expected texts are computed
 * independently of main/export: datetimes through Intl's Swedish format (which is ISO-like "yyyy-mm-dd hh:mm:ss"),
 * not through the exporter's own zone clock.
 */
import type { CellValue, ColumnFormat, ReportColumn, ReportRow } from '../../../../preload/contract/reports';
import type { ExportAbout, ExportOptions } from '../../../../main/export';

export const column = (id: string, header: string, format: ColumnFormat): ReportColumn => ({
  id,
  header,
  format,
  defaultVisible: true,
  sortable: true,
});

/** One column of every format, in a deliberately mixed order. */
export const COLUMNS: ReportColumn[] = [
  column('conversationId', 'Conversation', 'id'),
  column('start', 'Start', 'datetime'),
  column('queue', 'Queue', 'text'),
  column('agent', 'Agent', 'text'),
  column('ani', 'Caller', 'phone'),
  column('handle', 'Handle time', 'duration'),
  column('serviceLevel', 'Service level', 'percent'),
  column('offered', 'Offered', 'count'),
  column('score', 'Average score', 'number'),
  column('end', 'End', 'datetime'),
];

export const ABOUT: ExportAbout = {
  reportName: 'Queue performance',
  filters: ['Queues: Sales, Support', 'Media: Voice'],
  interval: '2026-03-01 to 2026-03-07',
  granularity: '1 hour',
  fetchedAt: Date.UTC(2026, 2, 8, 9, 15, 2),
  completeUpTo: Date.UTC(2026, 2, 8, 9, 0, 0),
  appVersion: '9.8.7-test',
};

export const optionsFor = (overrides: Partial<ExportOptions> = {}): ExportOptions => ({
  timeZone: 'Europe/London',
  durationFormat: 'hms',
  delimiter: ',',
  ...overrides,
});

const LONDON_SPRING_FORWARD = Date.UTC(2026, 2, 29, 1, 0, 0);
const LONDON_FALL_BACK = Date.UTC(2026, 9, 25, 1, 0, 0);

/** Text that has broken CSV exports and spreadsheets before. */
export const NASTY_TEXTS = [
  '=HYPERLINK("http://evil.example","click")',
  '+1 (415) 555-0100',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  '=1+1;=2+2',
  'Smith, John',
  'Ventes; Marseille',
  'He said "hello"',
  'line one\nline two',
  'line one\r\nline two',
  'Ren\u00e9e M\u00fcller-\u00c5str\u00f6m',
  'Zo\u00eb \u2615\ud83d\ude00 Nakamura',
  '  padded  ',
  '',
  '0042',
  '1e10',
  '1/2',
  'TRUE',
  "'already quoted",
  '\uFF1DSUM(1)',
];

/** Ids and phone numbers that a careless writer turns into numbers. */
export const NASTY_IDS = ['00123', '0044 20 7946 0000', '+441632960000', '12345678901234567890', '1.50', '-5', '=1'];

/** Rows covering every nasty text and id, DST edges, long and zero durations, negatives, blanks and booleans. */
export function adversarialRows(): ReportRow[] {
  const rows: ReportRow[] = [];
  const count = Math.max(NASTY_TEXTS.length, NASTY_IDS.length);
  for (let i = 0; i < count; i++) {
    rows.push({
      conversationId: NASTY_IDS[i % NASTY_IDS.length]!,
      start: [LONDON_SPRING_FORWARD - 1000, LONDON_SPRING_FORWARD, LONDON_FALL_BACK - 1, LONDON_FALL_BACK + 999][
        i % 4
      ]!,
      queue: NASTY_TEXTS[i]!,
      agent: NASTY_TEXTS[(i + 7) % NASTY_TEXTS.length]!,
      ani: NASTY_IDS[(i + 3) % NASTY_IDS.length]!,
      handle: [0, 499, 500, 1500, 59_999, 86_400_000 + 3_723_000, 360_000_000_123][i % 7]!,
      serviceLevel: [0, 1, 0.875, 0.07, 1 / 3, 0.123456789][i % 6]!,
      offered: [-5, 0, 7, 1_234_567, -1][i % 5]!,
      score: [-2.5, 0, 1.5, 1 / 7, 1e-7, 123_456.789][i % 6]!,
      end: i % 5 === 0 ? null : LONDON_SPRING_FORWARD + i * 3_600_000 + 123,
    });
  }
  rows.push({ conversationId: null, start: null, queue: null, agent: 'blank row', ani: null, handle: null });
  return rows;
}

/** Deterministic ordinary rows spread over a year, so the zone offset changes along the way. */
export function ordinaryRows(count: number, seed = 1): ReportRow[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return Array.from({ length: count }, (_, i) => {
    const start = Date.UTC(2026, 0, 1) + Math.floor(next() * 365 * 86_400_000);
    return {
      conversationId: `c${i.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-${Math.floor(next() * 1e12)}`,
      start,
      queue: `Queue ${Math.floor(next() * 12)}`,
      agent: `Agent ${Math.floor(next() * 300)}`,
      ani: `+4420${Math.floor(next() * 1e8)}`,
      handle: Math.floor(next() * 3_600_000),
      serviceLevel: Math.floor(next() * 1000) / 1000,
      offered: Math.floor(next() * 500),
      score: Math.round(next() * 10_000) / 100,
      end: start + Math.floor(next() * 7_200_000),
    };
  });
}

const isoFormatters = new Map<string, Intl.DateTimeFormat>();

/** Ground truth for a datetime cell: the zone's clock reading as "yyyy-mm-dd hh:mm:ss", by Intl. */
export function wallClockText(epochMs: number, timeZone: string): string {
  let formatter = isoFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    isoFormatters.set(timeZone, formatter);
  }
  return formatter.format(epochMs);
}

/** The same reading as "local time written as UTC" ms, which is what an Excel date holds. */
export function wallClockMs(epochMs: number, timeZone: string): number {
  return Date.parse(`${wallClockText(epochMs, timeZone).replace(' ', 'T')}Z`);
}

export const roundedSeconds = (ms: number): number => Math.round(ms / 1000);

/** Hours, minutes and seconds of a whole number of seconds, e.g. 98000 → "27:13:20". */
export function hoursMinutesSeconds(totalSeconds: number, padHours = true): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${padHours ? two(h) : String(h)}:${two(m)}:${two(s)}`;
}

export const cell = (row: ReportRow, id: string): CellValue => row[id] ?? null;
