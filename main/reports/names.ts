import type { CacheReader, ReferenceKind } from '../cache';
import { unknownName } from '../cache/grid-columns';

/**
 * Names for the ids on one page of rows, read from the cached reference lists in one query per kind. An id
 * the lists do not know (a queue deleted before it was ever listed) is shown as "Unknown queue (3f2a9c1e…)",
 * never as a bare GUID — the same text the cache sorts by.
 */
export class NameBook {
  /** Per kind: id → name, or null when the cache has no name for it (asked once). */
  private readonly names = new Map<ReferenceKind, Map<string, string | null>>();

  constructor(
    private readonly reader: CacheReader,
    private readonly connectionId: string,
  ) {}

  /** Looks up every id of `kind` at once; call before `name` for the ids of a page. */
  load(kind: ReferenceKind, ids: Iterable<string>): this {
    const known = this.names.get(kind) ?? new Map<string, string | null>();
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    if (missing.length > 0) {
      const found = this.reader.namesFor(this.connectionId, kind, missing);
      for (const id of missing) known.set(id, found.get(id) ?? null);
    }
    this.names.set(kind, known);
    return this;
  }

  name(kind: ReferenceKind, id: string): string {
    return this.names.get(kind)?.get(id) ?? unknownName(kind, id);
  }

  /** `name`, or null for no id. */
  nameOrNull(kind: ReferenceKind, id: string | null | undefined): string | null {
    return id === null || id === undefined || id === '' ? null : this.name(kind, id);
  }
}
