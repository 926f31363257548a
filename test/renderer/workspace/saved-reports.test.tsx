import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OperationInput } from '../../../preload/contract/operations';
import type { SavedReport } from '../../../preload/contract/workspace-types';
import { App } from '../../../renderer/src/App';
import { resolvePreset } from '../../../renderer/src/dates/presets';
import { formatMoment } from '../../../renderer/src/format/datetime';
import { useGridStore } from '../../../renderer/src/state/grid-store';
import { installWorkspaceCore } from '../support/fake-core';
import { Screen } from '../support/render';
import { resetStores } from '../support/stores';

const NOW = Date.UTC(2026, 5, 17, 9);
const ZONE = 'Europe/London';

function savedReport(change: Partial<SavedReport> = {}): SavedReport {
  return {
    id: 'weekly',
    name: 'Weekly queues',
    params: {
      report: 'queue-performance',
      connectionId: 'demo',
      from: '2026-05-25',
      to: '2026-05-31',
      timeZone: ZONE,
      granularity: 'P1D',
      filters: { queueIds: ['q-billing', 'q-sales'] },
    },
    preset: 'last-week',
    columns: ['queue', 'offered', 'serviceLevel'],
    sort: { column: 'offered', direction: 'desc' },
    columnFilters: [{ kind: 'number', column: 'offered', min: 10 }],
    createdAt: 1,
    updatedAt: 1,
    lastRun: { at: Date.UTC(2026, 5, 1, 7, 30), state: 'done', completeUpTo: Date.UTC(2026, 5, 1, 6) },
    ...change,
  };
}

describe('saved reports', () => {
  let screen: Screen;
  let fake: ReturnType<typeof installWorkspaceCore>;
  let list: SavedReport[];

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    resetStores();
    list = [savedReport()];
    fake = installWorkspaceCore({
      'saved/list': () => list,
      'saved/rename': (input) => {
        const { id, name } = input as { id: string; name: string };
        list = list.map((item) => (item.id === id ? { ...item, name } : item));
        return list.find((item) => item.id === id)!;
      },
      'saved/duplicate': () => {
        const copy = { ...savedReport(), id: 'copy', name: 'Weekly queues (copy)' };
        list = [...list, copy];
        return copy;
      },
      'saved/delete': (input) => (list = list.filter((item) => item.id !== (input as { id: string }).id)),
      'reports/run': () => new Promise(() => undefined),
    });
    screen = new Screen();
    await screen.render(<App />);
    await screen.flush();
  });
  afterEach(() => {
    screen.unmount();
    fake.remove();
    vi.useRealTimers();
  });

  const item = (id: string) => screen.container.querySelector(`[data-saved-id="${id}"]`);

  it('lists each saved report with its kind, relative range, last run and how complete that was', () => {
    expect(item('weekly')?.textContent).toContain('Weekly queues');
    expect(item('weekly')?.textContent).toContain('Queue performance · Last week');
    expect(item('weekly')?.textContent).toContain(
      `Last run ${formatMoment(Date.UTC(2026, 5, 1, 7, 30), ZONE)} (complete) · data complete up to ${formatMoment(Date.UTC(2026, 5, 1, 6), ZONE)}`,
    );
  });

  it('runs a saved report with its range moved to this week’s “last week”, its filters, and its grid view', async () => {
    await screen.click('Run Weekly queues');
    const input = fake.calls.find((call) => call.name === 'reports/run')?.input as OperationInput<'reports/run'>;
    expect(input.params).toMatchObject({
      report: 'queue-performance',
      ...resolvePreset('last-week', ZONE, NOW),
      filters: { queueIds: ['q-billing', 'q-sales'] },
    });
    expect(useGridStore.getState().sort).toEqual({ column: 'offered', direction: 'desc' });
    expect(useGridStore.getState().filters).toEqual([{ kind: 'number', column: 'offered', min: 10 }]);
    expect(screen.control<HTMLInputElement>('Queue performance').checked).toBe(true);
  });

  it('renames, duplicates and deletes (after asking)', async () => {
    await screen.click('Rename Weekly queues');
    await screen.type('New name for Weekly queues', 'Monday queues');
    await screen.click('Rename');
    expect(item('weekly')?.querySelector('.saved-name')?.textContent).toBe('Monday queues');

    await screen.click('Duplicate Monday queues');
    expect(item('copy')?.textContent).toContain('Weekly queues (copy)');

    await screen.click('Delete Monday queues');
    expect(item('weekly')?.textContent).toContain('Delete this saved report?');
    await screen.click('Keep');
    expect(item('weekly')).not.toBeNull();
    await screen.click('Delete Monday queues');
    await screen.click('Delete');
    expect(item('weekly')).toBeNull();
    expect(fake.calls.filter((call) => call.name === 'saved/delete')).toHaveLength(1);
  });

  it('saves the form with its relative preset, columns, and the grid’s sort and filters', async () => {
    await screen.check('Queue performance');
    await screen.choose('Date range', 'last-7-days');
    act(() => useGridStore.getState().setView({ column: 'offered', direction: 'asc' }, []));
    await screen.click('Save report…');
    expect(screen.control<HTMLInputElement>('Report name').value).toBe('Queue performance – last 7 days');
    await screen.type('Report name', 'Seven days');
    await screen.click('Save');
    const input = fake.calls.find((call) => call.name === 'saved/save')?.input as OperationInput<'saved/save'>;
    expect(input).toMatchObject({
      name: 'Seven days',
      preset: 'last-7-days',
      params: { report: 'queue-performance', ...resolvePreset('last-7-days', ZONE, NOW) },
      sort: { column: 'offered', direction: 'asc' },
      columnFilters: [],
    });
    expect(input.columns.length).toBeGreaterThan(0);
    expect(screen.text).toContain('Saved “Seven days”.');
  });

  it('updates the list when the core says saved reports changed elsewhere', () => {
    act(() => fake.emit('saved/changed', [savedReport({ id: 'other', name: 'From the CLI', lastRun: null })]));
    expect(item('weekly')).toBeNull();
    expect(item('other')?.textContent).toContain('Not run yet');
  });
});
