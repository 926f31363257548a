/**
 * A small writer for one conversation: participants → sessions → segments
 * and metrics, with times given in ms and stored as Genesys-style ISO
 * strings. It tracks the latest instant written so the conversation end is
 * always the end of its last segment. `EndOnlyDraft` runs the same builders
 * when only that end is wanted.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { Conversation } from '../model';
import { randomUuid, skipUuid } from './ids';
import { iso } from './timestamps';
import type { Rng } from './random';

export type Participant = Models.AnalyticsParticipant;
export type Session = Models.AnalyticsSession;
export type Segment = Models.AnalyticsConversationSegment;

export class ConversationDraft {
  private readonly participants: Participant[] = [];
  /** Per participant: when its first segment starts (Infinity until it has one). */
  private readonly joined: number[] = [];
  private readonly sessions: Session[] = [];
  private readonly owners: number[] = [];
  private readonly divisions: string[] = [];
  protected last: number;

  constructor(
    readonly rng: Rng,
    readonly start: number,
  ) {
    this.last = start;
  }

  /** The latest instant written so far: the conversation end once every party is done. */
  get end(): number {
    return this.last;
  }

  uuid(): string {
    return randomUuid(this.rng);
  }

  division(id: string): void {
    if (!this.divisions.includes(id)) this.divisions.push(id);
  }

  /*
   * Objects are written as plain literals rather than spreads or
   * Object.assign: a day holds close to a million of them, and in measurements
   * literals were several times cheaper to allocate and keep.
   */

  participant(
    purpose: string,
    name: string,
    extra: { userId?: string; attributes?: Record<string, string> } = {},
  ): Participant {
    const participantId = this.uuid();
    const { userId, attributes } = extra;
    const p: Participant =
      userId !== undefined
        ? { participantId, participantName: name, purpose, userId, sessions: [] }
        : attributes !== undefined
          ? { participantId, participantName: name, purpose, attributes, sessions: [] }
          : { participantId, participantName: name, purpose, sessions: [] };
    this.participants.push(p);
    this.joined.push(Infinity);
    return p;
  }

  /** Adds a session the caller wrote as a literal, with `sessionId: draft.uuid()` and empty `segments`. */
  session(participant: Participant, session: Session): Session {
    participant.sessions?.push(session);
    this.sessions.push(session);
    this.owners.push(this.participants.indexOf(participant));
    return session;
  }

  /**
   * Appends a segment and returns it for rarer fields (wrap-up, subject);
   * zero-length segments are skipped, as Genesys does not report them.
   */
  segment(
    session: Session,
    segmentType: string,
    start: number,
    end: number,
    queueId?: string,
    disconnectType?: string,
  ): Segment | undefined {
    if (end <= start) return undefined;
    const segmentStart = iso(start);
    const segmentEnd = iso(end);
    const segment: Segment =
      queueId === undefined
        ? disconnectType === undefined
          ? { segmentStart, segmentEnd, segmentType }
          : { segmentStart, segmentEnd, segmentType, disconnectType }
        : disconnectType === undefined
          ? { segmentStart, segmentEnd, segmentType, queueId }
          : { segmentStart, segmentEnd, segmentType, queueId, disconnectType };
    this.push(session, segment, start, end);
    return segment;
  }

  /** The wrap-up segment, with its code (and note) in the literal: every handled interaction has one. */
  wrapup(
    session: Session,
    start: number,
    end: number,
    queueId: string | undefined,
    code: string,
    note: string | undefined,
  ): Segment | undefined {
    if (end <= start) return undefined;
    const segmentStart = iso(start);
    const segmentEnd = iso(end);
    const segmentType = 'wrapup';
    const segment: Segment =
      queueId === undefined
        ? note === undefined
          ? { segmentStart, segmentEnd, segmentType, wrapUpCode: code }
          : { segmentStart, segmentEnd, segmentType, wrapUpCode: code, wrapUpNote: note }
        : note === undefined
          ? { segmentStart, segmentEnd, segmentType, queueId, wrapUpCode: code }
          : { segmentStart, segmentEnd, segmentType, queueId, wrapUpCode: code, wrapUpNote: note };
    this.push(session, segment, start, end);
    return segment;
  }

  private push(session: Session, segment: Segment, start: number, end: number): void {
    session.segments?.push(segment);
    if (end > this.last) this.last = end;
    const owner = this.owners[this.sessions.indexOf(session)] ?? -1;
    if (start < (this.joined[owner] ?? -Infinity)) this.joined[owner] = start;
  }

  metric(session: Session, name: string, value: number, at: number): void {
    (session.metrics ??= []).push({ name, value: Math.round(value), emitDate: iso(at) });
  }

  finish(conversationId: string, fields: Omit<Conversation, 'conversationId' | 'participants'>): Conversation {
    let participants = this.participants;
    let ordered = true;
    for (let i = 0; i < participants.length; i++) {
      const p = participants[i] as Participant;
      // Arrays grown by push keep spare capacity (16+ slots); a day holds
      // hundreds of thousands of them, so keep exact-size copies instead.
      // Sessions whose every segment was zero-length carry no information.
      p.sessions = (p.sessions ?? []).filter((s) => s.segments?.length);
      for (const s of p.sessions) {
        s.segments = s.segments?.slice();
        if (s.metrics) s.metrics = s.metrics.slice();
      }
      if (i > 0 && (this.joined[i] ?? 0) < (this.joined[i - 1] ?? 0)) ordered = false;
    }
    if (ordered && participants.every((p) => p.sessions?.length)) participants = participants.slice();
    else {
      // Builders may write a later party first (a consult is resolved before the
      // consulting agent's leg); Genesys lists participants as they joined.
      const order = participants.map((_, i) => i).filter((i) => participants[i]?.sessions?.length);
      order.sort((a, b) => (this.joined[a] ?? 0) - (this.joined[b] ?? 0) || a - b);
      participants = order.map((i) => this.participants[i] as Participant);
    }
    return {
      conversationId,
      conversationStart: iso(this.start),
      conversationEnd: iso(this.last),
      ...fields,
      divisionIds: this.divisions.slice(),
      participants,
    };
  }
}

/**
 * Runs a builder only to learn when the conversation ends: the same random
 * draws in the same order (so the same end as the full build), but no
 * timestamps formatted, no segments or metrics kept and no conversation made.
 * Builders may set fields on a returned segment, never read them, so a
 * throwaway one does. About twice as fast as a full build.
 */
export class EndOnlyDraft extends ConversationDraft {
  override uuid(): string {
    skipUuid(this.rng);
    return '';
  }

  override segment(_session: Session, segmentType: string, start: number, end: number): Segment | undefined {
    if (end <= start) return undefined;
    if (end > this.last) this.last = end;
    return { segmentType };
  }

  override wrapup(session: Session, start: number, end: number): Segment | undefined {
    return this.segment(session, 'wrapup', start, end);
  }

  override metric(): void {}

  override finish(conversationId: string): Conversation {
    return { conversationId };
  }
}
