/** What every conversation builder works with. */
import type { ConversationDraft } from './draft';
import type { OrgModel } from './org';
import type { Rng } from './random';

export interface BuildContext {
  org: OrgModel;
  /** Org-local day number the conversation starts on (names and deletions depend on it). */
  day: number;
  rng: Rng;
  draft: ConversationDraft;
  /** How busy the centre is at the start, 0–1 of the daily peak. */
  load: number;
}

/** Round a drawn duration to whole ms within bounds (Genesys durations are integers). */
export function ms(x: number, min: number, max: number): number {
  return Math.round(x < min ? min : x > max ? max : x);
}
