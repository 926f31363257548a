/**
 * The reliability figures: one JSON file per run kind and profile in docs/reliability/, each written whole
 * (temporary file + rename, Prettier-formatted so `npm run lint` accepts it), after which docs/reliability.md is
 * regenerated from all of them. Every writer regenerates the doc, so whichever finishes last leaves a doc that
 * reflects every file.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { writeReliabilityDoc } from '../../scripts/reliability-doc';
import type { SoakFigures } from './soak-figures';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const FIGURES_DIR = join(REPO_ROOT, 'docs', 'reliability');

export interface SyncCrashPoint {
  n: number;
  /** When the SIGKILL was sent: this many ms after the process started, or after it reported its first commit. */
  killAtMs: number;
  from: 'start' | 'first commit';
  /** Where it landed: before anything was committed, between commits, or after the run had finished. */
  phase: 'starting' | 'mid-run' | 'finished';
  /** Rows the process had reported committed when it was killed. */
  rowsAtKill: number;
  /** How the run was continued: the engine's resumeAll then the report again, or only the report again. */
  restart: 'resume' | 'run again';
  /** The file was taken for damaged and set aside (must never happen after a kill). */
  setAside: boolean;
  integrity: string;
  /** Every conversation, bucket and reference item equals the uninterrupted run's. */
  equal: boolean;
  passed: boolean;
}

export interface SyncCrashFigures {
  kind: 'sync-crash';
  profile: 'short' | 'long';
  date: string;
  machine: string;
  seed: string;
  seconds: number;
  setup: { conversations: number; aggregateBuckets: number; referenceItems: number; pages: number; runMs: number };
  points: SyncCrashPoint[];
  tested: number;
  passed: number;
}

export interface ExportCrashPoint {
  n: number;
  format: 'csv' | 'xlsx';
  /** ms after the exporter started writing. */
  killAtMs: number;
  /** An earlier export of the same name was there before. */
  replacing: boolean;
  /** What the file name held afterwards: nothing, the earlier file untouched, the complete new file — or a partial one. */
  finalFile: 'absent' | 'previous' | 'complete' | 'partial';
  /** `.reportdesk-export-*.tmp` files the killed process left in the folder. */
  tempFilesLeft: number;
  passed: boolean;
}

export interface ExportCrashFigures {
  kind: 'export-crash';
  profile: 'short' | 'long';
  date: string;
  machine: string;
  seed: string;
  seconds: number;
  setup: { csvRows: number; xlsxRows: number; csvMs: number; xlsxMs: number };
  points: ExportCrashPoint[];
  /**
   * A new export to the same names afterwards, with the killed exports' temporary files still in the folder and all
   * but the newest made an hour old: it must complete, read back whole, and remove exactly the old ones.
   */
  afterwards: { complete: boolean; tempFilesBefore: number; madeOld: number; removed: number };
  tested: number;
  passed: number;
}

export interface CorruptionCase {
  name: string;
  how: string;
  outcome: string;
  movedAsideAs: string | null;
  notice: string | null;
  otherFilesKept: number;
  passed: boolean;
}

export interface CorruptionFigures {
  kind: 'cache-corruption';
  date: string;
  cases: CorruptionCase[];
  tested: number;
  passed: number;
}

export type Figures = SoakFigures | SyncCrashFigures | ExportCrashFigures | CorruptionFigures;

/** Writes docs/reliability/<name>.json and regenerates docs/reliability.md; returns the JSON file's path. */
export async function writeFigures(name: string, figures: Figures): Promise<string> {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const file = join(FIGURES_DIR, `${name}.json`);
  const text = await format(JSON.stringify(figures), { ...(await resolveConfig(file)), filepath: file });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
  await writeReliabilityDoc(REPO_ROOT);
  return file;
}
