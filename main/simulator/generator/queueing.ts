/**
 * The queue (ACD) leg: how long an interaction waits and how the wait ends.
 * Genesys puts the queue metrics on the acd participant's session: nOffered
 * when it enters, then tAcd with exactly one of tAnswered-side answer,
 * tAbandon (+ tShortAbandon) or tFlowOut when it leaves; nOverSla when it was
 * answered later than the queue's service-level target (fact sheet §4.2).
 */
import { type BuildContext, ms } from './context';
import type { Session } from './draft';
import type { QueueProfile } from './org';
import { clamp } from './random';

/** Abandons quicker than this are short abandons (Genesys' default threshold is seconds, not minutes). */
export const SHORT_ABANDON_MS = 10_000;

/** `requestedRoutings` of every acd session, shared: read-only like the rest of a generated conversation. */
export const STANDARD_ROUTING: string[] = Object.freeze(['Standard']) as string[];

/**
 * Nothing waits longer than this, so every conversation ends within a day of
 * starting: consumers may bound their look-back for long conversations by a day.
 */
export const MAX_WAIT_MS = 16 * 3_600_000;

export interface WaitModel {
  /** Shortest plausible wait (routing plus ringing). */
  minMs: number;
  /** Mean extra wait beyond the target, as a multiple of the target, when the queue misses it. */
  overFactor: number;
  /** Customer patience; absent when the customer cannot hang up (email). */
  patienceMedianMs?: number;
  /** Share of callers who hang up almost at once (misdials, changed minds). */
  shortAbandonChance?: number;
  /** When the in-queue flow gives up and sends the call elsewhere (flow-out). */
  flowOutAfterMs?: number;
}

export type QueueOutcome =
  | { kind: 'answered'; at: number; waitMs: number }
  | { kind: 'abandoned'; at: number }
  | { kind: 'flowOut'; at: number };

export interface QueueLeg {
  queue: QueueProfile;
  enter: number;
  /** Writes the acd session as a literal, with `requestedRoutings: STANDARD_ROUTING, usedRouting: 'Standard'`. */
  newSession: (sessionId: string) => Session;
  model: WaitModel;
  mayAbandon: boolean;
  subject?: string;
}

export function runQueue(ctx: BuildContext, leg: QueueLeg): QueueOutcome {
  const { rng, draft } = ctx;
  const { queue, enter, model } = leg;
  const target = queue.serviceLevel.durationMs;

  // Busy hours and understaffed queues miss the target more often.
  const onTime = clamp(0.97 - 0.28 * ctx.load * queue.pressure, 0.45, 0.97);
  const wait = rng.chance(onTime)
    ? ms(rng.between(model.minMs, target * 0.95), model.minMs, target)
    : ms(target + rng.exponential(target * model.overFactor * (0.5 + ctx.load)), target + 1, MAX_WAIT_MS);

  let patience = Infinity;
  if (leg.mayAbandon && model.patienceMedianMs !== undefined) {
    patience = rng.chance(model.shortAbandonChance ?? 0)
      ? rng.int(1_000, SHORT_ABANDON_MS - 1)
      : ms(rng.logNormal(model.patienceMedianMs, 0.9), 1_000, 7_200_000);
  }
  const flowOut =
    model.flowOutAfterMs !== undefined && rng.chance(0.5) ? model.flowOutAfterMs + rng.int(0, 30_000) : Infinity;

  const acd = draft.participant('acd', queue.name);
  const session = draft.session(acd, leg.newSession(draft.uuid()));
  draft.division(queue.divisionId);
  draft.metric(session, 'nOffered', 1, enter);

  const leaves = Math.min(wait, patience, flowOut);
  const at = enter + leaves;
  const abandoned = leaves === patience;
  const segment = draft.segment(session, 'interact', enter, at, queue.id, abandoned ? 'peer' : 'transfer');
  if (segment && leg.subject !== undefined) segment.subject = leg.subject;
  if (abandoned) {
    draft.metric(session, 'tAcd', leaves, at);
    draft.metric(session, 'tAbandon', leaves, at);
    if (leaves < SHORT_ABANDON_MS) draft.metric(session, 'tShortAbandon', leaves, at);
    return { kind: 'abandoned', at };
  }
  draft.metric(session, 'tAcd', leaves, at);
  if (leaves === flowOut) {
    draft.metric(session, 'tFlowOut', leaves, at);
    return { kind: 'flowOut', at };
  }
  if (wait > target) draft.metric(session, 'nOverSla', 1, at);
  return { kind: 'answered', at, waitMs: wait };
}
