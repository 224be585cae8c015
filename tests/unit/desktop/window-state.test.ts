import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, clampBounds, loadWindowState, saveWindowState } from '../../../src/main/window-state';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
/** 1366×768 at 125 %: 1093×614 logical, less a 38-pixel taskbar. */
const laptop125 = { x: 0, y: 0, width: 1093, height: 576 };
const rightMonitor = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('window bounds', () => {
  it('the minimum size fits a 1366×768 screen at 125 %', () => {
    expect(MIN_SIZE.width).toBeLessThanOrEqual(laptop125.width);
    expect(MIN_SIZE.height).toBeLessThanOrEqual(laptop125.height);
  });

  it('centres the default size on the primary screen, shrunk to fit', () => {
    expect(clampBounds(undefined, [rightMonitor])).toEqual({ ...DEFAULT_SIZE, x: 1366 + (1920 - 1280) / 2, y: (1040 - 820) / 2 });
    expect(clampBounds(undefined, [laptop125])).toEqual({ x: 0, y: 0, width: 1093, height: 576 });
  });

  it('keeps saved bounds that lie on a screen, on the screen they overlap most', () => {
    const saved = { x: 1500, y: 100, width: 1200, height: 800 };
    expect(clampBounds(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('brings back a window left on a monitor that is gone, and shrinks it to the screen', () => {
    const saved = { x: 1500, y: 100, width: 1800, height: 1000 };
    expect(clampBounds(saved, [laptop])).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
    expect(clampBounds({ x: -3000, y: 5000, width: 1000, height: 600 }, [laptop])).toEqual({ x: 0, y: 128, width: 1000, height: 600 });
  });

  it('never makes the window smaller than the minimum where the screen has room', () => {
    expect(clampBounds({ x: 10, y: 10, width: 200, height: 100 }, [laptop])).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });
});

describe('window state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-win-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips bounds, maximized and zoom', () => {
    saveWindowState(dir, { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true, zoomLevel: 1.5 });
    expect(loadWindowState(dir)).toEqual({ bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true, zoomLevel: 1.5 });
  });

  it('treats a damaged or odd file as nothing saved', () => {
    writeFileSync(join(dir, 'window.json'), '{"bounds":');
    expect(loadWindowState(dir)).toEqual({});
    writeFileSync(join(dir, 'window.json'), JSON.stringify({ bounds: { x: 'a', y: 0, width: -5, height: 9 }, maximized: 'yes', zoomLevel: 'big' }));
    expect(loadWindowState(dir)).toEqual({ bounds: undefined, maximized: false, zoomLevel: undefined });
    expect(loadWindowState(join(dir, 'none'))).toEqual({});
  });
});
