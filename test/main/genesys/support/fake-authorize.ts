import { createHash } from 'node:crypto';
import { sendJson, startScriptedServer, type ScriptedServer } from './scripted-server';

export type AuthorizeBehaviour = 'approve' | 'deny' | 'wrong-state' | 'error' | 'no-code';

export interface FakeLogin {
  server: ScriptedServer;
  /** How the next /oauth/authorize answers. */
  behaviour: AuthorizeBehaviour;
  /** Whether /oauth/token accepts the code. */
  exchange: 'ok' | 'invalid_grant';
  issued: number;
}

export const FAKE_CODE = 'one-time-code-xyz';

/**
 * A tiny Genesys login: /oauth/authorize redirects straight back (as if the
 * person signed in), /oauth/token checks the PKCE exchange (fact sheet §2.4).
 */
export async function startFakeLogin(): Promise<FakeLogin> {
  let challenge = '';
  let redirectUri = '';
  const login: FakeLogin = {
    server: undefined as unknown as ScriptedServer,
    behaviour: 'approve',
    exchange: 'ok',
    issued: 0,
  };
  login.server = await startScriptedServer((req, res) => {
    if (req.method === 'GET' && req.path === '/oauth/authorize') {
      challenge = req.query.get('code_challenge') ?? '';
      redirectUri = req.query.get('redirect_uri') ?? '';
      const target = new URL(redirectUri);
      const state = req.query.get('state') ?? '';
      const params: Record<AuthorizeBehaviour, Record<string, string>> = {
        approve: { code: FAKE_CODE, state },
        deny: { error: 'access_denied', error_description: 'the user cancelled', state },
        'wrong-state': { code: FAKE_CODE, state: 'somebody-elses-state' },
        error: { error: 'invalid_scope', error_description: 'scope <b>analytics</b> is not allowed', state },
        'no-code': { state },
      };
      for (const [name, value] of Object.entries(params[login.behaviour])) target.searchParams.set(name, value);
      res.writeHead(302, { location: target.href });
      res.end();
      return;
    }
    if (req.method === 'POST' && req.path === '/oauth/token') {
      const form = new URLSearchParams(req.body);
      const verifier = form.get('code_verifier') ?? '';
      const matches =
        login.exchange === 'ok' &&
        form.get('grant_type') === 'authorization_code' &&
        form.get('code') === FAKE_CODE &&
        form.get('client_id') === 'pkce-client' &&
        form.get('redirect_uri') === redirectUri &&
        createHash('sha256').update(verifier).digest('base64url') === challenge;
      if (!matches) return sendJson(res, 400, { error: 'invalid_grant', error_description: 'code is invalid' });
      login.issued++;
      return sendJson(res, 200, { access_token: `user-token-${login.issued}`, token_type: 'bearer', expires_in: 7200 });
    }
    if (req.path.startsWith('/api/')) {
      // Every token is refused, as after a revocation or an early expiry.
      return sendJson(res, 401, {
        status: 401,
        code: 'credentials.expired',
        message: 'The supplied credentials are expired.',
      });
    }
    sendJson(res, 404, {});
  });
  return login;
}

export interface BrowserVisit {
  authorizeUrl: URL;
  callbackUrl?: URL;
  callbackStatus?: number;
  callbackPage?: string;
  callbackHeaders?: Headers;
}

/** Stands in for the system browser: follows the authorize URL and the redirect to our loopback listener. */
export function testBrowser(): {
  openExternal: (url: string) => Promise<void>;
  visits: BrowserVisit[];
  idle: () => Promise<void>;
} {
  const visits: BrowserVisit[] = [];
  const pending: Promise<void>[] = [];
  return {
    visits,
    idle: async () => {
      await Promise.all(pending);
    },
    openExternal: (url) => {
      const visit: BrowserVisit = { authorizeUrl: new URL(url) };
      visits.push(visit);
      pending.push(
        (async () => {
          const authorize = await fetch(url, { redirect: 'manual' });
          const location = authorize.headers.get('location');
          if (!location) return;
          visit.callbackUrl = new URL(location);
          const callback = await fetch(location);
          visit.callbackStatus = callback.status;
          visit.callbackHeaders = callback.headers;
          visit.callbackPage = await callback.text();
        })(),
      );
      return Promise.resolve();
    },
  };
}
