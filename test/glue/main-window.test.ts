import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, resetFakeElectron, screen } from '../fakes/electron';
import { createMainWindow } from '../../main/glue/main-window';
import { makeTempDir } from '../support/temp-dir';

describe('the main window', () => {
  let data: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    resetFakeElectron();
    data = makeTempDir('glue-window');
  });
  afterEach(() => data.remove());

  function open(devServerUrl?: string) {
    createMainWindow({ dataDir: data.path, preloadPath: '/app/out/preload/index.cjs', devServerUrl });
    const window = BrowserWindow.created.at(-1);
    if (!window) throw new Error('no window was created');
    return window;
  }

  it('locks the renderer down', () => {
    const prefs = open().options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('loads the packaged renderer from the app:// origin, or the dev server while developing', () => {
    expect(open().loadedUrl).toBe('app://reportdesk/index.html');
    expect(open('http://localhost:5173/').loadedUrl).toBe('http://localhost:5173/');
  });

  it('shows itself only when ready, to avoid a white flash', () => {
    const window = open();
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('remembers its size and position across restarts', () => {
    const first = open();
    first.bounds = { x: 100, y: 80, width: 1500, height: 900 };
    first.emit('close');
    const second = open();
    expect(second.getBounds()).toEqual({ x: 100, y: 80, width: 1500, height: 900 });
  });

  it('remembers being maximised', () => {
    const first = open();
    first.maximize();
    first.emit('close');
    expect(open().isMaximized()).toBe(true);
  });

  it('opens on screen when the saved position is on a monitor that is gone', () => {
    const first = open();
    first.bounds = { x: 3000, y: 100, width: 1400, height: 900 };
    first.emit('close');
    screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
    const second = open();
    expect(second.options['x']).toBeUndefined();
    expect(second.getBounds()).toMatchObject({ width: 1280, height: 800 });
  });
});
