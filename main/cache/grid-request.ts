import { badQuery } from './errors';
import {
  DATE_FILTER_COLUMNS,
  FLAG_FILTER_COLUMNS,
  isOneOf,
  MEMBER_SET_COLUMNS,
  NAMED_COLUMNS,
  NUMBER_FILTER_COLUMNS,
  sortColumn,
  TEXT_FILTER_COLUMNS,
  VALUE_SET_COLUMNS,
  type DateFilterColumn,
  type FlagFilterColumn,
  type NumberFilterColumn,
  type SetFilterColumn,
  type SortColumn,
  type TextFilterColumn,
} from './grid-columns';

export type GridFilter =
  | { kind: 'text'; column: TextFilterColumn; op: 'contains' | 'equals' | 'startsWith'; value: string }
  /** Inclusive bounds in milliseconds. */
  | { kind: 'number'; column: NumberFilterColumn; min?: number; max?: number }
  /** [from, to) in epoch milliseconds. */
  | { kind: 'date'; column: DateFilterColumn; from?: number; to?: number }
  /** Any of `values`; `includeBlank` also matches conversations with no value (no wrap-up, no agent…). */
  | { kind: 'set'; column: SetFilterColumn; values: string[]; includeBlank?: boolean }
  | { kind: 'flag'; column: FlagFilterColumn; value: boolean };

export interface GridSort {
  column: SortColumn;
  direction: 'asc' | 'desc';
  /** firstQueue, wrapUpCode, division: order by the cached name (as shown) rather than the id. */
  byName?: boolean;
}

/**
 * A condition read from the stored Genesys detail rather than a flat column: some segment of a participant
 * of `party` ended with one of the Genesys `disconnectType`s (customer = the customer/external party, agent =
 * an agent/user leg, any = any leg).
 */
export interface DisconnectCondition {
  kind: 'disconnect';
  party: 'customer' | 'agent' | 'any';
  types: string[];
}
export type GridCondition = GridFilter | DisconnectCondition;

export interface GridConditionRule {
  condition: GridCondition;
  /** Matches rows the condition does not match, including rows with no value ("wrap-up is not X"). */
  negate?: boolean;
}

/** Advanced conditions: all (AND) or any (OR) of the rules, on top of `filters`. */
export interface GridConditionGroup {
  match: 'all' | 'any';
  rules: GridConditionRule[];
}

export interface GridPage {
  size: number;
  /** Continue after the row this cursor (from a previous answer's `nextCursor`) points at: keyset paging. */
  after?: string | null;
  /** Jump to this 1-based page (used when the grid jumps, e.g. to the last page). Ignored when `after` is set. */
  number?: number;
}

export interface GridQuery {
  /** Conversations that started in [start, end), epoch milliseconds. */
  start: number;
  end: number;
  filters?: GridFilter[];
  sort?: GridSort;
  conditions?: GridConditionGroup;
  page: GridPage;
  /** Also count all matching rows (default true; a grid can skip it when only the page changes). */
  count?: boolean;
}

export const DEFAULT_SORT: GridSort = { column: 'startTime', direction: 'desc' };
export const MAX_PAGE_SIZE = 1000;
// Form filters, column filters and "all" conditions (merged into filters) together.
const MAX_FILTERS = 150;
const MAX_RULES = 50;
const MAX_DISCONNECT_TYPES = 30;
const MAX_SET_VALUES = 1000;
const MAX_TEXT = 500;

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optionalNumber = (value: unknown): boolean => value === undefined || isFiniteNumber(value);

function checkFilter(filter: unknown, at: number): GridFilter {
  if (filter === null || typeof filter !== 'object') throw badQuery(`filter ${at} is not an object`);
  const f = filter as Record<string, unknown>;
  switch (f.kind) {
    case 'text':
      if (!isOneOf(TEXT_FILTER_COLUMNS, f.column)) break;
      if (!isOneOf(['contains', 'equals', 'startsWith'], f.op)) break;
      if (typeof f.value !== 'string' || f.value.length > MAX_TEXT) break;
      return { kind: 'text', column: f.column, op: f.op, value: f.value };
    case 'number':
      if (!isOneOf(NUMBER_FILTER_COLUMNS, f.column) || !optionalNumber(f.min) || !optionalNumber(f.max)) break;
      return { kind: 'number', column: f.column, min: f.min as number | undefined, max: f.max as number | undefined };
    case 'date':
      if (!isOneOf(DATE_FILTER_COLUMNS, f.column) || !optionalNumber(f.from) || !optionalNumber(f.to)) break;
      return { kind: 'date', column: f.column, from: f.from as number | undefined, to: f.to as number | undefined };
    case 'set': {
      const columns = [...VALUE_SET_COLUMNS, ...MEMBER_SET_COLUMNS];
      if (!isOneOf(columns, f.column) || !Array.isArray(f.values) || f.values.length > MAX_SET_VALUES) break;
      const values: unknown[] = f.values;
      if (!values.every((value) => typeof value === 'string' && value.length <= MAX_TEXT)) break;
      if (f.includeBlank !== undefined && typeof f.includeBlank !== 'boolean') break;
      return { kind: 'set', column: f.column, values: [...new Set(values as string[])], includeBlank: f.includeBlank };
    }
    case 'flag':
      if (!isOneOf(FLAG_FILTER_COLUMNS, f.column) || typeof f.value !== 'boolean') break;
      return { kind: 'flag', column: f.column, value: f.value };
  }
  throw badQuery(`filter ${at} is not supported: ${JSON.stringify(filter).slice(0, 200)}`);
}

function checkCondition(condition: unknown, at: number): GridCondition {
  const c = condition as Record<string, unknown> | null;
  if (c !== null && typeof c === 'object' && c.kind === 'disconnect') {
    const types: unknown = c.types;
    if (
      isOneOf(['customer', 'agent', 'any'], c.party) &&
      Array.isArray(types) &&
      types.length > 0 &&
      types.length <= MAX_DISCONNECT_TYPES &&
      (types as unknown[]).every((type) => typeof type === 'string' && type.length > 0 && type.length <= 64)
    ) {
      return { kind: 'disconnect', party: c.party, types: [...new Set(types as string[])] };
    }
    throw badQuery(`condition ${at} is not supported: ${JSON.stringify(condition).slice(0, 200)}`);
  }
  return checkFilter(condition, at);
}

function checkConditions(raw: GridConditionGroup | undefined): GridConditionGroup | undefined {
  if (raw === undefined) return undefined;
  const group: Partial<Record<keyof GridConditionGroup, unknown>> | null = raw;
  if (group === null || typeof group !== 'object' || !isOneOf(['all', 'any'], group.match)) {
    throw badQuery('conditions must say whether all or any rule must match');
  }
  const rawRules: unknown = group.rules;
  if (!Array.isArray(rawRules) || rawRules.length > MAX_RULES) throw badQuery('conditions must be a short list');
  const rules = (rawRules as unknown[]).map((rule, at): GridConditionRule => {
    const r = rule as { condition?: unknown; negate?: unknown } | null;
    if (r === null || typeof r !== 'object') throw badQuery(`condition ${at} is not an object`);
    if (r.negate !== undefined && typeof r.negate !== 'boolean') throw badQuery(`condition ${at}: negate`);
    const condition = checkCondition(r.condition, at);
    return r.negate === true ? { condition, negate: true } : { condition };
  });
  return { match: group.match, rules };
}

/**
 * "All" conditions that are plain filters become filters, so the planner can drive from their indexes as for
 * any other filter; a single rule is the same whether "all" or "any". What is left stays a group.
 */
function splitConditions(group: GridConditionGroup | undefined): {
  filters: GridFilter[];
  conditions: GridConditionGroup | undefined;
} {
  if (group === undefined || group.rules.length === 0) return { filters: [], conditions: undefined };
  if (group.match === 'any' && group.rules.length > 1) return { filters: [], conditions: group };
  const filters: GridFilter[] = [];
  const rest: GridConditionRule[] = [];
  for (const rule of group.rules) {
    if (rule.negate !== true && rule.condition.kind !== 'disconnect') filters.push(rule.condition);
    else rest.push(rule);
  }
  return { filters, conditions: rest.length === 0 ? undefined : { match: 'all', rules: rest } };
}

/**
 * Checks a grid request at run time (it crosses a process boundary, and TypeScript types do not exist there)
 * and returns a clean copy holding only known fields.
 */
export function checkGridQuery(query: GridQuery): GridQuery & { sort: GridSort; filters: GridFilter[] } {
  const split = splitConditions(checkConditions(query.conditions));
  if (!isFiniteNumber(query.start) || !isFiniteNumber(query.end) || query.end <= query.start) {
    throw badQuery('start and end must be numbers with start < end');
  }
  const rawFilters: unknown = query.filters ?? [];
  if (!Array.isArray(rawFilters) || rawFilters.length > MAX_FILTERS) throw badQuery('filters must be a short list');
  const filters = [...(rawFilters as unknown[]).map(checkFilter), ...split.filters];
  if (filters.length > MAX_FILTERS) throw badQuery('too many filters');
  const rawSort = (query.sort ?? DEFAULT_SORT) as { column?: unknown; direction?: unknown; byName?: unknown };
  if (sortColumn(rawSort.column) === undefined || !isOneOf(['asc', 'desc'], rawSort.direction)) {
    throw badQuery(`unsupported sort ${JSON.stringify(rawSort).slice(0, 200)}`);
  }
  const byName = rawSort.byName === true;
  if (rawSort.byName !== undefined && typeof rawSort.byName !== 'boolean') throw badQuery('sort byName must be a flag');
  if (byName && !Object.hasOwn(NAMED_COLUMNS, rawSort.column as string)) {
    throw badQuery(`column ${String(rawSort.column)} has no name to sort by`);
  }
  const sort: GridSort = byName
    ? { column: rawSort.column as SortColumn, direction: rawSort.direction, byName: true }
    : { column: rawSort.column as SortColumn, direction: rawSort.direction };
  const page = query.page as Partial<GridPage> | undefined;
  const size = page?.size;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badQuery(`page size must be 1–${MAX_PAGE_SIZE}`);
  }
  if (page?.after !== undefined && page.after !== null && typeof page.after !== 'string') {
    throw badQuery('page cursor must be a string');
  }
  const number = page?.number;
  if (number !== undefined && (!Number.isInteger(number) || number < 1 || number > 10_000_000)) {
    throw badQuery('page number must be a positive whole number');
  }
  if (query.count !== undefined && typeof query.count !== 'boolean') throw badQuery('count must be true or false');
  return {
    start: query.start,
    end: query.end,
    filters,
    sort,
    ...(split.conditions === undefined ? {} : { conditions: split.conditions }),
    page: { size, after: page?.after ?? null, number },
    count: query.count ?? true,
  };
}
