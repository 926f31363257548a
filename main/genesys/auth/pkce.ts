import { createHash, randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../http/clock';
import { CancelledError } from '../http/errors';
import type { FetchLike } from '../http/fetch-text';
import { SignInError } from './errors';
import { startLoopbackListener, type LoopbackOptions } from './loopback-listener';
import { requestToken, type AccessToken, type OAuthErrorBody } from './token-endpoint';

/** 64 base64url characters from 48 random bytes: inside the 43–128 allowed (fact sheet §2.4). */
export function createCodeVerifier(): string {
  return randomBytes(48).toString('base64url');
}

/** S256: base64url(SHA-256(verifier)) without padding. */
export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createState(): string {
  return randomBytes(24).toString('base64url');
}

export interface AuthorizeUrlOptions {
  loginBase: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  state: string;
  /** `login` makes Genesys ask for credentials even if the browser is still signed in. */
  prompt?: 'login';
  loginHint?: string;
}

/** The authorize URL the JS SDK's loginPKCEGrant builds (fact sheet §2.4). */
export function buildAuthorizeUrl(options: AuthorizeUrlOptions): URL {
  const url = new URL('/oauth/authorize', options.loginBase);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('code_challenge', options.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', options.state);
  if (options.prompt) url.searchParams.set('prompt', options.prompt);
  if (options.loginHint) url.searchParams.set('login_hint', options.loginHint);
  return url;
}

export interface PkceSignInOptions {
  loginBase: string;
  clientId: string;
  /** Opens the URL in the system browser (the Electron glue passes shell.openExternal). */
  openExternal: (url: string) => Promise<void>;
  redirect?: Omit<LoopbackOptions, 'state'>;
  /** How long the person has to finish signing in; default 5 minutes. */
  timeoutMs?: number;
  prompt?: 'login';
  loginHint?: string;
  fetch?: FetchLike;
  clock?: Clock;
  signal?: AbortSignal;
}

export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/**
 * The desktop sign-in: authorization code + PKCE through the system browser
 * and a loopback redirect (fact sheet §2.4). The token exchange is not
 * retried: a code is single-use, and replaying one makes the server revoke
 * what it bought.
 */
export async function signInWithPkce(options: PkceSignInOptions): Promise<AccessToken> {
  const clock = options.clock ?? systemClock;
  const verifier = createCodeVerifier();
  const state = createState();
  const listener = await startLoopbackListener({ ...options.redirect, state });
  try {
    const url = buildAuthorizeUrl({
      loginBase: options.loginBase,
      clientId: options.clientId,
      redirectUri: listener.redirectUri,
      codeChallenge: codeChallengeS256(verifier),
      state,
      ...(options.prompt ? { prompt: options.prompt } : {}),
      ...(options.loginHint ? { loginHint: options.loginHint } : {}),
    });
    try {
      await options.openExternal(url.href);
    } catch {
      throw new SignInError(
        'browser',
        'ReportDesk could not open your web browser to sign in. Check that a default browser is set.',
      );
    }
    const code = await listener.waitForCode(options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS, options.signal);
    if (options.signal?.aborted) throw new CancelledError();
    return await requestToken({
      loginBase: options.loginBase,
      form: {
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        client_id: options.clientId,
        redirect_uri: listener.redirectUri,
      },
      fetch: options.fetch ?? fetch,
      now: () => clock.now(),
      signal: options.signal,
      timeoutMs: 30_000,
      oauthError: exchangeError,
    });
  } finally {
    await listener.close();
  }
}

function exchangeError(_status: number, body: OAuthErrorBody): SignInError {
  if (body.error === 'invalid_client' || body.error === 'unauthorized_client') {
    return new SignInError(
      'exchange',
      'Genesys Cloud did not accept this connection’s client ID for browser sign-in. Check the client ID, and that the ' +
        'OAuth client uses the Code Authorization (PKCE) grant with this redirect URI registered.',
    );
  }
  return new SignInError(
    'exchange',
    'Genesys Cloud did not accept the sign-in code (it may have expired or been used already). Sign in again.',
  );
}
