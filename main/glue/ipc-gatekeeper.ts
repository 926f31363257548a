import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../preload/contract/names';
import type { Envelope } from '../../preload/contract/types';
import type { Dispatch } from '../core/dispatcher';
import type { EventBus } from '../core/events';
import { isAppUrl } from '../security/urls';

export interface GatekeeperOptions {
  dispatch: Dispatch;
  /** The windows this app created; calls from anything else are refused. */
  trustedWindows: () => BrowserWindow[];
  devServerUrl?: string;
}

export const FORBIDDEN_SENDER_MESSAGE = 'This request did not come from a ReportDesk window and was refused.';

/**
 * The only module that touches `ipcMain`. Every call is checked for its
 * sender (one of our windows, its top frame, showing our own page) before
 * the dispatcher validates the name and the input.
 */
export function registerGatekeeper(options: GatekeeperOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event, options)) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden-sender', message: FORBIDDEN_SENDER_MESSAGE } });
    }
    return options.dispatch(name, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export function isTrustedSender(event: IpcMainInvokeEvent, options: GatekeeperOptions): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!options.trustedWindows().some((window) => window.webContents === event.sender)) return false;
  return isAppUrl(frame.url, options.devServerUrl);
}

/** Pushes core events to every live app window. */
export function forwardEvents(events: EventBus, windows: () => BrowserWindow[]): () => void {
  return events.subscribe((name, payload) => {
    for (const window of windows()) {
      const contents: WebContents = window.webContents;
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
    }
  });
}
