import { beforeAll, describe, expect, it } from 'vitest';
import { contextBridge, ipcRenderer, resetFakeElectron } from '../fakes/electron';
import type { ReportDeskBridge } from '../../preload/contract/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL, OPERATION_NAMES } from '../../preload/contract/names';

describe('the preload bridge', () => {
  let bridge: ReportDeskBridge;

  beforeAll(async () => {
    resetFakeElectron();
    await import('../../preload/index');
    bridge = contextBridge.exposed.get('reportdesk') as ReportDeskBridge;
  });

  it('exposes exactly one named function per operation, grouped by domain, and `on`', () => {
    const exposed = Object.entries(bridge).flatMap(([domain, value]) =>
      typeof value === 'function' ? [domain] : Object.keys(value as object).map((verb) => `${domain}/${verb}`),
    );
    expect(exposed.sort()).toEqual([...OPERATION_NAMES, 'on'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('never exposes ipcRenderer or a way to choose a channel', () => {
    const text = JSON.stringify(Object.keys(bridge));
    expect(text).not.toMatch(/invoke|send|ipc/i);
    expect(contextBridge.exposed.size).toBe(1);
  });

  it('forwards a call as one invoke on the gatekeeper channel', async () => {
    ipcRenderer.invokeResult = { ok: true, value: { version: '1' } };
    expect(await bridge.app.info()).toEqual({ ok: true, value: { version: '1' } });
    expect(ipcRenderer.invocations.at(-1)).toEqual({ channel: INVOKE_CHANNEL, args: ['app/info', undefined] });
  });

  it('delivers only the subscribed event, without the IPC event object, until unsubscribed', () => {
    const seen: unknown[] = [];
    const off = bridge.on('settings/changed', (payload) => seen.push(payload));
    ipcRenderer.emit(EVENT_CHANNEL, { sender: 'ipc-event' }, 'run/progress', { runId: 'x' });
    ipcRenderer.emit(EVENT_CHANNEL, { sender: 'ipc-event' }, 'settings/changed', { durationFormat: 'hms' });
    off();
    ipcRenderer.emit(EVENT_CHANNEL, { sender: 'ipc-event' }, 'settings/changed', { durationFormat: 'seconds' });
    expect(seen).toEqual([{ durationFormat: 'hms' }]);
  });

  it('refuses to subscribe to an event that does not exist', () => {
    expect(() => bridge.on('app/everything' as 'run/progress', () => undefined)).toThrow(/no event called/);
  });
});
