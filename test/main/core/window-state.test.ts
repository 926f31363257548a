import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWindowState, saveWindowState } from '../../../main/core/window-state';
import { makeTempDir } from '../../support/temp-dir';

const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }];
const withMonitor = [...laptop, { x: 1440, y: 0, width: 2560, height: 1440 }];

describe('window state', () => {
  let data: ReturnType<typeof makeTempDir>;
  beforeEach(() => (data = makeTempDir('window-state')));
  afterEach(() => data.remove());

  it('starts with no saved position', () => {
    expect(loadWindowState(data.path, laptop)).toEqual({ bounds: null, maximized: false });
  });

  it('restores a position on a connected monitor', () => {
    saveWindowState(data.path, { bounds: { x: 1600, y: 100, width: 1600, height: 1000 }, maximized: false });
    expect(loadWindowState(data.path, withMonitor).bounds).toEqual({ x: 1600, y: 100, width: 1600, height: 1000 });
  });

  it('forgets the position (but keeps maximised) when that monitor is unplugged', () => {
    saveWindowState(data.path, { bounds: { x: 1600, y: 100, width: 1600, height: 1000 }, maximized: true });
    expect(loadWindowState(data.path, laptop)).toEqual({ bounds: null, maximized: true });
  });

  it('never restores a window smaller than the minimum', () => {
    saveWindowState(data.path, { bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false });
    expect(loadWindowState(data.path, laptop).bounds).toMatchObject({ width: 960, height: 600 });
  });

  it('ignores a damaged file', () => {
    writeFileSync(join(data.path, 'window-state.json'), '{"bounds": "left"}');
    expect(loadWindowState(data.path, laptop)).toEqual({ bounds: null, maximized: false });
  });
});
