/**
 * A small hand-written stand-in for the parts of `electron` the glue uses.
 * It records what the glue asked for (window options, handlers, menus) and
 * lets tests fire the events Electron would fire. The vitest "glue" project
 * aliases `electron` to this file.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: never[]) => unknown;

class FakeEmitter {
  private readonly emitter = new EventEmitter();
  on(event: string, listener: Listener): this {
    this.emitter.on(event, listener as (...args: unknown[]) => void);
    return this;
  }
  once(event: string, listener: Listener): this {
    this.emitter.once(event, listener as (...args: unknown[]) => void);
    return this;
  }
  removeListener(event: string, listener: Listener): this {
    this.emitter.removeListener(event, listener as (...args: unknown[]) => void);
    return this;
  }
  emit(event: string, ...args: unknown[]): boolean {
    return this.emitter.emit(event, ...args);
  }
  listenerCount(event: string): number {
    return this.emitter.listenerCount(event);
  }
  removeAllListeners(): this {
    this.emitter.removeAllListeners();
    return this;
  }
}

/** An event object whose preventDefault can be observed. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

let nextContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextContentsId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly mainFrame: FakeFrame = { url: 'app://reportdesk/index.html', parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class BrowserWindow extends FakeEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  loadedUrl: string | undefined;
  bounds: Rect;
  maximized = false;
  shown = false;
  focused = false;
  destroyed = false;

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    this.bounds = {
      x: (options['x'] as number | undefined) ?? 0,
      y: (options['y'] as number | undefined) ?? 0,
      width: options['width'] as number,
      height: options['height'] as number,
    };
    BrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  getBounds(): Rect {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export const session = {
  defaultSession: {
    permissionRequestHandler: undefined as PermissionRequestHandler | undefined,
    permissionCheckHandler: undefined as ((...args: unknown[]) => boolean) | undefined,
    headersListener: undefined as HeadersListener | undefined,
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
      this.permissionCheckHandler = handler;
    },
    webRequest: {
      onHeadersReceived(listener: HeadersListener): void {
        session.defaultSession.headersListener = listener;
      },
    },
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
};

/**
 * The OS keychain stand-in: a real byte transformation (a keyed XOR behind Chromium's "v10" prefix), so a test
 * can look for a secret in a file and not find it, and a "different keychain" (another key) cannot read it.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
  key: 'fake-keychain-key',
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown' {
    return this.backend;
  },
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from('v10'), this.xor(Buffer.from(`\u0000${plainText}`, 'utf8'))]);
  },
  decryptString(encrypted: Buffer): string {
    if (!this.available) throw new Error('Decryption is not available.');
    const body = encrypted.subarray(3);
    const text = this.xor(body).toString('utf8');
    // Chromium authenticates its ciphertext; the fake marks its plaintext so another key is detected too.
    if (encrypted.subarray(0, 3).toString() !== 'v10' || !text.startsWith('\u0000')) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    return text.slice(1);
  },
  xor(bytes: Buffer): Buffer {
    const key = Buffer.from(this.key, 'utf8');
    return Buffer.from(bytes.map((byte, index) => byte ^ (key[index % key.length] ?? 0) ^ ((index * 31) % 256)));
  },
};

class FakeApp extends FakeEmitter {
  sandboxEnabled = false;
  hasLock = true;
  quitCalls = 0;
  isPackaged = false;
  userData = '/tmp/reportdesk-fake-user-data';
  documents = '/tmp/reportdesk-fake-documents';
  private readyResolve: (() => void) | undefined;
  private readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Test helper: Electron finished starting. */
  fireReady(): void {
    this.readyResolve?.();
  }
  getPath(name: string): string {
    if (name === 'documents') return this.documents;
    if (name !== 'userData') throw new Error(`fake app.getPath(${name}) not supported`);
    return this.userData;
  }
  getName(): string {
    return 'ReportDesk';
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  quit(): void {
    this.quitCalls += 1;
  }
  resetReady(): void {
    this.readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
  }
}

export const app = new FakeApp();

export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays(): { workArea: Rect }[] {
    return this.displays;
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler);
  },
};

/** Electron's net.fetch reads file:// URLs; Node's fetch does not, so read the file directly. */
export const net = {
  /** What the OS says about the network; tests flip it. */
  online: true,
  isOnline(): boolean {
    return net.online;
  },
  async fetch(url: string): Promise<Response> {
    const { readFile } = await import('node:fs/promises');
    const { fileURLToPath } = await import('node:url');
    try {
      return new Response(await readFile(fileURLToPath(url)));
    } catch {
      return new Response(null, { status: 404 });
    }
  },
};

/** Sleep and wake: the app re-checks the network after a resume. */
export const powerMonitor = new FakeEmitter();

export const Menu = {
  current: undefined as unknown,
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: unknown): void {
    this.current = menu;
  },
};

export interface FakeSaveDialogAnswer {
  canceled: boolean;
  filePath?: string;
}

/** Records each save dialog shown (with its parent window) and answers with `saveAnswer`. */
export const dialog = {
  saveCalls: [] as { window: unknown; options: Record<string, unknown> }[],
  saveAnswer: { canceled: true } as FakeSaveDialogAnswer,
  showSaveDialog(...args: unknown[]): Promise<FakeSaveDialogAnswer> {
    const [window, options] = args.length > 1 ? args : [undefined, args[0]];
    this.saveCalls.push({ window, options: options as Record<string, unknown> });
    return Promise.resolve(this.saveAnswer);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

class FakeIpcRenderer extends FakeEmitter {
  invocations: { channel: string; args: unknown[] }[] = [];
  invokeResult: unknown = undefined;
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.invokeResult);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

/** Restores every recorded thing to a fresh state between tests. */
export function resetFakeElectron(): void {
  BrowserWindow.created.length = 0;
  ipcMain.handlers.clear();
  session.defaultSession.permissionRequestHandler = undefined;
  session.defaultSession.permissionCheckHandler = undefined;
  session.defaultSession.headersListener = undefined;
  shell.opened.length = 0;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.key = 'fake-keychain-key';
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  Menu.current = undefined;
  dialog.saveCalls.length = 0;
  dialog.saveAnswer = { canceled: true };
  contextBridge.exposed.clear();
  ipcRenderer.invocations.length = 0;
  app.removeAllListeners();
  ipcRenderer.removeAllListeners();
  app.sandboxEnabled = false;
  app.hasLock = true;
  app.quitCalls = 0;
  app.isPackaged = false;
  app.resetReady();
  net.online = true;
  powerMonitor.removeAllListeners();
}

export type IpcMainInvokeEvent = unknown;
export type WebContents = FakeWebContents;
export type IpcRendererEvent = unknown;
export type Session = typeof session.defaultSession;
export type MenuItemConstructorOptions = Record<string, unknown>;

export default {
  app,
  BrowserWindow,
  ipcMain,
  session,
  shell,
  safeStorage,
  screen,
  protocol,
  net,
  powerMonitor,
  Menu,
  contextBridge,
  ipcRenderer,
};
