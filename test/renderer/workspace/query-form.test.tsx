import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportParams } from '../../../preload/contract/report-params';
import type { SavedReport } from '../../../preload/contract/workspace-types';
import { App } from '../../../renderer/src/App';
import { addDays } from '../../../renderer/src/dates/civil-day';
import { resolvePreset } from '../../../renderer/src/dates/presets';
import { todayIn } from '../../../renderer/src/dates/zoned-time';
import { RETENTION_DAYS } from '../../../renderer/src/query/retention';
import { installWorkspaceCore } from '../support/fake-core';
import { Screen } from '../support/render';
import { QUEUES } from '../support/reports';
import { resetStores } from '../support/stores';

// Wednesday 17 June 2026, 10:00 in London.
const NOW = Date.UTC(2026, 5, 17, 9);

describe('the query builder', () => {
  let screen: Screen;
  let fake: ReturnType<typeof installWorkspaceCore>;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    resetStores();
    screen = new Screen();
  });
  afterEach(() => {
    screen.unmount();
    fake.remove();
    vi.useRealTimers();
  });

  async function open(report = 'Interactions', overrides: Parameters<typeof installWorkspaceCore>[0] = {}) {
    fake = installWorkspaceCore(overrides);
    await screen.render(<App />);
    await screen.check(report);
    await screen.flush();
  }

  const runCalls = () => fake.calls.filter((call) => call.name === 'reports/run');

  it('lists every report with the question it answers', async () => {
    await open();
    const picker = screen.container.querySelector('[data-testid="report-picker"]')!;
    expect([...picker.querySelectorAll('.report-name')].map((n) => n.textContent)).toEqual([
      'Interactions',
      'Queue performance',
      'Live queues',
    ]);
    expect(picker.textContent).toContain('how fast it answered');
    expect(screen.control('Interactions').getAttribute('aria-describedby')).toBeTruthy();
  });

  it('builds the form from the report: interval and filters where they apply, conditions for Interactions', async () => {
    await open('Interactions');
    expect(() => screen.control('Interval')).toThrow();
    const legends = [...screen.container.querySelectorAll('legend')].map((legend) => legend.textContent);
    expect(legends).toEqual(
      expect.arrayContaining([
        'Queues',
        'Agents',
        'Media types',
        'Direction',
        'Wrap-up codes',
        'Divisions',
        'Conditions',
      ]),
    );
    // Long lists load when opened, not with the form.
    expect(fake.calls.some((call) => call.name === 'reference/list')).toBe(false);
    await screen.click('Choose agents');
    expect(fake.calls.find((call) => call.name === 'reference/list')?.input).toEqual({
      connectionId: 'demo',
      kind: 'user',
    });
    expect(screen.text).toContain('Bo Chen');
    expect(screen.text).toContain('deleted');

    await screen.check('Queue performance');
    const interval = screen.control<HTMLSelectElement>('Interval');
    expect([...interval.options].map((option) => option.text)).toEqual([
      '30 minutes',
      'Hour',
      'Day',
      'Week',
      'Month',
      'Total for the range',
    ]);
    expect(interval.value).toBe('P1D');
    const filters = [...screen.container.querySelectorAll('.filters legend')].map((legend) => legend.textContent);
    expect(filters).toEqual(['Queues', 'Media types']);
    expect(screen.text).not.toContain('Add condition');
  });

  it('says beside the dates when the end is before the start, and does not run', async () => {
    await open();
    await screen.choose('Date range', 'custom');
    await screen.type('From', '2026-06-10');
    await screen.type('To', '2026-06-08');
    expect(screen.errorFor('To')).toBe(
      'The end date is before the start date. Choose an end on or after Wed 10 Jun 2026.',
    );
    expect(screen.control('To').getAttribute('aria-invalid')).toBe('true');
    await screen.click('Run report');
    expect(runCalls()).toEqual([]);
    expect(document.activeElement).toBe(screen.control('To'));
  });

  it('refuses a range in the future and one that ends after today', async () => {
    await open();
    await screen.choose('Date range', 'custom');
    await screen.type('From', '2026-06-20');
    await screen.type('To', '2026-06-21');
    expect(screen.errorFor('Date range')).toBe(
      'This range is in the future, so there is no data for it yet. Today is Wed 17 Jun 2026 in Europe/London.',
    );
    await screen.type('From', '2026-06-15');
    expect(screen.errorFor('Date range')).toBeNull();
    expect(screen.errorFor('To')).toBe(
      'The end date is after today (Wed 17 Jun 2026 in Europe/London). Choose today or an earlier day.',
    );
  });

  it('warns before asking for days Genesys no longer keeps', async () => {
    await open();
    const today = todayIn('Europe/London', NOW);
    await screen.choose('Date range', 'custom');
    await screen.type('From', addDays(today, -RETENTION_DAYS - 1));
    await screen.type('To', addDays(today, -RETENTION_DAYS + 5));
    expect(screen.errorFor('Date range')).toContain('Genesys Cloud keeps interaction data for a limited time');
    await screen.type('From', addDays(today, -RETENTION_DAYS));
    expect(screen.errorFor('Date range')).toBeNull();
  });

  it('points out a saved filter value that no longer exists, and removes it on request', async () => {
    const saved: SavedReport = {
      id: 's1',
      name: 'Old queues',
      params: { ...baseParams('queue-performance'), filters: { queueIds: ['q-billing', 'q-gone'] } },
      preset: 'last-week',
      columns: ['intervalStart', 'queue', 'offered'],
      sort: null,
      columnFilters: [],
      createdAt: 1,
      updatedAt: 1,
      lastRun: null,
    };
    await open('Interactions', { 'saved/list': () => [saved] });
    await screen.click('Run Old queues');
    await screen.flush();
    expect(runCalls()).toEqual([]);
    expect(screen.text).toContain(
      '“Old queues” cannot run yet: One selected queue no longer exists in this organisation.',
    );
    const queues = [...screen.container.querySelectorAll('fieldset')].find(
      (f) => f.querySelector('legend')?.textContent === 'Queues',
    )!;
    expect(queues.querySelector('.field-error')?.textContent).toBe(
      'One selected queue no longer exists in this organisation. Remove it to run the report.',
    );
    expect(queues.textContent).toContain('Unknown queue (no longer exists)');
    await screen.click('Remove the missing queue');
    expect(queues.querySelector('.field-error')).toBeNull();
    expect(queues.textContent).toContain('Billing – Voice');
    await screen.click('Run report');
    expect((runCalls()[0]?.input as { params: ReportParams }).params.filters).toEqual({ queueIds: ['q-billing'] });
  });

  it('asks for at least one column', async () => {
    await open();
    for (const label of ['Start', 'Media', 'Queue', 'From', 'Talk', 'Abandoned']) await screen.check(label);
    expect(screen.text).toContain('Choose at least one column to show.');
    await screen.click('Reset columns to default');
    expect(screen.text).not.toContain('Choose at least one column to show.');
  });

  it('checks condition values in plain words once Run is pressed, and sends them in the contract’s units', async () => {
    await open();
    await screen.click('Add condition');
    expect(screen.text).not.toContain('Enter a value.');
    await screen.click('Run report');
    expect(screen.errorFor('Condition 1: value in minutes')).toBe('Enter a value.');
    await screen.type('Condition 1: value in minutes', 'ten');
    expect(screen.errorFor('Condition 1: value in minutes')).toBe('Enter a number.');
    await screen.type('Condition 1: value in minutes', '10');
    await screen.click('Add condition');
    await screen.choose('Condition 2: field', 'ani');
    await screen.choose('Condition 2: comparison', 'startsWith');
    await screen.type('Condition 2: value', '+1312');
    await screen.choose('Show interactions that match', 'any');
    await screen.click('Run report');
    expect((runCalls()[0]?.input as { params: ReportParams }).params.conditions).toEqual({
      match: 'any',
      rules: [
        { field: 'talk', op: 'gt', value: 600_000 },
        { field: 'ani', op: 'startsWith', value: '+1312' },
      ],
    });
  });

  it('runs Queue performance for last week by day for two queues, with the days resolved in the chosen zone', async () => {
    await open('Queue performance', { 'reports/run': () => new Promise(() => undefined) });
    await screen.choose('Date range', 'last-week');
    await screen.click('Choose queues');
    await screen.check(QUEUES[0]!.name);
    await screen.check(QUEUES[1]!.name);
    await screen.click('Run report');
    const week = resolvePreset('last-week', 'Europe/London', NOW);
    expect(runCalls()[0]?.input).toMatchObject({
      params: {
        report: 'queue-performance',
        connectionId: 'demo',
        ...week,
        timeZone: 'Europe/London',
        granularity: 'P1D',
        filters: { queueIds: ['q-billing', 'q-sales'] },
      },
      refresh: false,
    });
    expect(screen.text).toContain('Starting the report…');
  });

  it('remembers a time zone chosen in the form as the default', async () => {
    await open();
    await screen.choose('Time zone', 'Asia/Tokyo');
    expect(fake.calls.find((call) => call.name === 'settings/update')?.input).toEqual({ timeZone: 'Asia/Tokyo' });
  });

  it('shows the Genesys request for admins, as text', async () => {
    await open('Interactions', {
      'reports/request': () => '<b>POST</b> /api/v2/analytics/conversations/details/query',
    });
    await screen.check('Show request (for admins)');
    await screen.flush();
    const pre = screen.container.querySelector('pre')!;
    expect(pre.textContent).toBe('<b>POST</b> /api/v2/analytics/conversations/details/query');
    expect(pre.querySelector('b')).toBeNull();
  });
});

function baseParams(report: ReportParams['report']): ReportParams {
  return {
    report,
    connectionId: 'demo',
    from: '2026-06-08',
    to: '2026-06-14',
    timeZone: 'Europe/London',
    granularity: 'P1D',
    filters: {},
  };
}

describe('date presets in the form across a clock change', () => {
  let screen: Screen;
  let fake: ReturnType<typeof installWorkspaceCore>;
  afterEach(() => {
    screen.unmount();
    fake.remove();
    vi.useRealTimers();
  });

  async function openAt(now: number, zone: string) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    resetStores();
    screen = new Screen();
    fake = installWorkspaceCore({}, { timeZone: zone });
    await screen.render(<App />);
    await screen.flush();
  }
  const summary = () => screen.container.querySelector('[data-testid="range-summary"]')?.textContent;

  it('shows London’s last week, with its 23-hour Sunday, just after midnight on the night the clocks go forward', async () => {
    await openAt(Date.UTC(2026, 2, 29, 23, 30), 'Europe/London'); // 00:30 BST, Monday 30 March
    await screen.choose('Date range', 'last-week');
    expect(summary()).toBe('Mon 23 Mar – Sun 29 Mar 2026 · Sun 29 Mar 2026 has 23 hours (clocks change)');
    await screen.choose('Date range', 'this-week');
    expect(summary()).toBe('Mon 30 Mar 2026');
    await screen.choose('Date range', 'today');
    expect(summary()).toBe('Mon 30 Mar 2026');
  });

  it('switches to New York’s calendar when the zone changes, where it is still Sunday', async () => {
    await openAt(Date.UTC(2026, 2, 29, 23, 30), 'Europe/London');
    await screen.choose('Time zone', 'America/New_York'); // 19:30 EDT on Sunday 29 March
    await screen.choose('Date range', 'last-week');
    expect(summary()).toBe('Mon 16 Mar – Sun 22 Mar 2026');
    await screen.choose('Date range', 'this-week');
    expect(summary()).toBe('Mon 23 Mar – Sun 29 Mar 2026');
  });

  it('includes New York’s 23-hour day in the week after its own clock change', async () => {
    await openAt(Date.UTC(2026, 2, 9, 4, 30), 'America/New_York'); // 00:30 EDT, Monday 9 March
    await screen.choose('Date range', 'last-week');
    expect(summary()).toBe('Mon 2 Mar – Sun 8 Mar 2026 · Sun 8 Mar 2026 has 23 hours (clocks change)');
  });

  it('shows the 25-hour Sunday when London’s clocks go back, and stays in that week until midnight', async () => {
    await openAt(Date.UTC(2026, 9, 25, 23, 30), 'Europe/London'); // 23:30 GMT, still Sunday 25 October
    await screen.choose('Date range', 'this-week');
    expect(summary()).toBe('Mon 19 Oct – Sun 25 Oct 2026 · Sun 25 Oct 2026 has 25 hours (clocks change)');
    await screen.click('Run report');
    expect(fake.calls.find((call) => call.name === 'reports/run')?.input).toMatchObject({
      params: { from: '2026-10-19', to: '2026-10-25', timeZone: 'Europe/London' },
    });
  });
});
