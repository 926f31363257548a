import { describe, expect, it } from 'vitest';
import { csvDelimiterForLocale, defaultExportFileName } from '../../../main/export';

/** What Windows, macOS and Linux refuse or mangle in a file name. */
function assertPortable(name: string): void {
  // eslint-disable-next-line no-control-regex -- control characters are what is being ruled out
  expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001F]/);
  expect(name).not.toMatch(/^[.\s]|[.\s]$/);
  expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
  expect(name.length).toBeLessThanOrEqual(130);
}

describe('default export file name', () => {
  it('names the report, the days and the zone', () => {
    expect(
      defaultExportFileName({
        reportName: 'Queue performance',
        from: '2026-03-01',
        to: '2026-03-07',
        timeZone: 'Europe/London',
        format: 'xlsx',
      }),
    ).toBe('Queue performance 2026-03-01 to 2026-03-07 (Europe London).xlsx');
    expect(
      defaultExportFileName({
        reportName: 'Interactions',
        from: '2026-03-05',
        to: '2026-03-05',
        timeZone: 'America/Argentina/Buenos_Aires',
        format: 'csv',
      }),
    ).toBe('Interactions 2026-03-05 (America Argentina Buenos Aires).csv');
  });

  it.each([
    'Sales: "EMEA" <west>/north\\south|q?*',
    '..hidden',
    'CON',
    'trailing dots...',
    'tab\there\nnewline',
    '',
    'Ünïcödé ☕ report '.repeat(20),
  ])('is safe on every platform for a report called %j', (reportName) => {
    const name = defaultExportFileName({
      reportName,
      from: '2026-01-01',
      to: '2026-01-31',
      timeZone: 'UTC',
      format: 'csv',
    });
    assertPortable(name);
    expect(name).toMatch(/ 2026-01-01 to 2026-01-31 \(UTC\)\.csv$/);
  });
});

describe('CSV delimiter for a locale', () => {
  it.each([
    ['en-US', ','],
    ['en-GB', ','],
    ['de-DE', ';'],
    ['fr-FR', ';'],
    ['pt-BR', ';'],
    ['nl-NL', ';'],
    ['ja-JP', ','],
    ['not a locale!', ','],
  ] as const)('%s → %s', (locale, delimiter) => {
    expect(csvDelimiterForLocale(locale)).toBe(delimiter);
  });
});
