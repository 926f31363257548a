import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { flattenConversation } from '../../../main/cache/index';

const m = (name: string, value: number): Models.AnalyticsSessionMetric => ({
  name,
  value,
  emitDate: '2024-05-01T08:10:00Z',
});

/** Shaped like fact sheet §4.2: customer, IVR, queue leg, then two agents (the first transfers to the second). */
const transferred: Models.AnalyticsConversation = {
  conversationId: 'c-1',
  conversationStart: '2024-05-01T08:01:02.345Z',
  conversationEnd: '2024-05-01T08:21:02.345Z',
  originatingDirection: 'inbound',
  divisionIds: ['div-1', 'div-2'],
  externalTag: 'CRM-1',
  participants: [
    {
      purpose: 'customer',
      sessions: [
        {
          mediaType: 'voice',
          ani: 'tel:+15551234567',
          dnis: 'tel:+18005550100',
          segments: [{ segmentType: 'system', segmentStart: '2024-05-01T08:01:02.345Z' }],
        },
      ],
    },
    { purpose: 'ivr', sessions: [{ mediaType: 'voice', metrics: [m('tIvr', 9000)] }] },
    {
      purpose: 'acd',
      participantName: 'Billing',
      sessions: [
        {
          mediaType: 'voice',
          metrics: [m('nOffered', 1), m('tAcd', 23456), m('tAnswered', 23456)],
          segments: [{ segmentType: 'interact', queueId: 'q-billing', segmentStart: '2024-05-01T08:01:20Z' }],
        },
      ],
    },
    {
      purpose: 'agent',
      userId: 'u-ann',
      sessions: [
        {
          mediaType: 'voice',
          metrics: [
            m('tAlert', 4100),
            m('tTalk', 300000),
            m('tTalkComplete', 300000),
            m('tHeld', 20000),
            m('nTransferred', 1),
          ],
          segments: [
            { segmentType: 'alert', queueId: 'q-billing', segmentStart: '2024-05-01T08:01:44Z' },
            {
              segmentType: 'wrapup',
              queueId: 'q-billing',
              wrapUpCode: 'wu-transfer',
              segmentStart: '2024-05-01T08:07:00Z',
            },
          ],
        },
      ],
    },
    {
      purpose: 'acd',
      sessions: [
        {
          mediaType: 'voice',
          metrics: [m('tAcd', 5000), m('tAnswered', 5000)],
          segments: [{ segmentType: 'interact', queueId: 'q-tech', segmentStart: '2024-05-01T08:06:50Z' }],
        },
      ],
    },
    {
      purpose: 'agent',
      userId: 'u-bob',
      sessions: [
        {
          mediaType: 'voice',
          metrics: [m('tAlert', 2000), m('tTalk', 600000), m('tAcw', 15000), m('tHandle', 615000)],
          segments: [
            { segmentType: 'interact', queueId: 'q-tech', segmentStart: '2024-05-01T08:07:10Z' },
            { segmentType: 'wrapup', queueId: 'q-tech', wrapUpCode: 'wu-solved', segmentStart: '2024-05-01T08:20:00Z' },
          ],
        },
      ],
    },
    // Ann again on a second leg (a consult): she is still one agent of this conversation.
    { purpose: 'agent', userId: 'u-ann', sessions: [{ mediaType: 'voice', metrics: [m('tTalk', 1000)] }] },
  ],
};

describe('flattenConversation', () => {
  it('derives the grid columns of a transferred call', () => {
    expect(flattenConversation(transferred)).toEqual({
      conversation_id: 'c-1',
      start_ms: Date.parse('2024-05-01T08:01:02.345Z'),
      end_ms: Date.parse('2024-05-01T08:21:02.345Z'),
      duration_ms: 20 * 60_000,
      direction: 'inbound',
      media_type: 'voice',
      first_queue_id: 'q-billing',
      queue_ids: '["q-billing","q-tech"]',
      user_ids: '["u-ann","u-bob"]',
      wrapup_code_id: 'wu-solved',
      ani: 'tel:+15551234567',
      dnis: 'tel:+18005550100',
      division_id: 'div-1',
      external_tag: 'CRM-1',
      // Sums over every session; the "…Complete" variant is not counted twice.
      t_talk: 901000,
      t_held: 20000,
      t_acw: 15000,
      t_handle: 615000,
      t_acd: 28456,
      t_alert: 6100,
      t_abandon: 0,
      abandoned: 0,
      answered: 1,
      transferred: 1,
    });
  });

  it('marks an abandoned call still in progress: no end, no duration, abandoned', () => {
    const flat = flattenConversation({
      conversationId: 'c-2',
      conversationStart: '2024-05-01T09:00:00Z',
      participants: [
        { purpose: 'customer', sessions: [{ mediaType: 'chat' }] },
        {
          purpose: 'acd',
          sessions: [
            {
              mediaType: 'chat',
              metrics: [m('tAcd', 40000), m('tAbandon', 40000)],
              segments: [{ queueId: 'q-chat', segmentStart: '2024-05-01T09:00:01Z' }],
            },
          ],
        },
      ],
    });
    expect(flat).toMatchObject({
      end_ms: null,
      duration_ms: null,
      media_type: 'chat',
      first_queue_id: 'q-chat',
      user_ids: '[]',
      wrapup_code_id: null,
      t_abandon: 40000,
      abandoned: 1,
      answered: 0,
      transferred: 0,
    });
  });

  it('takes the first queue by time, not by position in the response', () => {
    const flat = flattenConversation({
      conversationId: 'c-3',
      conversationStart: '2024-05-01T09:00:00Z',
      participants: [
        { purpose: 'acd', sessions: [{ segments: [{ queueId: 'q-late', segmentStart: '2024-05-01T09:05:00Z' }] }] },
        { purpose: 'acd', sessions: [{ segments: [{ queueId: 'q-early', segmentStart: '2024-05-01T09:01:00Z' }] }] },
      ],
    });
    expect(flat?.first_queue_id).toBe('q-early');
    expect(flat?.queue_ids).toBe('["q-late","q-early"]');
  });

  it('falls back to the agent leg for media and addresses when there is no customer leg (internal call)', () => {
    const flat = flattenConversation({
      conversationId: 'c-4',
      conversationStart: '2024-05-01T09:00:00Z',
      originatingDirection: 'outbound',
      participants: [
        { purpose: 'user', userId: 'u-1', sessions: [{ mediaType: 'voice', ani: 'sip:a', dnis: 'sip:b' }] },
      ],
    });
    expect(flat).toMatchObject({ media_type: 'voice', ani: 'sip:a', dnis: 'sip:b', user_ids: '["u-1"]' });
  });

  it('ignores metric names and values it cannot trust', () => {
    const flat = flattenConversation({
      conversationId: 'c-5',
      conversationStart: '2024-05-01T09:00:00Z',
      participants: [
        {
          purpose: 'agent',
          sessions: [
            {
              metrics: [
                m('constructor', 5),
                m('__proto__', 5),
                { name: 'tTalk', value: '100' as unknown as number },
                { name: 'tTalk', value: Number.NaN },
                m('tTalk', 7),
              ],
            },
          ],
        },
      ],
    });
    expect(flat?.t_talk).toBe(7);
  });

  it('returns null for a conversation that cannot be placed (no id or no readable start)', () => {
    expect(flattenConversation({ conversationStart: '2024-05-01T09:00:00Z' })).toBeNull();
    expect(flattenConversation({ conversationId: 'c', conversationStart: 'yesterday' })).toBeNull();
    expect(flattenConversation({ conversationId: 'c' })).toBeNull();
  });
});
