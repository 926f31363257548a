import { afterEach, describe, expect, it } from 'vitest';
import type { Models } from 'purecloud-platform-client-v2';
import { GenesysApi, REFERENCE_PAGE_SIZE } from '../../../main/genesys/api';
import { testHttp } from './support/http-fixtures';
import { sendJson, startScriptedServer, type RecordedRequest, type ScriptedServer } from './support/scripted-server';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A reference listing of `total` items named by `prefix`, paged like Genesys (fact sheet §10). */
function listing(req: RecordedRequest, total: number, prefix: string, withNextUri = true) {
  const pageSize = Number(req.query.get('pageSize') ?? 25);
  const pageNumber = Number(req.query.get('pageNumber') ?? 1);
  const pageCount = Math.ceil(total / pageSize);
  const start = (pageNumber - 1) * pageSize;
  const entities = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => ({
    id: `${prefix}-${start + i + 1}`,
    name: `${prefix} ${start + i + 1}`,
  }));
  return {
    entities,
    pageSize,
    pageNumber,
    total,
    pageCount,
    ...(withNextUri && pageNumber < pageCount ? { nextUri: `${req.path}?pageNumber=${pageNumber + 1}` } : {}),
  };
}

async function api(handler: (req: RecordedRequest) => unknown, status = 200): Promise<GenesysApi> {
  server = await startScriptedServer((req, res) => sendJson(res, status, handler(req)));
  return new GenesysApi(testHttp(server.baseUrl));
}

describe('GenesysApi reference data', () => {
  it.each([
    ['listQueues', '/api/v2/routing/queues', 250],
    ['listWrapupCodes', '/api/v2/routing/wrapupcodes', 101],
    ['listDivisions', '/api/v2/authorization/divisions', 3],
  ] as const)('%s pages through every page at the max page size', async (method, path, total) => {
    const client = await api((req) => listing(req, total, 'x'));
    const items = await client[method]();
    expect(items).toHaveLength(total);
    expect(items.at(-1)?.id).toBe(`x-${total}`);
    const requests = server?.requests ?? [];
    expect(requests).toHaveLength(Math.ceil(total / REFERENCE_PAGE_SIZE));
    expect(requests.every((request) => request.path === path)).toBe(true);
    expect(requests.map((request) => request.query.get('pageNumber'))).toEqual(requests.map((_, i) => String(i + 1)));
    expect(requests.every((request) => request.query.get('pageSize') === '100')).toBe(true);
  });

  it('lists users of every state, so people who left still get a name', async () => {
    const client = await api((req) => listing(req, 130, 'user'));
    const pages: Array<[number, number | undefined]> = [];
    const users = await client.listUsers({ onPage: (page, count) => pages.push([page, count]) });
    expect(users).toHaveLength(130);
    expect(server?.requests.every((request) => request.query.get('state') === 'any')).toBe(true);
    expect(pages).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('stops at pageCount even without nextUri, and on an empty page', async () => {
    const client = await api((req) => listing(req, 150, 'q', false));
    expect(await client.listQueues()).toHaveLength(100);
    await server?.close();
    const empty = await api(() => ({ entities: [], pageNumber: 1 }));
    expect(await empty.listQueues()).toEqual([]);
  });

  it('drops duplicates when the list shifts between pages', async () => {
    const client = await api((req) => {
      const page = Number(req.query.get('pageNumber'));
      return page === 1
        ? { entities: [{ id: 'a' }, { id: 'b' }], pageNumber: 1, pageCount: 2, nextUri: '/next' }
        : { entities: [{ id: 'b' }, { id: 'c' }], pageNumber: 2, pageCount: 2 };
    });
    expect((await client.listQueues()).map((queue) => queue.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('GenesysApi analytics', () => {
  it('posts the details, aggregates and observations queries to their endpoints', async () => {
    const client = await api((req) => ({ echo: req.path }));
    const interval = '2024-05-01T00:00:00.000Z/2024-05-02T00:00:00.000Z';
    await client.queryConversationDetails({ interval, paging: { pageSize: 100, pageNumber: 1 } });
    await client.queryConversationAggregates({ interval, metrics: ['nOffered'], groupBy: ['queueId'] });
    await client.queryQueueObservations({ filter: { type: 'or', predicates: [] }, metrics: ['oWaiting'] });
    expect(server?.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/v2/analytics/conversations/details/query',
      'POST /api/v2/analytics/conversations/aggregates/query',
      'POST /api/v2/analytics/queues/observations/query',
    ]);
    expect(JSON.parse(server?.requests[1]?.body ?? '')).toEqual({
      interval,
      metrics: ['nOffered'],
      groupBy: ['queueId'],
    });
  });

  it('runs a details job: submit, status, every results page by cursor, delete, availability', async () => {
    const client = await api((req) => {
      if (req.method === 'POST') return { jobId: 'job/1' };
      if (req.path.endsWith('/availability')) return { dataAvailabilityDate: '2024-05-01T00:00:00.000Z' };
      if (req.path.endsWith('/results')) {
        const cursor = req.query.get('cursor');
        return cursor === null
          ? { conversations: [{ conversationId: 'c1' }], cursor: 'page-2' }
          : { conversations: [{ conversationId: 'c2' }] };
      }
      if (req.method === 'DELETE') return '';
      return { state: 'FULFILLED' };
    });
    const { jobId } = await client.submitConversationDetailsJob({ interval: 'x' });
    expect(jobId).toBe('job/1');
    expect((await client.getConversationDetailsJob(jobId ?? '')).state).toBe('FULFILLED');
    const pages: Models.AnalyticsConversationAsyncQueryResponse[] = [];
    for await (const page of client.conversationDetailsJobResultPages(jobId ?? '')) pages.push(page);
    expect(pages.flatMap((page) => page.conversations ?? []).map((c) => c.conversationId)).toEqual(['c1', 'c2']);
    await client.deleteConversationDetailsJob(jobId ?? '');
    expect((await client.getConversationDetailsJobsAvailability()).dataAvailabilityDate).toBe(
      '2024-05-01T00:00:00.000Z',
    );

    const calls = server?.requests.map((request) => `${request.method} ${request.url}`) ?? [];
    expect(calls).toEqual([
      'POST /api/v2/analytics/conversations/details/jobs',
      'GET /api/v2/analytics/conversations/details/jobs/job%2F1',
      'GET /api/v2/analytics/conversations/details/jobs/job%2F1/results?pageSize=1000',
      'GET /api/v2/analytics/conversations/details/jobs/job%2F1/results?cursor=page-2&pageSize=1000',
      'DELETE /api/v2/analytics/conversations/details/jobs/job%2F1',
      'GET /api/v2/analytics/conversations/details/jobs/availability',
    ]);
  });

  it('calls the single-conversation, me, organization and active-conversation endpoints', async () => {
    const client = await api(() => ({ id: 'x' }));
    await client.getConversationDetails('c-1');
    await client.getConversation('c-2');
    await client.getActiveConversations({ communicationType: 'call' });
    await client.getMe();
    await client.getOrganization();
    expect(server?.requests.map((request) => request.url)).toEqual([
      '/api/v2/analytics/conversations/c-1/details',
      '/api/v2/conversations/c-2',
      '/api/v2/conversations?communicationType=call',
      '/api/v2/users/me',
      '/api/v2/organizations/me',
    ]);
  });

  it('refuses an empty or dot id instead of calling another endpoint', async () => {
    const client = await api(() => ({}));
    expect(() => client.getConversation('..')).toThrow(RangeError);
    expect(() => client.getConversationDetailsJob('')).toThrow(RangeError);
  });
});
