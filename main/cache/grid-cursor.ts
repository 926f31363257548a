import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { badQuery } from './errors';
import type { ColumnDef } from './grid-columns';
import type { GridConditionGroup, GridFilter, GridSort } from './grid-request';

/** Where a keyset page ends: the last row's sort value and row id (the tie-breaker). */
export interface KeysetPosition {
  value: number | string | null;
  id: number;
}

/**
 * A cursor is only valid for the query that produced it (same range, filters and sort): it carries a short
 * hash of that query, so a stale cursor is refused instead of silently skipping or repeating rows.
 */
export function querySignature(
  start: number,
  end: number,
  filters: GridFilter[],
  sort: GridSort,
  conditions?: GridConditionGroup,
): string {
  const query = conditions === undefined ? { start, end, filters, sort } : { start, end, filters, sort, conditions };
  return createHash('sha256').update(canonicalJson(query)).digest('base64url').slice(0, 16);
}

export function encodeCursor(position: KeysetPosition, signature: string): string {
  return Buffer.from(JSON.stringify({ v: position.value, i: position.id, s: signature })).toString('base64url');
}

/** Decodes and checks an opaque cursor; anything malformed, foreign or of the wrong type is refused. */
export function decodeCursor(cursor: string, signature: string, column: ColumnDef): KeysetPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badQuery('the page cursor is not readable');
  }
  if (parsed === null || typeof parsed !== 'object') throw badQuery('the page cursor is not readable');
  const { v, i, s } = parsed as Record<string, unknown>;
  if (s !== signature) throw badQuery('the page cursor belongs to a different view; start from the first page');
  if (typeof i !== 'number' || !Number.isSafeInteger(i)) throw badQuery('the page cursor has no row id');
  const expected = column.type === 'text' ? 'string' : 'number';
  const valid = v === null ? column.nullable : typeof v === expected && (expected !== 'number' || Number.isFinite(v));
  if (!valid) throw badQuery('the page cursor does not match the sort column');
  return { value: v as number | string | null, id: i };
}
