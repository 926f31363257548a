import { safeStorage } from 'electron';
import { join } from 'node:path';
import { UserFacingError } from '../core/errors';
import { readJsonFile, writeJsonFile } from '../core/json-file';
import type { SecretStore } from '../genesys/secret-store';

export const SECRETS_FILE_NAME = 'secrets.json';

/** The part of Electron's safeStorage this store uses (getSelectedStorageBackend exists on Linux only). */
export type SafeStorageLike = Pick<typeof safeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

export const NO_KEYCHAIN_MESSAGE =
  'ReportDesk cannot save passwords or sign-ins on this computer because the system keychain is not available. ' +
  'Nothing was saved. Restart ReportDesk; if it keeps happening, ask your IT team to check the keychain (password ' +
  'store) of your computer account.';

export const BASIC_TEXT_MESSAGE =
  'ReportDesk cannot save passwords or sign-ins on this computer: no password store (such as GNOME Keyring or ' +
  'KWallet) is running, and without one the secret would be saved with a key anyone could read. Nothing was saved. ' +
  'Ask your IT team to set up a password store for your desktop, then restart ReportDesk.';

interface SecretsFile {
  version: 1;
  /** Store key → ciphertext from safeStorage, base64. The keys name connections, never hold secrets. */
  secrets: Record<string, string>;
}

/**
 * Client secrets and access tokens, encrypted with the OS keychain (Electron's safeStorage: DPAPI on Windows,
 * Keychain on macOS, libsecret/KWallet on Linux) and kept as ciphertext in one file in the user's data folder,
 * readable only by its owner and replaced atomically. When no real keychain is available, storing is refused
 * with a plain message rather than falling back to anything readable.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly #file: string;
  readonly #storage: SafeStorageLike;

  constructor(dataDir: string, storage: SafeStorageLike = safeStorage) {
    this.#file = join(dataDir, SECRETS_FILE_NAME);
    this.#storage = storage;
  }

  /**
   * A secret that can no longer be decrypted (the keychain was reset, or the file came from another computer or
   * account) reads as absent: the user is asked for it again rather than shown an error on every start.
   */
  get(key: string): Promise<string | undefined> {
    const blob = this.#read().secrets[key];
    if (blob === undefined || !this.#storage.isEncryptionAvailable()) return Promise.resolve(undefined);
    try {
      return Promise.resolve(this.#storage.decryptString(Buffer.from(blob, 'base64')));
    } catch {
      return Promise.resolve(undefined);
    }
  }

  set(key: string, value: string): Promise<void> {
    const refusal = this.#refusal();
    if (refusal) return Promise.reject(new UserFacingError('unavailable', refusal));
    const file = this.#read();
    file.secrets[key] = this.#storage.encryptString(value).toString('base64');
    writeJsonFile(this.#file, file);
    return Promise.resolve();
  }

  /** Always allowed: forgetting a secret needs no keychain. */
  delete(key: string): Promise<void> {
    const file = this.#read();
    if (!Object.hasOwn(file.secrets, key)) return Promise.resolve();
    delete file.secrets[key];
    writeJsonFile(this.#file, file);
    return Promise.resolve();
  }

  #refusal(): string | undefined {
    if (!this.#storage.isEncryptionAvailable()) return NO_KEYCHAIN_MESSAGE;
    // On Linux, Chromium falls back to a hard-coded key when no secret service runs: encryption in name only.
    if (this.#storage.getSelectedStorageBackend?.() === 'basic_text') return BASIC_TEXT_MESSAGE;
    return undefined;
  }

  #read(): SecretsFile {
    const raw = readJsonFile(this.#file) as Partial<SecretsFile> | undefined;
    const secrets: Record<string, string> = Object.create(null) as Record<string, string>;
    if (raw?.version === 1 && typeof raw.secrets === 'object' && raw.secrets !== null) {
      for (const [key, blob] of Object.entries(raw.secrets)) if (typeof blob === 'string') secrets[key] = blob;
    }
    return { version: 1, secrets };
  }
}
