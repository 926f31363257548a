import type { ColumnFilter } from '../../../preload/contract/report-params';
import type { ReportColumn } from '../../../preload/contract/reports';
import { addDays, isDay } from '../dates/civil-day';
import { dayIn, startOfDay } from '../dates/zoned-time';
import type { GridSort } from '../state/grid-store';

/**
 * Converts between AG Grid's filter and sort models and the contract's GridView, in both directions (the
 * reverse restores a saved report's filters in the grid). Units follow what the grid shows: durations are
 * typed in seconds, percents from 0 to 100, dates as days in the report's zone; the contract holds ms, 0..1
 * ratios and epoch-ms instants, [from, to) for dates and inclusive bounds for numbers.
 */
type AgModel = Record<string, unknown>;

interface TextModel {
  filterType: 'text';
  type: 'contains' | 'equals' | 'startsWith';
  filter: string;
}
interface NumberModel {
  filterType: 'number';
  type: 'equals' | 'greaterThanOrEqual' | 'lessThanOrEqual' | 'inRange';
  filter: number | null;
  filterTo?: number | null;
}
interface DateModel {
  filterType: 'date';
  type: 'equals' | 'greaterThan' | 'lessThan' | 'inRange';
  dateFrom: string | null;
  dateTo?: string | null;
}
export interface SetModel {
  filterType: 'set';
  values: string[];
}
export interface FlagModel {
  filterType: 'flag';
  value: boolean;
}

export const TEXT_OPTIONS: TextModel['type'][] = ['contains', 'equals', 'startsWith'];
export const NUMBER_OPTIONS: NumberModel['type'][] = ['greaterThanOrEqual', 'lessThanOrEqual', 'inRange', 'equals'];
export const DATE_OPTIONS: DateModel['type'][] = ['equals', 'greaterThan', 'lessThan', 'inRange'];

function numberScale(column: ReportColumn): number {
  if (column.format === 'duration') return 1000;
  if (column.format === 'percent') return 0.01;
  return 1;
}

/** Avoids 0.07 * 100 = 7.000000000000001 when showing a stored bound back in the grid. */
function unscale(value: number, scale: number): number {
  return Math.round((value / scale) * 1e6) / 1e6;
}

function dayPart(text: string | null | undefined): string | null {
  const day = text?.slice(0, 10) ?? null;
  return day && isDay(day) ? day : null;
}

function fromText(column: ReportColumn, model: TextModel): ColumnFilter | null {
  if (!TEXT_OPTIONS.includes(model.type) || typeof model.filter !== 'string' || model.filter === '') return null;
  return { kind: 'text', column: column.id, op: model.type, value: model.filter };
}

function fromNumber(column: ReportColumn, model: NumberModel): ColumnFilter | null {
  const scale = numberScale(column);
  const a = typeof model.filter === 'number' ? model.filter * scale : undefined;
  const b = typeof model.filterTo === 'number' ? model.filterTo * scale : undefined;
  switch (model.type) {
    case 'equals':
      return a === undefined ? null : { kind: 'number', column: column.id, min: a, max: a };
    case 'greaterThanOrEqual':
      return a === undefined ? null : { kind: 'number', column: column.id, min: a };
    case 'lessThanOrEqual':
      return a === undefined ? null : { kind: 'number', column: column.id, max: a };
    case 'inRange':
      if (a === undefined || b === undefined) return null;
      return { kind: 'number', column: column.id, min: Math.min(a, b), max: Math.max(a, b) };
    default:
      return null;
  }
}

function fromDate(column: ReportColumn, model: DateModel, zone: string): ColumnFilter | null {
  const first = dayPart(model.dateFrom);
  if (!first) return null;
  const start = (day: string) => startOfDay(day, zone);
  switch (model.type) {
    case 'equals':
      return { kind: 'date', column: column.id, from: start(first), to: start(addDays(first, 1)) };
    case 'greaterThan':
      return { kind: 'date', column: column.id, from: start(addDays(first, 1)) };
    case 'lessThan':
      return { kind: 'date', column: column.id, to: start(first) };
    case 'inRange': {
      const second = dayPart(model.dateTo);
      if (!second) return null;
      const [low, high] = first <= second ? [first, second] : [second, first];
      return { kind: 'date', column: column.id, from: start(low), to: start(addDays(high, 1)) };
    }
    default:
      return null;
  }
}

/** AG Grid's filter model → the contract's column filters (unknown columns and half-typed filters are left out). */
export function toColumnFilters(model: AgModel, columns: ReportColumn[], zone: string): ColumnFilter[] {
  const byId = new Map(columns.map((column) => [column.id, column]));
  const filters: ColumnFilter[] = [];
  for (const [id, raw] of Object.entries(model)) {
    const column = byId.get(id);
    if (!column || raw === null || typeof raw !== 'object') continue;
    const entry = raw as { filterType?: string };
    let filter: ColumnFilter | null = null;
    switch (entry.filterType) {
      case 'text':
        filter = fromText(column, entry as TextModel);
        break;
      case 'number':
        filter = fromNumber(column, entry as NumberModel);
        break;
      case 'date':
        filter = fromDate(column, entry as DateModel, zone);
        break;
      case 'set': {
        const { values } = entry as SetModel;
        filter = Array.isArray(values) && values.length > 0 ? { kind: 'set', column: id, values: [...values] } : null;
        break;
      }
      case 'flag': {
        const { value } = entry as FlagModel;
        filter = typeof value === 'boolean' ? { kind: 'flag', column: id, value } : null;
        break;
      }
    }
    if (filter) filters.push(filter);
  }
  return filters;
}

function dateText(day: string): string {
  return `${day} 00:00:00`;
}

/** The contract's column filters → AG Grid's filter model, for a saved report opened in the grid. */
export function toAgFilterModel(filters: ColumnFilter[], columns: ReportColumn[], zone: string): AgModel {
  const byId = new Map(columns.map((column) => [column.id, column]));
  const model: AgModel = {};
  for (const filter of filters) {
    const column = byId.get(filter.column);
    if (!column) continue;
    switch (filter.kind) {
      case 'text':
        model[filter.column] = { filterType: 'text', type: filter.op, filter: filter.value } satisfies TextModel;
        break;
      case 'number': {
        const scale = numberScale(column);
        const min = filter.min === undefined ? null : unscale(filter.min, scale);
        const max = filter.max === undefined ? null : unscale(filter.max, scale);
        let entry: NumberModel | null = null;
        if (min !== null && max !== null) {
          entry =
            min === max
              ? { filterType: 'number', type: 'equals', filter: min }
              : { filterType: 'number', type: 'inRange', filter: min, filterTo: max };
        } else if (min !== null) entry = { filterType: 'number', type: 'greaterThanOrEqual', filter: min };
        else if (max !== null) entry = { filterType: 'number', type: 'lessThanOrEqual', filter: max };
        if (entry) model[filter.column] = entry;
        break;
      }
      case 'date': {
        const first = filter.from === undefined ? null : dayIn(filter.from, zone);
        const last = filter.to === undefined ? null : dayIn(filter.to - 1, zone);
        let entry: DateModel | null = null;
        if (first && last) {
          entry =
            first === last
              ? { filterType: 'date', type: 'equals', dateFrom: dateText(first) }
              : { filterType: 'date', type: 'inRange', dateFrom: dateText(first), dateTo: dateText(last) };
        } else if (first) entry = { filterType: 'date', type: 'greaterThan', dateFrom: dateText(addDays(first, -1)) };
        else if (last) entry = { filterType: 'date', type: 'lessThan', dateFrom: dateText(addDays(last, 1)) };
        if (entry) model[filter.column] = entry;
        break;
      }
      case 'set':
        model[filter.column] = { filterType: 'set', values: filter.values } satisfies SetModel;
        break;
      case 'flag':
        model[filter.column] = { filterType: 'flag', value: filter.value } satisfies FlagModel;
        break;
    }
  }
  return model;
}

/** The grid sorts by one column at a time; main does the sorting. */
export function toSort(sortModel: { colId: string; sort: 'asc' | 'desc' }[]): GridSort | null {
  const first = sortModel[0];
  return first ? { column: first.colId, direction: first.sort } : null;
}
