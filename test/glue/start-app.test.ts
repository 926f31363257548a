import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, FakeEvent, Menu, app, ipcMain, protocol, resetFakeElectron } from '../fakes/electron';
import { startApp } from '../../main/glue/start-app';
import { INVOKE_CHANNEL } from '../../preload/contract/names';
import { makeTempDir } from '../support/temp-dir';

describe('starting the app', () => {
  let data: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    resetFakeElectron();
    data = makeTempDir('glue-start');
    app.userData = data.path;
  });
  afterEach(() => data.remove());

  it('quits at once when another copy is already running', () => {
    app.hasLock = false;
    startApp({ outDir: '/app/out/main' });
    expect(app.quitCalls).toBe(1);
    expect(protocol.privileged).toEqual([]);
  });

  it('sandboxes every renderer and registers the scheme before Electron is ready', () => {
    startApp({ outDir: '/app/out/main' });
    expect(app.sandboxEnabled).toBe(true);
    expect(protocol.privileged).toHaveLength(1);
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it('puts guards, handlers and the menu in place before opening the one window', async () => {
    startApp({ outDir: '/app/out/main' });
    app.fireReady();
    await new Promise((resolve) => setImmediate(resolve));
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(true);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(Menu.current).toBeDefined();
    expect(BrowserWindow.created).toHaveLength(1);
    expect(BrowserWindow.created[0]?.options['webPreferences']).toMatchObject({
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('brings the existing window forward when a second copy is started', async () => {
    startApp({ outDir: '/app/out/main' });
    app.fireReady();
    await new Promise((resolve) => setImmediate(resolve));
    app.emit('second-instance');
    expect(BrowserWindow.created[0]?.focused).toBe(true);
  });

  it('closes the core before quitting', async () => {
    startApp({ outDir: '/app/out/main' });
    app.fireReady();
    await new Promise((resolve) => setImmediate(resolve));
    const event = new FakeEvent();
    app.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(true);
    // The core's worker thread is stopped first, which takes a few milliseconds.
    await vi.waitFor(() => expect(app.quitCalls).toBe(1), { timeout: 5000 });
    const again = new FakeEvent();
    app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });
});
