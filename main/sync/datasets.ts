import type { ReferenceKind } from '../cache';

/** The coverage dataset that records when a reference list was last fetched (its interval is [0, fetch time)). */
export const referenceDataset = (kind: ReferenceKind): string => `reference:${kind}`;
