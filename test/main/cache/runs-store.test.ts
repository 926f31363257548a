import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheError, type Cache } from '../../../main/cache/index';
import { REPO_ROOT } from '../../support/test-core';
import { CacheFixture, DAY, HOUR, NOW } from './support/cache-fixture';
import { detailsPageFor, PAGE_SIZE, PAGES_START } from './support/pages';

/** The day the pretend sync pages cover. */
const DAY_START = PAGES_START;

describe('persisted runs', () => {
  let fixture: CacheFixture;
  let cache: Cache;
  beforeEach(() => {
    fixture = new CacheFixture();
    cache = fixture.open();
  });
  afterEach(() => fixture.dispose());

  const detailsRun = (prune = false): string =>
    cache.runs.create({
      connectionId: 'demo',
      report: 'interactions',
      params: { queues: ['q1'] },
      chunks: [
        { kind: 'details-sync', dataset: 'details', start: DAY_START, end: DAY_START + DAY, prune },
        { kind: 'reference', dataset: 'reference:queue' },
      ],
    }).id;

  it('creates a queued run with its chunks, and lists it as resumable until it finishes', () => {
    const id = detailsRun();
    const run = cache.run(id)!;
    expect(run).toMatchObject({
      connectionId: 'demo',
      report: 'interactions',
      params: { queues: ['q1'] },
      state: 'queued',
      chunksTotal: 2,
    });
    expect(run.chunks.map((chunk) => [chunk.kind, chunk.state, chunk.lastPage])).toEqual([
      ['details-sync', 'pending', 0],
      ['reference', 'pending', 0],
    ]);
    expect(cache.resumableRuns().map((r) => r.id)).toEqual([id]);
    cache.runs.start(id);
    expect(cache.resumableRuns().map((r) => r.state)).toEqual(['running']);
    cache.runs.finish(
      id,
      'failed',
      'Genesys Cloud did not answer. Check your internet connection and run the report again.',
    );
    expect(cache.resumableRuns()).toEqual([]);
    expect(cache.recentRuns('demo')[0]).toMatchObject({
      state: 'failed',
      errorMessage: expect.stringMatching(/internet/) as string,
    });
  });

  it('deletes finished runs older than a date, never unfinished ones', () => {
    const done = detailsRun();
    cache.runs.finish(done, 'done');
    const open = detailsRun();
    fixture.clock.advance(DAY);
    expect(cache.runs.deleteFinishedBefore(NOW + HOUR)).toBe(1);
    expect(cache.run(done)).toBeNull();
    expect(cache.run(open)?.chunks).toHaveLength(2);
  });

  it('commits a page and its cursor together, and ignores a page delivered twice', () => {
    const id = detailsRun();
    expect(cache.runs.commitDetailsPage(id, 0, { pageNumber: 1, conversations: detailsPageFor(1) })).toEqual({
      committed: true,
      rows: PAGE_SIZE,
      skipped: 0,
    });
    expect(cache.runs.commitDetailsPage(id, 0, { pageNumber: 1, conversations: detailsPageFor(1) })).toEqual({
      committed: false,
      rows: 0,
      skipped: 0,
    });
    cache.runs.commitDetailsPage(id, 0, { pageNumber: 2, conversations: detailsPageFor(2), nextCursor: 'c2' });
    const run = cache.run(id)!;
    expect(run).toMatchObject({ state: 'running', pages: 2, rowsWritten: 2 * PAGE_SIZE });
    expect(run.chunks[0]).toMatchObject({
      state: 'running',
      lastPage: 2,
      cursor: 'c2',
      rows: 2 * PAGE_SIZE,
      firstFetchAt: NOW,
    });
    expect(cache.conversationCount('demo')).toBe(2 * PAGE_SIZE);
  });

  it('refuses a page that skips ahead, and a page for the wrong kind of chunk', () => {
    const id = detailsRun();
    expect(() => cache.runs.commitDetailsPage(id, 0, { pageNumber: 3, conversations: [] })).toThrow(CacheError);
    expect(() => cache.runs.commitDetailsPage(id, 1, { pageNumber: 1, conversations: [] })).toThrow(
      /not in the expected form/,
    );
    expect(() => cache.runs.commitDetailsPage('no-such-run', 0, { pageNumber: 1, conversations: [] })).toThrow(
      /no longer exists/,
    );
  });

  it('records coverage when a chunk completes, as of its first page', () => {
    const id = detailsRun();
    cache.runs.commitDetailsPage(id, 0, { pageNumber: 1, conversations: detailsPageFor(1), fetchedAt: NOW - HOUR });
    expect(cache.coverage('demo', 'details', DAY_START, DAY_START + DAY)).toEqual([]);
    cache.runs.commitDetailsPage(id, 0, { pageNumber: 2, conversations: detailsPageFor(2) });
    const chunk = cache.runs.completeChunk(id, 0);
    expect(chunk.state).toBe('done');
    expect(cache.coverage('demo', 'details', DAY_START, DAY_START + DAY)).toEqual([
      { start: DAY_START, end: DAY_START + DAY, fetchedAt: NOW - HOUR },
    ]);
    expect(cache.run(id)?.chunksDone).toBe(1);
    expect(cache.runs.commitDetailsPage(id, 0, { pageNumber: 3, conversations: detailsPageFor(3) }).committed).toBe(
      false,
    );
  });

  it('removes conversations that vanished from a complete re-fetch (pruning chunks only)', () => {
    cache.upsertConversations('demo', [...detailsPageFor(1), ...detailsPageFor(2)], { fetchedAt: NOW - DAY });
    fixture.clock.advance(HOUR);
    const id = detailsRun(true);
    cache.runs.commitDetailsPage(id, 0, { pageNumber: 1, conversations: detailsPageFor(1) });
    cache.runs.completeChunk(id, 0);
    expect(cache.conversationCount('demo')).toBe(PAGE_SIZE);
    expect(cache.conversation('demo', 'page-2-conv-0')).toBeNull();

    const keep = detailsRun(false);
    cache.upsertConversations('demo', detailsPageFor(2), { fetchedAt: NOW - DAY });
    cache.runs.commitDetailsPage(keep, 0, { pageNumber: 1, conversations: detailsPageFor(1) });
    cache.runs.completeChunk(keep, 0);
    expect(cache.conversationCount('demo')).toBe(2 * PAGE_SIZE);
  });

  it('stores reference pages and aggregate pages through their chunks', () => {
    const id = cache.runs.create({
      connectionId: 'demo',
      report: 'queue-performance',
      params: {},
      chunks: [
        { kind: 'reference', dataset: 'reference:queue' },
        { kind: 'aggregates', dataset: 'aggregates:k1', start: DAY_START, end: DAY_START + DAY },
      ],
    }).id;
    cache.runs.commitReferencePage(id, 0, {
      pageNumber: 1,
      referenceKind: 'queue',
      entities: [{ id: 'q1', name: 'Sales' }, { name: 'no id' }],
    });
    expect(cache.namesFor('demo', 'queue', ['q1']).get('q1')).toBe('Sales');
    const bucket = {
      interval: '2024-05-01T00:00:00Z/2024-05-01T01:00:00Z',
      metrics: [{ metric: 'nOffered', stats: { count: 3 } }],
    };
    cache.runs.commitAggregatesPage(id, 1, {
      pageNumber: 1,
      queryKey: 'k1',
      results: [{ group: { queueId: 'q1' }, data: [bucket] }],
    });
    cache.runs.completeChunk(id, 1);
    expect(cache.aggregates('demo', 'k1', DAY_START, DAY_START + DAY)).toHaveLength(1);
    expect(cache.missing('demo', 'aggregates:k1', DAY_START, DAY_START + DAY, { refresh: false })).toEqual([]);
  });

  it('keeps the job id so a restart polls the same job, and starts over for a new job', () => {
    const id = cache.runs.create({
      connectionId: 'demo',
      report: 'interactions',
      params: {},
      chunks: [{ kind: 'details-job', dataset: 'details', start: DAY_START, end: DAY_START + DAY }],
    }).id;
    cache.runs.setJob(id, 0, 'job-1');
    cache.runs.commitDetailsPage(id, 0, { pageNumber: 1, conversations: detailsPageFor(1), nextCursor: 'cursor-2' });
    expect(cache.runs.setJob(id, 0, 'job-1')).toMatchObject({ jobId: 'job-1', lastPage: 1, cursor: 'cursor-2' });
    expect(cache.runs.setJob(id, 0, 'job-2')).toMatchObject({ jobId: 'job-2', lastPage: 0, cursor: null });
  });

  it('surfaces a full disk as a plain, typed error and loses nothing already committed', () => {
    const id = detailsRun();
    cache.runs.commitDetailsPage(id, 0, { pageNumber: 1, conversations: detailsPageFor(1), nextCursor: 'c1' });
    // Cap the file at its current size: the next page cannot fit, exactly as on a full disk (SQLITE_FULL).
    const pages = cache.db.pragma('page_count', { simple: true }) as number;
    cache.db.pragma(`max_page_count = ${pages}`);
    let error: unknown;
    try {
      cache.runs.commitDetailsPage(id, 0, {
        pageNumber: 2,
        conversations: [...detailsPageFor(2), ...detailsPageFor(3)],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CacheError);
    expect((error as CacheError).code).toBe('disk-full');
    expect((error as CacheError).message).toBe(
      'The disk is full, so ReportDesk could not save more report data. Everything saved before this point is kept. Free some disk space and run the report again; it will continue where it stopped.',
    );
    expect(cache.conversationCount('demo')).toBe(PAGE_SIZE);
    expect(cache.run(id)!.chunks[0]).toMatchObject({ lastPage: 1, cursor: 'c1', rows: PAGE_SIZE });

    // Space freed: the same page goes through and the run carries on.
    cache.db.pragma('max_page_count = 4294967294');
    expect(cache.runs.commitDetailsPage(id, 0, { pageNumber: 2, conversations: detailsPageFor(2) }).committed).toBe(
      true,
    );
    cache.close();
    expect(fixture.open().conversationCount('demo')).toBe(2 * PAGE_SIZE);
  });

  it(
    'resumes after the process is killed mid-write: every committed page is there with its cursor, and nothing else',
    { timeout: 60_000 },
    async () => {
      const id = detailsRun();
      cache.close();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'support/crash-writer.ts'), fixture.file, id],
        {
          cwd: REPO_ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      let announced = 0;
      await new Promise<void>((resolve, reject) => {
        child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)));
        child.stdout.on('data', (chunk: Buffer) => {
          for (const match of chunk.toString().matchAll(/committed (\d+)/g)) announced = Number(match[1]);
          // Kill it while it is busy writing the following pages, without warning.
          if (announced >= 5) {
            child.removeAllListeners('exit');
            child.kill('SIGKILL');
            child.on('exit', () => resolve());
          }
        });
      });

      const reopened = fixture.open();
      expect(reopened.recovered).toBeNull();
      const [run] = reopened.resumableRuns();
      const chunk = run!.chunks[0]!;
      expect(chunk.lastPage).toBeGreaterThanOrEqual(announced);
      expect(chunk.cursor).toBe(`after-${chunk.lastPage}`);
      expect(reopened.conversationCount('demo')).toBe(chunk.lastPage * PAGE_SIZE);
      expect(reopened.conversation('demo', `page-${chunk.lastPage}-conv-${PAGE_SIZE - 1}`)).not.toBeNull();
      expect(reopened.conversation('demo', `page-${chunk.lastPage + 1}-conv-0`)).toBeNull();

      // Resume from the next page; a replay of the last committed page changes nothing.
      expect(
        reopened.runs.commitDetailsPage(id, 0, {
          pageNumber: chunk.lastPage,
          conversations: detailsPageFor(chunk.lastPage),
        }).committed,
      ).toBe(false);
      reopened.runs.commitDetailsPage(id, 0, {
        pageNumber: chunk.lastPage + 1,
        conversations: detailsPageFor(chunk.lastPage + 1),
      });
      expect(reopened.conversationCount('demo')).toBe((chunk.lastPage + 1) * PAGE_SIZE);
      expect(reopened.run(id)?.rowsWritten).toBe((chunk.lastPage + 1) * PAGE_SIZE);
    },
  );
});
