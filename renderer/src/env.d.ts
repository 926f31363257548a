import type { ReportDeskBridge } from '../../preload/contract/api';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the browser test host. Use `api/client.ts`, never this directly. */
    readonly reportdesk?: ReportDeskBridge;
  }
}

export {};
