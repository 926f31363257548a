import type { GenesysRequester, QueryValue } from './http/genesys-http';

/** The classic paging envelope of reference endpoints (fact sheet §10). */
export interface EntityListing<T> {
  entities?: T[];
  pageNumber?: number;
  pageCount?: number;
  nextUri?: string;
}

export interface PageAllOptions {
  pageSize: number;
  signal?: AbortSignal | undefined;
  /** Guards against a server that never stops saying there is more. */
  maxPages?: number;
  onPage?: (pageNumber: number, pageCount: number | undefined) => void;
}

/**
 * Every entity of a paged listing: pages 1, 2, … until `nextUri` is absent
 * or `pageNumber ≥ pageCount` (fact sheet §10). Entities are de-duplicated
 * by id, since a list that changes while we page can repeat an item.
 */
export async function fetchAllPages<T extends { id?: string }>(
  http: GenesysRequester,
  path: string,
  query: Readonly<Record<string, QueryValue>>,
  options: PageAllOptions,
): Promise<T[]> {
  const seen = new Set<string>();
  const items: T[] = [];
  const maxPages = options.maxPages ?? 10_000;
  for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
    const page = await http.request<EntityListing<T>>('GET', path, {
      query: { ...query, pageSize: options.pageSize, pageNumber },
      signal: options.signal,
    });
    const entities = page?.entities ?? [];
    for (const entity of entities) {
      if (entity.id !== undefined) {
        if (seen.has(entity.id)) continue;
        seen.add(entity.id);
      }
      items.push(entity);
    }
    options.onPage?.(pageNumber, page?.pageCount);
    const lastByCount = page?.pageCount !== undefined && pageNumber >= page.pageCount;
    if (entities.length === 0 || !page?.nextUri || lastByCount) break;
  }
  return items;
}
