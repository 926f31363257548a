/**
 * `conversationFilters` and `segmentFilters` of the details query and of
 * details jobs, compiled into one test per conversation.
 *
 * A conversation filter looks at conversation-level dimensions and at metric
 * values; a metric predicate holds when any session metric of that name in the
 * conversation satisfies it (the way a nested search over metrics behaves).
 * A segment filter holds when one segment — together with its session,
 * participant and conversation — satisfies the whole filter, so
 * `purpose=agent AND userId=X` means "an agent segment of user X", not "some
 * agent and, elsewhere, user X". Each filter in the array may be satisfied by
 * a different segment. (Assumption: the SDK documents the shape, not this
 * evaluation rule; it is how nested segment documents are searched.)
 */
import type { Conversation } from '../model';
import { type SessionContext, contextDimension, conversationDimension } from './dimensions';
import { factsOf, parseMs } from './facts';
import { type Matcher, type PredicateFamily, compileFilter, compileFilters } from './predicates';
import { badRequest, optionalArray } from './validation';
import { CONVERSATION_DIMENSIONS, CONVERSATION_METRICS, SEGMENT_DIMENSIONS, SEGMENT_METRICS } from './vocabulary';

const NO_VALUES: readonly number[] = [];

function conversationMetricValues(name: string): (c: Conversation) => readonly number[] {
  if (name === 'tConversationDuration') {
    return (c) => {
      const { startMs, endMs } = factsOf(c);
      return endMs === undefined ? [] : [endMs - startMs];
    };
  }
  // A direct scan: it needs no parsed emit dates, and an index per conversation cost more than it saved.
  return (c) => {
    let values: number[] | undefined;
    for (const participant of c.participants ?? []) {
      for (const session of participant.sessions ?? []) {
        for (const metric of session.metrics ?? []) {
          if (metric.name === name && metric.value !== undefined) (values ??= []).push(metric.value);
        }
      }
    }
    return values ?? NO_VALUES;
  };
}

const CONVERSATION_FAMILY: PredicateFamily<Conversation> = {
  dimensions: CONVERSATION_DIMENSIONS,
  readDimension: conversationDimension,
  metrics: CONVERSATION_METRICS,
  readMetric: conversationMetricValues,
};

const SEGMENT_FAMILY: PredicateFamily<SessionContext> = {
  dimensions: SEGMENT_DIMENSIONS,
  readDimension: contextDimension,
  metrics: SEGMENT_METRICS,
  readMetric: () => (ctx) => {
    const start = parseMs(ctx.segment?.segmentStart);
    const end = parseMs(ctx.segment?.segmentEnd);
    return start === undefined || end === undefined ? [] : [end - start];
  },
  readProperty: (name, propertyType) => (ctx) =>
    (ctx.segment?.properties ?? [])
      .filter((p) => p.property === name && (propertyType === undefined || p.propertyType === propertyType))
      .flatMap((p) => (p.value === undefined ? [] : [p.value])),
};

type Cursor = { -readonly [K in keyof SessionContext]: SessionContext[K] };

function anySegment(matcher: Matcher<SessionContext>): Matcher<Conversation> {
  return (conversation) => {
    // One context object per conversation, moved from segment to segment: this runs for every
    // segment of a day's conversations, and allocating per segment showed in the timings.
    let cursor: Cursor | undefined;
    for (const participant of conversation.participants ?? []) {
      for (const session of participant.sessions ?? []) {
        for (const segment of session.segments ?? []) {
          if (cursor) {
            cursor.participant = participant;
            cursor.session = session;
            cursor.segment = segment;
          } else {
            cursor = { conversation, participant, session, segment };
          }
          if (matcher(cursor)) return true;
        }
      }
    }
    return false;
  };
}

/** Filter families the simulated data has nothing for: refusing them beats answering with a silent no-op. */
const UNSUPPORTED_FILTERS = ['evaluationFilters', 'surveyFilters', 'resolutionFilters'] as const;

export function compileDetailFilters(body: Record<string, unknown>): Matcher<Conversation> | undefined {
  for (const field of UNSUPPORTED_FILTERS) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) throw badRequest(`${field} must be an array`);
    if (value.length > 0) throw badRequest(`${field} are not supported by the simulator`);
  }
  const byConversation = compileFilters(
    optionalArray(body, 'conversationFilters', 'conversationFilters'),
    'conversationFilters',
    CONVERSATION_FAMILY,
  );
  const segmentFilters = optionalArray(body, 'segmentFilters', 'segmentFilters') ?? [];
  const segmentMatchers = segmentFilters.map((filter, i) =>
    anySegment(compileFilter(filter, `segmentFilters[${i}]`, SEGMENT_FAMILY)),
  );
  if (!byConversation && segmentMatchers.length === 0) return undefined;
  return (c) => (byConversation === undefined || byConversation(c)) && segmentMatchers.every((m) => m(c));
}
