import { clientCredentialsTokenSource } from './auth/client-credentials';
import { PkceSession, type SignInRequest } from './auth/pkce-session';
import { signInWithPkce } from './auth/pkce';
import { SignInError } from './auth/errors';
import { GenesysApi } from './api';
import { systemClock, type Clock } from './http/clock';
import type { FetchLike } from './http/fetch-text';
import { GenesysHttp } from './http/genesys-http';
import { RateGovernor } from './http/rate-governor';
import type { RetryPolicy } from './http/retry';
import type { HttpStats } from './http/stats';
import { resolveEnvironment, type GenesysEnvironment } from './regions';
import { clientSecretKey, type SecretStore } from './secret-store';

export type GenesysAuthSettings =
  | { kind: 'client-credentials'; clientId: string }
  | {
      kind: 'pkce';
      clientId: string;
      /** A port registered in the OAuth client's redirect URIs; unset = any free port. */
      redirectPort?: number;
      redirectPath?: string;
      redirectHost?: '127.0.0.1' | 'localhost';
    };

export interface GenesysConnectionSettings {
  id: string;
  /** A region key, environment domain or custom base URL (see resolveEnvironment). */
  environment: string;
  auth: GenesysAuthSettings;
  /** The org's per-token limit if known; otherwise 300 until a response says otherwise. */
  requestsPerMinute?: number;
}

export interface GenesysClientDeps {
  secrets: SecretStore;
  /** Opens the system browser (Electron's shell.openExternal); needed by PKCE connections. */
  openExternal?: (url: string) => Promise<void>;
  fetch?: FetchLike;
  clock?: Clock;
  retry?: RetryPolicy;
  /** Share of the rate limit to use (default 0.95). */
  rateFraction?: number;
  timeoutMs?: number;
  signInTimeoutMs?: number;
}

export interface GenesysClient {
  readonly connectionId: string;
  readonly environment: GenesysEnvironment;
  readonly api: GenesysApi;
  readonly http: GenesysHttp;
  readonly stats: HttpStats;
  /**
   * PKCE: the browser sign-in (the only way to a new token, also after
   * expiry). Client credentials: fetches a token now, which checks the id
   * and secret.
   */
  signIn(request?: SignInRequest): Promise<void>;
  /** Forgets the token (not the stored client secret). */
  signOut(): Promise<void>;
}

/** Everything one connection needs, wired: environment, token source, one shared governor, HTTP, API. */
export function createGenesysClient(settings: GenesysConnectionSettings, deps: GenesysClientDeps): GenesysClient {
  const environment = resolveEnvironment(settings.environment);
  const clock = deps.clock ?? systemClock;
  const shared = {
    clock,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.retry ? { retry: deps.retry } : {}),
  };
  const auth = settings.auth;
  let tokens: PkceSession | ReturnType<typeof clientCredentialsTokenSource>;
  let signIn: (request?: SignInRequest) => Promise<void>;
  let signOut: () => Promise<void>;

  if (auth.kind === 'client-credentials') {
    const source = clientCredentialsTokenSource({
      ...shared,
      loginBase: environment.loginBase,
      clientId: auth.clientId,
      readSecret: () => deps.secrets.get(clientSecretKey(settings.id)),
    });
    tokens = source;
    signIn = async (request = {}) => {
      source.reset();
      await source.getToken(request.signal);
    };
    signOut = () => {
      source.reset();
      return Promise.resolve();
    };
  } else {
    const session = new PkceSession({
      connectionId: settings.id,
      store: deps.secrets,
      clock,
      signIn: (request) => {
        if (!deps.openExternal) {
          return Promise.reject(new SignInError('browser', 'This ReportDesk window cannot open a browser to sign in.'));
        }
        return signInWithPkce({
          ...shared,
          loginBase: environment.loginBase,
          clientId: auth.clientId,
          openExternal: deps.openExternal,
          redirect: {
            ...(auth.redirectPort === undefined ? {} : { port: auth.redirectPort }),
            ...(auth.redirectPath === undefined ? {} : { path: auth.redirectPath }),
            ...(auth.redirectHost === undefined ? {} : { redirectHost: auth.redirectHost }),
          },
          ...(deps.signInTimeoutMs === undefined ? {} : { timeoutMs: deps.signInTimeoutMs }),
          ...(request.signal ? { signal: request.signal } : {}),
          ...(request.prompt ? { prompt: request.prompt } : {}),
          ...(request.loginHint ? { loginHint: request.loginHint } : {}),
        });
      },
    });
    tokens = session;
    signIn = (request) => session.signIn(request);
    signOut = () => session.signOut();
  }

  const http = new GenesysHttp({
    ...shared,
    apiBase: environment.apiBase,
    tokens,
    governor: new RateGovernor({
      clock,
      ...(settings.requestsPerMinute === undefined ? {} : { limitPerMinute: settings.requestsPerMinute }),
      ...(deps.rateFraction === undefined ? {} : { fraction: deps.rateFraction }),
    }),
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
  });

  return {
    connectionId: settings.id,
    environment,
    api: new GenesysApi(http),
    http,
    stats: http.stats,
    signIn: (request) => signIn(request),
    signOut: () => signOut(),
  };
}

/** Saves (or replaces) a client-credentials connection's secret; the only place a secret is written. */
export function saveClientSecret(store: SecretStore, connectionId: string, secret: string): Promise<void> {
  return store.set(clientSecretKey(connectionId), secret);
}
