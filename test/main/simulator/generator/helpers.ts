/** Shared fixtures and walkers for the generator tests. */
import type { Models } from 'purecloud-platform-client-v2';
import type { Conversation, SimulatorSettings } from '../../../../main/simulator/model';
import { createOrgDataset, type GeneratedOrgDataset } from '../../../../main/simulator/generator/index';

export type Participant = Models.AnalyticsParticipant;
export type Session = Models.AnalyticsSession;
export type Segment = Models.AnalyticsConversationSegment;

/** Friday 20 November 2026, 15:30 UTC: a busy weekday afternoon in Europe and morning in America. */
export const NOW = Date.parse('2026-11-20T15:30:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export function settings(overrides: Partial<SimulatorSettings> = {}): SimulatorSettings {
  return { seed: 'test-seed', perDay: 3000, daysBack: 30, timeZone: 'Europe/London', now: () => NOW, ...overrides };
}

export function dataset(overrides: Partial<SimulatorSettings> = {}): GeneratedOrgDataset {
  return createOrgDataset(settings(overrides));
}

/** All conversations that started on one org-local day. */
export function conversationsOnDay(ds: GeneratedOrgDataset, day: number): Conversation[] {
  return [...ds.conversationsBetween(ds.calendar.dayStart(day), ds.calendar.dayEnd(day))];
}

export function today(ds: GeneratedOrgDataset): number {
  return ds.calendar.dayOf(ds.settings.now());
}

export interface SessionRef {
  conversation: Conversation;
  participant: Participant;
  session: Session;
}

export function* sessions(conversations: Iterable<Conversation>): Generator<SessionRef> {
  for (const conversation of conversations) {
    for (const participant of conversation.participants ?? []) {
      for (const session of participant.sessions ?? []) yield { conversation, participant, session };
    }
  }
}

export function metricValues(session: Session): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of session.metrics ?? []) {
    const name = m.name ?? '';
    out.set(name, [...(out.get(name) ?? []), m.value ?? Number.NaN]);
  }
  return out;
}

export function sum(values: number[] | undefined): number {
  return (values ?? []).reduce((a, b) => a + b, 0);
}

export function durationOf(segment: Segment): number {
  return Date.parse(segment.segmentEnd ?? '') - Date.parse(segment.segmentStart ?? '');
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Local wall-clock hour in a zone, computed independently of the generator. */
export function localHour(ms: number, timeZone: string): number {
  let f = hourFormats.get(timeZone);
  if (!f)
    hourFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' })));
  return Number(f.format(ms));
}

/** Local calendar date "YYYY-MM-DD" in a zone. */
export function localDate(ms: number, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, f);
  }
  return f.format(ms);
}

/** Every free-text value a client may export: names, subjects, notes, participant data. */
export function freeText(conversations: Iterable<Conversation>): string[] {
  const out: string[] = [];
  for (const { participant, session } of sessions(conversations)) {
    if (participant.participantName) out.push(participant.participantName);
    for (const value of Object.values(participant.attributes ?? {})) out.push(value);
    for (const segment of session.segments ?? []) {
      if (segment.subject !== undefined) out.push(segment.subject);
      if (segment.wrapUpNote !== undefined) out.push(segment.wrapUpNote);
    }
  }
  return out;
}

/** Collects failed checks so a sweep over thousands of items costs one assertion. */
export class Problems {
  readonly list: string[] = [];

  check(ok: boolean, where: string | undefined, what: string | undefined): void {
    if (!ok && this.list.length < 20) this.list.push(`${where ?? '?'}: ${what ?? '?'}`);
  }
}
