import { errors } from './error-body';

export interface PageRequest {
  pageSize: number;
  pageNumber: number;
}

/** The classic Genesys listing envelope (QueueEntityListing, UserEntityListing, … — fact sheet §10). */
export interface EntityListing<T> {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
  firstUri: string;
  selfUri: string;
  lastUri: string;
  nextUri?: string;
  previousUri?: string;
}

/** Default page size 25 and first page 1 are SDK-declared (§10); the maximum is ours (docs/simulator.md). */
export function parsePaging(query: URLSearchParams, maxPageSize: number): PageRequest {
  return {
    pageSize: positiveInt(query, 'pageSize', Math.min(25, maxPageSize), maxPageSize),
    pageNumber: positiveInt(query, 'pageNumber', 1, Number.MAX_SAFE_INTEGER),
  };
}

export function positiveInt(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < 1 || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'a whole number of at least 1' : `a whole number from 1 to ${max}`;
    throw errors.invalidQueryParameter(name, raw, `it must be ${range}`);
  }
  return value;
}

/**
 * One page of `items` with URIs a client can follow. The URIs repeat the
 * filters (in `filters` order) so following nextUri keeps the same query;
 * nextUri/previousUri are absent at the ends, which is how clients stop.
 */
export function pageOf<T>(
  items: readonly T[],
  page: PageRequest,
  path: string,
  filters: ReadonlyArray<readonly [string, string]> = [],
): EntityListing<T> {
  const total = items.length;
  const pageCount = Math.ceil(total / page.pageSize);
  const uri = (pageNumber: number) => {
    const query = new URLSearchParams({ pageSize: String(page.pageSize), pageNumber: String(pageNumber) });
    for (const [name, value] of filters) query.append(name, value);
    return `${path}?${query.toString()}`;
  };
  const start = (page.pageNumber - 1) * page.pageSize;
  const listing: EntityListing<T> = {
    entities: items.slice(start, start + page.pageSize),
    pageSize: page.pageSize,
    pageNumber: page.pageNumber,
    total,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(page.pageNumber),
    lastUri: uri(Math.max(1, pageCount)),
  };
  if (page.pageNumber < pageCount) listing.nextUri = uri(page.pageNumber + 1);
  if (page.pageNumber > 1) listing.previousUri = uri(Math.min(page.pageNumber - 1, Math.max(1, pageCount)));
  return listing;
}
