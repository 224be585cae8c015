/**
 * The main window's size and place, remembered in <data>/window.json and clamped on the way back: a screen
 * unplugged or a resolution lowered since must not leave the window off-screen or larger than the screen.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds?: Rect;
  maximized?: boolean;
  /** Chromium zoom level (0 = 100 %, each step ×1.2). */
  zoomLevel?: number;
}

/** Fits a 1366×768 screen at 125 %: about 1093×576 logical pixels once the taskbar is taken off. */
export const MIN_SIZE = { width: 900, height: 540 } as const;
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;

const STATE_FILE = 'window.json';

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Bounds that lie on one of the work areas: the saved ones moved and shrunk into the work area they overlap
 * most (the primary, the first given, when none), or the default size centred there when nothing was saved.
 */
export function clampBounds(saved: Rect | undefined, workAreas: readonly Rect[]): Rect {
  const primary = workAreas[0];
  const area = saved ? workAreas.reduce((best, a) => (overlap(saved, a) > overlap(saved, best) ? a : best), primary) : primary;
  const wanted = saved ?? { ...DEFAULT_SIZE, x: 0, y: 0 };
  const width = Math.max(Math.min(wanted.width, area.width), Math.min(MIN_SIZE.width, area.width));
  const height = Math.max(Math.min(wanted.height, area.height), Math.min(MIN_SIZE.height, area.height));
  if (!saved) return { width, height, x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2) };
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

function isRect(v: unknown): v is Rect {
  const r = v as Rect;
  return !!r && [r.x, r.y, r.width, r.height].every((n) => Number.isFinite(n)) && r.width > 0 && r.height > 0;
}

/** The saved state; anything unreadable or malformed counts as nothing saved. */
export function loadWindowState(dataDir: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(join(dataDir, STATE_FILE), 'utf8')) as Record<string, unknown>;
    return {
      bounds: isRect(raw.bounds) ? raw.bounds : undefined,
      maximized: raw.maximized === true,
      zoomLevel: typeof raw.zoomLevel === 'number' && Number.isFinite(raw.zoomLevel) ? raw.zoomLevel : undefined,
    };
  } catch {
    return {};
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  try {
    writeFileSync(join(dataDir, STATE_FILE), JSON.stringify(state));
  } catch {
    // Losing the window's place is not worth an error.
  }
}
