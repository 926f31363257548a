import { BrowserWindow, screen } from 'electron';
import { DEFAULT_SIZE, MIN_SIZE, loadWindowState, saveWindowState } from '../core/window-state';
import { APP_ORIGIN } from '../security/urls';

export interface MainWindowOptions {
  dataDir: string;
  preloadPath: string;
  devServerUrl?: string;
}

/**
 * The app's one window, with the renderer locked down: isolated context,
 * OS sandbox, no Node, no webviews. These literals stay inline (not spread
 * from a variable) so security scanners can read them.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = loadWindowState(options.dataDir, workAreas);
  const window = new BrowserWindow({
    ...(state.bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'ReportDesk',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    saveWindowState(options.dataDir, {
      bounds: window.isMaximized() ? null : window.getBounds(),
      maximized: window.isMaximized(),
    });
  });
  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
