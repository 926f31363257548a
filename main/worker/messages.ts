/** What a caller reads when the core's worker cannot answer. Plain words: these reach the screen. */
export const CLOSING_MESSAGE = 'ReportDesk is closing, so this request was not run.';
export const RESTARTED_MESSAGE =
  'ReportDesk’s background engine stopped unexpectedly and has been restarted. Please try again.';
export const STOPPED_MESSAGE =
  'ReportDesk’s background engine stopped and could not be restarted. Close ReportDesk and open it again.';
export const NOT_SENDABLE_MESSAGE =
  'That request was not accepted: it contains values ReportDesk cannot read (such as functions).';

/** For the log only (never shown): the stack when there is one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
