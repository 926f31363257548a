import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, app, dialog, resetFakeElectron } from '../fakes/electron';
import { chooseExportFile } from '../../main/glue/export-dialog';
import { defaultExportFileName } from '../../main/export';

const NAME = defaultExportFileName({
  reportName: 'Queue performance',
  from: '2026-03-01',
  to: '2026-03-07',
  timeZone: 'Europe/London',
  format: 'xlsx',
});

describe('the export save dialog', () => {
  beforeEach(() => resetFakeElectron());

  it('opens on the window, in Documents, with the default name and the chosen format first', async () => {
    const window = new BrowserWindow({ width: 800, height: 600 });
    dialog.saveAnswer = { canceled: false, filePath: '/home/sam/Reports/week 10.xlsx' };
    const chosen = await chooseExportFile(window as never, { defaultName: NAME, format: 'xlsx' });
    expect(chosen).toBe('/home/sam/Reports/week 10.xlsx');
    expect(dialog.saveCalls).toHaveLength(1);
    const { window: parent, options } = dialog.saveCalls[0]!;
    expect(parent).toBe(window);
    expect(options['defaultPath']).toBe(join(app.documents, NAME));
    expect(options['filters']).toEqual([
      { name: 'Excel workbook', extensions: ['xlsx'] },
      { name: 'CSV (opens in any spreadsheet)', extensions: ['csv'] },
    ]);
    expect(options['properties']).toEqual(expect.arrayContaining(['showOverwriteConfirmation', 'createDirectory']));
  });

  it('returns null when the user cancels', async () => {
    dialog.saveAnswer = { canceled: true, filePath: '' };
    expect(await chooseExportFile(null, { defaultName: 'x.csv', format: 'csv' })).toBeNull();
    expect(dialog.saveCalls[0]!.window).toBeUndefined();
  });

  it('adds the extension to a name typed without one, and keeps one typed in any case', async () => {
    dialog.saveAnswer = { canceled: false, filePath: '/tmp/monday' };
    expect(await chooseExportFile(null, { defaultName: 'x.csv', format: 'csv', folder: '/tmp' })).toBe(
      '/tmp/monday.csv',
    );
    expect(dialog.saveCalls[0]!.options['defaultPath']).toBe(join('/tmp', 'x.csv'));
    expect((dialog.saveCalls[0]!.options['filters'] as { extensions: string[] }[])[0]!.extensions).toEqual(['csv']);
    dialog.saveAnswer = { canceled: false, filePath: '/tmp/Monday.XLSX' };
    expect(await chooseExportFile(null, { defaultName: 'x.csv', format: 'csv' })).toBe('/tmp/Monday.XLSX');
  });
});
