/**
 * `PRAGMA application_id` stamped into every cache file ReportDesk creates (the bytes "RDsk"), so a SQLite file
 * written by some other program is recognised as foreign instead of being migrated into.
 */
export const APPLICATION_ID = 0x5244736b;

/** Genesys reprocesses analytics data up to three days after the fact (fact sheet §12). */
export const VOLATILE_MS = 72 * 3600_000;
