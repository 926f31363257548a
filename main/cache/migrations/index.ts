import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-external-tag';
import { migration0003 } from './0003-grid-indexes';
import { migration0004 } from './0004-first-queue-sort-indexes';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration in order. Append only: never reorder, renumber, edit or remove a released entry. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004];
