import { readFileSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetFakeElectron, safeStorage } from '../fakes/electron';
import {
  BASIC_TEXT_MESSAGE,
  NO_KEYCHAIN_MESSAGE,
  SECRETS_FILE_NAME,
  SafeStorageSecretStore,
} from '../../main/glue/secret-store';
import { UserFacingError } from '../../main/core/errors';
import { makeTempDir } from '../support/temp-dir';

const SECRET = 'Sup3r-Secret-Client-Value-42';
const KEY = 'genesys/conn-1/client-secret';

describe('the keychain-backed secret store', () => {
  let data: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    resetFakeElectron();
    data = makeTempDir('glue-secrets');
    file = join(data.path, SECRETS_FILE_NAME);
  });
  afterEach(() => data.remove());

  it('gives back what was stored, also to a fresh instance (a restart)', async () => {
    await new SafeStorageSecretStore(data.path).set(KEY, SECRET);
    await new SafeStorageSecretStore(data.path).set('genesys/conn-2/access-token', '{"value":"tok"}');
    const again = new SafeStorageSecretStore(data.path);
    expect(await again.get(KEY)).toBe(SECRET);
    expect(await again.get('genesys/conn-2/access-token')).toBe('{"value":"tok"}');
    expect(await again.get('genesys/other/client-secret')).toBeUndefined();
  });

  it('never writes the secret in a readable form, and keeps the file to its owner', async () => {
    await new SafeStorageSecretStore(data.path).set(KEY, SECRET);
    const bytes = readFileSync(file);
    for (const form of [SECRET, Buffer.from(SECRET).toString('base64'), Buffer.from(SECRET).toString('hex')]) {
      expect(bytes.includes(form)).toBe(false);
    }
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // Atomic replacement leaves no temporary file behind.
    expect(readdirSync(data.path)).toEqual([SECRETS_FILE_NAME]);
  });

  it('forgets a deleted secret and keeps the others', async () => {
    const store = new SafeStorageSecretStore(data.path);
    await store.set(KEY, SECRET);
    await store.set('genesys/conn-2/client-secret', 'other');
    await store.delete(KEY);
    await store.delete('genesys/never-stored/client-secret');
    expect(await store.get(KEY)).toBeUndefined();
    expect(await store.get('genesys/conn-2/client-secret')).toBe('other');
  });

  it('refuses to store when the OS offers no encryption, and writes nothing', async () => {
    safeStorage.available = false;
    const store = new SafeStorageSecretStore(data.path);
    const refused = store.set(KEY, SECRET);
    await expect(refused).rejects.toBeInstanceOf(UserFacingError);
    await expect(refused).rejects.toThrow(NO_KEYCHAIN_MESSAGE);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses Linux’s basic_text backend (a hard-coded key), and writes nothing', async () => {
    safeStorage.backend = 'basic_text';
    await expect(new SafeStorageSecretStore(data.path).set(KEY, SECRET)).rejects.toThrow(BASIC_TEXT_MESSAGE);
    expect(existsSync(file)).toBe(false);
  });

  it('still deletes when the keychain is unavailable (forgetting needs no key)', async () => {
    await new SafeStorageSecretStore(data.path).set(KEY, SECRET);
    safeStorage.available = false;
    await new SafeStorageSecretStore(data.path).delete(KEY);
    safeStorage.available = true;
    expect(await new SafeStorageSecretStore(data.path).get(KEY)).toBeUndefined();
  });

  it('treats a secret another keychain encrypted as absent, so the user is asked again', async () => {
    await new SafeStorageSecretStore(data.path).set(KEY, SECRET);
    safeStorage.key = 'another-computer';
    expect(await new SafeStorageSecretStore(data.path).get(KEY)).toBeUndefined();
  });

  it('starts afresh from a damaged file instead of failing', async () => {
    writeFileSync(file, '{ not json');
    const store = new SafeStorageSecretStore(data.path);
    expect(await store.get(KEY)).toBeUndefined();
    await store.set(KEY, SECRET);
    expect(await new SafeStorageSecretStore(data.path).get(KEY)).toBe(SECRET);
  });

  it('does not let a stored key named __proto__ reach the object prototype', async () => {
    const store = new SafeStorageSecretStore(data.path);
    await store.set('__proto__', SECRET);
    expect(await new SafeStorageSecretStore(data.path).get('__proto__')).toBe(SECRET);
    expect(await store.get('toString')).toBeUndefined();
  });
});
