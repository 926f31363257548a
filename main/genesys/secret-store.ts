/**
 * Where client secrets and access tokens live. The Electron glue backs this
 * with the OS keychain (`safeStorage`); nothing in this module writes a
 * secret anywhere else.
 */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** For tests and the browser host: secrets in memory only, gone when the process ends. */
export class MemorySecretStore implements SecretStore {
  // An ES private field: util.inspect and console.log do not show it.
  readonly #values = new Map<string, string>();

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.#values.get(key));
  }

  set(key: string, value: string): Promise<void> {
    this.#values.set(key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.#values.delete(key);
    return Promise.resolve();
  }
}

/** The store key of a connection's client secret (client-credentials connections). */
export function clientSecretKey(connectionId: string): string {
  return `genesys/${connectionId}/client-secret`;
}

/** The store key of a connection's signed-in access token (PKCE connections), kept so a restart needs no sign-in. */
export function accessTokenKey(connectionId: string): string {
  return `genesys/${connectionId}/access-token`;
}
