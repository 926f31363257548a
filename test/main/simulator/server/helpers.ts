import { createHash, randomBytes } from 'node:crypto';
import type { Models } from 'purecloud-platform-client-v2';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../../main/simulator/server/index';
import { FakeEngine, fakeDataset } from './fakes';

export interface FakeSimulator {
  sim: RunningSimulator;
  engine: FakeEngine;
}

export async function startFake(options: Partial<SimulatorOptions> = {}): Promise<FakeSimulator> {
  const engine = new FakeEngine();
  const sim = await startSimulator({ dataset: fakeDataset(), engine, ...options });
  return { sim, engine };
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

export async function clientCredentialsToken(
  sim: RunningSimulator,
  id = sim.clientId,
  secret = sim.clientSecret,
): Promise<string> {
  const res = await postForm(
    `${sim.baseUrl}/oauth/token`,
    { grant_type: 'client_credentials' },
    { authorization: basic(id, secret) },
  );
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** A raw API call; the body is parsed JSON when there is one. */
export async function call<T = Models.ErrorBody>(
  sim: RunningSimulator,
  path: string,
  init: { token?: string; method?: string; json?: unknown; body?: string; contentType?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined = init.body;
  if (init.json !== undefined) body = JSON.stringify(init.json);
  if (body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const res = await fetch(`${sim.baseUrl}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeResult {
  location: URL;
  code: string;
  state: string | null;
}

/** Drives the sign-in page like a browser would: GET the page, post the form, read the redirect. */
export async function signIn(
  sim: RunningSimulator,
  options: { redirectUri: string; challenge: string; state?: string; username?: string; password?: string },
): Promise<AuthorizeResult> {
  const page = await fetch(authorizeUrl(sim, options.redirectUri, options.challenge, options.state ?? 'xyz'));
  const html = await page.text();
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !requestId) throw new Error(`no sign-in page: ${page.status} ${html}`);
  const posted = await postForm(`${sim.baseUrl}/oauth/authorize`, {
    request: requestId,
    username: options.username ?? sim.users[0]?.username ?? '',
    password: options.password ?? sim.users[0]?.password ?? '',
    action: 'allow',
  });
  const location = new URL(posted.headers.get('location') ?? 'about:blank');
  return { location, code: location.searchParams.get('code') ?? '', state: location.searchParams.get('state') };
}

export function authorizeUrl(sim: RunningSimulator, redirectUri: string, challenge: string, state = 'xyz'): string {
  const query = new URLSearchParams({
    client_id: sim.pkceClientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  return `${sim.baseUrl}/oauth/authorize?${query.toString()}`;
}

export async function pkceToken(
  sim: RunningSimulator,
  redirectUri = 'http://127.0.0.1:53123/callback',
): Promise<string> {
  const { verifier, challenge } = pkcePair();
  const { code } = await signIn(sim, { redirectUri, challenge });
  const res = await postForm(`${sim.baseUrl}/oauth/token`, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    client_id: sim.pkceClientId,
    redirect_uri: redirectUri,
  });
  if (res.status !== 200) throw new Error(`PKCE exchange failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
