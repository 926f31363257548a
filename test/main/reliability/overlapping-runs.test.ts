/**
 * Found by the long fault soak: two runs of one connection fetching the same range at once (an Interactions report
 * for a week and another for its last day) lost hundreds of conversations, and both runs still ended "done" with
 * the range marked complete. The run that asked later but finished first pruned the conversations the slower run
 * had just re-written with its own, earlier fetch time. A conversation seen by any fetch must count as seen at the
 * latest of them.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type Cache, type ChunkSpec } from '../../../main/cache/index';
import { generateConversations } from '../cache/support/conversations';
import { makeTempDir } from '../../support/temp-dir';

const START = Date.UTC(2025, 2, 19, 9);
const END = START + 6 * 3600_000;
const NOW = END + 3600_000;

describe('two runs of one connection fetching the same range at once', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let cache: Cache | undefined;
  beforeEach(() => (dir = makeTempDir('overlap')));
  afterEach(() => {
    cache?.close();
    dir.remove();
  });

  it('keep every conversation, whichever finishes first', () => {
    cache = openCache({ file: join(dir.path, 'cache.sqlite'), now: () => NOW });
    const conversations = generateConversations({ start: START, spanMs: END - START, count: 300 });
    const chunk: ChunkSpec = { kind: 'details-sync', dataset: 'details', start: START, end: END, prune: true };
    const run = () => cache!.runs.create({ connectionId: 'org', report: 'interactions', params: {}, chunks: [chunk] });
    const slow = run();
    const fast = run();
    // The slow run asked first but its pages arrive late (retries); the fast one asked later and finished first.
    const askedBySlow = NOW - 60_000;
    const askedByFast = NOW - 30_000;
    cache.runs.commitDetailsPage(fast.id, 0, { pageNumber: 1, conversations, fetchedAt: askedByFast });
    cache.runs.commitDetailsPage(slow.id, 0, { pageNumber: 1, conversations, fetchedAt: askedBySlow });
    cache.runs.completeChunk(fast.id, 0);
    cache.runs.completeChunk(slow.id, 0);

    expect(cache.conversationCount('org')).toBe(300);
  });

  it('still remove a conversation that neither fetch saw again (deleted in Genesys)', () => {
    cache = openCache({ file: join(dir.path, 'cache.sqlite'), now: () => NOW });
    const conversations = generateConversations({ start: START, spanMs: END - START, count: 300 });
    cache.upsertConversations('org', conversations, { fetchedAt: NOW - 3600_000 });
    const chunk: ChunkSpec = { kind: 'details-sync', dataset: 'details', start: START, end: END, prune: true };
    const first = cache.runs.create({ connectionId: 'org', report: 'interactions', params: {}, chunks: [chunk] });
    const second = cache.runs.create({ connectionId: 'org', report: 'interactions', params: {}, chunks: [chunk] });
    const remaining = conversations.slice(1);
    cache.runs.commitDetailsPage(second.id, 0, { pageNumber: 1, conversations: remaining, fetchedAt: NOW - 30_000 });
    cache.runs.commitDetailsPage(first.id, 0, { pageNumber: 1, conversations: remaining, fetchedAt: NOW - 60_000 });
    cache.runs.completeChunk(second.id, 0);
    cache.runs.completeChunk(first.id, 0);

    expect(cache.conversationCount('org')).toBe(299);
  });
});
