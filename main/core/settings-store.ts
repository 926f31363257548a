import { join } from 'node:path';
import { z } from 'zod';
import { isKnownTimeZone } from '../../preload/contract/operations';
import type { Settings } from '../../preload/contract/types';
import { readJsonFile, writeJsonFile } from './json-file';

/** A decimal comma in the user's locale means Excel expects ';' between CSV fields. */
const localeUsesDecimalComma = (): boolean => new Intl.NumberFormat().format(1.5).includes(',');

const DEFAULTS: Settings = {
  timeZone: null,
  durationFormat: 'hms',
  csvDelimiter: localeUsesDecimalComma() ? ';' : ',',
  connectionId: 'demo',
};

/** Lenient on read: each bad field falls back to its default instead of losing the rest. */
const stored = z.object({
  timeZone: z.string().refine(isKnownTimeZone).nullable().catch(DEFAULTS.timeZone),
  durationFormat: z.enum(['hms', 'seconds']).catch(DEFAULTS.durationFormat),
  csvDelimiter: z.enum([',', ';']).catch(DEFAULTS.csvDelimiter),
  connectionId: z.string().min(1).max(128).catch(DEFAULTS.connectionId),
});

export class SettingsStore {
  private readonly path: string;
  private current: Settings;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'settings.json');
    const parsed = stored.safeParse(readJsonFile(this.path));
    this.current = parsed.success ? parsed.data : { ...DEFAULTS };
  }

  get(): Settings {
    return { ...this.current };
  }

  update(change: Partial<Settings>): Settings {
    const next: Settings = { ...this.current };
    if (change.timeZone !== undefined) next.timeZone = change.timeZone;
    if (change.durationFormat !== undefined) next.durationFormat = change.durationFormat;
    if (change.csvDelimiter !== undefined) next.csvDelimiter = change.csvDelimiter;
    if (change.connectionId !== undefined) next.connectionId = change.connectionId;
    writeJsonFile(this.path, next);
    this.current = next;
    return this.get();
  }
}
