import { createHash } from 'node:crypto';
import { canonicalJson } from '../cache/canonical-json';
import type { ColumnFilter, GridView } from '../../preload/contract/report-params';
import type { CellValue, ReportRow } from '../../preload/contract/reports';
import { badReportInput } from './report-errors';
import type { DefinedColumn } from './types';
import { checkFilter, checkSort } from './view-checks';

/**
 * Sorting, column filters and paging for reports whose rows are computed in main (performance reports: a few
 * thousand rows at most, queues × buckets; live queues). The renderer never sorts or filters: it gets pages.
 */
export interface MemoryRow<T> {
  values: ReportRow;
  /** What the totals row is computed from (e.g. the summed metric stats behind the row). */
  data: T;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Empty cells last in either direction: "sort by ASA" shows the queues that have one first. */
function compareCells(a: CellValue, b: CellValue): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

const isEmpty = (value: CellValue | undefined): boolean => value === null || value === undefined;

function matches(row: ReportRow, filter: ColumnFilter, column: DefinedColumn): boolean {
  const value = row[filter.column];
  switch (filter.kind) {
    case 'text': {
      if (typeof value !== 'string') return false;
      const [text, wanted] = [value.toLocaleLowerCase('en'), filter.value.toLocaleLowerCase('en')];
      if (filter.op === 'equals') return text === wanted;
      return filter.op === 'contains' ? text.includes(wanted) : text.startsWith(wanted);
    }
    case 'number':
    case 'date': {
      if (typeof value !== 'number') return false;
      const [low, high] = filter.kind === 'number' ? [filter.min, filter.max] : [filter.from, filter.to];
      // Number bounds are inclusive; date ranges are [from, to).
      const belowHigh = high === undefined || (filter.kind === 'number' ? value <= high : value < high);
      return (low === undefined || value >= low) && belowHigh;
    }
    case 'set': {
      const key = row[column.setKey ?? filter.column];
      return !isEmpty(key) && filter.values.includes(String(key));
    }
    case 'flag':
      return value === filter.value;
  }
}

/** The rows the view keeps, in its order (stable: ties keep the report's natural order). */
export function applyView<T>(
  rows: readonly MemoryRow<T>[],
  columns: readonly DefinedColumn[],
  view: Pick<GridView, 'sort' | 'filters'>,
): MemoryRow<T>[] {
  const filters = view.filters.map((filter) => ({ filter, column: checkFilter(columns, filter) }));
  const sortColumn = checkSort(columns, view.sort);
  const kept = rows.filter((row) => filters.every(({ filter, column }) => matches(row.values, filter, column)));
  if (sortColumn === null || view.sort === undefined) return kept;
  const sign = view.sort.direction === 'asc' ? 1 : -1;
  const id = sortColumn.id;
  return kept.sort((x, y) => {
    const [a, b] = [x.values[id] ?? null, y.values[id] ?? null];
    if (isEmpty(a) || isEmpty(b)) return Number(isEmpty(a)) - Number(isEmpty(b));
    return sign * compareCells(a, b);
  });
}

/** A short hash of what a cursor is valid for: the same report, parameters, sort and filters. */
export function viewSignature(params: unknown, view: Pick<GridView, 'sort' | 'filters'>): string {
  const text = canonicalJson({ params, sort: view.sort ?? null, filters: view.filters });
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

function decodeOffset(cursor: string, signature: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const { o, s } = (parsed ?? {}) as { o?: unknown; s?: unknown };
  if (s !== signature || typeof o !== 'number' || !Number.isSafeInteger(o) || o < 0) {
    throw badReportInput('The grid asked for a page of a different view. Go back to the first page.', 'view');
  }
  return o;
}

/** One page of already filtered and sorted rows; the cursor is the next row's position, tied to the view. */
export function pageOf<T>(
  rows: readonly MemoryRow<T>[],
  page: GridView['page'],
  signature: string,
): { rows: MemoryRow<T>[]; nextCursor: string | null } {
  const offset =
    page.after !== undefined && page.after !== null
      ? decodeOffset(page.after, signature)
      : ((page.number ?? 1) - 1) * page.size;
  const end = offset + page.size;
  const nextCursor =
    end < rows.length ? Buffer.from(JSON.stringify({ o: end, s: signature })).toString('base64url') : null;
  return { rows: rows.slice(offset, end), nextCursor };
}
