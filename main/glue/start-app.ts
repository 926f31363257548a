import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/core';
import { installAppMenu } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { forwardEvents, registerGatekeeper } from './ipc-gatekeeper';
import { createMainWindow } from './main-window';
import { installSecurityGuards } from './security';

export interface StartOptions {
  /** Folder of the built main bundle (out/main); the preload and renderer sit beside it. */
  outDir: string;
  devServerUrl?: string;
}

/**
 * Start-up order matters: one instance only, the scheme registered before
 * ready, guards and handlers in place before the first window exists, and the
 * core closed before the process exits.
 */
export function startApp(options: StartOptions): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();

  const windows: BrowserWindow[] = [];
  let core: Core | undefined;

  app.on('second-instance', () => {
    const window = windows[0];
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    installSecurityGuards({ devServerUrl: options.devServerUrl });
    serveRenderer(join(options.outDir, '..', 'renderer'));
    core = createCore({
      dataDir,
      identity: { name: app.getName(), version: app.getVersion(), runtime: `Electron ${process.versions.electron}` },
    });
    const liveWindows = () => windows.filter((window) => !window.isDestroyed());
    registerGatekeeper({ dispatch: core.dispatch, trustedWindows: liveWindows, devServerUrl: options.devServerUrl });
    forwardEvents(core.events, liveWindows);
    installAppMenu(process.platform === 'darwin', Boolean(options.devServerUrl));
    windows.push(
      createMainWindow({
        dataDir,
        preloadPath: join(options.outDir, '..', 'preload', 'index.cjs'),
        devServerUrl: options.devServerUrl,
      }),
    );
  });

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!core) return;
    // Let in-flight work finish writing (bounded) before the process goes.
    event.preventDefault();
    const closing = core;
    core = undefined;
    void Promise.race([closing.close(), new Promise((resolve) => setTimeout(resolve, QUIT_GRACE_MS))]).finally(() =>
      app.quit(),
    );
  });
}

const QUIT_GRACE_MS = 2000;
