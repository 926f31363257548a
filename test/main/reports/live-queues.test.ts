import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenesysClient, MemorySecretStore, saveClientSecret, type GenesysApi } from '../../../main/genesys/index';
import { reportDefinition, type LiveObservationSource, type LiveReportDefinition } from '../../../main/reports/index';
import { startSimulator, type RunningSimulator } from '../../../main/simulator/server/index';
import {
  gridViewSchema,
  reportParamsSchema,
  type ReportParams,
  type ReportParamsInput,
} from '../../../preload/contract/report-params';
import type { Conversation } from './support/ground-truth';
import { CONNECTION, SimCache } from './support/sim-cache';

/** A Tuesday, 10:30 in Chicago: the contact centre is busy. */
const NOW = Date.UTC(2024, 2, 19, 15, 30);
const report = reportDefinition('live-queues') as LiveReportDefinition;
// The Genesys client is what the app passes in; this fails to compile if it stops fitting.
const asSource = (api: GenesysApi): LiveObservationSource => api;

const paramsFor = (extra: Partial<ReportParamsInput> = {}): ReportParams =>
  reportParamsSchema.parse({
    report: 'live-queues',
    connectionId: CONNECTION,
    from: '2024-03-19',
    to: '2024-03-19',
    timeZone: 'America/Chicago',
    ...extra,
  });
const view = gridViewSchema.parse({ page: { size: 100 } });

interface OpenLeg {
  queueId: string | undefined;
  purpose: string;
  userId: string | undefined;
  mediaType: string | undefined;
  segmentType: string | undefined;
  since: number;
}

/** Legs still open at NOW: a session whose last segment has no end (what the queue looks like right now). */
function openLegs(conversations: Iterable<Conversation>): OpenLeg[] {
  const legs: OpenLeg[] = [];
  for (const conversation of conversations) {
    if (conversation.conversationEnd !== undefined) continue;
    for (const participant of conversation.participants ?? []) {
      for (const session of participant.sessions ?? []) {
        const segments = session.segments ?? [];
        const open = segments.at(-1);
        if (open === undefined || open.segmentEnd !== undefined) continue;
        legs.push({
          queueId: open.queueId ?? segments.find((s) => s.queueId !== undefined)?.queueId,
          purpose: participant.purpose ?? '',
          userId: participant.userId,
          mediaType: session.mediaType,
          segmentType: open.segmentType,
          since: Date.parse(segments[0]?.segmentStart ?? ''),
        });
      }
    }
  }
  return legs;
}

describe('Live queues, asked of the simulator over real HTTP', () => {
  let sim: SimCache;
  let server: RunningSimulator;
  let api: GenesysApi;
  let legs: OpenLeg[];

  beforeAll(async () => {
    sim = new SimCache({ now: NOW, perDay: 3000 });
    sim.fill(report.plan(paramsFor()));
    server = await startSimulator({ dataset: sim.dataset, engine: sim.engine });
    const secrets = new MemorySecretStore();
    await saveClientSecret(secrets, CONNECTION, server.clientSecret);
    api = createGenesysClient(
      { id: CONNECTION, environment: server.baseUrl, auth: { kind: 'client-credentials', clientId: server.clientId } },
      { secrets },
    ).api;
    legs = openLegs(sim.dataset.conversationsBetween(NOW - 86_400_000, NOW + 1));
  }, 60_000);
  afterAll(async () => {
    await server.close();
    sim.dispose();
  });

  const waitingIn = (queueId: string, media?: string) =>
    legs.filter((l) => l.purpose === 'acd' && l.queueId === queueId && (media === undefined || l.mediaType === media));
  const interactingIn = (queueId: string) =>
    legs.filter(
      (l) =>
        l.userId !== undefined &&
        (l.purpose === 'agent' || l.purpose === 'user') &&
        l.queueId === queueId &&
        ['interact', 'hold', 'dialing', 'contacting'].includes(l.segmentType ?? ''),
    );

  it('shows every queue by name with what is waiting and connected now, and totals', async () => {
    const snapshot = await report.observe(asSource(api), sim.cache, paramsFor(), { now: () => NOW });
    expect(snapshot.observedAt).toBe(NOW);
    const page = report.page(snapshot, paramsFor(), view);
    expect(page.rows.map((row) => row.queueId).sort()).toEqual(sim.dataset.queues.map((q) => q.id).sort());
    expect(legs.some((l) => l.purpose === 'acd')).toBe(true);
    for (const row of page.rows) {
      const queue = sim.dataset.queues.find((q) => q.id === row.queueId)!;
      expect(row.queue).toBe(queue.name);
      const waiting = waitingIn(queue.id!);
      expect(row.waiting).toBe(waiting.length);
      expect(row.interacting).toBe(interactingIn(queue.id!).length);
      expect(row.longestWaiting).toBe(waiting.length === 0 ? null : NOW - Math.min(...waiting.map((l) => l.since)));
      expect(row.idle as number).toBeLessThanOrEqual(row.onQueue as number);
      expect(row.onQueue as number).toBeLessThanOrEqual(row.members as number);
    }
    // Members on queue and idle (ready) are counted apart from those busy with an interaction.
    expect(page.rows.some((row) => (row.idle as number) > 0)).toBe(true);
    expect(page.rows.some((row) => (row.onQueue as number) > (row.idle as number))).toBe(true);
    const sum = (key: string) => page.rows.reduce((total, row) => total + (row[key] as number), 0);
    expect(page.totals).toMatchObject({ queue: 'Total', waiting: sum('waiting'), interacting: sum('interacting') });
    const longest = page.rows.map((row) => row.longestWaiting).filter((v): v is number => v !== null);
    expect(page.totals?.longestWaiting).toBe(longest.length === 0 ? null : Math.max(...longest));
  });

  it('asks only about the chosen queues and media, and sorts and filters in main', async () => {
    const busiest = [...sim.dataset.queues].sort((a, b) => waitingIn(b.id!).length - waitingIn(a.id!).length);
    const chosen = busiest.slice(0, 3).map((q) => q.id!);
    const params = paramsFor({ filters: { queueIds: chosen, mediaTypes: ['voice'] } });
    const snapshot = await report.observe(asSource(api), sim.cache, params, { now: () => NOW });
    expect(snapshot.rows.map((row) => row.queueId).sort()).toEqual([...chosen].sort());
    for (const row of snapshot.rows) expect(row.waiting).toBe(waitingIn(row.queueId as string, 'voice').length);

    const sorted = report.page(snapshot, params, { ...view, sort: { column: 'waiting', direction: 'desc' } });
    const waiting = sorted.rows.map((row) => row.waiting as number);
    expect(waiting).toEqual([...waiting].sort((a, b) => b - a));
    const some = report.page(snapshot, params, { ...view, filters: [{ kind: 'number', column: 'waiting', min: 1 }] });
    expect(some.rows.every((row) => (row.waiting as number) >= 1)).toBe(true);
    expect(some.total).toBe(snapshot.rows.filter((row) => (row.waiting as number) >= 1).length);
    expect([...report.rows(snapshot, params, { ...view, sort: { column: 'waiting', direction: 'desc' } })]).toEqual(
      sorted.rows,
    );
  });

  it('reads nothing from the cache but the queue names: an empty queue list is explained', async () => {
    await expect(
      report.observe(asSource(api), sim.cache, paramsFor({ connectionId: 'never-synced' }), { now: () => NOW }),
    ).rejects.toThrow(/no list of queues yet/);
  });
});
