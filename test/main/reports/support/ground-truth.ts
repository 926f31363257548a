import type { Models } from 'purecloud-platform-client-v2';
import type { OrgDataset } from '../../../../main/simulator/model';

/**
 * Ground truth computed straight from the simulator's generated conversations, written independently of
 * main/reports (and of the engine's aggregator): its own calendar search, its own metric walk, and the KPI
 * formulas of fact sheet §7 spelled out.
 */
const DAY = 86_400_000;

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The local calendar date of an instant, "YYYY-MM-DD". */
export function localDate(ms: number, zone: string): string {
  let format = dayFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, format);
  }
  return format.format(new Date(ms));
}

/** The first millisecond whose local date is `day`, by bisection over Intl's answers. */
export function searchDayStart(day: string, zone: string): number {
  let low = Date.parse(`${day}T00:00:00Z`) - 2 * DAY; // local date < day
  let high = low + 4 * DAY; // local date > day
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (localDate(middle, zone) < day) low = middle;
    else high = middle;
  }
  return high;
}

export const nextDate = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** One session metric as emitted, with the dimensions of its session. */
export interface Fact {
  name: string;
  value: number;
  emitMs: number;
  queueIds: string[];
  userId: string | undefined;
  mediaType: string | undefined;
  wrapUpCodes: string[];
}

/** Every metric emitted in [start, end), from conversations that may have started up to two days earlier. */
export function factsBetween(dataset: OrgDataset, start: number, end: number): Fact[] {
  const facts: Fact[] = [];
  for (const conversation of dataset.conversationsBetween(start - 2 * DAY, end)) {
    for (const participant of conversation.participants ?? []) {
      for (const session of participant.sessions ?? []) {
        const segments = session.segments ?? [];
        const queueIds = [...new Set(segments.map((s) => s.queueId).filter((id): id is string => id !== undefined))];
        const wrapUpCodes = [
          ...new Set(segments.map((s) => s.wrapUpCode).filter((id): id is string => id !== undefined)),
        ];
        for (const metric of session.metrics ?? []) {
          const emitMs = Date.parse(metric.emitDate ?? '');
          if (!(emitMs >= start && emitMs < end) || metric.name === undefined) continue;
          facts.push({
            name: metric.name,
            value: metric.value ?? 0,
            emitMs,
            queueIds,
            userId: participant.userId,
            mediaType: session.mediaType,
            wrapUpCodes,
          });
        }
      }
    }
  }
  return facts;
}

/** The KPIs of fact sheet §7 from raw metric facts. */
export function kpisOf(facts: readonly Fact[]): Record<string, number | null> {
  const count = (name: string) => facts.filter((f) => f.name === name).length;
  const sum = (name: string) => facts.filter((f) => f.name === name).reduce((total, f) => total + f.value, 0);
  const nTotal = (name: string) => sum(name); // n… metrics carry 1 per occurrence
  const avg = (name: string) => (count(name) === 0 ? null : sum(name) / count(name));
  const div = (a: number, b: number) => (b === 0 ? null : a / b);
  const answered = count('tAnswered');
  const abandoned = count('tAbandon');
  const offered = nTotal('nOffered');
  return {
    offered,
    answered,
    abandoned,
    abandonRate: div(abandoned, offered),
    answerRate: div(answered, offered),
    // The service-level formula the simulator documents (service-level.ts): the Resource Center formula with
    // abandons in, short abandons and flow-outs out.
    serviceLevel: div(answered - nTotal('nOverSla'), answered + abandoned - count('tShortAbandon')),
    asa: avg('tAnswered'),
    handled: count('tHandle'),
    aht: avg('tHandle'),
    avgTalk: avg('tTalk'),
    avgHold: avg('tHeld'),
    avgAcw: avg('tAcw'),
    transferred: nTotal('nTransferred'),
    totalHandle: sum('tHandle'),
    notResponding: count('tNotResponding'),
  };
}

/** Groups facts by a key (facts with several keys — a session on two queues — count in each). */
export function groupFacts(facts: readonly Fact[], keys: (fact: Fact) => readonly string[]): Map<string, Fact[]> {
  const out = new Map<string, Fact[]>();
  for (const fact of facts) {
    for (const key of keys(fact)) {
      const list = out.get(key) ?? [];
      list.push(fact);
      out.set(key, list);
    }
  }
  return out;
}

export type Conversation = Models.AnalyticsConversation;

/** Conversations that started in [start, end): the rows of the Interactions report. */
export function conversationsStarted(dataset: OrgDataset, start: number, end: number): Conversation[] {
  return [...dataset.conversationsBetween(start, end)].filter((c) => {
    const at = Date.parse(c.conversationStart ?? '');
    return at >= start && at < end;
  });
}

export function metricSum(conversation: Conversation, name: string): number {
  let total = 0;
  for (const p of conversation.participants ?? [])
    for (const s of p.sessions ?? []) for (const m of s.metrics ?? []) if (m.name === name) total += m.value ?? 0;
  return total;
}

/** The customer's (or external party's) number, as Genesys wrote it. */
export function customerAni(conversation: Conversation): string | undefined {
  for (const p of conversation.participants ?? []) {
    if (p.purpose !== 'customer' && p.purpose !== 'external') continue;
    const session = p.sessions?.[0];
    if (session !== undefined) return session.ani;
  }
  return undefined;
}

/** Whether some leg of the given purposes ended with one of the disconnect types. */
export function disconnected(
  conversation: Conversation,
  purposes: readonly string[] | null,
  types: readonly string[],
): boolean {
  return (conversation.participants ?? []).some(
    (p) =>
      (purposes === null || purposes.includes(p.purpose ?? '')) &&
      (p.sessions ?? []).some((s) => (s.segments ?? []).some((g) => types.includes(g.disconnectType ?? ''))),
  );
}
