import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, FakeWebContents, ipcMain, resetFakeElectron, type FakeFrame } from '../fakes/electron';
import { FORBIDDEN_SENDER_MESSAGE, forwardEvents, registerGatekeeper } from '../../main/glue/ipc-gatekeeper';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../preload/contract/names';
import type { Core } from '../../main/core/core';
import { makeTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

describe('the IPC gatekeeper', () => {
  let data: ReturnType<typeof makeTempDir>;
  let core: Core;
  let window: BrowserWindow;
  let invoke: Handler;

  beforeEach(() => {
    resetFakeElectron();
    data = makeTempDir('glue-ipc');
    core = createTestCore(data.path);
    window = new BrowserWindow({ width: 100, height: 100 });
    void window.loadURL('app://reportdesk/index.html');
    registerGatekeeper({ dispatch: core.dispatch, trustedWindows: () => [window as never] });
    invoke = ipcMain.handlers.get(INVOKE_CHANNEL) as Handler;
  });
  afterEach(() => data.remove());

  const from = (sender: FakeWebContents, frame: FakeFrame = sender.mainFrame) => ({ sender, senderFrame: frame });

  it('answers our own window', async () => {
    const result = await invoke(from(window.webContents), 'connections/list', undefined);
    expect(result).toMatchObject({ ok: true, value: [{ id: 'demo', name: 'Demo organization' }] });
  });

  it('refuses a web contents it did not create', async () => {
    const stranger = new FakeWebContents();
    expect(await invoke(from(stranger), 'app/info', undefined)).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: FORBIDDEN_SENDER_MESSAGE },
    });
  });

  it('refuses a sub-frame of our window', async () => {
    const child: FakeFrame = { url: 'app://reportdesk/index.html', parent: window.webContents.mainFrame };
    expect(await invoke(from(window.webContents, child), 'app/info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('refuses our window once it shows a page that is not ours', async () => {
    await window.loadURL('https://evil.example/');
    expect(await invoke(from(window.webContents), 'app/info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('refuses a call without a sender frame (destroyed frame)', async () => {
    expect(await invoke({ sender: window.webContents, senderFrame: null }, 'app/info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('names an unknown operation in a clear error', async () => {
    expect(await invoke(from(window.webContents), 'app/format-disk', {})).toEqual({
      ok: false,
      error: { code: 'unknown-operation', message: 'ReportDesk has no operation called "app/format-disk".' },
    });
  });

  it('explains malformed input instead of running the handler', async () => {
    const result = await invoke(from(window.webContents), 'settings/update', { timeZone: 'Mars/Olympus_Mons' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-input', field: 'timeZone' } });
    expect((result as { error: { message: string } }).error.message).toContain('not a time zone');
  });

  it('allows the dev server origin only when developing', async () => {
    await window.loadURL('http://localhost:5173/');
    expect(await invoke(from(window.webContents), 'app/info', undefined)).toMatchObject({ ok: false });
    ipcMain.removeHandler(INVOKE_CHANNEL);
    registerGatekeeper({
      dispatch: core.dispatch,
      trustedWindows: () => [window as never],
      devServerUrl: 'http://localhost:5173',
    });
    const devInvoke = ipcMain.handlers.get(INVOKE_CHANNEL) as Handler;
    expect(await devInvoke(from(window.webContents), 'app/info', undefined)).toMatchObject({ ok: true });
  });

  it('pushes core events to live windows only', async () => {
    const closed = new BrowserWindow({ width: 1, height: 1 });
    closed.webContents.destroyed = true;
    forwardEvents(core.events, () => [window as never, closed as never]);
    await core.dispatch('settings/update', { durationFormat: 'seconds' });
    expect(window.webContents.sent).toEqual([
      {
        channel: EVENT_CHANNEL,
        args: [
          'settings/changed',
          { timeZone: null, durationFormat: 'seconds', csvDelimiter: ',', connectionId: 'demo' },
        ],
      },
    ]);
    expect(closed.webContents.sent).toEqual([]);
  });
});
