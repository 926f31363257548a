import type { OrgDataset } from '../model';
import { errors } from './error-body';
import { queryList } from './http-util';
import { pageOf, parsePaging } from './paging';
import type { ApiRoute } from './router';

interface Named {
  id?: string;
  name?: string;
  division?: { id?: string };
}

type Filters = Array<[string, string]>;

/**
 * Reference data with the classic paging envelope (fact sheet §10). Only the
 * query parameters a reporting client uses are implemented; results are
 * sorted by name (then id) so pages are stable across calls.
 */
export function referenceRoutes(dataset: OrgDataset, maxPageSize: number): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/routing/queues',
      permissions: { any: ['routing:queue:view'] },
      handle: ({ query }) => {
        const filters: Filters = [];
        let queues = byName(dataset.queues, sortDirection(query, 'sortOrder', ['asc', 'desc'], filters));
        queues = filterName(queues, query, filters, wildcardMatcher);
        queues = filterIds(queues, query, 'id', (queue) => queue.id, filters);
        queues = filterIds(queues, query, 'divisionId', (queue) => queue.division?.id, filters);
        return listing(queues, query, '/api/v2/routing/queues', filters, maxPageSize);
      },
    },
    {
      method: 'GET',
      path: '/users',
      handle: ({ query }) => {
        const filters: Filters = [];
        const state = query.get('state') ?? 'active';
        if (!['active', 'inactive', 'deleted', 'any'].includes(state)) {
          throw errors.invalidQueryParameter('state', state, 'it must be one of active, inactive, deleted, any');
        }
        if (query.has('state')) filters.push(['state', state]);
        let users = byName(dataset.users, sortDirection(query, 'sortOrder', ['ascending', 'descending'], filters));
        users = users.filter((user) => state === 'any' || (user.state ?? 'active') === state);
        users = filterIds(users, query, 'id', (user) => user.id, filters);
        return listing(users, query, '/api/v2/users', filters, maxPageSize);
      },
    },
    {
      method: 'GET',
      path: '/routing/wrapupcodes',
      permissions: { all: ['routing:wrapupCode:view'] },
      handle: ({ query }) => {
        const filters: Filters = [];
        let codes = byName(
          dataset.wrapupCodes,
          sortDirection(query, 'sortOrder', ['ascending', 'descending'], filters),
        );
        codes = filterName(codes, query, filters, substringMatcher);
        codes = filterIds(codes, query, 'id', (code) => code.id, filters);
        codes = filterIds(codes, query, 'divisionId', (code) => code.division?.id, filters);
        return listing(codes, query, '/api/v2/routing/wrapupcodes', filters, maxPageSize);
      },
    },
    {
      method: 'GET',
      path: '/authorization/divisions',
      handle: ({ query }) => {
        const filters: Filters = [];
        let divisions = byName(dataset.divisions, 1);
        divisions = filterName(divisions, query, filters, substringMatcher);
        divisions = filterIds(divisions, query, 'id', (division) => division.id, filters);
        return listing(divisions, query, '/api/v2/authorization/divisions', filters, maxPageSize);
      },
    },
    {
      method: 'GET',
      path: '/organizations/me',
      handle: () => ({ status: 200, body: dataset.organization }),
    },
  ];
}

function listing<T>(items: T[], query: URLSearchParams, path: string, filters: Filters, maxPageSize: number) {
  return { status: 200, body: pageOf(items, parsePaging(query, maxPageSize), path, filters) };
}

function byName<T extends Named>(items: readonly T[], direction: 1 | -1): T[] {
  return [...items].sort(
    (a, b) =>
      direction * (a.name ?? '').localeCompare(b.name ?? '', 'en', { sensitivity: 'base' }) ||
      (a.id ?? '').localeCompare(b.id ?? ''),
  );
}

function sortDirection(query: URLSearchParams, name: string, allowed: [string, string], filters: Filters): 1 | -1 {
  const raw = query.get(name);
  if (raw === null || raw === '') return 1;
  const value = raw.toLowerCase();
  if (!allowed.includes(value)) {
    throw errors.invalidQueryParameter(name, raw, `it must be ${allowed[0]} or ${allowed[1]}`);
  }
  filters.push([name, raw]);
  return value === allowed[0] ? 1 : -1;
}

type Matcher = (pattern: string) => (name: string) => boolean;

/** Queues: exact name, with leading/trailing `*` wildcards (SDK parameter description), case-insensitive. */
const wildcardMatcher: Matcher = (pattern) => {
  const lower = pattern.toLowerCase();
  const core = lower.replace(/^\*+/, '').replace(/\*+$/, '');
  const leading = lower.startsWith('*');
  const trailing = lower.endsWith('*') && lower.length > 1;
  return (name) => {
    const value = name.toLowerCase();
    if (leading && trailing) return value.includes(core);
    if (leading) return value.endsWith(core);
    if (trailing) return value.startsWith(core);
    return value === core;
  };
};

/** Wrap-up codes and divisions: a search term, matched as a case-insensitive substring [assumption]. */
const substringMatcher: Matcher = (pattern) => {
  const lower = pattern.toLowerCase();
  return (name) => name.toLowerCase().includes(lower);
};

function filterName<T extends Named>(items: T[], query: URLSearchParams, filters: Filters, matcher: Matcher): T[] {
  const pattern = query.get('name');
  if (pattern === null || pattern === '') return items;
  filters.push(['name', pattern]);
  const matches = matcher(pattern);
  return items.filter((item) => matches(item.name ?? ''));
}

function filterIds<T>(
  items: T[],
  query: URLSearchParams,
  name: string,
  idOf: (item: T) => string | undefined,
  filters: Filters,
): T[] {
  const wanted = queryList(query, name);
  if (wanted.length === 0) return items;
  for (const id of wanted) filters.push([name, id]);
  const set = new Set(wanted);
  return items.filter((item) => set.has(idOf(item) ?? ''));
}
