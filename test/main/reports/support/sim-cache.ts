import { join } from 'node:path';
import type { Models } from 'purecloud-platform-client-v2';
import {
  aggregateQueryKey,
  aggregatesDataset,
  DETAILS_DATASET,
  openCache,
  type Cache,
} from '../../../../main/cache/index';
import { createAnalyticsEngine, type SimulatorAnalyticsEngine } from '../../../../main/simulator/engine/index';
import { createOrgDataset, type GeneratedOrgDataset } from '../../../../main/simulator/generator/index';
import { DEFAULT_LIMITS } from '../../../../main/simulator/model';
import type { FetchSpec } from '../../../../main/sync/fetch-spec';
import { makeTempDir } from '../../../support/temp-dir';

export const CONNECTION = 'demo';
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The simulator's org and analytics engine in-process, and a real cache file filled the way a sync fills it:
 * engine answers committed page by page through `cache.runs` (chunks, pages, completion with coverage). This
 * is deliberately a minimal stand-in for main/sync, so report tests do not depend on it.
 */
export class SimCache {
  readonly dir = makeTempDir('reports');
  readonly dataset: GeneratedOrgDataset;
  readonly engine: SimulatorAnalyticsEngine;
  readonly cache: Cache;

  constructor(options: { now: number; timeZone?: string; perDay?: number; seed?: string }) {
    this.dataset = createOrgDataset({
      seed: options.seed ?? 'reports-test',
      perDay: options.perDay ?? 600,
      daysBack: 120,
      timeZone: options.timeZone ?? 'America/Chicago',
      now: () => options.now,
    });
    this.engine = createAnalyticsEngine(this.dataset, DEFAULT_LIMITS);
    this.cache = openCache({ file: join(this.dir.path, 'cache.sqlite'), now: () => options.now });
  }

  /** Fetches what the spec asks for from the engine and commits it as one run. */
  fill(spec: FetchSpec): void {
    const kinds = spec.reference.map((kind) => ({ kind: 'reference' as const, dataset: `reference:${kind}` }));
    const details = [];
    if (spec.details) {
      for (let start = spec.start; start < spec.end; start += DAY) {
        details.push({
          kind: 'details-sync' as const,
          dataset: DETAILS_DATASET,
          start,
          end: Math.min(spec.end, start + DAY),
          prune: true,
        });
      }
    }
    const aggregates = spec.aggregates.map((query) => ({
      kind: 'aggregates' as const,
      dataset: aggregatesDataset(aggregateQueryKey({ ...query, interval: '' })),
      start: spec.start,
      end: spec.end,
    }));
    const chunks = [...kinds, ...details, ...aggregates];
    const run = this.cache.runs.create({
      connectionId: spec.connectionId,
      report: spec.report,
      params: spec.params,
      chunks,
    });
    chunks.forEach((chunk, index) => {
      if (chunk.kind === 'reference') this.fillReference(run.id, index, chunk.dataset.slice('reference:'.length));
      else if (chunk.kind === 'details-sync') this.fillDetails(run.id, index, chunk.start, chunk.end);
      else this.fillAggregates(run.id, index, spec.aggregates[index - kinds.length - details.length]!, spec);
      this.cache.runs.completeChunk(run.id, index);
    });
    this.cache.runs.finish(run.id, 'done');
  }

  private fillReference(runId: string, index: number, kind: string): void {
    const lists = {
      queue: this.dataset.queues,
      user: this.dataset.users,
      wrapupCode: this.dataset.wrapupCodes,
      division: this.dataset.divisions,
    } as const;
    const referenceKind = kind as keyof typeof lists;
    this.cache.runs.commitReferencePage(runId, index, {
      pageNumber: 1,
      referenceKind,
      entities: lists[referenceKind],
    });
  }

  private fillDetails(runId: string, index: number, start: number, end: number): void {
    for (let pageNumber = 1; ; pageNumber++) {
      const response = this.engine.detailsQuery({
        interval: `${iso(start)}/${iso(end)}`,
        order: 'asc',
        orderBy: 'conversationStart',
        paging: { pageSize: 100, pageNumber },
      });
      const conversations = response.conversations ?? [];
      this.cache.runs.commitDetailsPage(runId, index, { pageNumber, conversations });
      if (conversations.length < 100) return;
    }
  }

  private fillAggregates(
    runId: string,
    index: number,
    query: Omit<Models.ConversationAggregationQuery, 'interval'>,
    spec: FetchSpec,
  ): void {
    const interval = `${iso(spec.start)}/${iso(spec.end)}`;
    const response = this.engine.aggregatesQuery({ ...query, interval });
    this.cache.runs.commitAggregatesPage(runId, index, {
      pageNumber: 1,
      queryKey: aggregateQueryKey({ ...query, interval }),
      results: response.results ?? [],
    });
  }

  dispose(): void {
    this.cache.close();
    this.dir.remove();
  }
}
