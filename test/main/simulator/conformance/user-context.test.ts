/**
 * Endpoints about the signed-in user, GET /api/v2/conversations and
 * GET /api/v2/users/me, through the official SDK (fact sheet §2.2, §2.4, §8):
 * a client-credentials token gets the documented "requires a user context"
 * 400; a token from the SDK's own PKCE completion gets the user's own active
 * conversations. The user is an agent who is on a call at NOW, found first
 * through the details query of an identical simulator.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_PERMISSIONS } from '../../../../main/simulator/server/options';
import { pkcePair, signIn } from '../server/helpers';
import { sdkModelProblems } from './sdk-models';
import { DAY_MS, NOW, allDetailPages, rejection, sessionsOf, startConformance, type Conformance } from './support';

const PASSWORD = 'correct horse';
const REDIRECT = 'http://127.0.0.1:49321/oauth/callback';

let h: Conformance;
let agentId: string;
/** The conversations in which the agent has a segment still open at NOW. */
let agentsActive: Set<string>;

beforeAll(async () => {
  const probe = await startConformance();
  const live = await allDetailPages(probe.analytics, {
    interval: `${new Date(NOW - DAY_MS).toISOString()}/${new Date(NOW).toISOString()}`,
    conversationFilters: [{ type: 'and', predicates: [{ dimension: 'conversationEnd', operator: 'notExists' }] }],
  });
  await probe.close();
  const byAgent = new Map<string, Set<string>>();
  for (const { conversation, participant, session } of sessionsOf(live.conversations)) {
    if (!participant.userId || !(session.segments ?? []).some((s) => s.segmentEnd === undefined)) continue;
    const set = byAgent.get(participant.userId) ?? new Set<string>();
    byAgent.set(participant.userId, set.add(conversation.conversationId ?? ''));
  }
  [agentId = '', agentsActive = new Set()] = [...byAgent.entries()][0] ?? [];
  h = await startConformance({
    users: [
      { username: 'agent@reportdesk.example', password: PASSWORD, userId: agentId, permissions: [...READ_PERMISSIONS] },
    ],
  });
});

afterAll(async () => {
  await h.close();
});

const USER_CONTEXT =
  'This request requires a user context. Client credentials cannot be used for requests to this resource.';

describe('with a client-credentials token', () => {
  it('GET /conversations and GET /users/me answer the documented "requires a user context" 400', async () => {
    for (const call of [() => h.conversations.getConversations(), () => h.users.getUsersMe()]) {
      const error = await rejection(call());
      expect(error).toMatchObject({ status: 400, code: 'bad.request', message: USER_CONTEXT });
    }
  });
});

describe('with a user token from the SDK PKCE completion', () => {
  beforeAll(async () => {
    expect(agentId).not.toBe('');
    const { verifier, challenge } = pkcePair();
    const { code } = await signIn(h.sim, { redirectUri: REDIRECT, challenge, password: PASSWORD });
    await h.client.authorizePKCEGrant(h.sim.pkceClientId, verifier, code, REDIRECT);
  });

  afterAll(async () => {
    await h.signInAsClient();
  });

  it('GET /users/me is the signed-in agent, as the user directory knows them', async () => {
    const me: Models.UserMe = await h.users.getUsersMe();
    expect(sdkModelProblems(me, 'UserMe')).toEqual([]);
    expect(me.id).toBe(agentId);
    const listed = await h.users.getUsers({ id: [agentId] });
    expect(listed.entities?.[0]?.name).toBe(me.name);
  });

  it("GET /conversations lists exactly the agent's own active conversations, in the live model", async () => {
    const listing: Models.ConversationEntityListing = await h.conversations.getConversations();
    expect(sdkModelProblems(listing, 'ConversationEntityListing')).toEqual([]);
    expect(agentsActive.size).toBeGreaterThan(0);
    expect(new Set(listing.entities?.map((c) => c.id))).toEqual(agentsActive);
    expect(listing.total).toBe(agentsActive.size);
    for (const conversation of listing.entities ?? []) {
      expect(conversation.endTime).toBeUndefined();
      const mine = conversation.participants.filter((p) => p.userId === agentId);
      expect(mine.length).toBeGreaterThan(0);
      const media = mine.flatMap((p) => [
        ...(p.calls ?? []),
        ...(p.chats ?? []),
        ...(p.emails ?? []),
        ...(p.messages ?? []),
        ...(p.callbacks ?? []),
      ]);
      expect(media.some((m) => m.state !== 'disconnected')).toBe(true);
    }
  });
});
