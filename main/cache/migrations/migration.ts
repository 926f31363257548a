/**
 * One numbered, append-only schema step. `sql` is the whole step: its sha256 is recorded when applied, and a
 * later build whose text differs for an applied id refuses to open the cache (see migrate.ts).
 */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}
