import type { ExpectStatic } from 'vitest';
import { accessTokenKey } from '../../../../main/genesys/secret-store';
import { dayRange } from '../../../../main/reports';
import { CLIENTS, type CatalogueContext } from '../context';
import type { FastService } from '../fast-service';
import { FAST_CONNECTION } from '../fast-service';
import { freePort } from '../../genesys/support/scripted-server';
import { cleanlyCutShort, rateLimitedFor, serviceUnavailableWhile, unknownEnumValues } from '../interceptors';
import type { CatalogueCase, Observation } from '../types';
import { messageOf } from '../types';
import type { ReportParams } from '../../../../preload/contract/report-params';
import type { FaultRates } from '../../../../main/simulator/server/index';

/**
 * The Genesys client against the real simulator. Sign-in and permission cases go through the `org` core (the
 * Connections screen and the run screen see exactly these answers); cases whose retries would take minutes use
 * a fast report service (the core's ReportService with time warped, see fast-service.ts).
 */

const PERMISSION_FIX =
  'Ask a Genesys Cloud admin to add it to your role (for a client-credentials connection: to the OAuth client’s role).';

const ANY_DETAIL_PERMISSION = ['analytics:conversationDetail:view', 'analytics:agentConversationDetail:view'] as const;

async function testConnection(ctx: CatalogueContext, connectionId: string): Promise<{ message: string | null }> {
  return { message: messageOf(await ctx.org.answer('connections/test', { connectionId })) };
}

async function orgRun(ctx: CatalogueContext, connectionId: string, params: ReportParams) {
  return ctx.org.call('reports/run', { requestId: `run-${Math.random().toString(36).slice(2)}`, params });
}

/** Conversation ids the org core's grid shows for a report: what the supervisor would see. */
async function orgGridIds(ctx: CatalogueContext, params: ReportParams): Promise<string[]> {
  const page = await ctx.org.call('reports/page', { params, view: { page: { size: 1000 } } });
  return page.rows.map((row) => String(row.conversationId)).sort();
}

function fastGridIds(service: FastService, params: ReportParams): string[] {
  const rows = service.reports.rows(params, { filters: [], page: { size: 1000 }, count: false });
  return [...rows].map((row) => String(row.conversationId)).sort();
}

async function fastRun(service: FastService, params: ReportParams) {
  return service.reports.run({ requestId: 'fast', params, refresh: false });
}

/**
 * A run through sustained faults, on an org of its own whose fault sequence starts from a fixed seed: the first
 * requests of any run meet the same faults, so at least one lands, and the grid must end up exactly as the org's
 * truth.
 */
async function survives(
  ctx: CatalogueContext,
  expect: ExpectStatic,
  faults: Partial<FaultRates>,
): Promise<Observation> {
  const flaky = await ctx.simulator({ faults: { ...faults, seed: 'catalogue-faults' } });
  const service = await ctx.fast({
    environment: flaky.baseUrl,
    clientId: flaky.clientId,
    clientSecret: flaky.clientSecret,
  });
  const params = ctx.params('interactions', -14, -4, FAST_CONNECTION);
  const result = await fastRun(service, params);
  expect(result.state).toBe('done');
  expect(flaky.requests.list().some((request) => request.faults.length > 0)).toBe(true);
  expect(result.retries + result.rateLimited).toBeGreaterThan(0);
  expect(fastGridIds(service, params)).toEqual(ctx.truthIds(params, flaky));
  return { message: result.message };
}

/** The supervisor signs in on the simulator's page (a scripted browser plays them). */
async function signedInPkce(ctx: CatalogueContext, username = 'demo@reportdesk.example'): Promise<string> {
  const connectionId = await ctx.addConnection(CLIENTS.pkce.id);
  ctx.signInAs(username);
  await ctx.org.call('connections/sign-in', { connectionId });
  return connectionId;
}

export const genesysCases: CatalogueCase[] = [
  {
    id: 'genesys-unknown-region',
    area: 'Genesys Cloud',
    situation: 'A connection is added for a region that does not exist (mypurecloud.xx).',
    shown: 'Beside the region in the Add connection form; nothing is saved.',
    message:
      "'mypurecloud.xx' is not a Genesys Cloud region. Pick one from the list, e.g. mypurecloud.com (Americas – US East) or mypurecloud.ie (EMEA – Dublin), or paste the address you open Genesys Cloud at, e.g. https://apps.mypurecloud.ie.",
    advice: 'Pick the region from the list, or paste the address Genesys Cloud opens at in the browser.',
    run: async (ctx, expect) => {
      const before = await ctx.org.call('connections/list');
      const answer = await ctx.org.answer('connections/add', {
        name: 'Typo',
        environment: 'mypurecloud.xx',
        method: 'pkce',
        clientId: 'any',
      });
      expect(await ctx.org.call('connections/list')).toEqual(before);
      return { message: messageOf(answer) };
    },
  },
  {
    id: 'genesys-plain-http-address',
    area: 'Genesys Cloud',
    situation: 'A connection is added with a plain-http address on another computer.',
    shown: 'Beside the region in the Add connection form; nothing is saved.',
    message:
      "'http://reports.example.com' uses plain http, which is only allowed for a server on this computer (127.0.0.1 or localhost). Use https://.",
    advice: 'Use the https:// address; credentials are never sent over plain http to another computer.',
    run: async (ctx) => ({
      message: messageOf(
        await ctx.org.answer('connections/add', {
          name: 'Plain http',
          environment: 'http://reports.example.com',
          method: 'client-credentials',
          clientId: 'any',
          clientSecret: 'any',
        }),
      ),
    }),
  },
  {
    id: 'genesys-wrong-client-secret',
    area: 'Genesys Cloud',
    situation: 'A client-credentials connection has the wrong client secret.',
    shown: 'The Connections screen after Test (and the run screen on Run).',
    message:
      'The client ID or secret was not accepted by Genesys Cloud. Check both in the connection settings, and that the OAuth client uses the Client Credentials grant in this region.',
    outcome: 'The connection stays in the list.',
    advice: 'Copy the secret again from the OAuth client (Admin › Integrations › OAuth) and add the connection again.',
    run: async (ctx, expect) => {
      const connectionId = await ctx.addConnection(CLIENTS.good.id, 'not-the-secret');
      const seen = await testConnection(ctx, connectionId);
      const run = await orgRun(ctx, connectionId, ctx.params('queue-performance', -2, -1, connectionId));
      expect(run).toMatchObject({ state: 'failed', message: seen.message });
      expect((await ctx.org.call('connections/list')).some((item) => item.id === connectionId)).toBe(true);
      return seen;
    },
  },
  {
    id: 'genesys-unknown-client',
    area: 'Genesys Cloud',
    situation: 'The OAuth client was deleted in Genesys Cloud (its id is unknown).',
    shown: 'The Connections screen after Test.',
    message:
      'The client ID or secret was not accepted by Genesys Cloud. Check both in the connection settings, and that the OAuth client uses the Client Credentials grant in this region.',
    advice: 'Ask the admin for the current OAuth client and add the connection again.',
    run: async (ctx) => testConnection(ctx, await ctx.addConnection('deleted-oauth-client', 'whatever')),
  },
  {
    id: 'genesys-client-token-expired',
    area: 'Genesys Cloud',
    situation: 'A client-credentials token expires between two runs (Genesys answers 401).',
    shown: 'Nothing: the run completes.',
    message: null,
    outcome: 'ReportDesk asks for a new token once and carries on; every row is there.',
    advice: 'Nothing to do.',
    run: async (ctx, expect) => {
      const connectionId = await ctx.addConnection(CLIENTS.good.id, CLIENTS.good.secret);
      await orgRun(ctx, connectionId, ctx.params('queue-performance', -2, -2, connectionId));
      ctx.sim.expireAllTokens();
      ctx.sim.requests.clear();
      const params = ctx.params('interactions', -3, -3, connectionId);
      const result = await orgRun(ctx, connectionId, params);
      expect(ctx.sim.requests.list().some((request) => request.status === 401)).toBe(true);
      expect(result.state).toBe('done');
      expect(await orgGridIds(ctx, params)).toEqual(ctx.truthIds(params));
      return { message: result.message };
    },
  },
  {
    id: 'genesys-client-token-revoked',
    area: 'Genesys Cloud',
    situation: 'An admin revokes the tokens of the OAuth client while ReportDesk is open.',
    shown: 'Nothing: the run completes.',
    message: null,
    outcome: 'The client secret still works, so ReportDesk signs in again by itself; every row is there.',
    advice: 'Nothing to do (to lock ReportDesk out, the admin must disable the OAuth client).',
    run: async (ctx, expect) => {
      const connectionId = await ctx.addConnection(CLIENTS.good.id, CLIENTS.good.secret);
      await orgRun(ctx, connectionId, ctx.params('queue-performance', -2, -2, connectionId));
      ctx.sim.revokeAllTokens();
      const params = ctx.params('interactions', -4, -4, connectionId);
      const result = await orgRun(ctx, connectionId, params);
      expect(result.state).toBe('done');
      expect(await orgGridIds(ctx, params)).toEqual(ctx.truthIds(params));
      return { message: result.message };
    },
  },
  {
    id: 'genesys-sign-in-expired',
    area: 'Genesys Cloud',
    situation: 'A browser sign-in (PKCE) has expired, e.g. the laptop slept past the token’s lifetime.',
    shown: 'The run screen, with a Sign in button.',
    message: 'Your Genesys Cloud sign-in has expired. Sign in again to continue.',
    outcome: 'After signing in again the same run completes.',
    advice: 'Press Sign in and sign in to Genesys Cloud in the browser.',
    run: async (ctx, expect) => {
      const connectionId = await signedInPkce(ctx);
      const key = accessTokenKey(connectionId);
      // The stored sign-in, as ReportDesk finds it the morning after: a day past its expiry.
      const token = JSON.parse((await ctx.org.secrets.get(key)) ?? '{}') as object;
      const day = 86_400_000;
      await ctx.org.secrets.set(
        key,
        JSON.stringify({ ...token, obtainedAt: Date.now() - 2 * day, expiresAt: Date.now() - day }),
      );
      const params = ctx.params('queue-performance', -2, -1, connectionId);
      const expired = await orgRun(ctx, connectionId, params);
      await ctx.org.call('connections/sign-in', { connectionId });
      expect((await orgRun(ctx, connectionId, params)).state).toBe('done');
      return { message: expired.message };
    },
  },
  {
    id: 'genesys-sign-in-revoked',
    area: 'Genesys Cloud',
    situation: 'A browser sign-in (PKCE) is revoked in Genesys Cloud (Genesys answers 401).',
    shown: 'The run screen, with a Sign in button.',
    message: 'Genesys Cloud no longer accepts your sign-in (it may have been revoked). Sign in again to continue.',
    advice: 'Press Sign in; if it keeps happening, ask the admin whether the account or OAuth client was disabled.',
    run: async (ctx) => {
      const connectionId = await signedInPkce(ctx);
      ctx.sim.revokeAllTokens();
      const result = await orgRun(ctx, connectionId, ctx.params('queue-performance', -2, -1, connectionId));
      return { message: result.message };
    },
  },
  {
    id: 'genesys-never-signed-in',
    area: 'Genesys Cloud',
    situation: 'A report is run on a browser sign-in (PKCE) connection that was never signed in.',
    shown: 'The run screen, with a Sign in button.',
    message: 'Sign in to Genesys Cloud to use this connection.',
    advice: 'Press Sign in.',
    run: async (ctx) => {
      const connectionId = await ctx.addConnection(CLIENTS.pkce.id);
      const result = await orgRun(ctx, connectionId, ctx.params('queue-performance', -2, -1, connectionId));
      return { message: result.message };
    },
  },
  {
    id: 'genesys-client-without-permissions',
    area: 'Genesys Cloud',
    situation: 'The OAuth client’s role grants no reporting permissions.',
    shown: 'The Connections screen after Test, with the permissions listed.',
    message: `This needs at least one of these Genesys Cloud permissions, and your account has none: ${ANY_DETAIL_PERMISSION.join(', ')}. ${PERMISSION_FIX} (Genesys Cloud reference: {reference})`,
    advice: 'Send the listed permissions to the Genesys Cloud admin; the reference helps Genesys support.',
    run: async (ctx, expect) => {
      const connectionId = await ctx.addConnection(CLIENTS.noPermissions.id, CLIENTS.noPermissions.secret);
      const result = await ctx.org.call('connections/test', { connectionId });
      expect(result.missingPermissions).toEqual(ANY_DETAIL_PERMISSION);
      return { message: result.message };
    },
  },
  {
    id: 'genesys-missing-one-permission',
    area: 'Genesys Cloud',
    situation: 'The role lacks only the aggregate permission, and a queue report is run.',
    shown: 'The run screen (and the Connections screen after Test).',
    message: `Your Genesys Cloud account is missing the permission this needs: analytics:conversationAggregate:view. ${PERMISSION_FIX} (Genesys Cloud reference: {reference})`,
    advice: 'Ask the admin for the named permission; Interactions still works meanwhile.',
    run: async (ctx, expect) => {
      const connectionId = await ctx.addConnection(CLIENTS.noAggregates.id, CLIENTS.noAggregates.secret);
      const tested = await ctx.org.call('connections/test', { connectionId });
      expect(tested.missingPermissions).toEqual(['analytics:conversationAggregate:view']);
      const result = await orgRun(ctx, connectionId, ctx.params('queue-performance', -2, -1, connectionId));
      expect(result.state).toBe('failed');
      return { message: result.message };
    },
  },
  {
    id: 'genesys-user-without-permissions',
    area: 'Genesys Cloud',
    situation: 'A person whose Genesys Cloud role has no reporting permissions signs in (PKCE).',
    shown: 'The Connections screen after Test, with the permissions listed.',
    message: `This needs at least one of these Genesys Cloud permissions, and your account has none: ${ANY_DETAIL_PERMISSION.join(', ')}. ${PERMISSION_FIX} (Genesys Cloud reference: {reference})`,
    advice: 'Ask the admin to add a reporting role to the account.',
    run: async (ctx) => testConnection(ctx, await signedInPkce(ctx, 'noaccess@reportdesk.example')),
  },
  {
    id: 'genesys-bad-request',
    area: 'Genesys Cloud',
    situation: 'Genesys Cloud refuses a query with a 400 (here: it lowered its page-size limit below ReportDesk’s).',
    shown: 'The run screen, quoting Genesys Cloud.',
    message:
      'Genesys Cloud did not accept the request: paging.pageSize must be between 1 and 10, got 100 (Genesys Cloud reference: {reference})',
    advice: 'Report it with the reference: ReportDesk needs an update for the changed limit.',
    run: async (ctx) => {
      const strict = await ctx.simulator({ limits: { detailsMaxPageSize: 10 } });
      const service = await ctx.fast({
        environment: strict.baseUrl,
        clientId: strict.clientId,
        clientSecret: strict.clientSecret,
      });
      const result = await fastRun(service, ctx.params('interactions', -1, -1, FAST_CONNECTION));
      return { message: result.message };
    },
  },
  {
    id: 'genesys-rate-limit-beyond-180s',
    area: 'Genesys Cloud',
    situation: 'Genesys Cloud answers 429 asking for a 15-minute wait (an hourly or daily budget is spent).',
    shown: 'The run screen.',
    message:
      'Genesys Cloud asked us to wait 15 minutes before sending more requests. An hourly or daily limit of your organization was probably reached (other tools may share it). Try again later. (Genesys Cloud reference: {reference})',
    outcome:
      'ReportDesk waits out at most 180 s; a longer wait stops the run at once, without retrying, rather than hang.',
    advice: 'Run it again after the time named; ask the admin which other tools share the OAuth client.',
    run: async (ctx, expect) => {
      const service = await ctx.fast({ fetch: rateLimitedFor(900) });
      const result = await fastRun(service, ctx.params('queue-performance', -2, -1, FAST_CONNECTION));
      expect(result.rateLimited).toBeGreaterThan(0);
      expect(result.retries).toBe(0);
      return { message: result.message };
    },
  },
  {
    id: 'genesys-rate-limit-bursts',
    area: 'Genesys Cloud',
    situation: 'Three in ten requests are answered 429 "wait 1–2 seconds".',
    shown: 'Nothing: the run completes (the progress line counts the slow-downs).',
    message: null,
    outcome: 'Every row arrives, exactly as Genesys Cloud has them.',
    advice: 'Nothing to do.',
    run: (ctx, expect) => survives(ctx, expect, { '429': 0.3 }),
  },
  {
    id: 'genesys-server-error-storm',
    area: 'Genesys Cloud',
    situation: 'Genesys Cloud answers 503 to everything (an incident) through all six attempts.',
    shown: 'The run screen.',
    message:
      'Genesys Cloud could not answer right now (HTTP 503). This usually passes within minutes; try again. (Genesys Cloud reference: {reference})',
    outcome: 'Days downloaded before stay in the cache and still show.',
    advice: 'Try again in a few minutes; check status.mypurecloud.com if it lasts.',
    run: async (ctx, expect) => {
      let storm = false;
      const service = await ctx.fast({ fetch: serviceUnavailableWhile(() => storm) });
      const before = ctx.params('interactions', -3, -3, FAST_CONNECTION);
      expect((await fastRun(service, before)).state).toBe('done');
      storm = true;
      const result = await fastRun(service, ctx.params('interactions', -6, -5, FAST_CONNECTION));
      expect(result.state).toBe('failed');
      expect(result.retries).toBeGreaterThanOrEqual(5);
      expect(fastGridIds(service, before)).toEqual(ctx.truthIds(before));
      return { message: result.message };
    },
  },
  {
    id: 'genesys-server-error-bursts',
    area: 'Genesys Cloud',
    situation: 'Three in ten requests fail with 500, 503 or 504.',
    shown: 'Nothing: the run completes.',
    message: null,
    outcome: 'Each failed request is retried with growing waits; every row arrives.',
    advice: 'Nothing to do.',
    run: (ctx, expect) => survives(ctx, expect, { '5xx': 0.3 }),
  },
  {
    id: 'genesys-dropped-mid-page',
    area: 'Genesys Cloud',
    situation: 'The connection drops in the middle of every page (half the page arrives, then the line closes).',
    shown: 'The run screen.',
    message: 'The connection to Genesys Cloud at {host} dropped while the answer was arriving — check the connection.',
    outcome: 'Nothing half-received is saved; once the line is back, running again fetches the rest.',
    advice: 'Check the network (Wi-Fi, VPN, proxy) and run the report again.',
    run: async (ctx, expect) => {
      const service = await ctx.fast();
      const params = ctx.params('interactions', -6, -4, FAST_CONNECTION);
      ctx.sim.setFaults({ truncate: 1 });
      let result;
      try {
        result = await fastRun(service, params);
      } finally {
        ctx.sim.setFaults({});
      }
      expect(result.state).toBe('failed');
      expect((await fastRun(service, params)).state).toBe('done');
      expect(fastGridIds(service, params)).toEqual(ctx.truthIds(params));
      return { message: result.message };
    },
  },
  {
    id: 'genesys-dropped-now-and-then',
    area: 'Genesys Cloud',
    situation: 'Three in ten connections are reset (before or during the answer).',
    shown: 'Nothing: the run completes.',
    message: null,
    outcome: 'Each broken request is sent again; every row arrives exactly once.',
    advice: 'Nothing to do.',
    run: (ctx, expect) => survives(ctx, expect, { reset: 0.3 }),
  },
  {
    id: 'genesys-truncated-json',
    area: 'Genesys Cloud',
    situation: 'Answers arrive cut short but "complete" (a proxy ends them cleanly halfway through the JSON).',
    shown: 'The run screen.',
    message: 'The answer from Genesys Cloud at {host} arrived incomplete — check the connection.',
    outcome: 'The broken answer is never taken for data: nothing of it is saved.',
    advice: 'Check the network or proxy, then run again.',
    run: async (ctx, expect) => {
      const service = await ctx.fast({ fetch: cleanlyCutShort('/analytics/conversations/aggregates') });
      const params = ctx.params('queue-performance', -2, -1, FAST_CONNECTION);
      const result = await fastRun(service, params);
      expect(result.state).toBe('failed');
      expect(service.reports.page(params, { filters: [], page: { size: 100 }, count: true }).rows).toEqual([]);
      return { message: result.message };
    },
  },
  {
    id: 'genesys-unknown-enum',
    area: 'Genesys Cloud',
    situation: 'An answer uses a media type and a direction ReportDesk has never heard of ("hologram", "sideways").',
    shown: 'Nothing: the run completes.',
    message: null,
    outcome: 'The conversation is kept and shows the values as Genesys Cloud sent them.',
    advice: 'Nothing to do.',
    run: async (ctx, expect) => {
      let changed = '';
      const params = ctx.params('interactions', -2, -2, FAST_CONNECTION);
      const days = dayRange(params.from, params.to, params.timeZone);
      const service = await ctx.fast({ fetch: unknownEnumValues(days, (id) => (changed = id)) });
      const result = await fastRun(service, params);
      expect(result.state).toBe('done');
      expect(fastGridIds(service, params)).toEqual(ctx.truthIds(params));
      const row = service.reports.page(params, {
        filters: [{ kind: 'text', column: 'conversationId', op: 'equals', value: changed }],
        page: { size: 1 },
        count: false,
      }).rows[0];
      expect(row).toMatchObject({ conversationId: changed, mediaType: 'hologram', direction: 'sideways' });
      return { message: result.message };
    },
  },
  {
    id: 'genesys-unreachable',
    area: 'Genesys Cloud',
    situation: 'Genesys Cloud cannot be reached at all (no route, firewall, wrong proxy).',
    shown: 'The run screen (and the Connections screen after Test).',
    message: 'Could not reach Genesys Cloud at {host} — check the connection (internet, VPN or proxy).',
    advice: 'Check the internet connection, VPN and proxy; cached reports still open meanwhile.',
    run: async (ctx) => {
      const service = await ctx.fast({ environment: `http://127.0.0.1:${await freePort()}` });
      const result = await fastRun(service, ctx.params('queue-performance', -2, -1, FAST_CONNECTION));
      return { message: result.message };
    },
  },
];
