import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DETAILS_DATASET,
  openCache,
  REFERENCE_KINDS,
  type Cache,
  type ReferenceEntity,
  type ReferenceKind,
} from '../../../main/cache/index';
import { CACHE_DIR_NAME } from '../../../main/core/app-info';
import { CACHE_FILE_NAME } from '../../../main/core/cache-holder';
import type { StoredConnection } from '../../../main/core/connection-store';
import { resolveEnvironment } from '../../../main/genesys/regions';
import { dayRange } from '../../../main/reports/index';
import { createOrgDataset } from '../../../main/simulator/generator/index';
import { referenceDataset } from '../../../main/sync/datasets';
import type { Settings } from '../../../preload/contract/types';
import { dayIn } from '../../../renderer/src/dates/zoned-time';
import { makeTempDir } from '../../support/temp-dir';
import { ingestOrg } from './ingest';
import { BENCH_NOW, BENCH_PER_DAY, BENCH_TIME_ZONE } from './org-conversations';

/** The connection id every benchmark cache is written under (see ingest.ts). */
export const BENCH_CONNECTION_ID = 'bench';

/** Days in BENCH_TIME_ZONE, both included, that hold every cached conversation: what the form is set to. */
export interface CachedRange {
  from: string;
  to: string;
  conversations: number;
}

export interface BenchDataDir {
  path: string;
  range: CachedRange;
  remove(): void;
}

export type CacheSource =
  /** A copy of an existing cache file (the shared 1M file is never written to). */
  | { copyOf: string; seed: string; count: number }
  /** A cache ingested straight into the data folder. */
  | { seed: string; count: number };

/**
 * The cache bench's 1,000,000-conversation grid cache: the same file name, completion marker, seed and builder
 * (`ingestOrg`, 1000-conversation pages), so whichever suite runs first builds it and the other reuses it.
 */
export async function sharedGridCache(seed: string, count: number, log: (message: string) => void): Promise<string> {
  const file = join(tmpdir(), `reportdesk-bench-grid-${seed}-${count}.sqlite`);
  const marker = `${file}.complete`;
  if (existsSync(file) && existsSync(marker) && readFileSync(marker, 'utf8') === String(count)) return file;
  for (const suffix of ['', '-wal', '-shm', '.complete']) rmSync(`${file}${suffix}`, { force: true });
  log(`building the shared ${count.toLocaleString('en-US')}-conversation cache ${file} (a few minutes, once)`);
  await ingestOrg({ file, seed, count, pageSize: 1000 });
  writeFileSync(marker, String(count));
  return file;
}

/**
 * A ReportDesk data folder as the app leaves it after a supervisor fetched the conversations of `source`: the
 * cache at <data>/cache/cache.sqlite with the details coverage of the whole days they fall in (so an offline
 * run is served from it), the org's reference lists (names in the grid), a stored client-credentials
 * connection 'bench', and settings that select it in the bench org's time zone.
 */
export async function benchDataDir(label: string, source: CacheSource): Promise<BenchDataDir> {
  const dir = makeTempDir(`bench-ui-${label}`);
  try {
    const file = join(dir.path, CACHE_DIR_NAME, CACHE_FILE_NAME);
    mkdirSync(join(dir.path, CACHE_DIR_NAME), { recursive: true });
    if ('copyOf' in source) copyFileSync(source.copyOf, file);
    else await ingestOrg({ file, seed: source.seed, count: source.count, pageSize: 1000 });
    const range = fillCache(file, source.seed, source.count);
    writeConnection(dir.path);
    return { path: dir.path, range, remove: () => dir.remove() };
  } catch (error) {
    dir.remove();
    throw error;
  }
}

function fillCache(file: string, seed: string, count: number): CachedRange {
  const cache = openCache({ file, integrityCheck: 'never', now: () => BENCH_NOW });
  try {
    const span = cache.db
      .prepare('SELECT count(*) AS n, min(start_ms) AS first, max(start_ms) AS last FROM conversations')
      .get() as { n: number; first: number; last: number };
    const range = {
      from: dayIn(span.first, BENCH_TIME_ZONE),
      to: dayIn(span.last, BENCH_TIME_ZONE),
      conversations: span.n,
    };
    const { start, end } = dayRange(range.from, range.to, BENCH_TIME_ZONE);
    // Fetched a week after the last day: settled, so even a refresh would not want it again.
    const fetchedAt = end + 7 * 86_400_000;
    cache.recordCoverage(BENCH_CONNECTION_ID, DETAILS_DATASET, start, end, fetchedAt);
    putReferenceLists(cache, seed, count, fetchedAt);
    return range;
  } finally {
    cache.close();
  }
}

/**
 * The generated org behind the conversations. Its people depend on how many days of history it was built
 * with, so this repeats org-conversations.ts's sizing; a mismatch would only show ids instead of names, and is
 * reported rather than hidden.
 */
function putReferenceLists(cache: Cache, seed: string, count: number, fetchedAt: number): void {
  const days = Math.ceil((count / BENCH_PER_DAY) * 1.5) + 2;
  const org = createOrgDataset({
    seed,
    perDay: BENCH_PER_DAY,
    daysBack: days + 1,
    timeZone: BENCH_TIME_ZONE,
    now: () => BENCH_NOW,
  });
  const lists: Record<ReferenceKind, ReferenceEntity[]> = {
    queue: org.queues,
    user: org.users,
    wrapupCode: org.wrapupCodes,
    division: org.divisions,
  };
  for (const kind of REFERENCE_KINDS) {
    cache.putReference(BENCH_CONNECTION_ID, kind, lists[kind], { fetchedAt });
    cache.recordCoverage(BENCH_CONNECTION_ID, referenceDataset(kind), 0, fetchedAt, fetchedAt);
  }
  const unnamed = cache.db
    .prepare(
      `SELECT count(DISTINCT first_queue_id) AS n FROM conversations
       WHERE first_queue_id IS NOT NULL
         AND first_queue_id NOT IN (SELECT value FROM json_each(?))`,
    )
    .get(JSON.stringify(org.queues.map((queue) => queue.id))) as { n: number };
  if (unnamed.n > 0) console.warn(`  ! ${unnamed.n} queues in the cache have no name; the grid shows their ids`);
}

function writeConnection(dataDir: string): void {
  const environment = 'mypurecloud.ie';
  resolveEnvironment(environment); // the store drops the whole file when an entry does not parse
  const connection: StoredConnection = {
    id: BENCH_CONNECTION_ID,
    name: 'Benchmark org (cached)',
    environment,
    method: 'client-credentials',
    clientId: 'bench-client-id',
  };
  const settings: Settings = {
    timeZone: BENCH_TIME_ZONE,
    durationFormat: 'hms',
    csvDelimiter: ',',
    connectionId: BENCH_CONNECTION_ID,
  };
  writeFileSync(join(dataDir, 'connections.json'), JSON.stringify([connection], null, 2));
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings, null, 2));
}
