import { extname, join } from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { ExportFormat } from '../export';

const FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  csv: { name: 'CSV (opens in any spreadsheet)', extensions: ['csv'] },
};

export interface ExportDialogRequest {
  /** e.g. from `defaultExportFileName`: "Queue performance 2026-03-01 to 2026-03-07 (Europe London).xlsx". */
  defaultName: string;
  format: ExportFormat;
  /** Folder the dialog opens in; the user's Documents folder when absent. */
  folder?: string;
}

/**
 * Asks where to save an export, with the chosen format's filter first. Returns the path, or null when the user
 * cancels. A name typed without an extension (Linux dialogs do not add one) gets the format's extension.
 */
export async function chooseExportFile(
  window: BrowserWindow | null,
  request: ExportDialogRequest,
): Promise<string | null> {
  const other: ExportFormat = request.format === 'xlsx' ? 'csv' : 'xlsx';
  const options: SaveDialogOptions = {
    title: 'Export report',
    buttonLabel: 'Export',
    defaultPath: join(request.folder ?? app.getPath('documents'), request.defaultName),
    filters: [FILTERS[request.format], FILTERS[other]],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const answer = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (answer.canceled || !answer.filePath) return null;
  const extension = extname(answer.filePath).toLowerCase();
  return extension === '.csv' || extension === '.xlsx' ? answer.filePath : `${answer.filePath}.${request.format}`;
}
