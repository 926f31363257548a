import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../main/simulator/model';
import {
  conversationsOnDay,
  dataset,
  durationOf,
  metricValues,
  Problems,
  sessions,
  sum,
  today,
  type Segment,
} from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Enum values from the fact sheet §4.2. */
const PURPOSES = new Set(['acd', 'agent', 'customer', 'external', 'ivr', 'user', 'voicemail']);
const MEDIA = new Set(['voice', 'chat', 'email', 'message', 'callback']);
const SEGMENT_TYPES = new Set([
  'alert',
  'callback',
  'contacting',
  'dialing',
  'hold',
  'interact',
  'ivr',
  'system',
  'voicemail',
  'wrapup',
]);
const DISCONNECT_TYPES = new Set(['client', 'endpoint', 'noAnswerTransfer', 'peer', 'system', 'transfer']);
/** The detail-query metric enum (fact sheet §4.1), restricted to what a contact centre emits. */
const METRICS = new Set([
  'nBlindTransferred',
  'nConnected',
  'nConsult',
  'nConsultTransferred',
  'nOffered',
  'nOutbound',
  'nOverSla',
  'nTransferred',
  'tAbandon',
  'tAcd',
  'tAcw',
  'tAlert',
  'tAnswered',
  'tContacting',
  'tDialing',
  'tFlowOut',
  'tHandle',
  'tHeld',
  'tHeldComplete',
  'tIvr',
  'tNotResponding',
  'tShortAbandon',
  'tTalk',
  'tTalkComplete',
  'tVoicemail',
]);
/** Where Genesys emits each metric (fact sheet §4.2 "Emitted on", §7). */
const QUEUE_METRICS = new Set(['nOffered', 'tAcd', 'tAbandon', 'tShortAbandon', 'tFlowOut', 'nOverSla']);
const USER_METRICS = new Set([
  'tAnswered',
  'tAlert',
  'tNotResponding',
  'tTalk',
  'tTalkComplete',
  'tHeld',
  'tHeldComplete',
  'tAcw',
  'tHandle',
  'tDialing',
  'tContacting',
  'nTransferred',
  'nBlindTransferred',
  'nConsultTransferred',
  'nConsult',
  'nOutbound',
]);
const MEDIA_SETTINGS = {
  voice: 'call',
  chat: 'chat',
  email: 'email',
  message: 'message',
  callback: 'callback',
} as const;

const ms = (iso: string | undefined) => Date.parse(iso ?? '');

describe('generated conversations: structure', () => {
  const ds = dataset({ perDay: 3000 });
  // Finished conversations only: a few emails from days ago are still waiting (see progress.test.ts).
  const sample: Conversation[] = [
    ...conversationsOnDay(ds, today(ds) - 1),
    ...conversationsOnDay(ds, today(ds) - 3),
  ].filter((c) => c.conversationEnd !== undefined);
  const queues = new Map(ds.queues.map((q) => [q.id, q]));
  const users = new Set(ds.users.map((u) => u.id));
  const wrapups = new Set(ds.wrapupCodes.map((w) => w.id));
  const divisions = new Set(ds.divisions.map((d) => d.id));

  it('has a realistic sample to check', () => {
    expect(sample.length).toBeGreaterThan(4000);
  });

  it('gives every conversation a unique UUID, Genesys timestamps and valid divisions', () => {
    expect(new Set(sample.map((c) => c.conversationId)).size).toBe(sample.length);
    const problems = new Problems();
    for (const c of sample) {
      const id = c.conversationId;
      problems.check(UUID.test(id ?? ''), id, 'conversationId');
      problems.check(ISO.test(c.conversationStart ?? '') && ISO.test(c.conversationEnd ?? ''), id, 'timestamps');
      problems.check(['inbound', 'outbound'].includes(c.originatingDirection ?? ''), id, 'originatingDirection');
      problems.check((c.divisionIds?.length ?? 0) > 0, id, 'no divisionIds');
      for (const d of c.divisionIds ?? []) problems.check(divisions.has(d), id, `division ${d}`);
    }
    expect(problems.list).toEqual([]);
  });

  it('nests participants → sessions → segments inside the conversation time span', () => {
    const problems = new Problems();
    for (const c of sample) {
      const id = c.conversationId;
      const start = ms(c.conversationStart);
      const end = ms(c.conversationEnd);
      let latest = start;
      let earliest = Infinity;
      problems.check((c.participants?.length ?? 0) > 0, id, 'no participants');
      for (const p of c.participants ?? []) {
        problems.check(UUID.test(p.participantId ?? ''), id, 'participantId');
        problems.check(PURPOSES.has(p.purpose ?? ''), id, `purpose ${p.purpose}`);
        problems.check((p.sessions?.length ?? 0) > 0, id, 'no sessions');
        for (const s of p.sessions ?? []) {
          problems.check(UUID.test(s.sessionId ?? ''), id, 'sessionId');
          problems.check(MEDIA.has(s.mediaType ?? ''), id, `mediaType ${s.mediaType}`);
          problems.check(['inbound', 'outbound'].includes(s.direction ?? ''), id, 'direction');
          problems.check((s.segments?.length ?? 0) > 0, id, 'no segments');
          let previousEnd = -Infinity;
          for (const seg of s.segments ?? []) {
            problems.check(ISO.test(seg.segmentStart ?? '') && ISO.test(seg.segmentEnd ?? ''), id, 'segment times');
            problems.check(SEGMENT_TYPES.has(seg.segmentType ?? ''), id, `segmentType ${seg.segmentType}`);
            if (seg.disconnectType !== undefined) {
              problems.check(DISCONNECT_TYPES.has(seg.disconnectType), id, `disconnectType ${seg.disconnectType}`);
            }
            const a = ms(seg.segmentStart);
            const b = ms(seg.segmentEnd);
            problems.check(b > a, id, 'empty segment');
            problems.check(a >= previousEnd, id, 'overlapping segments');
            problems.check(a >= start && b <= end, id, 'segment outside the conversation');
            previousEnd = b;
            latest = Math.max(latest, b);
            earliest = Math.min(earliest, a);
          }
        }
      }
      problems.check(earliest === start && latest === end, id, 'conversation does not span its segments');
      // Consumers bound their look-back for long conversations by a day.
      problems.check(end - start < 86_400_000, id, 'longer than a day');
    }
    expect(problems.list).toEqual([]);
  });

  it('emits known metrics with integer values and emitDates inside the conversation', () => {
    const problems = new Problems();
    for (const { conversation: c, session } of sessions(sample)) {
      for (const m of session.metrics ?? []) {
        const id = `${c.conversationId} ${m.name}`;
        problems.check(METRICS.has(m.name ?? ''), id, 'unknown metric');
        problems.check(Number.isInteger(m.value) && (m.value ?? -1) >= 0, id, `value ${m.value}`);
        if (m.name?.startsWith('n')) problems.check(m.value === 1, id, 'count not 1');
        problems.check(ISO.test(m.emitDate ?? ''), id, 'emitDate format');
        const at = ms(m.emitDate);
        problems.check(at >= ms(c.conversationStart) && at <= ms(c.conversationEnd), id, 'emitDate outside');
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('puts queue metrics on acd sessions and handling metrics on user sessions', () => {
    const problems = new Problems();
    for (const { conversation: c, participant, session } of sessions(sample)) {
      for (const m of session.metrics ?? []) {
        if (QUEUE_METRICS.has(m.name ?? '')) problems.check(participant.purpose === 'acd', c.conversationId, m.name);
        if (USER_METRICS.has(m.name ?? '')) {
          problems.check(['agent', 'user'].includes(participant.purpose ?? ''), c.conversationId, m.name);
        }
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('computes tHandle = talk + hold + ACW (+ dialing + contacting) from the segments', () => {
    const problems = new Problems();
    let inboundAnswered = 0;
    for (const { conversation: c, session } of sessions(sample)) {
      const m = metricValues(session);
      if (!m.has('tHandle')) continue;
      const id = c.conversationId;
      const handle = sum(m.get('tHandle'));
      const parts = ['tTalk', 'tHeld', 'tAcw', 'tDialing', 'tContacting'].map((n) => sum(m.get(n)));
      problems.check(handle === parts.reduce((a, b) => a + b, 0), id, 'tHandle ≠ parts');
      if (m.has('tAnswered') && !m.has('tDialing')) {
        inboundAnswered++;
        problems.check(
          handle === sum(m.get('tTalk')) + sum(m.get('tHeld')) + sum(m.get('tAcw')),
          id,
          'inbound tHandle',
        );
      }
      const of = (type: string) =>
        (session.segments ?? []).filter((s) => s.segmentType === type).reduce((a, s) => a + durationOf(s), 0);
      problems.check(sum(m.get('tTalk')) === of('interact'), id, 'tTalk ≠ interact');
      problems.check(sum(m.get('tHeld')) === of('hold'), id, 'tHeld ≠ hold');
      problems.check(sum(m.get('tAcw')) === of('wrapup'), id, 'tAcw ≠ wrapup');
      problems.check(sum(m.get('tDialing')) === of('dialing'), id, 'tDialing ≠ dialing');
      problems.check(sum(m.get('tContacting')) === of('contacting'), id, 'tContacting ≠ contacting');
      // Handle time is emitted when wrap-up ends, i.e. at the session's last instant.
      const emitted = session.metrics?.find((x) => x.name === 'tHandle')?.emitDate;
      problems.check(emitted === session.segments?.at(-1)?.segmentEnd, id, 'tHandle emitted early');
    }
    expect(problems.list).toEqual([]);
    expect(inboundAnswered).toBeGreaterThan(1000);
  });

  it('ends every queue wait exactly one way, with tAcd equal to the time in queue', () => {
    const problems = new Problems();
    for (const { conversation: c, participant, session } of sessions(sample)) {
      if (participant.purpose !== 'acd') continue;
      const id = c.conversationId;
      const m = metricValues(session);
      const segment = session.segments?.[0] as Segment;
      problems.check(sum(m.get('nOffered')) === 1 && session.segments?.length === 1, id, 'one offer, one segment');
      problems.check(segment.segmentType === 'interact', id, 'acd segment type');
      problems.check(m.get('tAcd')?.length === 1 && sum(m.get('tAcd')) === durationOf(segment), id, 'tAcd');
      const endings = ['tAbandon', 'tFlowOut'].filter((n) => m.has(n)).length;
      problems.check(endings <= 1, id, 'abandoned and flowed out');
      if (m.has('tShortAbandon')) {
        problems.check(sum(m.get('tShortAbandon')) === sum(m.get('tAbandon')), id, 'short ≠ abandon');
        problems.check(sum(m.get('tShortAbandon')) < 10_000, id, 'long short abandon');
      }
      if (m.has('tAbandon') && sum(m.get('tAbandon')) < 10_000) problems.check(m.has('tShortAbandon'), id, 'short?');
      if (m.has('nOverSla')) {
        // Answered later than the queue's service-level target for this media.
        const key = MEDIA_SETTINGS[session.mediaType as keyof typeof MEDIA_SETTINGS];
        const target = queues.get(segment.queueId)?.mediaSettings?.[key]?.serviceLevel?.durationMs ?? Infinity;
        problems.check(endings === 0 && sum(m.get('tAcd')) > target, id, 'nOverSla within target');
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('matches each ACD answer with the wait in the same queue', () => {
    const problems = new Problems();
    for (const conversation of sample) {
      const waits = new Map<string, number[]>();
      for (const { participant, session } of sessions([conversation])) {
        if (participant.purpose !== 'acd') continue;
        const m = metricValues(session);
        if (m.has('tAbandon') || m.has('tFlowOut')) continue;
        const q = session.segments?.[0]?.queueId ?? '';
        waits.set(q, [...(waits.get(q) ?? []), sum(m.get('tAcd'))]);
      }
      for (const { participant, session } of sessions([conversation])) {
        const answered = metricValues(session).get('tAnswered');
        if (!answered) continue;
        const id = conversation.conversationId;
        problems.check(participant.purpose === 'agent', id, 'answered by a non-agent');
        const q = session.segments?.[0]?.queueId ?? '';
        problems.check(waits.get(q)?.includes(answered[0] ?? -1) === true, id, 'tAnswered ≠ tAcd');
      }
    }
    expect(problems.list).toEqual([]);
  });

  it('refers only to reference data: queues, users and wrap-up codes', () => {
    const problems = new Problems();
    let wrapped = 0;
    for (const { conversation: c, participant, session } of sessions(sample)) {
      const id = c.conversationId;
      if (participant.purpose === 'agent' || participant.purpose === 'user') {
        problems.check(users.has(participant.userId) && !!participant.participantName, id, 'user');
      } else problems.check(participant.userId === undefined, id, 'userId on a non-user');
      for (const seg of session.segments ?? []) {
        if (seg.queueId !== undefined) problems.check(queues.has(seg.queueId), id, 'queueId');
        if (seg.segmentType === 'wrapup') {
          wrapped++;
          problems.check(wrapups.has(seg.wrapUpCode), id, 'wrapUpCode');
        } else problems.check(seg.wrapUpCode === undefined, id, 'wrapUpCode outside wrap-up');
      }
      if (participant.purpose === 'acd') problems.check(session.segments?.[0]?.queueId !== undefined, id, 'acd queue');
    }
    expect(problems.list).toEqual([]);
    expect(wrapped).toBeGreaterThan(1000);
  });

  it('writes voice addresses as tel: URIs and keeps participant data on customers', () => {
    const problems = new Problems();
    for (const { conversation: c, participant, session } of sessions(sample)) {
      if (session.mediaType === 'voice') {
        problems.check(/^tel:\+\d{8,15}$/.test(session.ani ?? ''), c.conversationId, `ani ${session.ani}`);
        problems.check(/^tel:\+\d{8,15}$/.test(session.dnis ?? ''), c.conversationId, `dnis ${session.dnis}`);
      }
      if (participant.purpose === 'customer') problems.check(!!participant.attributes, c.conversationId, 'attributes');
    }
    expect(problems.list).toEqual([]);
  });

  it('covers every kind of conversation the issue lists', () => {
    const seen = new Set<string>();
    for (const c of sample) {
      const media = new Set<string>();
      const metrics = new Set<string>();
      const purposes: string[] = [];
      for (const { participant, session } of sessions([c])) {
        purposes.push(participant.purpose ?? '');
        media.add(session.mediaType ?? '');
        for (const m of session.metrics ?? []) metrics.add(m.name ?? '');
      }
      if (purposes.includes('ivr') && purposes.includes('acd') && purposes.includes('agent'))
        seen.add('ivr→queue→agent');
      if (c.selfServed) seen.add('self-service');
      for (const m of [
        'tAbandon',
        'tShortAbandon',
        'tFlowOut',
        'tHeld',
        'nBlindTransferred',
        'nConsultTransferred',
        'tNotResponding',
        'tVoicemail',
      ]) {
        if (metrics.has(m)) seen.add(m);
      }
      if (c.originatingDirection === 'outbound') seen.add('outbound');
      for (const m of ['chat', 'email', 'message', 'callback']) if (media.has(m)) seen.add(m);
      if (purposes.includes('user')) seen.add('transfer to a user');
      if (purposes.filter((p) => p === 'acd').length > 1) seen.add('second queue');
    }
    expect([...seen].sort()).toEqual(
      [
        'ivr→queue→agent',
        'self-service',
        'tAbandon',
        'tShortAbandon',
        'tFlowOut',
        'tHeld',
        'nBlindTransferred',
        'nConsultTransferred',
        'tNotResponding',
        'tVoicemail',
        'outbound',
        'chat',
        'email',
        'message',
        'callback',
        'transfer to a user',
        'second queue',
      ].sort(),
    );
  });

  it('lists participants in the order they joined, starting with whoever started the conversation', () => {
    const problems = new Problems();
    for (const c of sample) {
      const firsts = (c.participants ?? []).map((p) =>
        Math.min(...(p.sessions ?? []).map((s) => ms(s.segments?.[0]?.segmentStart))),
      );
      problems.check(
        firsts.every((t, i) => i === 0 || t >= (firsts[i - 1] ?? 0)),
        c.conversationId,
        'order',
      );
      const first = c.participants?.[0]?.purpose;
      problems.check(
        first === (c.originatingDirection === 'outbound' ? 'agent' : 'customer'),
        c.conversationId,
        'first',
      );
    }
    expect(problems.list).toEqual([]);
  });
});
