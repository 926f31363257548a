import type { ColDef } from 'ag-grid-community';
import type { ReportColumn, ReportRow } from '../../../preload/contract/reports';
import type { ReportDescriptor } from '../../../preload/contract/workspace-types';
import { formatCell, isNumericFormat, type CellFormatOptions } from '../format/cell';
import { formatDuration, parseDurationSeconds } from '../format/duration';
import { DATE_OPTIONS, NUMBER_OPTIONS, TEXT_OPTIONS } from './filter-model';
import { FlagFilter } from './FlagFilter';
import { SetFilter } from './SetFilter';

/** Filters are applied by main: an Apply button avoids a query per keystroke, and Enter applies too. */
const FILTER_BUTTONS = { buttons: ['reset', 'apply'], closeOnApply: true, maxNumConditions: 1 } as const;

function filterFor(column: ReportColumn): Pick<ColDef<ReportRow>, 'filter' | 'filterParams'> {
  switch (column.filter) {
    case 'text':
      return { filter: 'agTextColumnFilter', filterParams: { ...FILTER_BUTTONS, filterOptions: TEXT_OPTIONS } };
    case 'number':
      return {
        filter: 'agNumberColumnFilter',
        filterParams: {
          ...FILTER_BUTTONS,
          filterOptions: NUMBER_OPTIONS,
          ...(column.format === 'duration'
            ? {
                // Typed as 90, 1:30 or 0:01:30 (seconds); the model holds seconds, the view ms.
                allowedCharPattern: '\\d\\:\\.',
                numberParser: (text: string | null) => (text === null ? null : parseDurationSeconds(text)),
                numberFormatter: (value: number | null) =>
                  value === null ? null : formatDuration(value * 1000, 'hms'),
              }
            : {}),
        },
      };
    case 'date':
      return {
        filter: 'agDateColumnFilter',
        filterParams: { ...FILTER_BUTTONS, filterOptions: DATE_OPTIONS, inRangeInclusive: true },
      };
    case 'set':
      // The choices travel in filterParams, which AG Grid hands to the filter component as props.
      return { filter: SetFilter, filterParams: { options: column.options } };
    case 'flag':
      return { filter: FlagFilter };
    default:
      return { filter: false };
  }
}

/** Starting widths by kind of value, so a week of numbers fits at 1280 px without scrolling far. */
const WIDTHS: Record<ReportColumn['format'], number> = {
  text: 180,
  id: 220,
  phone: 150,
  count: 130,
  number: 130,
  duration: 130,
  percent: 130,
  datetime: 195,
  flag: 125,
};

function headerTip(column: ReportColumn): string | undefined {
  const units =
    column.filter === 'number' && column.format === 'duration'
      ? 'Filter in seconds or h:mm:ss.'
      : column.filter === 'number' && column.format === 'percent'
        ? 'Filter in percent (0–100).'
        : '';
  return [column.description, units].filter(Boolean).join(' ') || undefined;
}

/**
 * Grid columns for a report: visible ones in the chosen order first, then the hidden ones (so showing a column
 * again keeps its remembered width). Values stay raw in rows; `valueFormatter` dresses them.
 */
export function buildColumnDefs(
  descriptor: ReportDescriptor,
  visible: string[],
  widths: Record<string, number>,
  format: CellFormatOptions,
): ColDef<ReportRow>[] {
  const byId = new Map(descriptor.columns.map((column) => [column.id, column]));
  const ordered = [
    ...visible.flatMap((id) => byId.get(id) ?? []),
    ...descriptor.columns.filter((column) => !visible.includes(column.id)),
  ];
  const shown = new Set(visible);
  return ordered.map((column) => ({
    colId: column.id,
    field: column.id,
    headerName: column.header,
    headerTooltip: headerTip(column),
    hide: !shown.has(column.id),
    sortable: column.sortable,
    ...filterFor(column),
    width: widths[column.id] ?? WIDTHS[column.format],
    ...(isNumericFormat(column.format) ? { type: 'rightAligned' } : {}),
    valueFormatter: ({ value }: { value: unknown }) =>
      formatCell((value ?? null) as ReportRow[string], column.format, format),
  }));
}
