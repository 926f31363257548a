import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageIdentity } from '../../../main/core/app-info';
import { createCore, type Core } from '../../../main/core/core';
import type { OperationName } from '../../../preload/contract/names';
import type { OperationInput, OperationResult } from '../../../preload/contract/operations';
import type { ReportParamsInput } from '../../../preload/contract/report-params';
import type { EventPayloads } from '../../../preload/contract/types';
import { makeTempDir } from '../../support/temp-dir';
import { REPO_ROOT } from '../../support/test-core';

/** The whole workspace path a supervisor uses, through the contract, against the in-process Demo organization. */
describe('the workspace on the Demo organization', () => {
  const data = makeTempDir('workspace');
  const exportsDir = makeTempDir('exports');
  let core: Core;
  const progress: EventPayloads['run/progress'][] = [];
  const logged: string[] = [];

  async function call<N extends OperationName>(name: N, input?: OperationInput<N>): Promise<OperationResult<N>> {
    const answer = await core.dispatch(name, input);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}\n${logged.join('\n')}`);
    return answer.value as OperationResult<N>;
  }

  const day = (offsetDays: number): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(Date.now() + offsetDays * 86_400_000);
  const params = (report: ReportParamsInput['report'], from: string, to: string): ReportParamsInput => ({
    report,
    connectionId: 'demo',
    from,
    to,
    timeZone: 'America/Chicago',
    granularity: 'P1D',
    filters: {},
  });
  const view = { page: { size: 100 } };

  beforeAll(() => {
    core = createCore({
      dataDir: data.path,
      identity: packageIdentity(resolve(REPO_ROOT, 'package.json'), 'Node (tests)'),
      log: (message) => logged.push(message),
      demo: { perDay: 300, requestsPerMinute: 6000 },
      chooseExportFile: (name) => Promise.resolve(join(exportsDir.path, name)),
    });
    core.events.subscribe((event, payload) => {
      if (event === 'run/progress') progress.push(payload as EventPayloads['run/progress']);
    });
  });
  afterAll(async () => {
    await core.close();
    data.remove();
    exportsDir.remove();
  });

  it('lists the five reports and the demo queues by name', async () => {
    const reports = await call('reports/list');
    expect(reports.map((r) => r.id)).toEqual([
      'interactions',
      'queue-performance',
      'agent-performance',
      'wrapup-performance',
      'live-queues',
    ]);
    const queues = await call('reference/list', { connectionId: 'demo', kind: 'queue' });
    expect(queues.length).toBeGreaterThanOrEqual(10);
    expect(queues[0]?.name).not.toMatch(/^[0-9a-f-]{36}$/);
  });

  it('runs Queue performance for the last week, shows named rows with totals, then serves it from the cache', async () => {
    const p = params('queue-performance', day(-8), day(-2));
    const first = await call('reports/run', { requestId: 'qp-1', params: p });
    expect(first).toMatchObject({ state: 'done', fromCache: false });
    expect(first.requests).toBeGreaterThan(0);
    expect(progress.some((event) => event.requestId === 'qp-1')).toBe(true);
    const page = await call('reports/page', { params: p, view });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.totals).not.toBeNull();
    const again = await call('reports/run', { requestId: 'qp-2', params: p });
    expect(again).toMatchObject({ state: 'done', fromCache: true, requests: 0 });
  });

  it('offline: a cached report runs, an uncached range explains what is missing', async () => {
    const cached = params('queue-performance', day(-8), day(-2));
    core.network.set(false);
    try {
      expect(await call('connections/status')).toMatchObject({ online: false });
      const fromCache = await call('reports/run', { requestId: 'off-1', params: cached });
      expect(fromCache).toMatchObject({ state: 'done', fromCache: true, requests: 0 });
      const missing = await call('reports/run', {
        requestId: 'off-2',
        params: params('queue-performance', day(-60), day(-50)),
      });
      expect(missing.state).toBe('offline-missing');
      expect(missing.missing.length).toBeGreaterThan(0);
      expect(missing.message).toMatch(/cache/i);
    } finally {
      core.network.set(true);
    }
  });

  it('runs Interactions and opens a conversation as a named timeline', async () => {
    const p = params('interactions', day(-2), day(-2));
    expect(await call('reports/run', { requestId: 'int-1', params: p })).toMatchObject({ state: 'done' });
    const page = await call('reports/page', { params: p, view });
    expect(page.total).toBeGreaterThan(0);
    const id = page.rows[0]?.conversationId;
    expect(typeof id).toBe('string');
    const timeline = await call('reports/conversation', { connectionId: 'demo', conversationId: String(id) });
    expect(timeline.participants.length).toBeGreaterThan(0);
  });

  it('exports the grid to CSV and XLSX in the chosen folder', async () => {
    const p = params('queue-performance', day(-8), day(-2));
    const reports = await call('reports/list');
    const columns = reports.find((r) => r.id === 'queue-performance')!.columns.filter((c) => c.defaultVisible);
    for (const format of ['csv', 'xlsx'] as const) {
      const result = await call('export/start', {
        requestId: `exp-${format}`,
        params: p,
        view,
        columns: columns.map((c) => c.id),
        format,
      });
      expect(result.file).not.toBeNull();
      expect(existsSync(result.file!)).toBe(true);
      expect(result.rows).toBeGreaterThan(0);
    }
    const csv = readFileSync(
      join(
        exportsDir.path,
        (await import('node:fs')).readdirSync(exportsDir.path).find((f) => f.endsWith('.csv'))!,
      ),
      'utf8',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(columns[0]!.header);
  });

  it('saves a report and records its last run', async () => {
    const p = params('queue-performance', day(-8), day(-2));
    const saved = await call('saved/save', {
      name: 'Weekly queues',
      params: p,
      preset: 'custom',
      columns: [],
      sort: null,
    });
    await call('reports/run', { requestId: 'saved-1', params: p });
    const list = await call('saved/list');
    expect(list.find((s) => s.id === saved.id)?.lastRun?.state).toBe('done');
  });

  it('runs Live queues online and refuses plainly offline', async () => {
    const p = params('live-queues', day(0), day(0));
    const live = await call('reports/run', { requestId: 'live-1', params: p });
    expect(live.state).toBe('done');
    expect((await call('reports/page', { params: p, view })).rows.length).toBeGreaterThan(0);
    core.network.set(false);
    try {
      const offline = await call('reports/run', { requestId: 'live-2', params: p });
      expect(offline.state).toBe('offline-missing');
      expect(offline.message).toMatch(/connection/);
    } finally {
      core.network.set(true);
    }
  });
});
