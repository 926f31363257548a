import {
  flattenConversation,
  type ConversationDetail,
  type FlatConversation,
} from '../../../../main/cache/conversation-row';
import type { Cache, GridFilter, GridSort, SortColumn } from '../../../../main/cache/index';

/** The grid's behaviour written plainly in TypeScript, to check the SQL against. */
export interface ModelRow {
  id: number;
  flat: FlatConversation;
}

/** The model of `conversations` as stored for connection key `conn`: each one's row id and flat columns. */
export function storedModel(cache: Cache, conversations: readonly ConversationDetail[], conn = 1): ModelRow[] {
  const rows = cache.db.prepare('SELECT conversation_id, id FROM conversations WHERE conn = ?').all(conn) as {
    conversation_id: string;
    id: number;
  }[];
  const ids = new Map(rows.map((row) => [row.conversation_id, row.id]));
  return conversations.map((conversation) => {
    const flat = flattenConversation(conversation)!;
    return { id: ids.get(flat.conversation_id)!, flat };
  });
}

const FIELD: Record<SortColumn, keyof FlatConversation> = {
  conversationId: 'conversation_id',
  startTime: 'start_ms',
  endTime: 'end_ms',
  duration: 'duration_ms',
  direction: 'direction',
  mediaType: 'media_type',
  firstQueue: 'first_queue_id',
  wrapUpCode: 'wrapup_code_id',
  ani: 'ani',
  dnis: 'dnis',
  division: 'division_id',
  externalTag: 'external_tag',
  talk: 't_talk',
  held: 't_held',
  acw: 't_acw',
  handle: 't_handle',
  queueWait: 't_acd',
  alert: 't_alert',
  abandonWait: 't_abandon',
  abandoned: 'abandoned',
  answered: 'answered',
  transferred: 'transferred',
};

const value = (row: ModelRow, column: SortColumn): string | number | null => row.flat[FIELD[column]];
const fold = (text: string): string => text.replace(/[A-Z]/g, (char) => char.toLowerCase()); // SQLite NOCASE: ASCII only

function matches(row: ModelRow, filter: GridFilter): boolean {
  switch (filter.kind) {
    case 'text': {
      const text = value(row, filter.column);
      if (typeof text !== 'string') return false;
      const [haystack, needle] = [fold(text), fold(filter.value)];
      if (filter.op === 'equals') return haystack === needle;
      return filter.op === 'contains' ? haystack.includes(needle) : haystack.startsWith(needle);
    }
    case 'number': {
      const number = value(row, filter.column);
      if (typeof number !== 'number') return false;
      return (filter.min === undefined || number >= filter.min) && (filter.max === undefined || number <= filter.max);
    }
    case 'date': {
      const time = value(row, filter.column);
      if (typeof time !== 'number') return false;
      return (filter.from === undefined || time >= filter.from) && (filter.to === undefined || time < filter.to);
    }
    case 'flag':
      return value(row, filter.column) === (filter.value ? 1 : 0);
    case 'set': {
      if (filter.column === 'queue' || filter.column === 'agent') {
        const ids = JSON.parse(filter.column === 'queue' ? row.flat.queue_ids : row.flat.user_ids) as string[];
        return ids.some((id) => filter.values.includes(id)) || (filter.includeBlank === true && ids.length === 0);
      }
      const own = value(row, filter.column);
      return own === null ? filter.includeBlank === true : filter.values.includes(String(own));
    }
  }
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1; // NULLs first when ascending, as in SQLite
  if (b === null) return 1;
  if (typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [fold(a), fold(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return (a as number) - (b as number);
}

export function expectedRows(
  rows: readonly ModelRow[],
  start: number,
  end: number,
  filters: readonly GridFilter[],
  sort: GridSort,
): string[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .filter((row) => row.flat.start_ms >= start && row.flat.start_ms < end)
    .filter((row) => filters.every((filter) => matches(row, filter)))
    .sort((a, b) => sign * (compare(value(a, sort.column), value(b, sort.column)) || a.id - b.id))
    .map((row) => row.flat.conversation_id);
}
