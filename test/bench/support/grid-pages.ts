import { openCache, type GridFilter, type GridQuery, type GridSort } from '../../../main/cache/index';

export interface ScenarioFigures {
  name: string;
  /** Every measured request (page 1 with its count, then the scrolled pages), in ms. */
  samples: number[];
  firstPages: number[];
}

interface Scenario {
  name: string;
  filters: GridFilter[];
  sort: GridSort;
}

const CONNECTION = 'bench';
const PAGES_SCROLLED = 20;
const REPEATS = 3;

/**
 * Times 100-row grid pages over a cache file the way the grid asks for them: page 1 with the row count, then
 * pages by cursor as the user scrolls. Filter values are the busiest ones in the data, so pages are full.
 */
export function measureGridPages(file: string): ScenarioFigures[] {
  const cache = openCache({ file, integrityCheck: 'never' });
  const reader = cache.openReader();
  try {
    const scenarios = pickScenarios(cache.db);
    const range = cache.db
      .prepare('SELECT min(start_ms) AS start, max(start_ms) + 1 AS end FROM conversations')
      .get() as {
      start: number;
      end: number;
    };
    const figures = scenarios.map((scenario) => ({
      name: scenario.name,
      samples: [] as number[],
      firstPages: [] as number[],
    }));
    const browse = (scenario: Scenario, record?: ScenarioFigures) => {
      let after: string | null = null;
      for (let page = 0; page <= PAGES_SCROLLED; page++) {
        const query: GridQuery = {
          start: range.start,
          end: range.end,
          filters: scenario.filters,
          sort: scenario.sort,
          page: { size: 100, after },
          count: page === 0,
        };
        const started = performance.now();
        const result = reader.queryConversations(CONNECTION, query);
        const ms = performance.now() - started;
        if (result.rows.length === 0) throw new Error(`${scenario.name}: no rows on page ${page + 1}`);
        record?.samples.push(ms);
        if (page === 0) record?.firstPages.push(ms);
        after = result.nextCursor;
        if (after === null) break;
      }
    };
    scenarios.forEach((scenario) => browse(scenario));
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      scenarios.forEach((scenario, index) => browse(scenario, figures[index]));
    }
    return figures;
  } finally {
    reader.close();
    cache.close();
  }
}

type Db = ReturnType<typeof openCache>['db'];

function busiest(db: Db, sql: string, rank = 0): string {
  const rows = db.prepare(sql).all() as { value: string }[];
  const row = rows[rank];
  if (!row) throw new Error(`no value for ${sql}`);
  return row.value;
}

function pickScenarios(db: Db): Scenario[] {
  const queues = `SELECT first_queue_id AS value FROM conversations WHERE first_queue_id IS NOT NULL
                  GROUP BY 1 ORDER BY count(*) DESC LIMIT 3`;
  const agent = `SELECT member_id AS value FROM conversation_members WHERE kind = 2
                 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const media = `SELECT media_type AS value FROM conversations GROUP BY 1 ORDER BY count(*) DESC LIMIT 2`;
  // A caller's number as a supervisor would type it (without the tel: scheme), from a conversation in the middle.
  const ani = (
    db
      .prepare(
        'SELECT ani FROM conversations WHERE ani IS NOT NULL AND id >= (SELECT max(id) / 2 FROM conversations) LIMIT 1',
      )
      .get() as {
      ani: string;
    }
  ).ani.replace(/^tel:/, '');
  return [
    {
      name: 'any queue = the busiest queue, newest first',
      filters: [{ kind: 'set', column: 'queue', values: [busiest(db, queues)] }],
      sort: { column: 'startTime', direction: 'desc' },
    },
    {
      name: 'first queue = the third busiest queue, oldest first',
      filters: [{ kind: 'set', column: 'firstQueue', values: [busiest(db, queues, 2)] }],
      sort: { column: 'startTime', direction: 'asc' },
    },
    {
      name: `media = ${busiest(db, media, 1)}, longest handle time first`,
      filters: [{ kind: 'set', column: 'mediaType', values: [busiest(db, media, 1)] }],
      sort: { column: 'handle', direction: 'desc' },
    },
    {
      name: 'agent = the busiest agent, longest talk time first',
      filters: [{ kind: 'set', column: 'agent', values: [busiest(db, agent)] }],
      sort: { column: 'talk', direction: 'desc' },
    },
    {
      name: 'abandoned only, longest queue wait first',
      filters: [{ kind: 'flag', column: 'abandoned', value: true }],
      sort: { column: 'queueWait', direction: 'desc' },
    },
    {
      name: 'direction = outbound, newest first',
      filters: [{ kind: 'set', column: 'direction', values: ['outbound'] }],
      sort: { column: 'startTime', direction: 'desc' },
    },
    {
      name: 'ANI contains one caller’s number, newest first',
      filters: [{ kind: 'text', column: 'ani', op: 'contains', value: ani }],
      sort: { column: 'startTime', direction: 'desc' },
    },
    {
      name: 'first queue = the busiest queue, longest queue wait first',
      filters: [{ kind: 'set', column: 'firstQueue', values: [busiest(db, queues)] }],
      sort: { column: 'queueWait', direction: 'desc' },
    },
    {
      name: 'any queue = the busiest queue, longest talk time first',
      filters: [{ kind: 'set', column: 'queue', values: [busiest(db, queues)] }],
      sort: { column: 'talk', direction: 'desc' },
    },
  ];
}
