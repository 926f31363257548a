import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect | null;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 };
export const MIN_SIZE = { width: 960, height: 600 };

const stored = z.object({
  bounds: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable(),
  maximized: z.boolean(),
});

const fileName = 'window-state.json';

/**
 * The saved window position, or null bounds when it would open off-screen
 * (a monitor was unplugged since): the window then opens centred at its
 * default size rather than somewhere the user cannot reach it.
 */
export function loadWindowState(dataDir: string, workAreas: Rect[]): WindowState {
  const parsed = stored.safeParse(readJsonFile(join(dataDir, fileName)));
  if (!parsed.success) return { bounds: null, maximized: false };
  const { bounds, maximized } = parsed.data;
  if (!bounds || !isReachable(bounds, workAreas)) return { bounds: null, maximized };
  return {
    bounds: {
      ...bounds,
      width: Math.max(bounds.width, MIN_SIZE.width),
      height: Math.max(bounds.height, MIN_SIZE.height),
    },
    maximized,
  };
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  writeJsonFile(join(dataDir, fileName), state);
}

/** Reachable when enough of the title bar lies on some display to grab it. */
function isReachable(bounds: Rect, workAreas: Rect[]): boolean {
  const grab = { x: bounds.x, y: bounds.y, width: bounds.width, height: 40 };
  return workAreas.some((area) => overlap(grab, area) >= 100 * 20);
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
