/**
 * The only column names that can reach grid SQL. Requests name columns by these ids; the SQL text comes from
 * here and nowhere else, so a sort key or filter column cannot inject anything (unknown ids are refused).
 */
export interface ColumnDef {
  readonly sql: string;
  readonly type: 'number' | 'text' | 'flag';
  readonly nullable: boolean;
}

const column = (sql: string, type: ColumnDef['type'], nullable: boolean): ColumnDef => ({ sql, type, nullable });

export const SORT_COLUMNS = {
  conversationId: column('c.conversation_id', 'text', false),
  startTime: column('c.start_ms', 'number', false),
  endTime: column('c.end_ms', 'number', true),
  duration: column('c.duration_ms', 'number', true),
  direction: column('c.direction', 'text', true),
  mediaType: column('c.media_type', 'text', true),
  firstQueue: column('c.first_queue_id', 'text', true),
  wrapUpCode: column('c.wrapup_code_id', 'text', true),
  ani: column('c.ani', 'text', true),
  dnis: column('c.dnis', 'text', true),
  division: column('c.division_id', 'text', true),
  externalTag: column('c.external_tag', 'text', true),
  talk: column('c.t_talk', 'number', false),
  held: column('c.t_held', 'number', false),
  acw: column('c.t_acw', 'number', false),
  handle: column('c.t_handle', 'number', false),
  queueWait: column('c.t_acd', 'number', false),
  alert: column('c.t_alert', 'number', false),
  abandonWait: column('c.t_abandon', 'number', false),
  abandoned: column('c.abandoned', 'flag', false),
  answered: column('c.answered', 'flag', false),
  transferred: column('c.transferred', 'flag', false),
} as const satisfies Record<string, ColumnDef>;
export type SortColumn = keyof typeof SORT_COLUMNS;

export const TEXT_FILTER_COLUMNS = ['conversationId', 'ani', 'dnis', 'externalTag'] as const;
export type TextFilterColumn = (typeof TEXT_FILTER_COLUMNS)[number];

export const NUMBER_FILTER_COLUMNS = [
  'duration',
  'talk',
  'held',
  'acw',
  'handle',
  'queueWait',
  'alert',
  'abandonWait',
] as const;
export type NumberFilterColumn = (typeof NUMBER_FILTER_COLUMNS)[number];

export const DATE_FILTER_COLUMNS = ['startTime', 'endTime'] as const;
export type DateFilterColumn = (typeof DATE_FILTER_COLUMNS)[number];

export const FLAG_FILTER_COLUMNS = ['abandoned', 'answered', 'transferred'] as const;
export type FlagFilterColumn = (typeof FLAG_FILTER_COLUMNS)[number];

/** Single-valued columns filtered by membership in a set of ids or values. */
export const VALUE_SET_COLUMNS = ['mediaType', 'direction', 'firstQueue', 'wrapUpCode', 'division'] as const;
/** Multi-valued: any queue the conversation passed through, any agent (user) who took part. */
export const MEMBER_SET_COLUMNS = ['queue', 'agent'] as const;
export type SetFilterColumn = (typeof VALUE_SET_COLUMNS)[number] | (typeof MEMBER_SET_COLUMNS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** Own-property lookup: "__proto__" or "constructor" is not a column. */
export function sortColumn(id: unknown): ColumnDef | undefined {
  return typeof id === 'string' && Object.hasOwn(SORT_COLUMNS, id) ? SORT_COLUMNS[id as SortColumn] : undefined;
}

/**
 * Id columns that can also be sorted by the name of what they point at (`GridSort.byName`), and the reference
 * list holding those names.
 */
export const NAMED_COLUMNS = { firstQueue: 'queue', wrapUpCode: 'wrapupCode', division: 'division' } as const;
export type NamedColumn = keyof typeof NAMED_COLUMNS;
export type NamedKind = (typeof NAMED_COLUMNS)[NamedColumn] | 'user';

const UNKNOWN_LABELS: Record<NamedKind, string> = {
  queue: 'Unknown queue',
  user: 'Unknown agent',
  wrapupCode: 'Unknown wrap-up code',
  division: 'Unknown division',
};
const UNKNOWN_ID_CHARS = 8;

/**
 * How an id with no cached name is shown ("Unknown queue (3f2a9c1e…)") — a deleted queue or an id the
 * reference lists never returned. Sorting by name (below) produces exactly the same text, so the order
 * matches what the grid shows.
 */
export function unknownName(kind: NamedKind, id: string): string {
  return `${UNKNOWN_LABELS[kind]} (${id.slice(0, UNKNOWN_ID_CHARS)}…)`;
}

/** SQL for the display name of a named column of row `c`: the cached name, else the unknown label, else NULL. */
export function nameSql(column: NamedColumn): string {
  const id = SORT_COLUMNS[column].sql;
  const kind = NAMED_COLUMNS[column];
  return `CASE WHEN ${id} IS NULL THEN NULL ELSE coalesce(
    (SELECT r.name FROM reference_items r WHERE r.conn = c.conn AND r.kind = '${kind}' AND r.id = ${id}),
    '${UNKNOWN_LABELS[kind]} (' || substr(${id}, 1, ${UNKNOWN_ID_CHARS}) || '…)') END`;
}

/**
 * Phone-number columns: Genesys writes them as URIs ("tel:+13125550142"), supervisors type "+1312". Text
 * filters on these also match after a `tel:` or `sip:` scheme unless the value names a scheme itself.
 */
export const PHONE_COLUMNS: ReadonlySet<TextFilterColumn> = new Set(['ani', 'dnis']);
export const PHONE_SCHEMES = ['tel:', 'sip:'] as const;
