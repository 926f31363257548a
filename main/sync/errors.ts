import { CacheError } from '../cache';
import { GenesysError } from '../genesys';

/** A sync failure that is neither Genesys's nor the cache's: its message is written for a supervisor. */
export class SyncError extends Error {
  override readonly name = 'SyncError';
}

export const UNEXPECTED_MESSAGE =
  'ReportDesk could not finish fetching this report because of an unexpected problem. Run it again; what was ' +
  'already fetched is kept. If it keeps happening, restart ReportDesk.';

/** The message a failed run shows: typed errors carry their own plain words; anything else gets a generic one. */
export function plainMessage(error: unknown): string {
  if (error instanceof GenesysError || error instanceof CacheError || error instanceof SyncError) return error.message;
  return UNEXPECTED_MESSAGE;
}

/** Whether `error` is a typed error whose message was written for the user (anything else is worth logging). */
export function isExpected(error: unknown): boolean {
  return error instanceof GenesysError || error instanceof CacheError || error instanceof SyncError;
}
