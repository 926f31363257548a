import { app, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { safeSignInUrl } from '../security/urls';
import { createCoreHost, type CoreHost } from '../worker/core-host';
import { builtWorkerEntry, type WorkerEntry } from '../worker/worker-entry';
import { installAppMenu } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { chooseExportFile } from './export-dialog';
import { forwardEvents, registerGatekeeper } from './ipc-gatekeeper';
import { createMainWindow } from './main-window';
import { watchOnlineStatus } from './online-status';
import { SafeStorageSecretStore } from './secret-store';
import { installSecurityGuards } from './security';

export interface StartOptions {
  /** Folder of the built main bundle (out/main); the preload, the renderer and the core worker sit beside it. */
  outDir: string;
  devServerUrl?: string;
  /** The core's worker script; defaults to out/main/core-worker.js. Tests run it from source. */
  workerEntry?: WorkerEntry;
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
  let core: CoreHost | undefined;

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
    const liveWindows = () => windows.filter((window) => !window.isDestroyed());
    // The core runs on a worker thread; calls made while it starts simply wait for it.
    core = createCoreHost({
      entry: options.workerEntry ?? builtWorkerEntry(options.outDir),
      dataDir,
      identity: { name: app.getName(), version: app.getVersion(), runtime: `Electron ${process.versions.electron}` },
      secrets: new SafeStorageSecretStore(dataDir),
      openExternal: openSignInPage,
      // The dialog belongs to the window the user is looking at.
      chooseExportFile: (defaultName, format) => chooseExportFile(liveWindows()[0] ?? null, { defaultName, format }),
      closeTimeoutMs: QUIT_GRACE_MS,
      nativeBinding: nativeBindingPath(options.outDir),
    });
    watchOnlineStatus((online) => core?.setOnline(online));
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

/**
 * better-sqlite3 built for Electron's ABI (node_modules holds the Node build that tests use): shipped in
 * resources/native when packaged, and prepared by scripts/prepare-electron.mjs in .electron-native for `npm start`.
 */
function nativeBindingPath(outDir: string): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(outDir, '..', '..', '.electron-native', `${process.platform}-${process.arch}`, 'better_sqlite3.node');
}

/** PKCE sign-in pages go to the system browser only when they pass the URL checks (https, or a loopback simulator). */
export async function openSignInPage(url: string): Promise<void> {
  const safe = safeSignInUrl(url);
  if (!safe) throw new Error('refused to open a sign-in page that is neither https nor a loopback simulator');
  await shell.openExternal(safe);
}
