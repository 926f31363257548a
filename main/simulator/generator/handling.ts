/**
 * The Genesys user's side of a conversation: who handles it, and the
 * alert → (dialing → contacting) → interact/hold → wrapup segments with the
 * metrics Genesys emits on that session. tHandle is talk + hold + ACW, plus
 * dialing + contacting when the agent placed the call (fact sheet §7).
 */
import { type BuildContext, ms } from './context';
import type { ConversationDraft, Session } from './draft';
import { type AgentProfile, agentActiveOn, agentNameOn, type QueueProfile } from './org';
import type { Rng } from './random';
import { wrapUpNote } from './text';

export interface Span {
  start: number;
  end: number;
}

export interface Piece extends Span {
  type: 'interact' | 'hold';
}

export interface HandlingPlan {
  /** "agent" when routed by ACD or placing a call, "user" for a direct transfer (fact sheet §4.2). */
  purpose: 'agent' | 'user';
  agent: AgentProfile;
  queue?: QueueProfile;
  /** Writes the agent's session as a literal (see ConversationDraft). */
  newSession: (sessionId: string) => Session;
  alert?: Span;
  /** Time in queue until this agent answered: the ACD answer (tAnswered). */
  answeredAfterMs?: number;
  /** Ringing that timed out: the agent never answered (tNotResponding). */
  notResponding?: boolean;
  dialing?: Span;
  contacting?: Span;
  talk: Piece[];
  /** Why the last talk piece ended (or the contacting one, when nobody answered). */
  disconnectType: string;
  acwMs: number;
  subject?: string;
}

/** A member of the queue who still existed that day, avoiding people already on the call. */
export function pickAgent(rng: Rng, queue: QueueProfile, day: number, exclude: readonly AgentProfile[]): AgentProfile {
  for (let i = 0; i < 8; i++) {
    const agent = rng.pick(queue.members);
    if (agentActiveOn(agent, day) && !exclude.includes(agent)) return agent;
  }
  const free = queue.stayers.filter((a) => !exclude.includes(a));
  return rng.pick(free.length > 0 ? free : queue.stayers);
}

/** Contiguous talk with `holds` hold periods somewhere in the middle. */
export function talkPieces(rng: Rng, start: number, talkMs: number, holds: number): Piece[] {
  const pieces: Piece[] = [];
  let t = start;
  let remaining = talkMs;
  for (let h = 0; h < holds; h++) {
    const chunk = Math.round(remaining * rng.between(0.25, 0.6));
    pieces.push({ type: 'interact', start: t, end: t + chunk });
    t += chunk;
    remaining -= chunk;
    const hold = ms(rng.logNormal(45_000, 0.7), 5_000, 600_000);
    pieces.push({ type: 'hold', start: t, end: t + hold });
    t += hold;
  }
  pieces.push({ type: 'interact', start: t, end: t + remaining });
  return pieces;
}

export function holdCount(rng: Rng, chance: number): number {
  if (!rng.chance(chance)) return 0;
  return rng.chance(0.15) ? 2 : 1;
}

export function talkEnd(pieces: readonly Piece[], fallback: number): number {
  return pieces[pieces.length - 1]?.end ?? fallback;
}

export function drawAcw(rng: Rng, queue: QueueProfile | undefined): number {
  return ms(rng.logNormal(30_000, 0.6), 2_000, queue?.acwTimeoutMs ?? 120_000);
}

function writeSegment(
  draft: ConversationDraft,
  session: Session,
  type: string,
  span: Span,
  queueId: string | undefined,
  disconnectType: string | undefined,
  subject: string | undefined,
): void {
  const written = draft.segment(session, type, span.start, span.end, queueId, disconnectType);
  if (written && subject !== undefined) written.subject = subject;
}

/** Writes the participant and session; returns the session so callers can add transfer metrics. */
export function writeHandling(ctx: BuildContext, plan: HandlingPlan): Session {
  const { draft, rng, org } = ctx;
  const participant = draft.participant(plan.purpose, agentNameOn(plan.agent, ctx.day), { userId: plan.agent.id });
  const session = draft.session(participant, plan.newSession(draft.uuid()));
  const queueId = plan.queue?.id;
  const { subject } = plan;
  draft.division(plan.queue ? plan.queue.divisionId : (plan.agent.user.division?.id ?? ''));

  if (plan.alert) {
    const { start, end } = plan.alert;
    const disconnect = plan.notResponding ? 'noAnswerTransfer' : undefined;
    writeSegment(draft, session, 'alert', plan.alert, queueId, disconnect, subject);
    draft.metric(session, 'tAlert', end - start, end);
    if (plan.notResponding) {
      draft.metric(session, 'tNotResponding', end - start, end);
      return session;
    }
    if (plan.answeredAfterMs !== undefined) draft.metric(session, 'tAnswered', plan.answeredAfterMs, end);
  }

  let handle = 0;
  let last = plan.alert?.end ?? draft.start;
  const noTalk = plan.talk.length === 0;
  if (plan.dialing) {
    writeSegment(draft, session, 'dialing', plan.dialing, queueId, undefined, subject);
    draft.metric(session, 'tDialing', plan.dialing.end - plan.dialing.start, plan.dialing.end);
    handle += plan.dialing.end - plan.dialing.start;
    last = plan.dialing.end;
  }
  if (plan.contacting) {
    const disconnect = noTalk ? plan.disconnectType : undefined;
    writeSegment(draft, session, 'contacting', plan.contacting, queueId, disconnect, subject);
    draft.metric(session, 'tContacting', plan.contacting.end - plan.contacting.start, plan.contacting.end);
    handle += plan.contacting.end - plan.contacting.start;
    last = plan.contacting.end;
  }

  let talk = 0;
  let held = 0;
  let lastHoldEnd = 0;
  for (let i = 0; i < plan.talk.length; i++) {
    const piece = plan.talk[i] as Piece;
    const disconnect = i === plan.talk.length - 1 ? plan.disconnectType : undefined;
    writeSegment(draft, session, piece.type, piece, queueId, disconnect, subject);
    if (piece.type === 'hold') {
      held += piece.end - piece.start;
      lastHoldEnd = piece.end;
    } else talk += piece.end - piece.start;
    last = piece.end;
  }
  if (talk > 0) {
    draft.metric(session, 'tTalk', talk, last);
    draft.metric(session, 'tTalkComplete', talk, last);
  }
  if (held > 0) {
    draft.metric(session, 'tHeld', held, lastHoldEnd);
    draft.metric(session, 'tHeldComplete', held, lastHoldEnd);
  }

  const wrapEnd = last + plan.acwMs;
  const code = org.wrapupIds[rng.weighted(org.wrapupCdf)] ?? '';
  const wrapup = draft.wrapup(session, last, wrapEnd, queueId, code, rng.chance(0.12) ? wrapUpNote(rng) : undefined);
  if (wrapup && subject !== undefined) wrapup.subject = subject;
  draft.metric(session, 'tAcw', plan.acwMs, wrapEnd);
  draft.metric(session, 'tHandle', handle + talk + held + plan.acwMs, wrapEnd);
  return session;
}
