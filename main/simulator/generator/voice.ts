/**
 * Inbound voice: IVR → queue → agent, with everything that can happen on
 * the way (self-service in the IVR, abandons, flow-outs to voicemail or an
 * overflow queue, holds, blind and consult transfers to users and queues,
 * agents who let it ring out). The customer's session mirrors the holds.
 */
import type { Conversation } from '../model';
import { type BuildContext, ms } from './context';
import { type Call, callSession, queuedCallSession } from './calls';
import type { Session } from './draft';
import { drawAcw, holdCount, type Piece, pickAgent, type Span, talkEnd, talkPieces, writeHandling } from './handling';
import { FIRST_NAMES, LAST_NAMES } from './names';
import type { AgentProfile, QueueProfile } from './org';
import { phoneNumber } from './phone';
import { runQueue, type WaitModel } from './queueing';
import { ADVERSARIAL_SHARE, ADVERSARIAL_TEXT } from './text';

export const VOICE_WAIT: WaitModel = {
  minMs: 1_500,
  overFactor: 2,
  patienceMedianMs: 180_000,
  shortAbandonChance: 0.015,
  flowOutAfterMs: 150_000,
};

const HOLD_CHANCE = 0.24;
const FIRST_TRANSFER_CHANCE = 0.11;
const LATER_TRANSFER_CHANCE = 0.03;
const RING_OUT_CHANCE = 0.04;
const SELF_SERVICE_CHANCE = 0.07;

type Transfer = 'blindQueue' | 'consultQueue' | 'blindUser' | 'consultUser';

interface Handoff {
  kind: 'queue' | 'user';
  at: number;
  queue?: QueueProfile;
  /** A consult: the transferring agent stays on the line until this leg has been reached and briefed. */
  consult?: { reached: Reached; briefingMs: number };
}

/** An agent has been found and is ringing. */
interface Reached {
  queue?: QueueProfile;
  alert: Span;
  waitMs?: number;
}

class InboundCall {
  private readonly holds: Span[] = [];
  private readonly agents: AgentProfile[] = [];
  private customerEnd = 0;
  private customerHungUp = true;
  private readonly call: Call;
  private readonly customerSession: Session;
  private readonly connectAt: number;
  readonly selfServed: boolean;

  constructor(private readonly ctx: BuildContext) {
    const { rng, org, draft } = ctx;
    const flow = rng.pick(org.flows);
    draft.division(flow.divisionId);
    const ani = phoneNumber(rng, org.country);
    const call: Call = { direction: 'inbound', ani, dnis: flow.dnis };
    this.call = call;
    const name = callerName(ctx, ani);
    const customer = draft.participant('customer', name, { attributes: ivrData(ctx) });
    this.customerSession = draft.session(customer, {
      sessionId: draft.uuid(),
      mediaType: 'voice',
      direction: call.direction,
      ani,
      dnis: call.dnis,
      sessionDnis: call.dnis,
      provider: 'Edge',
      remote: name,
      protocolCallId: draft.uuid(),
      recording: true,
      segments: [],
    });
    this.connectAt = draft.start + rng.int(150, 900);
    draft.metric(this.customerSession, 'nConnected', 1, this.connectAt);

    const ivrEnd = this.connectAt + ms(rng.logNormal(35_000, 0.5), 5_000, 300_000);
    this.selfServed = rng.chance(SELF_SERVICE_CHANCE);
    const firstQueue = pickVoiceQueue(ctx);
    const ivr = draft.participant('ivr', flow.name);
    const ivrSession = draft.session(ivr, {
      sessionId: draft.uuid(),
      mediaType: 'voice',
      direction: call.direction,
      ani,
      dnis: call.dnis,
      sessionDnis: call.dnis,
      provider: 'Edge',
      flow: {
        flowId: flow.id,
        flowName: flow.name,
        flowType: 'INBOUNDCALL',
        flowVersion: flow.version,
        entryType: 'dnis',
        entryReason: flow.dnis,
        exitReason: this.selfServed ? 'DISCONNECT' : 'TRANSFER',
        startingLanguage: org.country.language,
        endingLanguage: org.country.language,
        issuedCallback: false,
      },
      segments: [],
    });
    if (!this.selfServed && ivrSession.flow) {
      ivrSession.flow.transferType = 'ACD';
      ivrSession.flow.transferTargetName = firstQueue.name;
    }
    draft.segment(ivrSession, 'ivr', this.connectAt, ivrEnd, undefined, this.selfServed ? 'peer' : 'transfer');
    draft.metric(ivrSession, 'tIvr', ivrEnd - this.connectAt, ivrEnd);
    this.customerEnd = ivrEnd;
    if (!this.selfServed) this.route({ kind: 'queue', at: ivrEnd, queue: firstQueue });
  }

  /** Follows the call from one handoff to the next until someone hangs up. */
  private route(first: Handoff): void {
    let handoff: Handoff | undefined = first;
    let transfers = 0;
    let mayFlowOut = true;
    while (handoff) {
      const reached: Reached | Handoff | undefined = handoff.consult?.reached ?? this.reach(handoff, mayFlowOut);
      if (!reached) return;
      if ('kind' in reached) {
        handoff = reached;
        mayFlowOut = false;
        continue;
      }
      handoff = this.answer(handoff, reached, transfers++);
    }
  }

  /**
   * Finds someone to ring: a direct transfer rings the user straight away; a
   * queue makes the caller wait, and may end in an abandon or a flow-out.
   */
  private reach(handoff: Handoff, mayFlowOut: boolean, consult = false): Reached | Handoff | undefined {
    const { rng } = this.ctx;
    const alertMs = ms(rng.logNormal(4_000, 0.5), 500, 20_000);
    const queue = handoff.queue;
    if (handoff.kind === 'user' || !queue) return { alert: { start: handoff.at, end: handoff.at + alertMs } };
    const outcome = runQueue(this.ctx, {
      queue,
      enter: handoff.at,
      newSession: (sessionId) => queuedCallSession(sessionId, this.call),
      // During a consult the agent, not the customer, waits: no abandon, no flow-out.
      model: mayFlowOut && !consult ? VOICE_WAIT : { ...VOICE_WAIT, flowOutAfterMs: undefined },
      mayAbandon: !consult,
    });
    if (outcome.kind === 'abandoned') {
      this.customerEnd = Math.max(this.customerEnd, outcome.at);
      return undefined;
    }
    if (outcome.kind === 'flowOut') return this.flowOut(outcome.at, queue, mayFlowOut);
    const start = Math.max(outcome.at - Math.min(alertMs, outcome.waitMs - 200), handoff.at);
    this.ringOut(queue, handoff.at, start);
    return { queue, alert: { start, end: outcome.at }, waitMs: outcome.waitMs };
  }

  /** An agent offered the call before the one who answered, who let it ring to the alerting timeout. */
  private ringOut(queue: QueueProfile, enter: number, nextAlert: number): void {
    const { rng, day } = this.ctx;
    if (nextAlert - enter < queue.alertMs + 3_000 || !rng.chance(RING_OUT_CHANCE)) return;
    const agent = pickAgent(rng, queue, day, this.agents);
    this.agents.push(agent);
    const end = nextAlert - rng.int(200, 3_000);
    writeHandling(this.ctx, {
      purpose: 'agent',
      agent,
      queue,
      newSession: (sessionId) => callSession(sessionId, this.call),
      alert: { start: end - queue.alertMs, end },
      notResponding: true,
      talk: [],
      disconnectType: 'noAnswerTransfer',
      acwMs: 0,
    });
  }

  /** The in-queue flow gives up: an overflow queue (once), otherwise voicemail. */
  private flowOut(at: number, from: QueueProfile, mayOverflow: boolean): Handoff | undefined {
    const { rng, draft } = this.ctx;
    if (mayOverflow && rng.chance(0.4)) return { kind: 'queue', at, queue: pickVoiceQueue(this.ctx, from) };
    const vm = draft.participant('voicemail', 'Voicemail');
    const session = draft.session(vm, callSession(draft.uuid(), this.call));
    const end = at + ms(rng.logNormal(25_000, 0.6), 3_000, 180_000);
    draft.segment(session, 'voicemail', at, end, from.id, 'peer');
    draft.metric(session, 'tVoicemail', end - at, end);
    this.customerEnd = end;
    return undefined;
  }

  /** One agent's part of the call; returns the next handoff when they transfer. */
  private answer(handoff: Handoff, reached: Reached, transfersSoFar: number): Handoff | undefined {
    const { ctx } = this;
    const { rng, day, draft } = ctx;
    const { queue } = reached;
    const agent = pickAgent(rng, queue ?? pickVoiceQueue(ctx), day, this.agents);
    this.agents.push(agent);
    const connected = reached.alert.end;
    const briefing = handoff.consult?.briefingMs ?? 0;

    const transfer = rng.chance(transfersSoFar === 0 ? FIRST_TRANSFER_CHANCE : LATER_TRANSFER_CHANCE)
      ? rng.pick<Transfer>(['blindQueue', 'blindQueue', 'consultQueue', 'blindUser', 'consultUser'])
      : undefined;
    const ownTalk = ms(rng.logNormal(transfersSoFar === 0 ? 230_000 : 170_000, 0.55), 15_000, 2_700_000);
    const talkMs = briefing + Math.round(ownTalk * (transfer ? rng.between(0.2, 0.6) : 1));
    const pieces = talkPieces(rng, connected, talkMs, holdCount(rng, HOLD_CHANCE));
    for (const p of pieces) if (p.type === 'hold') this.holds.push(p);
    const transferAt = talkEnd(pieces, connected);
    let endOfTalk = transferAt;

    let next: Handoff | undefined;
    let disconnectType = 'transfer';
    if (transfer) {
      const kind = transfer === 'blindQueue' || transfer === 'consultQueue' ? 'queue' : 'user';
      next = { kind, at: transferAt, ...(kind === 'queue' ? { queue: pickVoiceQueue(ctx, queue) } : {}) };
      if (transfer === 'consultQueue' || transfer === 'consultUser') {
        // The agent holds the customer, waits for the next party, briefs them, then drops off.
        const ahead = this.reach(next, false, true);
        if (ahead && !('kind' in ahead)) {
          const briefingMs = rng.int(10_000, 60_000);
          endOfTalk = ahead.alert.end + briefingMs;
          const consultHold: Piece = { type: 'hold', start: transferAt, end: endOfTalk };
          pieces.push(consultHold);
          this.holds.push(consultHold);
          next.consult = { reached: ahead, briefingMs };
        }
      }
    } else {
      this.customerHungUp = rng.chance(0.65);
      disconnectType = this.customerHungUp ? 'peer' : 'client';
      this.customerEnd = endOfTalk;
    }

    const session = writeHandling(ctx, {
      purpose: handoff.kind === 'user' ? 'user' : 'agent',
      agent,
      ...(queue ? { queue } : {}),
      newSession: (sessionId) => callSession(sessionId, this.call),
      alert: reached.alert,
      ...(reached.waitMs !== undefined ? { answeredAfterMs: reached.waitMs } : {}),
      talk: pieces,
      disconnectType,
      acwMs: drawAcw(rng, queue),
    });
    if (next) {
      if (next.consult) draft.metric(session, 'nConsult', 1, transferAt);
      draft.metric(session, 'nTransferred', 1, endOfTalk);
      draft.metric(session, next.consult ? 'nConsultTransferred' : 'nBlindTransferred', 1, endOfTalk);
    }
    return next;
  }

  /** The customer's own segments, written last because holds are known only now. */
  finish(): void {
    const { draft } = this.ctx;
    const s = this.customerSession;
    draft.segment(s, 'system', draft.start, this.connectAt);
    let t = this.connectAt;
    for (const h of mergeSpans(this.holds, this.customerEnd)) {
      draft.segment(s, 'interact', t, h.start);
      draft.segment(s, 'hold', h.start, h.end);
      t = h.end;
    }
    draft.segment(s, 'interact', t, this.customerEnd, undefined, this.customerHungUp ? 'endpoint' : 'peer');
  }
}

/** Sorted, non-overlapping holds inside the customer's time on the call. */
function mergeSpans(spans: readonly Span[], until: number): Span[] {
  const sorted = spans
    .map((s) => ({ start: s.start, end: Math.min(s.end, until) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export function pickVoiceQueue(ctx: BuildContext, avoid?: QueueProfile): QueueProfile {
  const pool = ctx.org.pools.voice;
  for (let i = 0; i < 8; i++) {
    const q = pool.queues[ctx.rng.weighted(pool.cdf)] as QueueProfile;
    if (q !== avoid || pool.queues.length === 1) return q;
  }
  return pool.queues.find((q) => q !== avoid) ?? (pool.queues[0] as QueueProfile);
}

/** Caller ID as carriers deliver it: a number, a generic label, or a CNAM-style name. */
function callerName(ctx: BuildContext, ani: string): string {
  const { rng } = ctx;
  const r = rng.next();
  if (r < 0.5) return ani.slice(4);
  if (r < 0.8) return rng.pick(['WIRELESS CALLER', 'Mobile', 'UNKNOWN NAME']);
  return `${rng.pick(LAST_NAMES)} ${rng.pick(FIRST_NAMES)}`.toUpperCase();
}

/** Participant data set by the IVR flow (only async jobs return it; the sync query strips it). */
function ivrData(ctx: BuildContext): Record<string, string> {
  const { rng } = ctx;
  const data: Record<string, string> = {
    'ivr.Language': ctx.org.country.language,
    'ivr.AccountNumber': String(rng.int(10_000_000, 99_999_999)),
    'ivr.Verified': rng.chance(0.7) ? 'true' : 'false',
  };
  if (rng.chance(ADVERSARIAL_SHARE)) data['ivr.CallerNote'] = rng.pick(ADVERSARIAL_TEXT);
  return data;
}

export function inboundVoice(ctx: BuildContext, conversationId: string): Conversation {
  const call = new InboundCall(ctx);
  call.finish();
  return ctx.draft.finish(conversationId, {
    originatingDirection: 'inbound',
    conversationInitiator: 'customer',
    customerParticipation: true,
    ...(call.selfServed ? { selfServed: true } : {}),
    mediaStatsMinConversationMos: Math.round(ctx.rng.between(3.6, 4.5) * 1000) / 1000,
    mediaStatsMinConversationRFactor: Math.round(ctx.rng.between(72, 93) * 100) / 100,
  });
}
