import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { INTERNAL_ERROR_MESSAGE, UserFacingError } from '../../../main/core/errors';
import { MemorySecretStore, clientSecretKey, type SecretStore } from '../../../main/genesys/secret-store';
import { NOT_SENDABLE_MESSAGE } from '../../../main/worker/messages';
import type { EventName } from '../../../preload/contract/names';
import { makeTempDir } from '../../support/temp-dir';
import { createTestCore } from '../../support/test-core';
import { startTestHost, type TestHost } from './support/test-host';

describe('the core on a worker thread', { timeout: 30_000 }, () => {
  let running: TestHost;
  const secrets = new MemorySecretStore();
  beforeAll(async () => {
    running = await startTestHost({ secrets });
  }, 30_000);
  afterAll(() => running.dispose());

  it('answers app/info about the data folder it was given', async () => {
    expect(await running.host.dispatch('app/info', {})).toMatchObject({
      ok: true,
      value: { name: 'ReportDesk', dataDir: running.dataDir, runtime: expect.stringContaining('(tests)') as string },
    });
  });

  it('applies settings/update, announces it as an event, and keeps it', async () => {
    const seen: { name: EventName; payload: unknown }[] = [];
    const unsubscribe = running.host.events.subscribe((name, payload) => seen.push({ name, payload }));
    const updated = await running.host.dispatch('settings/update', { durationFormat: 'seconds', csvDelimiter: ';' });
    expect(updated).toMatchObject({ ok: true, value: { durationFormat: 'seconds', csvDelimiter: ';' } });
    // Messages keep their order: the event was sent before the answer.
    expect(seen).toContainEqual({ name: 'settings/changed', payload: (updated as { value: unknown }).value });
    unsubscribe();
    expect(await running.host.dispatch('settings/get', undefined)).toEqual(updated);
  });

  it('survives an event listener that throws, and logs it', async () => {
    const unsubscribe = running.host.events.subscribe(() => {
      throw new Error('window went away');
    });
    expect(await running.host.dispatch('settings/update', { durationFormat: 'hms' })).toMatchObject({ ok: true });
    unsubscribe();
    expect(running.logs.join('\n')).toContain('window went away');
    expect(await running.host.dispatch('app/info', {})).toMatchObject({ ok: true });
  });

  it('keeps secrets in the main thread’s store: saved, read and forgotten through it', async () => {
    const secret = 'the-client-secret-0193';
    const added = await running.host.dispatch('connections/add', {
      name: 'Production',
      environment: 'mypurecloud.ie',
      method: 'client-credentials',
      clientId: 'client-1',
      clientSecret: secret,
    });
    expect(added).toMatchObject({ ok: true });
    const id = (added as { value: { id: string } }).value.id;
    expect(await secrets.get(clientSecretKey(id))).toBe(secret);

    // The signed-in state is read from the store, through the worker's proxy.
    await running.host.dispatch('settings/update', { connectionId: id });
    expect(await running.host.dispatch('connections/status', undefined)).toMatchObject({
      ok: true,
      value: { connectionId: id, signedIn: true },
    });
    await secrets.delete(clientSecretKey(id));
    expect(await running.host.dispatch('connections/status', undefined)).toMatchObject({
      ok: true,
      value: { signedIn: false },
    });

    await secrets.set(clientSecretKey(id), secret);
    expect(await running.host.dispatch('connections/remove', { connectionId: id })).toMatchObject({ ok: true });
    expect(await secrets.get(clientSecretKey(id))).toBeUndefined();
    await running.host.dispatch('settings/update', { connectionId: 'demo' });
  });

  it('follows the online switch of the main thread', async () => {
    running.host.setOnline(false);
    expect(await running.host.dispatch('connections/status', undefined)).toMatchObject({ value: { online: false } });
    expect(await running.host.dispatch('connections/test', { connectionId: 'demo' })).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    running.host.setOnline(true);
    expect(await running.host.dispatch('connections/status', undefined)).toMatchObject({ value: { online: true } });
  });

  describe('junk from an untrusted caller', () => {
    let direct: { core: Core; remove(): void };
    beforeAll(() => {
      const data = makeTempDir('worker-direct');
      direct = { core: createTestCore(data.path), remove: () => data.remove() };
    });
    afterAll(async () => {
      await direct.core.close();
      direct.remove();
    });

    // The same dispatcher answers in the worker as in-process: the envelopes must be the same.
    it.each<[string, unknown, unknown]>([
      ['an unknown name', 'app/explode', {}],
      ['a name that is not text', 42, {}],
      ['a very long, unprintable name', `\u0000${'x'.repeat(5000)}`, {}],
      ['a prototype name', '__proto__', {}],
      ['a wrong type', 'settings/update', { durationFormat: 7 }],
      ['an unknown key', 'settings/update', { durationFormat: 'seconds', extra: true }],
      ['a __proto__ key', 'settings/update', JSON.parse('{"__proto__": {"polluted": true}}')],
      ['no input at all', 'connections/add', undefined],
      ['an array', 'settings/update', [1, 2, 3]],
    ])('gets the dispatcher’s clean error for %s', async (_label, name, input) => {
      const expected = await direct.core.dispatch(name, input);
      expect(expected.ok).toBe(false);
      expect(await running.host.dispatch(name, input)).toEqual(expected);
    });

    it('refuses input that cannot be sent to another thread (a function) without crashing', async () => {
      expect(await running.host.dispatch('settings/update', { durationFormat: () => 'seconds' })).toEqual({
        ok: false,
        error: { code: 'bad-input', message: NOT_SENDABLE_MESSAGE },
      });
      expect(await running.host.dispatch('app/info', {})).toMatchObject({ ok: true });
    });
  });
});

describe('a main-thread store that refuses', { timeout: 30_000 }, () => {
  let running: TestHost | undefined;
  afterEach(() => running?.dispose());

  const add = (host: TestHost) =>
    host.host.dispatch('connections/add', {
      name: 'Production',
      environment: 'mypurecloud.ie',
      method: 'client-credentials',
      clientId: 'client-1',
      clientSecret: 'secret',
    });
  const refusing = (error: Error): SecretStore => ({
    get: () => Promise.resolve(undefined),
    set: () => Promise.reject(error),
    delete: () => Promise.resolve(),
  });

  it('passes a message written for the user through unchanged', async () => {
    const message = 'No keychain here: nothing was saved.';
    running = await startTestHost({ secrets: refusing(new UserFacingError('unavailable', message)) });
    expect(await add(running)).toEqual({ ok: false, error: { code: 'unavailable', message } });
  });

  it('hides any other failure behind the generic message, and logs it', async () => {
    running = await startTestHost({ secrets: refusing(new Error('EACCES: permission denied, open secrets.json')) });
    const answer = await add(running);
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } });
    expect(running.logs.join('\n')).toContain('EACCES');
  });
});

describe('the core’s main-thread callbacks', { timeout: 30_000 }, () => {
  let running: TestHost | undefined;
  afterEach(() => running?.dispose());

  it('asks the main thread’s save dialog and opens links through it', async () => {
    const asked: unknown[][] = [];
    const opened: string[] = [];
    running = await startTestHost({
      chooseExportFile: (...args) => {
        asked.push(args);
        return Promise.resolve('/home/sam/Reports/Queue performance.xlsx');
      },
      openExternal: (url) => {
        if (!url.startsWith('https:')) return Promise.reject(new Error('refused'));
        opened.push(url);
        return Promise.resolve();
      },
    });
    expect(await running.host.dispatch('test/choose-export-file', undefined)).toEqual({
      ok: true,
      value: '/home/sam/Reports/Queue performance.xlsx',
    });
    expect(asked).toEqual([['Queue performance.xlsx', 'xlsx']]);
    const url = 'https://login.mypurecloud.ie/oauth/authorize?client_id=x';
    expect(await running.host.dispatch('test/open-external', { url })).toEqual({ ok: true, value: 'opened' });
    expect(opened).toEqual([url]);
    expect(await running.host.dispatch('test/open-external', { url: 'http://example.com/' })).toEqual({
      ok: false,
      error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE },
    });
  });

  it('gives the core no callback the main thread does not have', async () => {
    running = await startTestHost();
    expect(await running.host.dispatch('test/choose-export-file', undefined)).toEqual({ ok: true, value: 'absent' });
    expect(await running.host.dispatch('test/open-external', { url: 'https://x.example/' })).toEqual({
      ok: true,
      value: 'absent',
    });
  });
});
