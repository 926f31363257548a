import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BrowserWindow,
  FakeEvent,
  app,
  dialog,
  ipcMain,
  resetFakeElectron,
  safeStorage,
  shell,
} from '../fakes/electron';
import { BASIC_TEXT_MESSAGE, SECRETS_FILE_NAME, SafeStorageSecretStore } from '../../main/glue/secret-store';
import { openSignInPage, startApp } from '../../main/glue/start-app';
import { clientSecretKey } from '../../main/genesys/secret-store';
import { INVOKE_CHANNEL } from '../../preload/contract/names';
import type { Envelope } from '../../preload/contract/types';
import { makeTempDir } from '../support/temp-dir';
import { TEST_WORKER } from '../main/worker/support/test-host';

type Invoke = (event: unknown, name: unknown, input: unknown) => Promise<Envelope<unknown>>;

/**
 * The app started for real — its core on a worker thread run from source (the real core plus the test-only
 * operations of test/main/worker/support/test-core-worker.ts) — and renderer calls into it.
 */
describe('the started app’s core', { timeout: 30_000 }, () => {
  let data: ReturnType<typeof makeTempDir>;
  let call: (name: string, input?: unknown) => Promise<Envelope<unknown>>;

  beforeEach(async () => {
    resetFakeElectron();
    data = makeTempDir('glue-core');
    app.userData = data.path;
    startApp({ outDir: '/app/out/main', workerEntry: TEST_WORKER });
    app.fireReady();
    await new Promise((resolve) => setImmediate(resolve));
    const window = BrowserWindow.created[0];
    const invoke = ipcMain.handlers.get(INVOKE_CHANNEL) as Invoke;
    if (!window) throw new Error('no window');
    call = (name, input) =>
      invoke({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, name, input);
  });

  afterEach(async () => {
    app.emit('before-quit', new FakeEvent());
    await vi.waitFor(() => expect(app.quitCalls).toBe(1), { timeout: 5000 });
    data.remove();
  });

  it('answers renderer calls through the gatekeeper, from the user’s data folder', async () => {
    const info = await call('app/info');
    expect(info).toMatchObject({ ok: true, value: { name: 'ReportDesk', dataDir: data.path } });
    expect(await call('settings/update', { durationFormat: 'seconds' })).toMatchObject({
      ok: true,
      value: { durationFormat: 'seconds' },
    });
  });

  it('keeps a client secret only in the keychain file, encrypted', async () => {
    const secret = 'client-secret-from-the-admin-7781';
    const added = await call('connections/add', {
      name: 'Production',
      environment: 'mypurecloud.ie',
      method: 'client-credentials',
      clientId: 'client-id-1',
      clientSecret: secret,
    });
    expect(added).toMatchObject({ ok: true });
    const id = (added as { value: { id: string } }).value.id;
    const file = readFileSync(join(data.path, SECRETS_FILE_NAME));
    expect(file.includes(secret)).toBe(false);
    expect(file.includes(Buffer.from(secret).toString('base64'))).toBe(false);
    expect(await new SafeStorageSecretStore(data.path).get(clientSecretKey(id))).toBe(secret);
  });

  it('shows the keychain’s plain refusal when there is no real keychain', async () => {
    safeStorage.backend = 'basic_text';
    const added = await call('connections/add', {
      name: 'Production',
      environment: 'mypurecloud.ie',
      method: 'client-credentials',
      clientId: 'client-id-1',
      clientSecret: 'secret',
    });
    expect(added).toEqual({ ok: false, error: { code: 'unavailable', message: BASIC_TEXT_MESSAGE } });
  });

  it('asks where to save an export with the save dialog on the app’s window', async () => {
    dialog.saveAnswer = { canceled: false, filePath: '/home/sam/Reports/Queue performance.xlsx' };
    expect(await call('test/choose-export-file')).toEqual({
      ok: true,
      value: '/home/sam/Reports/Queue performance.xlsx',
    });
    expect(dialog.saveCalls).toHaveLength(1);
    expect(dialog.saveCalls[0]?.window).toBe(BrowserWindow.created[0]);
    expect(dialog.saveCalls[0]?.options['defaultPath']).toBe(join(app.documents, 'Queue performance.xlsx'));
  });

  it('opens a loopback simulator’s sign-in page in the system browser', async () => {
    const added = await call('connections/add', {
      name: 'Local simulator',
      environment: 'http://127.0.0.1:9',
      method: 'pkce',
      clientId: 'desktop-client',
    });
    const id = (added as { value: { id: string } }).value.id;
    // The sign-in waits for the browser to come back; quitting the app (afterEach) ends it.
    void call('connections/sign-in', { connectionId: id });
    await vi.waitFor(() => expect(shell.opened).toHaveLength(1), { timeout: 5000 });
    const opened = new URL(shell.opened[0] ?? '');
    expect(opened.origin + opened.pathname).toBe('http://127.0.0.1:9/oauth/authorize');
    expect(opened.searchParams.get('client_id')).toBe('desktop-client');
  });
});

describe('opening sign-in pages', () => {
  beforeEach(() => resetFakeElectron());

  it.each([
    'https://login.mypurecloud.ie/oauth/authorize?client_id=x',
    'http://127.0.0.1:8080/oauth/authorize?client_id=x',
    'http://[::1]:8080/oauth/authorize',
    'http://localhost:8080/base/oauth/authorize',
  ])('opens %s', async (url) => {
    await openSignInPage(url);
    expect(shell.opened).toEqual([new URL(url).toString()]);
  });

  it.each([
    'http://login.mypurecloud.ie/oauth/authorize',
    'http://127.0.0.1:8080/somewhere-else',
    'http://user:pw@127.0.0.1/oauth/authorize',
    'http://127.0.0.2.evil.example/oauth/authorize',
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('refuses %s without opening anything', async (url) => {
    await expect(openSignInPage(url)).rejects.toThrow();
    expect(shell.opened).toEqual([]);
  });
});
