import { describe, expect, it } from 'vitest';
import { fixtureEngine, ids } from './helpers';

describe('details query over data that is still changing', () => {
  it('keeps pages stable for a moment, then shows what started since', () => {
    const { engine, clock } = fixtureEngine({}, { ms: Date.parse('2024-05-02T11:57:59.500Z') });
    const body = { interval: '2024-05-02T11:30:00Z/2024-05-02T12:30:00Z', paging: { pageSize: 100, pageNumber: 1 } };
    expect(ids(engine.detailsQuery(body))).toEqual(['c12', 'c10', 'c09']);
    // c11 starts at 11:58:00; 700 ms later the row set is still the one being paged through…
    clock.ms += 700;
    expect(ids(engine.detailsQuery(body))).toEqual(['c12', 'c10', 'c09']);
    // …and once it is older than a second, the query sees the new conversation.
    clock.ms += 800;
    const fresh = engine.detailsQuery(body);
    expect(ids(fresh)).toEqual(['c12', 'c10', 'c09', 'c11']);
    expect(fresh.totalHits).toBe(4);
  });

  it('keeps answering a finished past interval from its cache', () => {
    const { engine, clock } = fixtureEngine();
    const body = { interval: '2024-05-01T08:00:00Z/2024-05-01T09:00:00Z' };
    const first = engine.detailsQuery(body);
    clock.ms += 3_600_000;
    expect(engine.detailsQuery(body)).toEqual(first);
  });
});
