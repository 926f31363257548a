import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { errorPage, signInPage } from './authorize-page';
import { mediaType, readBody, type Reply } from './http-util';
import { noStore, secretsEqual, userTokenPermissions, type OAuthContext } from './oauth-context';
import type { SimulatorClient } from './options';
import { isValidS256Challenge } from './pkce';
import { redirectUriAllowed } from './redirect-uri';

interface PendingSignIn {
  client: SimulatorClient;
  redirectUri: string;
  state: string | null;
  codeChallenge?: string;
  loginHint: string;
  expiresAt: number;
}

/** How long the sign-in page stays usable. */
const SIGN_IN_TTL_MS = 10 * 60_000;

/**
 * GET /oauth/authorize shows the sign-in page; POST /oauth/authorize checks
 * the credentials and redirects to the app with `code` and `state`
 * (fact sheet §2.3–2.4). The random request id in the form ties the post to
 * a page this server rendered, which also makes it a CSRF token.
 */
export class AuthorizeFlow {
  private readonly pending = new Map<string, PendingSignIn>();

  constructor(private readonly ctx: OAuthContext) {}

  show(query: URLSearchParams): Reply {
    const client = this.ctx.clients.get(query.get('client_id') ?? '');
    // RFC 6749 §4.1.2.1: with an unknown client or redirect_uri, never redirect; tell the user.
    if (!client) return errorPage('This application is not registered (unknown client_id).');
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!redirectUriAllowed(client.redirectUris, redirectUri)) {
      return errorPage('The redirect_uri is not registered for this application.');
    }
    const state = query.get('state');
    const fail = (error: string, description: string) =>
      redirect(redirectUri, { error, error_description: description, state });
    if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
    if (!client.grants.includes('authorization_code')) {
      return fail('unauthorized_client', 'the client is not authorized to use the authorization_code grant');
    }
    const challenge = query.get('code_challenge');
    if (challenge === null && client.clientSecret === undefined) {
      return fail('invalid_request', 'code_challenge is required for public clients');
    }
    if (challenge !== null) {
      if (query.get('code_challenge_method') !== 'S256') {
        return fail('invalid_request', 'code_challenge_method must be S256');
      }
      if (!isValidS256Challenge(challenge))
        return fail('invalid_request', 'code_challenge must be 43 base64url characters');
    }
    this.dropExpired();
    const requestId = randomBytes(18).toString('base64url');
    this.pending.set(requestId, {
      client,
      redirectUri,
      state,
      ...(challenge === null ? {} : { codeChallenge: challenge }),
      loginHint: query.get('login_hint') ?? '',
      expiresAt: this.ctx.clock() + SIGN_IN_TTL_MS,
    });
    return this.page(requestId, client, redirectUri);
  }

  async submit(req: IncomingMessage): Promise<Reply> {
    if (mediaType(req) !== 'application/x-www-form-urlencoded') return errorPage('The sign-in form was not posted.');
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const requestId = form.get('request') ?? '';
    const sign = this.pending.get(requestId);
    if (!sign || this.ctx.clock() >= sign.expiresAt) {
      this.pending.delete(requestId);
      return errorPage('This sign-in has expired or was already completed. Start it again from the application.');
    }
    if (form.get('action') === 'deny') {
      this.pending.delete(requestId);
      return redirect(sign.redirectUri, {
        error: 'access_denied',
        error_description: 'the user cancelled the sign-in',
        state: sign.state,
      });
    }
    const username = (form.get('username') ?? '').trim().toLowerCase();
    const password = form.get('password') ?? '';
    const user = this.ctx.users.find(
      (candidate) => candidate.username.toLowerCase() === username && secretsEqual(candidate.password, password),
    );
    if (!user) return this.page(requestId, sign.client, sign.redirectUri, 'Invalid username or password.');
    this.pending.delete(requestId);
    const code = this.ctx.codes.issue({
      clientId: sign.client.clientId,
      redirectUri: sign.redirectUri,
      ...(sign.codeChallenge === undefined ? {} : { codeChallenge: sign.codeChallenge }),
      userId: user.userId,
      permissions: userTokenPermissions(user, sign.client),
    });
    return redirect(sign.redirectUri, { code, state: sign.state });
  }

  private page(requestId: string, client: SimulatorClient, redirectUri: string, error?: string): Reply {
    const hint = this.ctx.signInHint;
    return signInPage(
      {
        requestId,
        clientName: client.name,
        redirectOrigin: new URL(redirectUri).origin,
        username: this.pending.get(requestId)?.loginHint ?? '',
        ...(error === undefined ? {} : { error }),
        ...(hint === undefined ? {} : { hint }),
      },
      error === undefined ? 200 : 401,
    );
  }

  private dropExpired(): void {
    const now = this.ctx.clock();
    for (const [id, sign] of this.pending) if (now >= sign.expiresAt) this.pending.delete(id);
  }
}

function redirect(redirectUri: string, params: Record<string, string | null>): Reply {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== null) target.searchParams.set(name, value);
  return { status: 302, headers: { location: target.href, ...noStore() }, body: '' };
}
