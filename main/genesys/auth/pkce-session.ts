import { systemClock, type Clock } from '../http/clock';
import { accessTokenKey, type SecretStore } from '../secret-store';
import { SignInRequiredError } from './errors';
import type { AccessToken } from './token-endpoint';
import { CachedTokenSource, usableUntil, type TokenSource } from './token-source';

export interface SignInRequest {
  signal?: AbortSignal;
  /** `login` forces the Genesys login form even if the browser is still signed in (another account). */
  prompt?: 'login';
  loginHint?: string;
}

export interface PkceSessionOptions {
  connectionId: string;
  store: SecretStore;
  /** Runs the browser sign-in (signInWithPkce with this connection's settings). */
  signIn: (request: SignInRequest) => Promise<AccessToken>;
  clock?: Clock;
}

/**
 * The token of a PKCE (public client) connection. There is no refresh token
 * (fact sheet §2.4), so a token that expires or is refused means "sign in
 * again": getToken throws SignInRequiredError and the UI offers the sign-in.
 * The token is kept in the secret store so a restart needs no new sign-in.
 */
export class PkceSession implements TokenSource {
  readonly #options: PkceSessionOptions;
  readonly #clock: Clock;
  readonly #cache: CachedTokenSource;
  #signingIn: Promise<void> | undefined;
  /** The last token Genesys refused: the store may still hold it until #forget has run. */
  #rejectedToken: string | undefined;

  constructor(options: PkceSessionOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#cache = new CachedTokenSource(() => this.#stored(), this.#clock);
  }

  getToken(signal?: AbortSignal): Promise<string> {
    return this.#cache.getToken(signal);
  }

  invalidate(token: string): void {
    this.#cache.invalidate(token);
    this.#rejectedToken = token;
    // Best effort: if the store fails, the stale token is refused again later and handled the same way.
    this.#forget(token).catch(() => undefined);
  }

  /** One browser sign-in at a time: a second click joins the one already open. */
  signIn(request: SignInRequest = {}): Promise<void> {
    this.#signingIn ??= this.#options
      .signIn(request)
      .then(async (token) => {
        await this.#options.store.set(accessTokenKey(this.#options.connectionId), JSON.stringify(token));
        this.#rejectedToken = undefined;
        this.#cache.reset();
      })
      .finally(() => {
        this.#signingIn = undefined;
      });
    return this.#signingIn;
  }

  async signOut(): Promise<void> {
    this.#cache.reset();
    await this.#options.store.delete(accessTokenKey(this.#options.connectionId));
  }

  /** Whether a usable token is at hand (no network call). */
  async isSignedIn(): Promise<boolean> {
    const token = await this.#read();
    return token !== undefined && token.value !== this.#rejectedToken && this.#clock.now() < usableUntil(token);
  }

  async #stored(): Promise<AccessToken> {
    const token = await this.#read();
    if (!token || token.value === this.#rejectedToken) {
      throw new SignInRequiredError(this.#rejectedToken === undefined ? 'never-signed-in' : 'rejected');
    }
    if (this.#clock.now() >= usableUntil(token)) throw new SignInRequiredError('expired');
    return token;
  }

  async #read(): Promise<AccessToken | undefined> {
    const raw = await this.#options.store.get(accessTokenKey(this.#options.connectionId));
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<AccessToken>;
      const { value, expiresAt, obtainedAt } = parsed;
      if (typeof value !== 'string' || typeof expiresAt !== 'number' || typeof obtainedAt !== 'number')
        return undefined;
      return { value, expiresAt, obtainedAt };
    } catch {
      return undefined;
    }
  }

  /** Only if the stored token is still the refused one: a sign-in may have replaced it meanwhile. */
  async #forget(token: string): Promise<void> {
    const stored = await this.#read();
    if (stored?.value === token) await this.#options.store.delete(accessTokenKey(this.#options.connectionId));
  }
}
