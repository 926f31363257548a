import { openCache } from '../../../main/cache/index';
import type { Conversation } from '../../../main/simulator/model';
import { BENCH_NOW, orgConversations, pagesOf } from './org-conversations';

export interface IngestOptions {
  /** The cache file; created fresh by the caller (an existing one is added to). */
  file: string;
  seed: string;
  count: number;
  /** Conversations per API page: 1000 for async-job results, 100 for the sync query. */
  pageSize: number;
  /**
   * Page commits grouped in one outer transaction (each commit then runs as a SQLite savepoint inside it). 1 (the
   * default) is what the sync engine does today: one transaction per page.
   */
  pagesPerTransaction?: number;
  /** Give the event loop a turn between pages, as a sync that awaits the next HTTP page does. */
  yieldBetweenPages?: boolean;
  /** Called after every committed page with the conversations stored so far. */
  onProgress?: (done: number) => void;
}

export interface IngestResult {
  conversations: number;
  /** Everything: generating the conversations, committing them, yielding. */
  wallMs: number;
  /** Only the page commits (flattening, JSON, SQLite). */
  commitMs: number;
  /** CPU time spent in the page commits: steadier than wall time on a machine shared with other work. */
  commitCpuMs: number;
  /** CPU time of this thread's process during the ingest (all threads), user + system. */
  cpuMs: number;
}

/**
 * Ingests generated conversations the way a details run does: one persisted run, one chunk, page after page
 * through `runs.commitDetailsPage` (rows and cursor in the same transaction).
 */
export async function ingestOrg(options: IngestOptions): Promise<IngestResult> {
  const cache = openCache({ file: options.file, now: () => BENCH_NOW, integrityCheck: 'never' });
  try {
    const run = cache.runs.create({
      connectionId: 'bench',
      report: 'interactions',
      params: { seed: options.seed },
      chunks: [{ kind: 'details-job', dataset: 'details', start: 0, end: BENCH_NOW }],
    });
    const group = Math.max(1, options.pagesPerTransaction ?? 1);
    const pages = pagesOf(orgConversations({ seed: options.seed, count: options.count }), options.pageSize);
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    let commitMs = 0;
    let commitCpuMs = 0;
    let pageNumber = 0;
    let conversations = 0;
    for (;;) {
      const batch: Conversation[][] = [];
      for (let next = pages.next(); ; next = pages.next()) {
        if (next.done) break;
        batch.push(next.value);
        if (batch.length === group) break;
      }
      if (batch.length === 0) break;
      const commitStart = performance.now();
      const commitCpu = process.cpuUsage();
      const commitAll = () => {
        for (const page of batch) {
          pageNumber += 1;
          conversations += cache.runs.commitDetailsPage(run.id, 0, { pageNumber, conversations: page }).rows;
        }
      };
      if (group === 1) commitAll();
      else cache.db.transaction(commitAll)();
      commitMs += performance.now() - commitStart;
      const used = process.cpuUsage(commitCpu);
      commitCpuMs += (used.user + used.system) / 1000;
      options.onProgress?.(conversations);
      if (options.yieldBetweenPages) await new Promise((resolve) => setImmediate(resolve));
    }
    cache.runs.completeChunk(run.id, 0);
    cache.runs.finish(run.id, 'done');
    const cpu = process.cpuUsage(cpuStart);
    const wallMs = performance.now() - started;
    return { conversations, wallMs, commitMs, commitCpuMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    cache.close();
  }
}
